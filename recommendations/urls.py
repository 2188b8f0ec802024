from django.urls import path

from . import views
from .views import loading

app_name = "recommendations"

urlpatterns = [
    path("reports/", views.report_list, name="report_list"),
    path("reports/<int:pk>/", views.report_detail, name="report_detail"),
    path("items/", views.item_list, name="item_list"),
    path("items/export.<str:extension>", views.item_export, name="item_export"),
    path("items/<int:pk>/", views.item_detail, name="item_detail"),
    path("items/<int:pk>/edit/", views.item_edit, name="item_edit"),
    path("items/<int:pk>/progress/", views.item_progress, name="item_progress"),
    path("evidence/<int:pk>/", views.evidence_download, name="evidence_download"),
    path("loading/", loading.start, name="loading_start"),
    path("loading/upload/", loading.upload, name="loading_upload"),
    path("loading/paste/", loading.paste, name="loading_paste"),
    path("loading/preview/", loading.preview, name="loading_preview"),
    path(
        "loading/preview/rows/<int:row_id>/", loading.edit_row, name="loading_edit_row"
    ),
    path("loading/preview/rows/add/", loading.add_row, name="loading_add_row"),
    path(
        "loading/preview/rows/<int:row_id>/split/",
        loading.split_row,
        name="loading_split_row",
    ),
    path(
        "loading/preview/rows/<int:row_id>/merge/",
        loading.merge_row,
        name="loading_merge_row",
    ),
    path(
        "loading/preview/rows/<int:row_id>/delete/",
        loading.delete_row,
        name="loading_delete_row",
    ),
    path("loading/confirm/", loading.confirm, name="loading_confirm"),
    path("loading/cancel/", loading.cancel, name="loading_cancel"),
    path("loading/template.<str:extension>", loading.template, name="loading_template"),
]
