from django.urls import path

from . import views

app_name = "recommendations"

urlpatterns = [
    path("reports/", views.report_list, name="report_list"),
    path("reports/<int:pk>/", views.report_detail, name="report_detail"),
    path("items/", views.item_list, name="item_list"),
    path("items/<int:pk>/", views.item_detail, name="item_detail"),
    path("items/<int:pk>/edit/", views.item_edit, name="item_edit"),
    path("items/<int:pk>/progress/", views.item_progress, name="item_progress"),
    path("evidence/<int:pk>/", views.evidence_download, name="evidence_download"),
]
