"""Report PDFs built for the tests with reportlab, with real page furniture.

Each page has a running header (the report's title), a footer with the page number
and "© HMICFRS 2022", and footnotes in smaller type at its foot; the body has
headings in larger bold type, paragraphs wrapped (and hyphenated) by the layout,
bullets, superscript footnote markers and, with the DejaVu font, ligature glyphs.
"""

import io
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    ListFlowable,
    ListItem,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
)

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")


def _fonts() -> tuple[str, str]:
    regular, bold = FONT_DIR / "DejaVuSans.ttf", FONT_DIR / "DejaVuSans-Bold.ttf"
    if regular.exists() and bold.exists():
        if "DejaVu" not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont("DejaVu", str(regular)))
            pdfmetrics.registerFont(TTFont("DejaVu-Bold", str(bold)))
        return "DejaVu", "DejaVu-Bold"
    return "Helvetica", "Helvetica-Bold"


def build_pdf(
    content: list[tuple[str, str]],
    *,
    title: str = "An inspection of vetting, misconduct, and misogyny",
    footnotes: dict[int, list[str]] | None = None,
    encrypt: str = "",
) -> bytes:
    """A PDF of `content`: ("h1"|"h2"|"p"|"bullets"|"numbers", text) pairs, where a
    list's text holds one item per line; `footnotes` maps a page to its notes."""
    regular, bold = _fonts()
    styles = {
        "h1": ParagraphStyle(
            "h1", fontName=bold, fontSize=18, leading=22, spaceAfter=10
        ),
        "h2": ParagraphStyle(
            "h2", fontName=bold, fontSize=14, leading=18, spaceAfter=8
        ),
        "h3": ParagraphStyle(
            "h3", fontName=bold, fontSize=11, leading=14, spaceAfter=4
        ),
        "p": ParagraphStyle(
            "p", fontName=regular, fontSize=11, leading=14, spaceAfter=8
        ),
    }
    notes = footnotes or {}

    def furniture(canvas, doc):
        canvas.saveState()
        canvas.setFont(regular, 9)
        canvas.drawString(56, A4[1] - 36, title)
        canvas.drawRightString(A4[0] - 56, 30, str(doc.page))
        canvas.drawString(56, 30, "\u00a9 HMICFRS 2022")
        canvas.setFont(regular, 8)
        y = 60
        for note in reversed(notes.get(doc.page, [])):
            canvas.drawString(56, y, note)
            y += 11
        canvas.restoreState()

    story = []
    for kind, text in content:
        if kind in {"bullets", "numbers"}:
            items = [
                ListItem(Paragraph(line, styles["p"]))
                for line in text.strip().splitlines()
            ]
            story.append(
                ListFlowable(
                    items,
                    bulletType="bullet" if kind == "bullets" else "1",
                    start="\u2022" if kind == "bullets" else None,
                    bulletFontName=regular,
                    leftIndent=18,
                )
            )
        elif kind == "break":
            from reportlab.platypus import PageBreak

            story.append(PageBreak())
        else:
            story.append(Paragraph(text, styles[kind]))
    story.append(Spacer(1, 1))
    buffer = io.BytesIO()
    kwargs = {}
    if encrypt:
        from reportlab.lib import pdfencrypt

        kwargs["encrypt"] = pdfencrypt.StandardEncryption(encrypt, canPrint=1)
    doc = SimpleDocTemplate(
        buffer, pagesize=A4, topMargin=60, bottomMargin=90, title=title, **kwargs
    )
    doc.build(story, onFirstPage=furniture, onLaterPages=furniture)
    return buffer.getvalue()


def image_only_pdf() -> bytes:
    """A PDF with no text layer: a page of shapes, like a scan."""
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    for row in range(40):
        page.rect(56, 800 - row * 18, 400, 8, fill=1)
    page.showPage()
    page.save()
    return buffer.getvalue()
