"""The corpus: one module per case."""

from . import vetting_thematic_pdf

CASES = [
    vetting_thematic_pdf.CASE,
]
