"""Sign-in records: failed attempts and their locks (for throttling), and single
sign-on identities."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from recommendations.history import RecordedModel, tracked


class SignInFailure(models.Model):
    """A failed sign-in, counted to throttle guessing (per account and per address)."""

    username = models.CharField(max_length=150, db_index=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True, db_index=True)
    at = models.DateTimeField(db_index=True)
    # Throttle state, not the record (each failure is also in the security log):
    # `prunesigninfailures` deletes what the throttle no longer counts, so the
    # application's database role may delete these rows (recommendations.dbroles).

    class Meta:
        # The table keeps the name it had in the recommendations app (migration
        # accounts 0001 moved the model without copying its rows).
        db_table = "recommendations_signinfailure"
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"{self.username} from {self.ip_address} at {self.at:%Y-%m-%d %H:%M}"


class SignInLock(models.Model):
    """One row per account name and per network address tried lately, locked while
    an attempt at it is counted and recorded (accounts.throttle.begin_attempt).

    Attempts made at the same moment are counted one after another, each seeing
    those before it, instead of all against the same count. Rows untouched for the
    throttle window are pruned with the failures.
    """

    key = models.CharField(max_length=200, unique=True)  # "account:NAME", "address:IP"
    touched_at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return self.key


class ExternalIdentity(RecordedModel):
    """Links a user to their account at the force's identity provider (OIDC).

    Matched on the provider's stable subject identifier, never on email, which can
    change hands.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="identities"
    )
    issuer = models.CharField(_("issuer"), max_length=300)
    subject = models.CharField(_("subject identifier"), max_length=255)
    history = tracked(table_name="recommendations_historicalexternalidentity")

    class Meta:
        db_table = "recommendations_externalidentity"
        constraints = [
            models.UniqueConstraint(
                fields=["issuer", "subject"], name="identity_unique_issuer_subject"
            )
        ]
        verbose_name_plural = "external identities"

    def __str__(self) -> str:
        return f"{self.subject} at {self.issuer}"
