# ruff: noqa: E501, RUF001
"""Pasted text from the same national thematic's later chapter: the PDF's hard line
breaks, running headers and page numbers in the middle, footnote lines between items,
superscript markers glued to words, no blank lines between paragraphs."""

import datetime as dt

from ..model import Case, Heading, Para, afi, rec

PUBLISHED = dt.date(2022, 11, 2)
CC, PCC, APCC, COP, HO, NPCC, IOPC, HMI = (
    "chief_constable", "pcc", "apcc", "college_of_policing", "home_office", "npcc", "iopc", "hmicfrs",
)  # fmt: skip

R = {
    17: rec("17", CC, date="2023-03-31"),
    18: rec("18", CC, date="2023-06-30"),
    19: rec("19", COP, date="2023-04-30"),
    20: rec("20", HO, date="2023-09-30"),
    21: rec("21", CC, PCC, date="2023-10-31"),
    22: rec("22", APCC, date="2023-03-31"),
    23: rec("23", IOPC, date="2023-06-30"),
    24: rec("24", CC, date="2023-03-31"),
    25: rec("25", NPCC, COP, date="2023-12-31"),
    26: rec("26", CC),
    27: rec("27", HO, date="2024-03-31"),
    28: rec("28", CC, date="2023-10-31"),
    29: rec("29", HMI),
    30: rec("30", CC, date="2023-04-30"),
}
A = {4: afi("AFI 4", CC), 5: afi("AFI 5", CC)}


def _rec(n: int, text: str) -> list:
    return [Heading(3, f"Recommendation {n}", in_contents=False), Para(text, R[n])]


CASE = Case(
    slug="vetting-misconduct-misogyny-2022-pasted",
    title="An inspection of vetting, misconduct, and misogyny in the police service",
    kind="national_thematic",
    published_on=PUBLISHED,
    source="constructed",
    provenance=(
        "The same report as vetting-misconduct-misogyny-2022-pdf (title, date and themes "
        "real; see that case). The wording of recommendations 17–30 and areas for "
        "improvement 4–5 is constructed in the report's style. The text is what a PDF "
        "viewer's copy gives: generated from the corpus's own PDF layout, with the "
        "running header, page numbers and footnotes where the page breaks fall."
    ),
    layouts=[
        "pasted text",
        "hard line breaks",
        "running headers in the middle",
        "page numbers in the middle",
        "footnotes in the middle",
        "footnote markers glued to words",
        "no blank lines",
        "numbered headings",
        "apcc owner",
        "pcc owner",
        "HMICFRS will",
        "owner mentioned after should",
        "explicit dates",
        "by the end of month",
        "ligatures",
        "line-end hyphenation",
        "real hyphens",
    ],
    form="txt",
    running_header="An inspection of vetting, misconduct, and misogyny in the police service",
    footer="© HMICFRS 2022",
    ligature_words=(
        "officer",
        "find",
        "identif",
        "signific",
        "confiden",
        "specific",
        "first",
    ),
    options={"blank_lines": False},
    footnotes={
        7: "Home Office, Police officer misconduct, unsatisfactory performance and attendance management procedures: statutory guidance, 2020.",
        8: "The Police Barred List and Police Advisory List, maintained by the College of Policing.",
        9: "Under section 83 of the Police Reform Act 2002 and Schedule 3 to that Act.",
    },
    blocks=[
        Heading(1, "5. Misconduct and misogyny"),
        Heading(2, "Our recommendations on misconduct"),
        Para(
            "We found that forces did not always assess allegations of sexual misconduct correctly. Some allegations that should have been assessed as gross misconduct were assessed as misconduct, or were not treated as misconduct at all."
        ),
        *_rec(
            17,
            "By 31 March 2023, chief constables should make sure that their professional standards departments assess every allegation of sexual misconduct in line with the Home Office statutory guidance^7 and record the reasons for each assessment.",
        ),
        *_rec(
            18,
            "By 30 June 2023, chief constables should make sure that all investigations into allegations of sexual misconduct are carried out by investigators who have been trained to investigate sexual offences.",
        ),
        *_rec(
            19,
            "By 30 April 2023, the College of Policing should make sure that everyone dismissed from the police service, or who would have been dismissed had they not resigned or retired, is added to the barred list^8 promptly.",
        ),
        *_rec(
            20,
            "The Home Office should, by 30 September 2023, work with the Independent Office for Police Conduct and the College of Policing to make sure that the misconduct regulations allow proceedings against former officers whatever the length of time since they left the service.",
        ),
        *_rec(
            21,
            "By 31 October 2023, chief constables and police and crime commissioners should make sure that complainants are kept informed about the progress of their complaint and its outcome, including when the subject is a senior officer.",
        ),
        *_rec(
            22,
            "By the end of March 2023, the Association of Police and Crime Commissioners should issue guidance to its members on how to scrutinise their force’s handling of complaints and misconduct allegations involving misogynistic behaviour.",
        ),
        *_rec(
            23,
            "By 30 June 2023, the Independent Office for Police Conduct should review its guidance on the referral of conduct matters^9 so that forces refer all allegations of abuse of position for a sexual purpose to it.",
        ),
        Heading(2, "Our recommendations on misogyny and workplace culture"),
        Para(
            "More than one in three of the women who answered our survey told us that they had experienced sexist or misogynistic behaviour from colleagues. Many said they had not reported it because they did not believe it would be dealt with."
        ),
        *_rec(
            24,
            "By 31 March 2023, chief constables should make sure that officers and staff who report sexist or misogynistic behaviour by colleagues are told what action has been taken.",
        ),
        *_rec(
            25,
            "By the end of 2023, the National Police Chiefs’ Council and the College of Policing should produce a national plan for improving the culture of the police service, including both short- and long-term measures of progress.",
        ),
        *_rec(
            26,
            "Chief constables should make sure that their forces’ self-assessments of workplace culture include the views of women officers and staff, gathered in a way that protects their anonymity.",
        ),
        *_rec(
            27,
            "Before the end of the 2023/24 financial year, the Home Office should consider whether the law on misconduct in public office adequately covers abuse of position for a sexual purpose.",
        ),
        *_rec(
            28,
            "By 31 October 2023, chief constables should make sure that all supervisors are trained to recognise and challenge misogynistic and predatory behaviour, and that their performance reviews take account of how they do so.",
        ),
        *_rec(
            29,
            "HMICFRS will carry out a further inspection of vetting, misconduct and misogyny, and will report its findings on each force.",
        ),
        *_rec(
            30,
            "By April 2023, chief constables should make sure that their forces have enough counter-corruption staff to assess intelligence about abuse of position for a sexual purpose within 48 hours of receiving it.",
        ),
        Heading(2, "Areas for improvement"),
        Heading(3, "Area for improvement 4", in_contents=False),
        Para(
            "Forces should make sure that their professional standards departments have enough investigators to complete misconduct investigations without delay.",
            A[4],
        ),
        Heading(3, "Area for improvement 5", in_contents=False),
        Para(
            "Forces should improve the quality of the data they hold on complaints and misconduct allegations involving misogynistic behaviour, so that they can identify trends and repeat subjects.",
            A[5],
        ),
        Heading(1, "6. Conclusion"),
        Para(
            "The public are entitled to expect the highest standards of behaviour from those who police them. Our recommendations, if implemented in full, will help the police service to meet those standards."
        ),
    ],
)
