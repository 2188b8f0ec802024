"""Word documents an officer drops into committee papers or sends to the PCC."""

import datetime as dt
import io
from typing import Any

from django.utils import timezone
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt, RGBColor

from recommendations.text import xml_safe

from .selectors import S55LetterState, ScrutinyPaper


def _new_document(title: str) -> Any:
    title = xml_safe(title)
    document = Document()
    style = document.styles["Normal"]
    style.font.name = "Arial"
    style.font.size = Pt(11)
    document.core_properties.title = title
    document.add_heading(title, level=1)
    return document


def _bytes(document: Any) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _missing(document: Any, text: str) -> None:
    """A placeholder in a draft, bracketed, bold and red, naming what is missing."""
    run = document.add_paragraph().add_run(f"[{text}]")
    run.bold = True
    run.font.color.rgb = RGBColor(0xD4, 0x35, 0x1C)


def _text(document: Any, text: str) -> None:
    for paragraph in xml_safe(text).split("\n\n"):
        document.add_paragraph(paragraph)


def s55_response(*, state: S55LetterState, final: bool, organisation: str) -> bytes:
    """The PCC's s.55 response: comments, the chief's comments, every recommendation.

    A draft names every missing part in its place; the final letter is built only
    from a complete, approved text (`state.can_be_final`), and holds no placeholder.
    """
    if final and not state.can_be_final:
        raise ValueError(
            "The final letter needs every part and an approval: "
            + "; ".join(state.final_refusals)
        )
    report = state.report
    title = f"Response to HMICFRS: {report.title}"
    document = _new_document(title)
    if not final:
        marker = document.add_paragraph()
        run = marker.add_run("DRAFT: not for publication. ")
        run.bold = True
        run.font.color.rgb = RGBColor(0xD4, 0x35, 0x1C)
        if state.final_refusals:
            marker.add_run(
                xml_safe(
                    "Still needed before the final letter: "
                    + "; ".join(state.final_refusals)
                    + "."
                )
            )
        else:
            marker.add_run(
                xml_safe(
                    f"The text was approved by {state.approval_label}: download "
                    "the final letter to publish it."
                )
            )
    facts = document.add_paragraph()
    facts.add_run(f"{xml_safe(organisation)}\n").bold = True
    facts.add_run(f"Report published: {report.published_on:%-d %B %Y}\n")
    if report.s55_deadline:
        facts.add_run(
            f"Response to be published by: {report.s55_deadline:%-d %B %Y} "
            "(section 55 Police Act 1996)\n"
        )
    if report.chief_comments_received_on:
        facts.add_run(
            "Chief Constable's comments received: "
            f"{report.chief_comments_received_on:%-d %B %Y}\n"
        )
    document.add_heading("Police and Crime Commissioner's comments", level=2)
    if state.pcc_comments:
        _text(document, state.pcc_comments)
    else:
        _missing(document, "MISSING: the Commissioner's comments are not yet written")
    document.add_heading("Chief Constable's comments", level=2)
    if state.chief_comments:
        _text(document, state.chief_comments)
    else:
        _missing(
            document, "MISSING: the Chief Constable's comments are not yet written"
        )
    # Section 55(5)(c) asks for "any response" to the chief's comments: optional.
    if state.pcc_reply or not final:
        document.add_heading(
            "The Commissioner's response to the Chief Constable", level=2
        )
    if state.pcc_reply:
        _text(document, state.pcc_reply)
    elif not final:
        _missing(
            document,
            "No response to the Chief Constable's comments is written. It is "
            "optional: if none is written, the final letter leaves this section out",
        )
    document.add_heading("Response to each recommendation", level=2)
    if not state.recommendations:
        document.add_paragraph(
            "The report makes no recommendations."
            if final
            else "No recommendations have been loaded for this report."
        )
    for item in state.recommendations:
        document.add_heading(f"Recommendation {xml_safe(item.reference)}", level=3)
        wording = document.add_paragraph()
        wording.add_run(xml_safe(item.text)).italic = True
        if item.text_is_summary:
            wording.add_run(" (summary, not the report's exact wording)")
        answer = document.add_paragraph()
        answer.add_run("Response: ").bold = True
        if item.s55_response.strip():
            answer.add_run(xml_safe(item.s55_response))
        else:
            missing = answer.add_run(
                xml_safe(
                    f"[MISSING: no response is recorded for recommendation "
                    f"{item.reference}]"
                )
            )
            missing.bold = True
            missing.font.color.rgb = RGBColor(0xD4, 0x35, 0x1C)
    closing = document.add_paragraph(
        "A copy of this response is sent to HM Inspectorate of Constabulary and Fire "
        "& Rescue Services and to the Home Secretary."
    )
    closing.alignment = WD_ALIGN_PARAGRAPH.LEFT
    return _bytes(document)


def table(document: Any, header: list[str], rows: list[list[str]]) -> None:
    grid = document.add_table(rows=1, cols=len(header))
    grid.style = "Table Grid"
    for cell, text in zip(grid.rows[0].cells, header, strict=True):
        cell.text = xml_safe(text)
        for paragraph in cell.paragraphs:
            for run in paragraph.runs:
                run.bold = True
    for row in rows:
        cells = grid.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = xml_safe(text)


def _shown(document: Any, shown: int, total: int, which: str) -> None:
    """Says how many a bounded list of the paper holds, when it holds fewer."""
    if total > shown:
        document.add_paragraph(
            f"{total:,} in all; {which.format(n=shown)} are listed. The tracker's "
            "item list holds every one."
        )


def scrutiny_paper(paper: ScrutinyPaper, organisation: str) -> bytes:
    """The Joint Audit and Scrutiny Panel paper (see selectors.scrutiny_paper)."""
    meeting: dt.date = paper.meeting
    previous: dt.date = paper.previous
    document = _new_document(
        f"HMICFRS recommendations: progress report, {meeting:%-d %B %Y}"
    )
    document.add_paragraph(
        f"{xml_safe(organisation)}. Joint Audit and Scrutiny Panel. Position at "
        f"{meeting:%-d %B %Y}, compared with the previous meeting on "
        f"{previous:%-d %B %Y}."
    )
    document.add_heading("Items by status", level=2)
    table(
        document,
        ["Status", f"{previous:%-d %b %Y}", f"{meeting:%-d %b %Y}"],
        [[label, str(before), str(now)] for label, before, now in paper.by_status],
    )
    document.add_heading("Open items by RAG rating", level=2)
    table(
        document,
        ["RAG", f"{previous:%-d %b %Y}", f"{meeting:%-d %b %Y}"],
        [[label, str(before), str(now)] for label, before, now in paper.by_rag],
    )
    document.add_heading(f"Closed since {previous:%-d %B %Y}", level=2)
    _shown(document, len(paper.closed), paper.closed_total, "the first {n}")
    if paper.closed:
        table(
            document,
            ["Report", "Item", "Closed"],
            [[row.report, row.label, f"{row.when:%-d %b %Y}"] for row in paper.closed],
        )
    else:
        document.add_paragraph("None.")
    document.add_heading("Overdue items", level=2)
    _shown(document, len(paper.overdue), paper.overdue_total, "the {n} most overdue")
    if paper.overdue:
        table(
            document,
            ["Report", "Item", "Lead", "Days overdue", "Latest update"],
            [
                [
                    row.report,
                    row.label,
                    row.lead,
                    str(row.days_overdue),
                    (
                        f"{timezone.localtime(row.latest_at):%-d %b %Y}: "
                        f"{row.latest_text}"
                    )
                    if row.latest_at
                    else "",
                ]
                for row in paper.overdue
            ],
        )
    else:
        document.add_paragraph("None.")
    document.add_heading(f"Target dates changed since {previous:%-d %B %Y}", level=2)
    _shown(document, len(paper.date_changes), paper.date_changes_total, "the first {n}")
    if paper.date_changes:
        table(
            document,
            ["Item", "From", "To", "Reason", "Approved by"],
            [
                [
                    row.label,
                    f"{row.from_date:%-d %b %Y}" if row.from_date else "",
                    f"{row.to_date:%-d %b %Y}",
                    row.reason,
                    row.approver,
                ]
                for row in paper.date_changes
            ],
        )
    else:
        document.add_paragraph("None.")
    document.add_heading(f"Reports loaded since {previous:%-d %B %Y}", level=2)
    _shown(document, len(paper.reports), paper.reports_total, "the first {n}")
    if paper.reports:
        table(
            document,
            ["Report", "Published", "Items"],
            [
                [row.title, f"{row.published:%-d %b %Y}", str(row.items)]
                for row in paper.reports
            ],
        )
    else:
        document.add_paragraph("None.")
    return _bytes(document)
