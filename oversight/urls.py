from django.urls import path

from . import views

app_name = "oversight"

urlpatterns = [
    path("review/", views.review, name="review"),
    path("items/<int:pk>/decide/", views.closure_decide, name="closure_decide"),
    path("items/<int:pk>/hmicfrs/", views.hmicfrs_outcome, name="hmicfrs_outcome"),
    path("items/<int:pk>/target-date/", views.date_request, name="date_request"),
    path("target-dates/<int:pk>/decide/", views.date_decide, name="date_decide"),
]
