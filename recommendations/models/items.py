"""Items (recommendations, areas for improvement, causes of concern), their
queries and their RAG rating, in Python and in SQL."""

import datetime as dt
from typing import cast

from django.conf import settings
from django.db import models
from django.db.models import Case, F, Q, Value, When
from django.utils.translation import gettext_lazy as _

from .. import choicesets
from ..history import RecordedModel, TrackedQuerySet, tracked
from .reports import Owner, Report


def owned_by_q(*codes: str) -> Q:
    """Rows owned by any of the bodies `codes`."""
    condition = Q()
    for code in codes:
        condition |= Q(owners__contains=choicesets.contains(code))
    return condition


def open_q() -> Q:
    return Q(status__in=Item.Status.open_values())


def overdue_q(today: dt.date) -> Q:
    return open_q() & Q(target_date__lt=today)


def annotate_rag(queryset: models.QuerySet, today: dt.date) -> models.QuerySet:
    """Annotate `rag_value`: the RAG rating as the database computes it.

    Works on items and on their history rows alike (the as-at views), and agrees
    with Item.rag() (a test holds them together).
    """
    due_soon = today + dt.timedelta(days=settings.DUE_SOON_DAYS)
    return queryset.annotate(
        rag_value=Case(
            When(~open_q(), then=Value("")),
            When(target_date__lt=today, then=Value(Item.Rag.RED)),
            When(target_date__isnull=True, then=Value(Item.Rag.AMBER)),
            When(target_date__lte=due_soon, then=Value(Item.Rag.AMBER)),
            When(
                original_target_date__isnull=False,
                target_date__gt=F("original_target_date"),
                then=Value(Item.Rag.AMBER),
            ),
            When(
                original_target_date__isnull=False,
                target_date__lt=F("original_target_date"),
                then=Value(Item.Rag.AMBER),
            ),
            default=Value(Item.Rag.GREEN),
            output_field=models.CharField(),
        )
    )


class ItemQuerySet(TrackedQuerySet):
    def open(self) -> "ItemQuerySet":
        return self.filter(open_q())

    def overdue(self, today: dt.date) -> "ItemQuerySet":
        return self.filter(overdue_q(today))

    def owned_by(self, *codes: str) -> "ItemQuerySet":
        return self.filter(owned_by_q(*codes))

    def with_rag(self, today: dt.date) -> "ItemQuerySet":
        # annotate() keeps the queryset's class; the stubs say only QuerySet.
        return cast("ItemQuerySet", annotate_rag(self, today))


class ItemDisplayMixin:
    """What an item shows about itself; shared with its history rows (as-at views)."""

    status: str
    owners: str
    other_owners: str
    target_date: dt.date | None
    original_target_date: dt.date | None

    @property
    def is_open(self) -> bool:
        return self.status in Item.Status.open_values()

    @property
    def owner_codes(self) -> list[str]:
        return choicesets.decode(self.owners)

    @property
    def owner_labels(self) -> list[str]:
        """The owners' names; "Other" as the other bodies' names when they are kept."""
        labels = choicesets.labels(self.owners, Owner)
        others = [name.strip() for name in self.other_owners.split(";") if name.strip()]
        if others and Owner.OTHER in self.owner_codes:
            other = str(Owner.OTHER.label)
            labels = [
                name
                for label in labels
                for name in (others if label == other else [label])
            ]
        return labels

    @property
    def target_date_revised(self) -> bool:
        return (
            self.original_target_date is not None
            and self.target_date is not None
            and self.target_date != self.original_target_date
        )

    def rag(self, today: dt.date) -> str:
        """Red, Amber, Green or "" for a closed item; see README "RAG ratings"."""
        if not self.is_open:
            return ""
        if self.target_date is None:
            return Item.Rag.AMBER
        if self.target_date < today:
            return Item.Rag.RED
        due_soon = today + dt.timedelta(days=settings.DUE_SOON_DAYS)
        if self.target_date <= due_soon or self.target_date_revised:
            return Item.Rag.AMBER
        return Item.Rag.GREEN

    def days_overdue(self, today: dt.date) -> int:
        if not self.is_open or self.target_date is None or self.target_date >= today:
            return 0
        return (today - self.target_date).days


class ItemKind(models.TextChoices):
    RECOMMENDATION = "recommendation", _("Recommendation")
    AREA_FOR_IMPROVEMENT = "area_for_improvement", _("Area for improvement")
    CAUSE_OF_CONCERN = "cause_of_concern", _("Cause of concern")


class ItemStatus(models.TextChoices):
    AWAITING_ALLOCATION = "awaiting_allocation", _("Awaiting allocation")
    IN_PROGRESS = "in_progress", _("In progress")
    PENDING_SIGN_OFF = "pending_sign_off", _("Pending sign-off")
    CLOSED = "closed", _("Closed")
    NO_FURTHER_ACTION = "no_further_action", _("No further action")

    @classmethod
    def open_values(cls) -> list[str]:
        return [cls.AWAITING_ALLOCATION, cls.IN_PROGRESS, cls.PENDING_SIGN_OFF]


class Item(ItemDisplayMixin, RecordedModel):
    Kind = ItemKind
    Status = ItemStatus

    class Rag(models.TextChoices):
        RED = "red", _("Red")
        AMBER = "amber", _("Amber")
        GREEN = "green", _("Green")

    report = models.ForeignKey(
        Report, on_delete=models.PROTECT, related_name="items", verbose_name=_("report")
    )
    reference = models.CharField(
        _("reference"),
        max_length=30,
        help_text=_("As numbered in the report, for example 1, AFI 3 or CoC 1."),
    )
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    text = models.TextField(_("text"))
    text_is_summary = models.BooleanField(
        _("text is a summary"),
        default=False,
        help_text=_("Ticked when the text summarises the item rather than quoting it."),
    )
    owners = models.CharField(
        _("owners"),
        max_length=200,
        help_text=_("The bodies the item is addressed to, stored as ,code,code,."),
    )
    other_owners = models.CharField(
        _("other owners"),
        max_length=300,
        blank=True,
        help_text=_(
            "Names of the bodies outside the owner list that the item is addressed "
            "to (owner Other), separated by semicolons: for example Ministry of "
            "Justice; NHS England."
        ),
    )
    cause_of_concern = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="recommendations",
        limit_choices_to={"kind": Kind.CAUSE_OF_CONCERN},
        verbose_name=_("cause of concern"),
        help_text=_("The cause of concern this recommendation answers, if any."),
    )
    hmicfrs_id = models.CharField(
        _("HMICFRS register ID"), max_length=30, blank=True, db_index=True
    )
    lead = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="led_items",
        verbose_name=_("lead"),
    )
    lead_team = models.CharField(_("lead team"), max_length=120, blank=True)
    status = models.CharField(
        _("status"),
        max_length=30,
        choices=Status.choices,
        default=Status.AWAITING_ALLOCATION,
    )
    status_reason = models.TextField(
        _("reason for status"),
        blank=True,
        help_text=_("Why no further action is needed, when that is the status."),
    )
    original_target_date = models.DateField(
        _("original target date"), null=True, blank=True
    )
    target_date = models.DateField(_("current target date"), null=True, blank=True)
    closed_on = models.DateField(
        _("signed off on"),
        null=True,
        blank=True,
        help_text=_("The date a reviewer signed the item off as closed."),
    )
    hmicfrs_verified_on = models.DateField(
        _("verified by HMICFRS on"),
        null=True,
        blank=True,
        help_text=_("The date HMICFRS accepted the closure, on its own evidence."),
    )
    s55_response = models.TextField(
        _("section 55 response"),
        blank=True,
        help_text=_(
            "What action has been or will be taken in response, or why none "
            "(s.55(5B) Police Act 1996)."
        ),
    )
    version = models.PositiveIntegerField(_("version"), default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    history = tracked(
        excluded_fields=["created_at", "updated_at"],
        bases=[ItemDisplayMixin, models.Model],
        # No indexes for history columns nothing looks up (each costs every write).
        # "id": the composite index of migration 0016 (id, history_date, history_id)
        # serves every lookup by item, and each item's latest row before a moment.
        no_db_index=["id", "hmicfrs_id", "cause_of_concern", "lead"],
    )

    # misc: the base's manager is a TrackedManager; Item's own queryset extends
    # TrackedQuerySet, so the guard holds, but the stubs see an override.
    objects = ItemQuerySet.as_manager()  # type: ignore[misc]

    class Meta:
        ordering = ["report", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["report", "reference"], name="item_unique_reference_per_report"
            ),
            models.CheckConstraint(
                condition=~Q(status="no_further_action") | ~Q(status_reason=""),
                name="item_no_further_action_needs_reason",
            ),
            models.CheckConstraint(condition=~Q(owners=""), name="item_has_an_owner"),
            choicesets.known("kind", ItemKind, name="item_kind_is_known"),
            choicesets.known("status", ItemStatus, name="item_status_is_known"),
        ]
        indexes = [
            models.Index(fields=["status", "target_date"], name="item_status_target"),
            # Open items by target date: the review page's most-overdue-first queue
            # and the dashboard's due-soon list read it in order and stop early.
            models.Index(
                fields=["target_date", "id"],
                condition=Q(
                    status__in=[
                        "awaiting_allocation",
                        "in_progress",
                        "pending_sign_off",
                    ]
                ),
                name="item_open_by_target",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.report.title}: {self.get_kind_display()} {self.reference}"
