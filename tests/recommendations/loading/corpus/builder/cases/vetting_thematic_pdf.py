# ruff: noqa: E501, RUF001
"""National thematic (2022): numbered recommendation headings under two-level
headings, after a cover, contents and foreword the loader must pass over."""

import datetime as dt

from ..model import Case, Contents, Cover, Heading, PageBreak, Para, afi, rec

PUBLISHED = dt.date(2022, 11, 2)
CC, COP, HO, NPCC, IOPC, HMI, OTHER = (
    "chief_constable", "college_of_policing", "home_office", "npcc", "iopc", "hmicfrs", "other",
)  # fmt: skip

R = {
    1: rec("1", COP, date="2023-04-30"),
    2: rec("2", CC, date="2023-03-31"),
    3: rec("3", CC, date="2023-10-31"),
    4: rec("4", HO, date="2023-03-31"),
    5: rec("5", CC, date="2023-04-30"),
    6: rec("6", NPCC, date="2023-03-31"),
    7: rec("7", CC, date="2023-06-30"),
    8: rec("8", CC, date="2023-10-31"),
    9: rec("9", IOPC, date="2023-03-31"),
    10: rec("10", HO, OTHER, date="2024-03-31", other=["Ministry of Justice"]),
    11: rec("11", CC, date="2023-03-31"),
    12: rec("12", COP, date="2023-04-30"),
    13: rec("13", NPCC, date="2023-12-31"),
    14: rec("14", HMI),
    15: rec("15", CC, date="2023-10-31"),
    16: rec("16", CC, date="2023-03-31"),
}
A = {1: afi("AFI 1", CC), 2: afi("AFI 2", CC), 3: afi("AFI 3", CC)}


def _rec(n: int, text: str) -> list:
    return [Heading(3, f"Recommendation {n}", in_contents=False), Para(text, R[n])]


def _afi(n: int, text: str) -> list:
    return [
        Heading(3, f"Area for improvement {n}", in_contents=False),
        Para(text, A[n]),
    ]


CASE = Case(
    slug="vetting-misconduct-misogyny-2022-pdf",
    title="An inspection of vetting, misconduct, and misogyny in the police service",
    kind="national_thematic",
    published_on=PUBLISHED,
    source="constructed",
    provenance=(
        "Title, publication date, the commission after Sarah Everard's murder, the "
        "counts (725 vetting files, 131 questionable decisions, 264 complaint "
        "investigations, over 11,000 survey responses, 43 recommendations and 5 AFIs "
        "with a range of deadlines) and the themes of the recommendations are real "
        "(HMICFRS press release 4 Nov 2022 via wired-gov; JURIST 3 Nov 2022; HMI's "
        "letter of 11 May 2023). The wording of every recommendation and AFI is "
        "constructed in the report's style: the published text could not be retrieved "
        "here. Numbering, owners and deadlines are constructed to cover the owner and "
        "deadline forms HMICFRS uses. Cover, contents, foreword, running header, "
        "footer and footnotes are constructed."
    ),
    layouts=[
        "numbered headings",
        "two-level headings",
        "cover and contents before the section",
        "table of contents with dotted leaders",
        "running header and footer",
        "footnotes",
        "ligatures",
        "line-end hyphenation",
        "real hyphens",
        "curly apostrophes",
        "items across page breaks",
        "owner mentioned after should",
        "owner in a working-with clause",
        "other owner",
        "HMICFRS will",
        "explicit dates",
        "by month",
    ],
    form="pdf",
    running_header="An inspection of vetting, misconduct, and misogyny in the police service",
    footer="© HMICFRS 2022",
    ligature_words=(
        "officer",
        "find",
        "identif",
        "significant",
        "confiden",
        "specific",
        "profile",
        "flexib",
        "conflict",
        "first",
        "fitness",
        "benefit",
    ),
    footnotes={
        1: "Police Act 1996, section 54(2B). The Home Secretary commissioned this inspection on 1 October 2021.",
        2: "College of Policing, Vetting Code of Practice, 2017; and Vetting authorised professional practice, 2021.",
        3: "We use ‘force vetting unit’ to mean the team that carries out vetting for a force, whatever its local name.",
        4: "In a self-assessment, a force reviews its own progress against a recommendation and grades it.",
        5: "The Police (Conduct) Regulations 2020 and the Police (Complaints and Misconduct) Regulations 2020.",
        6: "Abuse of position for a sexual purpose is the most serious form of police corruption: see our 2019 PEEL spotlight report, Shining a light on betrayal.",
    },
    blocks=[
        Cover(
            [
                (
                    "An inspection of vetting, misconduct, and misogyny in the police service",
                    24,
                ),
                ("November 2022", 14),
                ("© HMICFRS 2022", 10),
            ]
        ),
        PageBreak(),
        Contents(),
        PageBreak(),
        Heading(1, "Foreword"),
        Para(
            "Following the abduction, rape and murder of Sarah Everard by a serving police officer, the then Home Secretary commissioned us^1 to inspect the effectiveness of vetting and counter-corruption arrangements in policing, and forces’ ability to detect and deal with misogynistic and predatory behaviour."
        ),
        Para(
            "We found that the majority of police officers and staff meet – and often exceed – the standards of behaviour the public expect. But it is too easy for the wrong people to both join and stay in the police. We reviewed 725 vetting files and found that 131 decisions were questionable at best. We also examined 264 complaint and misconduct investigations and surveyed more than 11,000 officers and staff."
        ),
        Para(
            "By the end of 2021, most forces had increased the number of officers they recruited each year, and some vetting units had not grown to match. In 2019 we warned that forces needed to improve how they identify officers who abuse their position for a sexual purpose; not enough has changed since."
        ),
        Para("Matt Parr", style="grade"),
        Para("HM Inspector of Constabulary", style="small"),
        Heading(1, "Summary"),
        Para(
            "We have made 43 recommendations and identified five areas for improvement. We set a range of deadlines for our recommendations to be addressed. This chapter sets out the 16 recommendations and three areas for improvement that concern vetting and counter-corruption; the others follow our findings on misconduct and misogyny."
        ),
        Para(
            "Most of our recommendations are for chief constables. Others are for the College of Policing, the Home Office, the National Police Chiefs’ Council (NPCC) and the Independent Office for Police Conduct (IOPC)."
        ),
        PageBreak(),
        Heading(1, "Recommendations"),
        Para(
            "Each recommendation says who should act and by when. Where we have set a date, we will ask for evidence of progress by that date."
        ),
        Para(
            "We have grouped the recommendations under the chapters of this report that explain the findings behind them. Recommendations 17 to 43, on misconduct, misogyny and workplace culture, follow chapter 5."
        ),
        Heading(2, "Vetting"),
        *_rec(
            1,
            "By 30 April 2023, the College of Policing should amend its vetting code of practice and authorised professional practice^2 to set minimum standards for pre-employment checks, including checks of an applicant’s previous employment, social media use and financial circumstances.",
        ),
        *_rec(
            2,
            "By 31 March 2023, chief constables should make sure that their force vetting units^3 record a full rationale for every decision to grant clearance where adverse information has been found, so that the decision-making can be reviewed and, where necessary, challenged by the force’s professional standards department.",
        ),
        *_rec(
            3,
            "By 31 October 2023, chief constables should introduce a self-assessment^4 or peer review of a sample of vetting decisions each year, so that decisions are consistent with the vetting authorised professional practice and with each other.",
        ),
        *_rec(
            4,
            "The Home Office should, by 31 March 2023, work with the National Police Chiefs’ Council and the College of Policing to amend the regulations^5 so that vetting clearance can be withdrawn from officers who no longer meet the vetting standard.",
        ),
        *_rec(
            5,
            "By April 2023, chief constables should make sure that their vetting units have enough trained staff to meet both short- and long-term demand, including the additional demand created by the recruitment of new officers.",
        ),
        *_rec(
            6,
            "By 31 March 2023, the National Police Chiefs’ Council should establish a national process for sharing information about officers and staff who transfer between forces, including intelligence, complaints and misconduct allegations that did not lead to proceedings.",
        ),
        Heading(2, "Counter-corruption"),
        *_rec(
            7,
            "By 30 June 2023, chief constables should make sure that their counter-corruption units have the capacity and capability to assess and develop all corruption-related intelligence, including intelligence about officers and staff who abuse their position for a sexual purpose.^6",
        ),
        *_rec(
            8,
            "By 31 October 2023, chief constables should make sure that their forces can monitor the use of all force IT systems, including mobile devices, so that officers and staff who may be abusing their position are identified quickly.",
        ),
        *_rec(
            9,
            "The Independent Office for Police Conduct should, by 31 March 2023, publish guidance on how forces should assess and record complaints and conduct matters that involve misogynistic or predatory behaviour.",
        ),
        *_rec(
            10,
            "By 31 March 2024, the Home Office and the Ministry of Justice should consider extending the scope of the law on police complaint and misconduct procedures to cover the behaviour of former officers and staff that came to light after they left the service.",
        ),
        *_rec(
            11,
            "By 31 March 2023, chief constables should make sure that every allegation of sexual misconduct is assessed by their professional standards department against the definition of gross misconduct, and that the reason for each assessment is recorded.",
        ),
        *_rec(
            12,
            "By 30 April 2023, the College of Policing should produce guidance for forces on relationships and behaviours in the workplace, including how officers and staff can report inappropriate behaviour by colleagues with confidence.",
        ),
        *_rec(
            13,
            "By the end of 2023, the National Police Chiefs’ Council, working with the College of Policing, should define what constitutes misogynistic and predatory behaviour, so that forces can identify, record and respond to it consistently.",
        ),
        *_rec(
            14,
            "HMICFRS will inspect how well forces have responded to these recommendations as part of its PEEL inspection programme, and will publish its findings on each force.",
        ),
        *_rec(
            15,
            "By 31 October 2023, chief constables should make sure that all officers and staff understand how to report concerns about a colleague’s behaviour, and that those who report concerns are supported and protected.",
        ),
        *_rec(
            16,
            "By 31 March 2023, chief constables should make sure that a named chief officer is responsible for vetting, counter-corruption and professional standards, and that this officer reports regularly to the chief officer team on the force’s fitness to prevent misconduct.",
        ),
        Heading(2, "Areas for improvement"),
        *_afi(
            1,
            "Forces should make sure that their vetting units tell their professional standards department when they find adverse information about a serving officer or member of staff.",
        ),
        *_afi(
            2,
            "Forces should improve how they use the Police National Database when they carry out vetting checks, and should record the results of every check in the vetting file.",
        ),
        *_afi(
            3,
            "Forces should make sure that their counter-corruption strategic threat assessments reflect the threat from officers and staff who abuse their position for a sexual purpose.",
        ),
        PageBreak(),
        Heading(1, "1. Introduction"),
        Heading(2, "About this inspection"),
        Para(
            "We carried out fieldwork in eight forces between November 2021 and May 2022. We reviewed vetting files, complaint and misconduct files, and intelligence records, and we interviewed officers and staff at all levels."
        ),
        Para(
            "We found that some forces granted clearance to applicants with criminal records or with family members linked to organised crime, without recording why the risk was acceptable. We also found officers who had moved between forces despite a history of concerning intelligence, complaints or misconduct allegations."
        ),
    ],
)
