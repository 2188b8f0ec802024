"""The records of oversight: closure decisions, target-date changes, reminders sent,
the section 55 letter."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from recommendations import choicesets
from recommendations.history import RecordedModel, tracked
from recommendations.models import Item, ProgressUpdate, Report
from recommendations.people import display_name


class DecisionKind(models.TextChoices):
    SIGNED_OFF = "signed_off", _("Signed off")
    RETURNED = "returned", _("Returned")
    HMICFRS_VERIFIED = "hmicfrs_verified", _("Verified by HMICFRS")
    HMICFRS_NOT_ACCEPTED = "hmicfrs_not_accepted", _("Not accepted by HMICFRS")
    REOPENED = "reopened", _("Reopened by a reviewer")


class ClosureDecision(RecordedModel):
    """One decision on an item's closure: sign-off, return, or HMICFRS's outcome.

    The proposal it answers is the progress update that moved the item to pending
    sign-off; `evidence` keeps the evidence as it was when the decision was made.
    """

    Kind = DecisionKind

    item = models.ForeignKey(
        Item, on_delete=models.PROTECT, related_name="closure_decisions"
    )
    kind = models.CharField(_("decision"), max_length=30, choices=Kind.choices)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="closure_decisions",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("recorded at"))
    effective_on = models.DateField(
        _("date"), help_text=_("Sign-off date, or the date HMICFRS gave its outcome.")
    )
    note = models.TextField(_("note or reason"), blank=True)
    proposal = models.ForeignKey(
        ProgressUpdate,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("proposal decided"),
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("proposed by"),
    )
    evidence = models.TextField(
        _("evidence at the time"),
        blank=True,
        help_text=_("The proposal's evidence files and links, as they were."),
    )
    timeline_entry = models.OneToOneField(
        ProgressUpdate, on_delete=models.PROTECT, related_name="closure_decision"
    )
    history = tracked()

    class Meta:
        ordering = ["-decided_at", "-id"]
        constraints = [
            choicesets.known("kind", DecisionKind, name="decision_kind_is_known")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: item {self.item_id}"


class DateChangeStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting decision")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    WITHDRAWN = "withdrawn", _("Withdrawn by the requester")
    # Closed (signed off, or no further action) before a reviewer decided.
    LAPSED = "lapsed", _("Lapsed: the item closed first")


class TargetDateChange(RecordedModel):
    """A request to move an item's target date, and the reviewer's decision."""

    Status = DateChangeStatus

    item = models.ForeignKey(
        Item, on_delete=models.PROTECT, related_name="target_date_changes"
    )
    from_date = models.DateField(_("from"), null=True, blank=True)
    to_date = models.DateField(_("to"))
    reason = models.TextField(_("reason"))
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="target_date_requests",
        verbose_name=_("requested by"),
    )
    requested_at = models.DateTimeField(_("requested at"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="target_date_decisions",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decision_note = models.TextField(_("decision note"), blank=True)
    history = tracked()

    class Meta:
        ordering = ["-requested_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["item"],
                condition=Q(status="pending"),
                name="one_pending_date_request_per_item",
            ),
            choicesets.known(
                "status", DateChangeStatus, name="date_change_status_is_known"
            ),
        ]

    def __str__(self) -> str:
        return f"Target date {self.from_date} -> {self.to_date} (item {self.item_id})"

    @property
    def slip_days(self) -> int:
        if self.from_date is None:
            return 0
        return (self.to_date - self.from_date).days


class ReminderKind(models.TextChoices):
    LEAD_DIGEST = "lead_digest", _("Lead's digest")
    REVIEWER_DIGEST = "reviewer_digest", _("Reviewer's digest")


class ReminderStatus(models.TextChoices):
    # Claimed by a run before it sends: a second run finds the claim and skips.
    # Left "sending" only if the run stopped mid-send; never sent again on its own.
    SENDING = "sending", _("Sending (unfinished)")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")


class ReminderLog(RecordedModel):
    """One digest email to one person on one day: what makes reminders idempotent."""

    Kind = ReminderKind

    Status = ReminderStatus

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="reminders"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    sent_on = models.DateField(_("for the day"))
    created_at = models.DateTimeField(_("attempted at"))
    status = models.CharField(max_length=10, choices=Status.choices)
    item_count = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)
    history = tracked()

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "kind", "sent_on"],
                condition=Q(status__in=["sending", "sent"]),
                name="one_digest_per_person_kind_day",
            ),
            choicesets.known("kind", ReminderKind, name="reminder_kind_is_known"),
            choicesets.known("status", ReminderStatus, name="reminder_status_is_known"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} to {self.recipient_id} on {self.sent_on}"


class S55Letter(RecordedModel):
    """The PCC's section 55 response to one report: the comments it publishes, and
    who approved the text.

    Section 55(5) Police Act 1996: the PCC publishes its own comments, the chief
    constable's comments (invited under s.55(4)) and any response it has to them;
    each recommendation's response is on the item (s.55(5B)). An approval holds for
    the text approved: `approved_digest` fingerprints that text
    (oversight.selectors.S55LetterState.digest), services withdraw the approval when
    any part changes, and the final letter is refused while the text differs.
    """

    report = models.OneToOneField(
        Report, on_delete=models.PROTECT, related_name="s55_letter"
    )
    pcc_comments = models.TextField(_("the PCC's comments"), blank=True)
    chief_comments = models.TextField(
        _("the chief constable's comments"),
        blank=True,
        help_text=_("As the chief constable submitted them (s.55(4))."),
    )
    pcc_reply = models.TextField(
        _("the PCC's response to the chief constable's comments"),
        blank=True,
        help_text=_("Optional: s.55(5)(c) asks for any response the PCC has."),
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("text approved by"),
    )
    approved_at = models.DateTimeField(_("text approved at"), null=True, blank=True)
    approved_digest = models.CharField(
        _("fingerprint of the text approved"), max_length=64, blank=True
    )
    version = models.PositiveIntegerField(_("version"), default=1)
    history = tracked()

    class Meta:
        constraints = [
            # Approved (by someone, at a time, of a text) or not: never half.
            models.CheckConstraint(
                condition=Q(
                    approved_by__isnull=True,
                    approved_at__isnull=True,
                    approved_digest="",
                )
                | (
                    Q(approved_by__isnull=False, approved_at__isnull=False)
                    & ~Q(approved_digest="")
                ),
                name="s55_letter_approval_is_whole",
            ),
        ]

    def __str__(self) -> str:
        return f"Section 55 letter for report {self.report_id}"

    @property
    def approval_label(self) -> str:
        """Who approved the text and when ("Sam Okafor on 3 February 2022"), or ""."""
        if self.approved_at is None:
            return ""
        return gettext("%(who)s on %(when)s") % {
            "who": display_name(self.approved_by),
            "when": date_format(timezone.localtime(self.approved_at), "j F Y"),
        }
