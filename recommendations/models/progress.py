"""Progress updates on an item's timeline, and where their evidence files live."""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage, Storage
from django.db import models
from django.utils.translation import gettext_lazy as _

from .. import choicesets
from ..history import RecordedModel, tracked
from .items import Item


class EvidenceStorage(FileSystemStorage):
    """Files under settings.EVIDENCE_ROOT, outside every public path.

    The root is read when used, not when the model is defined, so that a changed
    setting (a test's temporary folder) takes effect.
    """

    def __init__(self) -> None:
        super().__init__(base_url=None)

    @property
    def base_location(self) -> str:
        return str(settings.EVIDENCE_ROOT)

    @property
    def location(self) -> str:
        return os.path.abspath(self.base_location)

    def url(self, name: str | None) -> str:
        raise ValueError("Evidence has no public URL; it is served by an access check.")


def evidence_storage() -> Storage:
    return EvidenceStorage()


class ProgressUpdate(RecordedModel):
    """A dated note against an item; append-only through the application."""

    item = models.ForeignKey(
        Item, on_delete=models.PROTECT, related_name="updates", verbose_name=_("item")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="progress_updates",
        verbose_name=_("author"),
    )
    created_at = models.DateTimeField(_("recorded at"), db_index=True)
    text = models.TextField(_("update"))
    status_from = models.CharField(
        _("status before"), max_length=30, choices=Item.Status.choices, blank=True
    )
    status_to = models.CharField(
        _("moved status to"), max_length=30, choices=Item.Status.choices, blank=True
    )
    evidence_file = models.FileField(
        _("evidence file"),
        upload_to="evidence/%Y/%m/",
        storage=evidence_storage,
        blank=True,
    )
    evidence_name = models.CharField(
        _("evidence file name"), max_length=255, blank=True
    )
    evidence_content_type = models.CharField(max_length=100, blank=True)
    evidence_size = models.PositiveIntegerField(null=True, blank=True)
    evidence_link = models.URLField(_("evidence link"), max_length=500, blank=True)

    history = tracked()

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["item", "-created_at"], name="update_item_created"),
        ]
        constraints = [
            choicesets.known(
                "status_from",
                Item.Status,
                blank=True,
                name="update_status_from_is_known",
            ),
            choicesets.known(
                "status_to", Item.Status, blank=True, name="update_status_to_is_known"
            ),
        ]

    def __str__(self) -> str:
        return f"Update on {self.item_id} at {self.created_at:%Y-%m-%d %H:%M}"

    @property
    def has_evidence(self) -> bool:
        return bool(self.evidence_file) or bool(self.evidence_link)
