"""The corpus: one module per case."""

from . import (
    activism_impartiality_html,
    contact_deadlines_txt,
    contents_only_txt,
    custody_inspection_pdf,
    encrypted_pdf,
    holdout_call_handling_summary_pdf,
    holdout_castlemoor_child_protection_pdf,
    holdout_digital_devices_table_html,
    holdout_eastbrook_peel_2021_pdf,
    holdout_fernshire_peel_2023_html,
    holdout_foreword_only_txt,
    holdout_joint_mental_health_pdf,
    holdout_missing_people_deadlines_txt,
    holdout_redvale_crime_data_html,
    holdout_stalking_super_complaint_govuk,
    holdout_sussex_stalking_txt,
    joint_rape_phase_one_pdf,
    joint_youth_violence_html,
    northshire_peel_2023_html,
    safe_to_share_html,
    scanned_pdf,
    southmoor_peel_2021_txt,
    vawg_interim_html,
    vetting_thematic_pdf,
    vetting_thematic_txt,
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
    vawg_interim_html.CASE,
    safe_to_share_html.CASE,
    northshire_peel_2023_html.CASE,
    activism_impartiality_html.CASE,
    joint_youth_violence_html.CASE,
    vetting_thematic_txt.CASE,
    southmoor_peel_2021_txt.CASE,
    contact_deadlines_txt.CASE,
    contents_only_txt.CASE,
]

# Held out: built blind, without reading the loader, to measure it on layouts and
# wording it was not tuned on (case.json "set": "holdout").
HOLDOUT = [
    holdout_eastbrook_peel_2021_pdf.CASE,
    holdout_castlemoor_child_protection_pdf.CASE,
    holdout_call_handling_summary_pdf.CASE,
    holdout_joint_mental_health_pdf.CASE,
    holdout_fernshire_peel_2023_html.CASE,
    holdout_digital_devices_table_html.CASE,
    holdout_stalking_super_complaint_govuk.CASE,
    holdout_redvale_crime_data_html.CASE,
    holdout_missing_people_deadlines_txt.CASE,
    holdout_sussex_stalking_txt.CASE,
    holdout_foreword_only_txt.CASE,
]
CASES += HOLDOUT
