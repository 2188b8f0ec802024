"""Draws laid-out pages into a PDF with a real text layer (or, for the refusal cases,
an encrypted one or one with no text layer at all)."""

import io
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from .layout import (
    FONT_DIR,
    HEADER_Y,
    LEFT,
    PAGE_H,
    PAGE_W,
    STYLES,
    TEXT_W,
    Line,
    Page,
    footnote_lines,
    width,
)
from .model import Case

HEADING_COLOUR = (0.13, 0.18, 0.42)
GREY = (0.35, 0.35, 0.35)
BOX_FILL = (0.9, 0.93, 0.97)


def _draw_line(c: canvas.Canvas, line: Line) -> None:
    if line.marker:
        first = line.runs[0]
        c.setFont(first.font, first.size)
        c.drawString(line.marker_x, line.y, line.marker)
    x = line.x
    for run in line.runs:
        c.setFont(run.font, run.size)
        c.drawString(x, line.y + run.rise, run.text)
        x += width(run.text, run.font, run.size)


def _colour(c: canvas.Canvas, line: Line) -> None:
    if line.kind.startswith("h") or line.kind in ("box_label", "cover"):
        c.setFillColorRGB(*HEADING_COLOUR)
    elif line.kind in ("header", "footer", "page_number"):
        c.setFillColorRGB(*GREY)
    else:
        c.setFillColorRGB(0, 0, 0)


def write_pdf(case: Case, pages: list[Page], path: Path) -> None:
    encrypt = None
    if case.options.get("user_password"):
        encrypt = StandardEncryption(
            case.options["user_password"],
            ownerPassword=case.options["user_password"] + "-owner",
            canPrint=1,
            canModify=0,
            canCopy=0,
            canAnnotate=0,
            strength=128,
        )
    c = canvas.Canvas(
        str(path), pagesize=(PAGE_W, PAGE_H), invariant=1, encrypt=encrypt
    )
    c.setTitle(case.title)
    c.setAuthor("HMICFRS")
    c.setSubject(case.running_header or case.title)
    for page in pages:
        if case.options.get("scanned"):
            _draw_scan(c, case, page)
        else:
            _draw_page(c, case, page)
        c.showPage()
    c.save()


def _draw_page(c: canvas.Canvas, case: Case, page: Page) -> None:
    c.setFillColorRGB(*BOX_FILL)
    for rect in page.rects:
        c.rect(rect.x, rect.y, rect.w, rect.h, stroke=0, fill=1)
    for line in page.lines:
        _colour(c, line)
        _draw_line(c, line)
    notes = footnote_lines(case, page)
    if notes:
        c.setStrokeColorRGB(0, 0, 0)
        c.setLineWidth(0.5)
        top = notes[0].y + STYLES["footnote"].leading + 2
        c.line(LEFT, top, LEFT + 120, top)
        c.setFillColorRGB(0, 0, 0)
        for line in notes:
            _draw_line(c, line)
    for line in page.furniture:
        _colour(c, line)
        _draw_line(c, line)
    if not page.cover and case.running_header:
        c.setStrokeColorRGB(*HEADING_COLOUR)
        c.setLineWidth(0.75)
        c.line(LEFT, HEADER_Y - 6, LEFT + TEXT_W, HEADER_Y - 6)


def _draw_scan(c: canvas.Canvas, case: Case, page: Page) -> None:
    """A photographed page: the text is pixels in an image, with no text layer."""
    scale = 1.4  # pixels per point: about 100 dpi
    img = Image.new("L", (int(PAGE_W * scale), int(PAGE_H * scale)), 246)
    draw = ImageDraw.Draw(img)
    fonts: dict[tuple[str, float], ImageFont.FreeTypeFont] = {}

    def font(name: str, size: float) -> ImageFont.FreeTypeFont:
        key = (name, size)
        if key not in fonts:
            fonts[key] = ImageFont.truetype(f"{FONT_DIR}/{name}.ttf", int(size * scale))
        return fonts[key]

    for line in [*page.lines, *footnote_lines(case, page), *page.furniture]:
        x = line.x
        top = (PAGE_H - line.y) * scale
        if line.marker:
            f = font(line.runs[0].font, line.runs[0].size)
            draw.text(
                (line.marker_x * scale, top), line.marker, fill=40, font=f, anchor="ls"
            )
        for run in line.runs:
            f = font(run.font, run.size)
            draw.text(
                (x * scale, top - run.rise * scale),
                run.text,
                fill=40,
                font=f,
                anchor="ls",
            )
            x += width(run.text, run.font, run.size)
    img = img.rotate(0.6, fillcolor=235, resample=Image.Resampling.BICUBIC)
    buffer = io.BytesIO()
    img.save(buffer, format="JPEG", quality=45)
    buffer.seek(0)
    c.drawImage(ImageReader(buffer), 0, 0, PAGE_W, PAGE_H)
