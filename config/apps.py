from django.contrib.admin.apps import AdminConfig


class TrackerAdminConfig(AdminConfig):
    """Django's admin, on the site that signs in through the tracker's page."""

    default_site = "accounts.admin_site.TrackerAdminSite"
