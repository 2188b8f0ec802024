"""What an administrator gets by selecting all and copying from a PDF viewer: the
PDF's lines as they break, with running headers, page numbers and footnotes among
them."""

from .layout import Page, footnote_lines
from .model import Case


def pasted_text(case: Case, pages: list[Page]) -> str:
    blank_lines = case.options.get("blank_lines", True)
    out: list[str] = []
    for page in pages:
        header = [line for line in page.furniture if line.kind == "header"]
        footer = [line for line in page.furniture if line.kind != "header"]
        out.extend(line.plain for line in header)
        for line in page.lines:
            out.append(line.plain)
            if blank_lines and line.block_end:
                out.append("")
        out.extend(line.plain for line in footnote_lines(case, page))
        out.extend(line.plain for line in footer)
    text = "\n".join(out)
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text.strip() + "\n"
