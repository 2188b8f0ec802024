"""The corpus: one module per case."""

from . import (
    custody_inspection_pdf,
    encrypted_pdf,
    joint_rape_phase_one_pdf,
    scanned_pdf,
    vetting_thematic_pdf,
    west_mercia_peel_2018_pdf,
    west_mercia_peel_2021_pdf,
    west_mercia_peel_2023_pdf,
)

CASES = [
    vetting_thematic_pdf.CASE,
    west_mercia_peel_2018_pdf.CASE,
    west_mercia_peel_2021_pdf.CASE,
    west_mercia_peel_2023_pdf.CASE,
    joint_rape_phase_one_pdf.CASE,
    custody_inspection_pdf.CASE,
    encrypted_pdf.CASE,
    scanned_pdf.CASE,
]
