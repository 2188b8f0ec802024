from django.urls import path

from . import views

app_name = "oversight"

urlpatterns = [
    path("review/", views.review, name="review"),
    path("items/<int:pk>/decide/", views.closure_decide, name="closure_decide"),
    path("items/<int:pk>/reopen/", views.closure_reopen, name="closure_reopen"),
    path("items/<int:pk>/hmicfrs/", views.hmicfrs_outcome, name="hmicfrs_outcome"),
    path("items/<int:pk>/target-date/", views.date_request, name="date_request"),
    path("target-dates/<int:pk>/decide/", views.date_decide, name="date_decide"),
    path("target-dates/<int:pk>/withdraw/", views.date_withdraw, name="date_withdraw"),
    path("s55/", views.s55_list, name="s55_list"),
    path("s55/<int:pk>/", views.s55_report, name="s55_report"),
    path("s55/<int:pk>/edit/", views.s55_edit, name="s55_edit"),
    path("s55/items/<int:pk>/", views.s55_response, name="s55_response"),
    path("s55/<int:pk>/letter/", views.s55_letter, name="s55_letter"),
    path("s55/<int:pk>/approve/", views.s55_approve, name="s55_approve"),
    path("s55/<int:pk>/response.docx", views.s55_document, name="s55_document"),
    path("scrutiny/", views.scrutiny, name="scrutiny"),
    path("scrutiny/paper.docx", views.scrutiny_document, name="scrutiny_document"),
    path("changes/", views.changes, name="changes"),
]
