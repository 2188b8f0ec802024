"""Reports, and the bodies that inspect and are addressed: choices shared by all."""

import datetime as dt

from django.db import models
from django.db.models import F
from django.utils.translation import gettext_lazy as _

from .. import choicesets
from ..history import RecordedModel, tracked


class Inspectorate(models.TextChoices):
    HMICFRS = "hmicfrs", _("HMICFRS")
    COLLEGE_OF_POLICING = "college_of_policing", _("College of Policing")
    IOPC = "iopc", _("IOPC")
    HMI_PROBATION = "hmi_probation", _("HM Inspectorate of Probation")
    HMI_PRISONS = "hmi_prisons", _("HM Inspectorate of Prisons")
    HMCPSI = "hmcpsi", _("HM Crown Prosecution Service Inspectorate")
    CQC = "cqc", _("Care Quality Commission")
    OFSTED = "ofsted", _("Ofsted")
    OTHER = "other", _("Other")


class Owner(models.TextChoices):
    CHIEF_CONSTABLE = "chief_constable", _("Chief Constable")
    PCC = "pcc", _("Police and Crime Commissioner")
    NPCC = "npcc", _("NPCC")
    APCC = "apcc", _("APCC")
    HOME_OFFICE = "home_office", _("Home Office")
    COLLEGE_OF_POLICING = "college_of_policing", _("College of Policing")
    IOPC = "iopc", _("IOPC")
    HMICFRS = "hmicfrs", _("HMICFRS")
    OTHER = "other", _("Other")


# Section 55(5A) Police Act 1996: "the period of 56 days beginning with the day on
# which the report is published".
S55_PERIOD_DAYS = 56


class ReportKind(models.TextChoices):
    PEEL = "peel", _("PEEL assessment")
    NATIONAL_THEMATIC = "national_thematic", _("National thematic inspection")
    JOINT = "joint", _("Joint inspection")
    FORCE = "force", _("Force inspection")
    POST_INSPECTION_REVIEW = "post_inspection_review", _("Post-inspection review")
    SUPER_COMPLAINT = "super_complaint", _("Super-complaint")
    PCC_COMMISSIONED = "pcc_commissioned", _("PCC-commissioned inspection")
    HOME_SECRETARY_COMMISSIONED = (
        "home_secretary_commissioned",
        _("Home Secretary-commissioned inspection"),
    )
    OTHER = "other", _("Other")


class ReportScope(models.TextChoices):
    THIS_FORCE = "this_force", _("This force")
    NATIONAL = "national", _("National")


class Report(RecordedModel):
    Kind = ReportKind
    Scope = ReportScope

    title = models.CharField(_("title"), max_length=300)
    kind = models.CharField(_("kind"), max_length=40, choices=Kind.choices)
    inspectorates = models.CharField(
        _("inspectorates"),
        max_length=200,
        default=choicesets.encode([Inspectorate.HMICFRS]),
        help_text=_("Stored as ,code,code, (see recommendations.choicesets)."),
    )
    published_on = models.DateField(_("publication date"))
    url = models.URLField(_("link to the published report"), max_length=500, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    scope = models.CharField(
        _("scope"), max_length=20, choices=Scope.choices, default=Scope.THIS_FORCE
    )
    hmicfrs_reference = models.CharField(
        _("HMICFRS reference"), max_length=100, blank=True
    )
    # Section 55 Police Act 1996: the PCC's published response.
    s55_required = models.BooleanField(
        _("needs a section 55 response"),
        default=True,
        help_text=_(
            "The PCC must publish a response within 56 days. Not for super-"
            "complaints, nor for a national report whose findings a force report "
            "already carries."
        ),
    )
    chief_comments_requested_by = models.DateField(
        _("chief constable's comments requested by"), null=True, blank=True
    )
    chief_comments_received_on = models.DateField(
        _("chief constable's comments received"), null=True, blank=True
    )
    response_published_on = models.DateField(
        _("response published"), null=True, blank=True
    )
    response_url = models.URLField(
        _("link to the published response"), max_length=500, blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = tracked(excluded_fields=["created_at", "updated_at"])

    class Meta:
        ordering = ["-published_on", "title"]
        indexes = [
            # The item list's default order (newest report first) walks this index
            # and stops after one page, instead of sorting every item: see
            # docs/performance.md.
            models.Index(F("published_on").desc(), "title", name="report_newest_first"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["title", "published_on"], name="report_unique_title_date"
            ),
            choicesets.known("kind", ReportKind, name="report_kind_is_known"),
            choicesets.known("scope", ReportScope, name="report_scope_is_known"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def inspectorate_labels(self) -> list[str]:
        return choicesets.labels(self.inspectorates, Inspectorate)

    @property
    def s55_deadline(self) -> dt.date | None:
        """The last day to publish the PCC's response: s.55(5A) Police Act 1996.

        The 56-day period begins with the day of publication, so its last day is
        publication + 55 days. Super-complaints carry no statutory deadline.
        """
        if not self.s55_required or self.kind == self.Kind.SUPER_COMPLAINT:
            return None
        return self.published_on + dt.timedelta(days=S55_PERIOD_DAYS - 1)
