"""A report's own document (its PDF or saved web page) as blocks, checked first.

The kind of file is told by its content, never its name: a PDF starts "%PDF-", a
web page is text with HTML markup. Anything else, or anything too large, is
refused with a message saying what to do instead.
"""

import re
from dataclasses import dataclass

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .. import uploads
from . import pdf, webpage
from .document import Block
from .files import FileRefused

PDF_MESSAGES = {
    pdf.ENCRYPTED: gettext_lazy(
        "The PDF is encrypted: it needs a password to open, so its text cannot be "
        "read. Save or download an unprotected copy, or copy the recommendations "
        "section and paste it below."
    ),
    pdf.NO_TEXT: gettext_lazy(
        "The PDF has no text layer: it is a scan or pictures of pages. Download "
        "the report's accessible PDF or web page from the inspectorate, or paste "
        "the recommendations section below."
    ),
    pdf.TOO_MANY_PAGES: gettext_lazy("The PDF has more than %(pages)d pages."),
    pdf.TOO_SLOW: gettext_lazy(
        "The PDF took too long to read, or needed too much memory. Paste the "
        "recommendations section below instead."
    ),
    pdf.UNREADABLE: gettext_lazy(
        "The PDF could not be read: it may be damaged. Download it again, or "
        "paste the recommendations section below."
    ),
}


@dataclass(frozen=True)
class Document:
    kind: str  # "pdf" or "html"
    blocks: list[Block]
    title: str


def read_document(name: str, data: bytes) -> Document:
    """The blocks of a report's PDF or saved web page; FileRefused if it is neither."""
    limit = settings.IMPORT_DOCUMENT_MAX_BYTES
    if len(data) > limit:
        raise FileRefused(
            _("The file must be smaller than %(limit)s.")
            % {"limit": filesizeformat(limit)}
        )
    if not data:
        raise FileRefused(_("The selected file is empty."))
    head = data[: uploads.HEAD_BYTES]
    # Readers accept "%PDF-" anywhere in the first 1,024 bytes (some tools write a
    # few bytes before it).
    if b"%PDF-" in head[:1024]:
        try:
            blocks = pdf.blocks_from_pdf(data)
        except pdf.PdfRefused as refused:
            message = str(
                PDF_MESSAGES.get(refused.reason, PDF_MESSAGES[pdf.UNREADABLE])
            )
            raise FileRefused(message % {"pages": pdf.MAX_PAGES}) from refused
        return Document(kind="pdf", blocks=blocks, title="")
    if uploads.is_text(head) and re.search(
        rb"<(?:!doctype\s+html|html|body|main|article|h[1-6]|p)\b", head, re.IGNORECASE
    ):
        blocks, title = webpage.read(data)
        return Document(kind="html", blocks=blocks, title=title)
    if uploads.sniff(head) or uploads.extension(name) in {"xlsx", "csv", "docx"}:
        raise FileRefused(
            _(
                "This is not a PDF or a web page. Load a spreadsheet with the "
                "spreadsheet upload above; for a Word document, save it as PDF."
            )
        )
    raise FileRefused(
        _(
            "The file must be the report's PDF or its web page saved from the "
            "browser (.html)."
        )
    )
