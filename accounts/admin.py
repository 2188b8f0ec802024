from django.contrib import admin

from recommendations.admin import ReasonForm, ReasonRequiredAdmin

from .models import ExternalIdentity


class ExternalIdentityForm(ReasonForm):
    class Meta:
        model = ExternalIdentity
        fields = ["user", "issuer", "subject"]


@admin.register(ExternalIdentity)
class ExternalIdentityAdmin(ReasonRequiredAdmin):
    """Who signs in as whom through the identity provider (matched on subject)."""

    form = ExternalIdentityForm
    list_display = ["user", "subject", "issuer"]
    search_fields = ["user__username", "subject"]
    raw_id_fields = ["user"]
