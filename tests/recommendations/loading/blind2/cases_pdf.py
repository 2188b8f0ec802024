"""The three PDF cases of the blind2 set."""

# Report wording keeps its curly quotes and en dashes, as the reports print them.
# ruff: noqa: RUF001

from kit import (
    Case,
    afi,
    build_pdf,
    build_pdf_tuned,
    coc,
    crosses_with_note,
    crossing_items,
    pdf_full_text,
    rec,
)


def p(text: str) -> tuple[str, str]:
    return ("p", text)


def padded(blocks):
    """`blocks` with the ("spacer", "PAD") placeholder set to a given height."""

    def make(pad):
        return [("spacer", pad) if b == ("spacer", "PAD") else b for b in blocks]

    return make


# ------------------------------------------------------------------ knife crime


def knife_crime() -> Case:
    published = "2025-02-27"
    r1 = rec(
        "1",
        """By the end of 2025, chief constables should make sure that intel~li~gence
        about knife possession received from schools, health services and community
        groups is recorded on force intelligence systems within 24 hours of receipt
        and is assessed by a trained re~searcher.""",
        ["chief_constable"],
        "2025-12-31",
    )
    r2 = rec(
        "2",
        """By April 2026, the National Police Chiefs’ Council should publish a
        national knife crime intelligence require~ment, setting out the minimum
        information forces should collect about the carrying, supply and use of
        knives.""",
        ["npcc"],
        "2026-04-30",
    )
    r3 = rec(
        "3",
        """Within 18 months of this report’s publication, the Home Office, working
        with the National Police Chiefs’ Council, should evaluate the effec~tive~ness
        of the serious violence duty^4 in improving the exchange of intel~li~gence
        between police forces, local authorities and health bodies, and should
        publish the findings of that evaluation together with any changes to the
        statutory guidance that the evaluation shows to be needed.""",
        ["home_office"],
        "2026-08-27",
    )
    r4 = rec(
        "4",
        """Police forces should use the College of Policing’s guidance on precision
        stop and search to make sure that intelligence-led searches for knives are
        based on up-to-date information, and should record the intel~li~gence on
        which each such search is based.""",
        ["chief_constable"],
    )
    a1 = afi(
        "AFI 1",
        """Forces should make sure that neighbourhood officers are briefed on knife
        crime intelligence about their areas at the start of every shift.""",
        ["chief_constable"],
    )
    r5 = rec(
        "5",
        """By the end of the 2025/26 financial year, the College of Policing should
        update its authorised professional practice on intelligence management to
        include specific guidance on knife crime, including the use of intelligence
        from young people themselves.""",
        ["college_of_policing"],
        "2026-03-31",
    )
    r6 = rec(
        "6",
        """By the end of 2025, the Department for Education and the Home Office
        should jointly issue guidance to schools on when and how to share
        information with the police about pupils who may be carrying knives.""",
        ["other", "home_office"],
        "2025-12-31",
        other=["Department for Education"],
    )
    a2 = afi(
        "AFI 2",
        """Police and crime commissioners should make sure that the violence
        reduction units they fund share their analysis of knife crime with the
        force’s intelligence function.""",
        ["pcc"],
    )
    r7 = rec(
        "7",
        """HMICFRS will inspect forces’ progress against these recommendations as
        part of its PEEL inspections from April 2026.""",
        ["hmicfrs"],
    )
    notes = {
        "1": "Home Office, Police recorded crime and outcomes open data tables; the "
        "figure for the year is rounded.",
        "2": "The problem profile is produced for the National Police Chiefs’ "
        "Council’s serious violence portfolio.",
        "3": "Interviews with intelligence managers in the eight forces we inspected.",
        "4": "The serious violence duty was introduced by the Police, Crime, "
        "Sentencing and Courts Act 2022.",
        "5": "College of Policing, Authorised Professional Practice: Stop and search.",
    }

    def table_text(item) -> str:
        return item.src.replace("^4", "")

    blocks = [
        ("spacer", 120),
        ("title", "Sharp focus"),
        (
            "subtitle",
            "An inspection of how well the police use intelligence to tackle knife "
            "crime",
        ),
        ("spacer", 40),
        p("February 2025"),
        ("spacer", 300),
        ("small", "© HMICFRS 2025"),
        ("small", "ISBN: 978-1-80000-000-0"),
        ("break", None),
        ("h1", "Contents"),
        p("Summary 3"),
        p("1. Gathering intelligence 3"),
        p("2. Analysing and sharing intelligence 3"),
        p("3. Acting on intelligence 5"),
        p("4. Working with partners 5"),
        p("Annex A: Summary of recommendations 7"),
        ("break", None),
        ("h1", "Summary"),
        p(
            """Knife crime causes lasting harm to victims, their families and
            communities. Police forces in England and Wales record tens of thousands
            of offences involving a knife or sharp instrument every year^1, and many
            of the victims and perpetrators are young people."""
        ),
        p(
            """We inspected eight forces between April and October 2024. We examined
            how they gather, assess and act on intelligence about the carrying and
            use of knives, and how well they work with partner organisations to
            prevent knife crime."""
        ),
        p(
            """We found that forces hold a great deal of useful intelligence but too
            often fail to act on it. In short, forces must make better use of the
            intelligence they already hold."""
        ),
        p(
            """We make seven recommendations and identify two areas for improvement.
            Each is set out at the end of the chapter to which it relates, and the
            recommendations are summarised in Annex A."""
        ),
        ("h1", "1. Gathering intelligence"),
        p(
            """Most forces receive a large volume of intelligence about knives. Much of
            it comes from the public, from officers on patrol and from partner
            organisations such as schools, youth services and hospital emergency
            depart~ments."""
        ),
        p(
            """In 2023, 12 forces had no dedicated knife crime analyst. By the end of
            2024, only 9 of the 43 forces had adopted the national problem profile
            for serious violence^2."""
        ),
        p(
            """In the forces we inspected, intelligence from partner organisations was
            often held in email inboxes rather than on the force’s intelligence
            system. In one force, we found more than 300 unprocessed submissions,
            some of them more than six weeks old. Intelligence that isn’t recorded
            can’t be searched, linked or acted on."""
        ),
        ("h3", "Recommendation 1"),
        p(r1.src),
        p(
            """Where intelligence was recorded promptly, researchers were able to link
            it to other information and identify people at risk of carrying knives.
            We saw some good examples of this, particularly in forces with a single
            point of contact for each secondary school."""
        ),
        ("h1", "2. Analysing and sharing intelligence"),
        p(
            """Analysis turns information into an understanding of where, when and by
            whom knives are carried. We found that the quality of analysis varied
            widely between forces. Some produced detailed monthly assessments; others
            relied on counts of recorded offences that told them little about
            emerging risks."""
        ),
        p(
            """There is no national standard for the intelligence forces should
            collect about knives. As a result, forces collect different information,
            in different ways, and can’t easily compare or combine what they hold.
            Intelligence managers told us that this made it harder to understand the
            movement of knives and of the people who carry them across force
            boundaries^3."""
        ),
        ("h3", "Recommendation 2"),
        p(r2.src),
        p(
            """Forces share intelligence with local authorities, health bodies and
            youth offending services through a range of partnership arrangements.
            We found that these arrangements worked best where there was a
            written information-sharing agreement, a named lead in each organi~sation
            and a regular meeting at which intelligence was discussed."""
        ),
        p(
            """In two of the forces we inspected, partners told us they didn’t know
            what happened to the information they gave to the police. Some had
            stopped sharing information altogether because they had never received
            any feedback. This is a missed opportunity: partners often hold
            information that the police don’t, particularly about children who are
            excluded from school or who are at risk of exploitation."""
        ),
        p(
            """The serious violence duty requires specified authorities to work
            together to prevent and reduce serious violence. Most of the partners we
            spoke to welcomed the duty. But few could point to any change in the way
            intelligence was shared as a result of it, and none of the forces we
            inspected had assessed whether the duty had made any difference."""
        ),
        p(
            """Partners also told us that the duty had created new meetings without
            always creating new ways of working. In one area, the police attended
            four separate partnership meetings about serious violence every month,
            each with its own data and its own actions, and no single organisation
            had an overview of the intelligence that was discussed at all of them.
            Several partners said they would welcome clearer national guidance on
            what should be shared, with whom and how often."""
        ),
        p(
            """The Home Office has published statutory guidance on the duty, and
            funds violence reduction units in the areas with the highest levels of
            serious violence. But there has been no assessment of whether the duty
            is improving the flow of intelligence to the police, which was one of
            its main aims. Without such an assessment, neither the Home Office nor
            the police can know whether the duty is working as it was intended to,
            or what should change. Partners in the areas without a violence
            reduction unit were the least certain about what the duty required of
            them."""
        ),
        ("spacer", "PAD"),
        ("h3", "Recommendation 3"),
        p(r3.src),
        p(
            """We will consider the findings of that evaluation when we plan our
            future inspections of serious violence."""
        ),
        ("h1", "3. Acting on intelligence"),
        p(
            """Stop and search is an important tactic for removing knives from the
            streets. When it is used well, and based on good intelligence, it can
            prevent serious harm. When it is used badly, it damages the trust and
            confidence of the communities the police serve^5."""
        ),
        p(
            """We reviewed 420 stop and search records from the forces we inspected.
            In too many, the grounds recorded were vague or based on information
            that was several weeks old. Few records showed which intelligence, if
            any, the officer had relied on."""
        ),
        ("h3", "Recommendation 4"),
        p(r4.src),
        p(
            """Neighbourhood officers are often best placed to act on intelligence
            about their areas. But in most forces, the briefing officers received at
            the start of their shift was generic and rarely included knife crime
            intelligence."""
        ),
        ("h3", "Area for improvement 1"),
        p(a1.src),
        p(
            """Forces rely on the College of Policing’s authorised professional
            practice for guidance on managing intelligence. It contains little that
            is specific to knife crime, and nothing about how to gather intelligence
            from young people in a way that keeps them safe."""
        ),
        ("h3", "Recommendation 5"),
        p(r5.src),
        (
            "box",
            [
                """One force holds a weekly meeting at which intelligence officers,
                neighbourhood sergeants and the local youth offending service review
                every new piece of knife crime intelligence together and agree who
                will act on it. We consider this to be promising practice. Other
                forces should consider whether a similar approach would work for
                them."""
            ],
            {"title": "Promising practice: Operation Keystone"},
        ),
        ("h1", "4. Working with partners"),
        p(
            """Schools are an important source of information about children who may
            be carrying knives. But head teachers told us they were uncertain about
            when they could share information with the police, and worried about
            the effect on their relationship with pupils and parents."""
        ),
        ("h3", "Recommendation 6"),
        p(r6.src),
        p(
            """Violence reduction units, funded through police and crime
            commissioners, produce valuable analysis of the causes of serious
            violence. In three of the areas we visited, this analysis was not shared
            with the force’s intelligence function."""
        ),
        ("h3", "Area for improvement 2"),
        p(a2.src),
        ("h3", "Recommendation 7"),
        p(r7.src),
        ("break", None),
        ("h1", "Annex A: Summary of recommendations"),
        p(
            """The table below repeats, for ease of reference, the recommendations
            made in this report. The areas for improvement are set out in chapters 3
            and 4."""
        ),
        (
            "table",
            {
                "widths": [8, 60, 18, 16],
                "header": ["No.", "Recommendation", "Lead", "Timescale"],
                "rows": [
                    ["1", table_text(r1), "Chief constables", "End of 2025"],
                    ["2", table_text(r2), "NPCC", "April 2026"],
                    ["3", table_text(r3), "Home Office", "18 months"],
                    ["4", table_text(r4), "Chief constables", "–"],
                    ["5", table_text(r5), "College of Policing", "End of 2025/26"],
                    [
                        "6",
                        table_text(r6),
                        "Department for Education and Home Office",
                        "End of 2025",
                    ],
                    ["7", table_text(r7), "HMICFRS", "From April 2026"],
                ],
            },
        ),
    ]
    header = "Sharp focus: how well the police use intelligence to tackle knife crime"
    data, pages = build_pdf_tuned(
        padded(blocks),
        crosses_with_note(r3, "4"),
        title="Sharp focus: An inspection of how well the police use intelligence to "
        "tackle knife crime",
        header=header,
        footer_left="© HMICFRS 2025",
        notes=notes,
    )
    items = [r1, r2, r3, r4, a1, r5, r6, a2, r7]
    return Case(
        slug="knife-crime-intelligence-2025-pdf",
        title="Sharp focus: An inspection of how well the police use intelligence to "
        "tackle knife crime",
        kind="national_thematic",
        published_on=published,
        input="source.pdf",
        source="constructed",
        provenance=(
            "Constructed: the report, its title, its figures and every item's "
            "wording; no real report of this name is claimed. Real facts used only "
            "as background: the serious violence duty was introduced by the Police, "
            "Crime, Sentencing and Courts Act 2022, and the College of Policing "
            "publishes authorised professional practice on stop and search and on "
            "intelligence management. The closing 'Annex A: Summary of "
            "recommendations' table repeats recommendations 1-7 word for word (the "
            "footnote marker of recommendation 3 left out); following the corpus "
            "convention each is one item, at its first place in the chapters. "
            "'HMICFRS will … from April 2026' is recorded as recommendation 7 "
            "(its heading says so) with no target date: 'from April 2026' is a "
            "start, not a deadline. 'Within 18 months of this report's publication' "
            "counts from 27 February 2025."
        ),
        layouts=[
            "PDF",
            "cover and contents page before the report",
            "recommendations at the end of each chapter as 'Recommendation N' "
            "headings after findings paragraphs",
            "findings paragraphs after a recommendation",
            "'Area for improvement N' headings among chapter findings",
            "summary annex table repeating the recommendations word for word",
            "recommendation crossing a page break with a footnote on that page",
            "count sentence in the summary",
            "'forces must' summary sentence that is not an item",
            "promising practice box with 'should consider'",
            "'working with' clause before the verb",
            "Department for Education as an other owner",
            "'HMICFRS will' recommendation with 'from April 2026'",
            "past-tense dates in findings ('In 2023, 12 forces had', 'By the end "
            "of 2024, only 9')",
            "by the end of 2025, by April 2026, within 18 months of publication, "
            "by the end of the 2025/26 financial year",
            "ligatures",
            "line-end hyphenation",
        ],
        items=items,
        data=data,
        body_text="\n".join(pages),
        full_text=pdf_full_text(data),
        furniture=[header, "© HMICFRS 2025"],
        must_contain=["[\ufb01\ufb02]", r"[a-z]-\n[a-z]"],
        crossing=crossing_items(items, pages),
        must_cross=["3"],
    )


# ------------------------------------------------------- vulnerable witnesses


def vulnerable_witnesses() -> Case:
    published = "2024-11-28"
    c1 = coc(
        "CoC 1",
        """Too many vulnerable witnesses are not identified as vulnerable when they
        first report a crime, and so are not offered the special measures and
        support to which they are entitled. In the cases we examined, the police
        had identified the witness’s vulnera~bility correctly in fewer than half.""",
        ["chief_constable", "other"],
        other=["Crown Prosecution Service"],
    )
    r1 = rec(
        "1",
        """make sure that every victim and witness is assessed for vulnerability,
        using a consistent set of questions, when they first report a crime;""",
        ["chief_constable", "other"],
        "2025-12-31",
        other=["Crown Prosecution Service"],
        coc="CoC 1",
        listed=True,
    )
    r2 = rec(
        "2",
        """record the outcome of that assessment in the case file so that it is
        visible to the prosecutor at the point of the charging decision; and""",
        ["chief_constable", "other"],
        "2025-12-31",
        other=["Crown Prosecution Service"],
        coc="CoC 1",
        listed=True,
    )
    r3 = rec(
        "3",
        """review together, every three months, a sample of cases in which special
        measures were not applied for, and act on what they find.""",
        ["chief_constable", "other"],
        "2025-12-31",
        other=["Crown Prosecution Service"],
        coc="CoC 1",
        listed=True,
    )
    c2 = coc(
        "CoC 2",
        """Witnesses with mental ill health wait too long for the specialist
        support they need before they give evidence. Some of the witnesses whose
        cases we examined waited more than a year.""",
        ["other"],
        other=["NHS England", "Crown Prosecution Service"],
    )
    r4 = rec(
        "4",
        """NHS England, working with police forces, should commission liaison and
        diversion services that can assess witnesses as well as suspects; and""",
        ["other"],
        "2025-11-28",
        other=["NHS England"],
        coc="CoC 2",
        listed=True,
    )
    r5 = rec(
        "5",
        """the Crown Prosecution Service should make sure that prosecutors consider
        the need for an intermediary in every case involving a witness with mental
        ill health.""",
        ["other"],
        "2025-11-28",
        other=["Crown Prosecution Service"],
        coc="CoC 2",
        listed=True,
    )
    r6 = rec(
        "6",
        """By April 2026, revise the Code of Practice for Victims of Crime to make
        clear that the entitlement to an enhanced service applies from the first
        contact with the police.""",
        ["home_office", "other"],
        "2026-04-30",
        other=["Ministry of Justice"],
        listed=True,
    )
    r7 = rec(
        "7",
        """Fund a national evaluation of the use of pre-recorded cross-examination
        for vulnerable witnesses in the youth court.""",
        ["home_office", "other"],
        other=["Ministry of Justice"],
        listed=True,
    )
    r8 = rec(
        "8",
        """The police service should adopt a single national vulnerability
        screening tool for victims and witnesses by the end of the 2025/26
        financial year.""",
        ["chief_constable"],
        "2026-03-31",
    )
    r9 = rec(
        "9",
        """Police forces should make sure that officers who take statements from
        vulnerable witnesses have completed Achieving Best Evidence training within
        the last three years.""",
        ["chief_constable"],
    )
    notes = {
        "1": "Youth Justice and Criminal Evidence Act 1999, sections 16 and 17.",
        "2": "Our case file review examined 180 cases from six police forces and the "
        "corresponding CPS areas.",
        "3": "Ministry of Justice, Code of Practice for Victims of Crime in England "
        "and Wales.",
    }

    def lettered(*entries):
        return (
            "lettered",
            [(f"({chr(97 + i)})", e.src) for i, e in enumerate(entries)],
        )

    blocks = [
        ("spacer", 100),
        ("title", "Heard and believed?"),
        (
            "subtitle",
            "A joint inspection of how the police and the Crown Prosecution Service "
            "support vulnerable witnesses",
        ),
        ("spacer", 30),
        p("HM Inspectorate of Constabulary and Fire & Rescue Services"),
        p("HM Crown Prosecution Service Inspectorate"),
        ("spacer", 30),
        p("November 2024"),
        ("break", None),
        ("h1", "Executive summary"),
        p(
            """Vulnerable and intimidated witnesses are entitled to special measures
            to help them give their best evidence^1. This joint inspection examined
            how well the police and the Crown Prosecution Service (CPS) identify
            vulnerable witnesses and make sure they receive that support."""
        ),
        ("columns", None),
        ("h2", "What we found"),
        p(
            """The police are the first point of contact for most witnesses. We found
            that officers often relied on their own judgment to decide whether a
            witness was vulnerable, rather than asking a consistent set of
            questions. As a result, whether a witness was identified as vulnerable
            depended too much on which officer they spoke to."""
        ),
        p(
            """Even when officers identified a witness as vulnerable, this
            information did not always reach the prosecutor. In many of the case
            files we examined^2, the only record of the witness’s needs was in the
            officer’s notebook or in a separate system the CPS could not see."""
        ),
        p(
            """In 2023, 12 forces had no written guidance on identifying vulnerable
            witnesses. By the end of 2023, the CPS had trained all of its
            prosecutors on the revised special measures guidance, but prosecutors
            told us they could only apply for measures they knew were needed."""
        ),
        p(
            """Witnesses with mental ill health faced particular difficulties. Some
            waited many months for an assessment, and some gave evidence without
            any support at all. Liaison and diversion services, which assess
            suspects in custody, are not currently commissioned to assess
            witnesses."""
        ),
        p(
            """Victims are entitled to an enhanced service under the Victims’ Code^3
            if they are vulnerable or intimidated. But the Code does not make clear
            when that entitlement begins, and some forces only offered the
            enhanced service after a suspect had been charged."""
        ),
        ("h2", "Causes of concern and recommendations"),
        p(
            """We identified two causes of concern. For each, we make
            recommendations to put it right."""
        ),
        ("h3", "Cause of concern 1"),
        p(c1.src),
        ("h3", "Recommendations"),
        p(
            """To address this cause of concern, by the end of 2025 police forces and
            the Crown Prosecution Service should:"""
        ),
        lettered(r1, r2, r3),
        ("h3", "Cause of concern 2"),
        p(c2.src),
        ("h3", "Recommendations"),
        p("Within 12 months of the publication of this report:"),
        lettered(r4, r5),
        ("h2", "Other recommendations"),
        p(
            """We also make the following recommendations, which do not relate to a
            cause of concern."""
        ),
        p("**To the Home Office and the Ministry of Justice:**"),
        ("bullets", [r6.src, r7.src]),
        p("**To the police service:**"),
        p(r8.src),
        p(r9.src),
        ("h2", "Good practice"),
        p(
            """In one force, every witness statement template now begins with the
            same five screening questions. Officers told us this had made them more
            confident in identifying vulnerability. We consider this good
            practice, and other forces may wish to adopt it."""
        ),
        ("h2", "About this inspection"),
        p(
            """We carried out fieldwork between February and June 2024. We examined
            case files, interviewed police officers, prosecutors and witness care
            staff, and spoke to witnesses and the organisations that support them.
            We are grateful to everyone who gave us their time."""
        ),
    ]
    header = "Heard and believed? Joint inspection of support for vulnerable witnesses"
    data, pages = build_pdf(
        blocks,
        title="Heard and believed? A joint inspection of how the police and the "
        "Crown Prosecution Service support vulnerable witnesses",
        header=header,
        footer_left="HMICFRS and HMCPSI | November 2024",
        notes=notes,
    )
    items = [c1, r1, r2, r3, c2, r4, r5, r6, r7, r8, r9]
    return Case(
        slug="vulnerable-witnesses-joint-2024-pdf",
        title="Heard and believed? A joint inspection of how the police and the "
        "Crown Prosecution Service support vulnerable witnesses",
        kind="joint",
        published_on=published,
        input="source.pdf",
        source="constructed",
        provenance=(
            "Constructed: the report, its title and every item's wording; no real "
            "joint inspection of this name is claimed. Real background only: special "
            "measures under sections 16 and 17 of the Youth Justice and Criminal "
            "Evidence Act 1999, the Code of Practice for Victims of Crime (the "
            "Ministry of Justice's), Achieving Best Evidence guidance, and NHS "
            "England's commissioning of liaison and diversion services. The "
            "recommendations under each cause of concern are sub-lettered (a), "
            "(b), (c) and the letters restart under the second cause; since no "
            "recommendation carries a number, they are numbered in order of "
            "appearance across the document (1-3 under CoC 1, 4-5 under CoC 2, then "
            "6-9), as the corpus README numbers unnumbered bullets. 'The police "
            "service should' and 'Police forces should' are recorded as the chief "
            "constables. 'Within the last three years' (recommendation 9) is not a "
            "deadline. The lead-in under CoC 2 names no body: recommendations 4 and "
            "5 name their own."
        ),
        layouts=[
            "PDF",
            "two-column pages after a one-column opening",
            "'Cause of concern N' headings each followed by a 'Recommendations' "
            "heading and a lead-in",
            "sub-lettered recommendations (a), (b), (c) with '; and' endings",
            "letters restarting under the second cause of concern",
            "lead-in that names the owners and the deadline",
            "lead-in with only a deadline; items naming their own owners",
            "bold 'To the Home Office and the Ministry of Justice:' lead-in over "
            "imperative bullets",
            "'The police service should' and 'Police forces should' as addressees",
            "Crown Prosecution Service, NHS England, Ministry of Justice as other "
            "owners",
            "'working with police forces' clause before the verb",
            "good practice section",
            "past dates in findings",
            "by the end of 2025, within 12 months of publication, by April 2026, by "
            "the end of the 2025/26 financial year; 'within the last three years' "
            "not a deadline",
            "ligatures",
            "line-end hyphenation",
        ],
        items=items,
        data=data,
        body_text="\n".join(pages),
        full_text=pdf_full_text(data),
        furniture=[header, "HMICFRS and HMCPSI | November 2024"],
        must_contain=["[\ufb01\ufb02]", r"[a-z]-\n[a-z]"],
        crossing=crossing_items(items, pages),
    )


# ----------------------------------------------------------------- Harrowdale


def harrowdale() -> Case:
    published = "2025-01-31"
    a1 = afi(
        "AFI 1",
        """The force should make sure that call handlers use the domestic abuse,
        stalking and harassment risk assessment consistently, and record their
        rationale when they decide not to complete it.""",
        ["chief_constable"],
    )
    a2 = afi(
        "AFI 2",
        """The force should reduce the time it takes to attend domestic abuse
        incidents that are graded as needing a priority response.""",
        ["chief_constable"],
    )
    a3 = afi(
        "AFI 3",
        """The force should improve the supervision of domestic abuse
        investigations, so that supervisors set, review and update clear
        investigation plans.""",
        ["chief_constable"],
    )
    c1 = coc(
        "CoC 1",
        """Harrowdale Constabulary isn’t doing enough to make sure that victims of
        domestic abuse are safeguarded when a suspect is released on bail or
        released under investigation. In 41 of the 90 cases we reviewed, there was
        no record that the victim had been told that the suspect had been
        released.""",
        ["chief_constable"],
    )
    r1 = rec(
        "1",
        """Within six months of this report’s publication, Harrowdale Constabulary
        should make sure that every victim is told, before the suspect is released,
        of the release and of any conditions imposed, and that this is recorded.""",
        ["chief_constable"],
        "2025-07-31",
        coc="CoC 1",
    )
    r2 = rec(
        "2",
        """Within three months, the force should review every domestic abuse
        investigation in which the suspect is currently released under investi~gation,
        to make sure that the victim has an up-to-date safety plan.""",
        ["chief_constable"],
        "2025-04-30",
        coc="CoC 1",
    )
    r3 = rec(
        "3",
        """The police and crime commissioner should, by the end of September 2025,
        review the commissioning of independent domestic violence advisers^5 so that
        there is enough capacity to support every high-risk victim referred by the
        force, including those referred outside office hours and at weekends, and
        should publish the outcome of that review.""",
        ["pcc"],
        "2025-09-30",
    )
    a4 = afi(
        "AFI 4",
        """The force should work with Harrowdale County Council and the local health
        board to make sure that referrals to multi-agency risk assessment
        conferences are shared in time for partners to prepare for the meeting.""",
        ["chief_constable"],
    )
    a5 = afi(
        "AFI 5",
        """The force should make sure that officers and staff understand, and make
        full use of, the protective orders available to them, including domestic
        abuse protection notices and orders.""",
        ["chief_constable"],
    )
    notes = {
        "1": "Force data for the year ending 31 March 2024.",
        "2": "The domestic abuse, stalking, harassment and honour-based violence "
        "(DASH) risk identification checklist.",
        "3": "Released under investigation: a suspect released without bail while "
        "the investigation continues.",
        "4": "The force’s own audit, shared with us during the inspection.",
        "5": "Independent domestic violence advisers support high-risk victims; "
        "their services are commissioned by the PCC with the local authority.",
    }

    def run_in(label: str, item) -> tuple[str, str]:
        return ("p", f"**{label}** {item.src}")

    blocks = [
        ("spacer", 110),
        ("title", "Harrowdale Constabulary"),
        ("subtitle", "An inspection of the force’s response to domestic abuse"),
        ("spacer", 30),
        p("January 2025"),
        ("break", None),
        ("h1", "Summary"),
        p(
            """We inspected how well Harrowdale Constabulary responds to domestic
            abuse, from the first call for help to the outcome of the investigation.
            We carried out our fieldwork in September 2024."""
        ),
        p(
            """In 2023, the force recorded more than 14,000 domestic abuse crimes^1.
            By the end of March 2024, it had trained 80 percent of its frontline
            officers in coercive and controlling behaviour. We found committed
            officers and staff, and some effective work with partner
            organisations."""
        ),
        p(
            """But we also found serious shortcomings in the way the force keeps
            victims safe when suspects are released. We have identified one cause of
            concern, made three recommendations and found five areas for
            improvement."""
        ),
        ("h1", "Our findings"),
        ("h2", "Answering calls for help"),
        p(
            """The force answers most emergency calls quickly. Call handlers were
            polite and reassuring, and in most of the calls we listened to, they
            gave victims appropriate safety advice."""
        ),
        p(
            """Call handlers are expected to complete a structured risk assessment^2
            for every domestic abuse call. In 31 of the 100 calls we reviewed, they
            did not do so, and in most of those there was no record of why."""
        ),
        run_in("Area for improvement 1:", a1),
        p(
            """We found that supervisors in the control room listened to a sample of
            calls every month, but these reviews rarely looked at domestic abuse
            calls specifically."""
        ),
        ("h2", "Attending incidents"),
        p(
            """The force aims to attend incidents graded as needing a priority
            response within one hour. For domestic abuse incidents, it met this
            target in only 58 percent of cases in the year ending March 2024. Some
            victims waited more than a day for an officer to arrive."""
        ),
        run_in("Area for improvement 2:", a2),
        p(
            """When officers did attend, they generally took positive action. They
            made arrests where appropriate and used body-worn video to record
            evidence at the scene."""
        ),
        ("h2", "Investigating domestic abuse"),
        p(
            """Most domestic abuse investigations are carried out by officers in
            local investigation teams, who told us that they were carrying high
            workloads. We found that supervisors rarely reviewed investigations, and
            that many investigations had no plan at all."""
        ),
        run_in("Area for improvement 3:", a3),
        ("h2", "Keeping victims safe"),
        p(
            """The force makes frequent use of release under investigation^3 for
            domestic abuse suspects. In many of the cases we reviewed, this was done
            without any assessment of the risk to the victim, and without telling
            the victim."""
        ),
        (
            "box",
            [c1.src],
            {"title": "Cause of concern"},
        ),
        run_in("Recommendation 1:", r1),
        run_in("Recommendation 2:", r2),
        p(
            """We were told that the force had started a review of its use of
            release under investigation shortly before our inspection. We will
            examine its progress when we return."""
        ),
        ("h2", "Working with partners"),
        p(
            """The force works closely with Harrowdale County Council and with the
            specialist domestic abuse services in the county. Partners told us the
            force was a committed and reliable partner."""
        ),
        p(
            """Independent domestic violence advisers provide vital support to victims
            at high risk of serious harm. There are currently too few advisers in
            Harrowdale to support all the victims the force refers to them, and
            there is no service outside office hours. In the year ending March 2024,
            more than 200 high-risk victims referred by the force were not allocated
            an adviser within the target time^4."""
        ),
        p(
            """The advisers we spoke to were skilled and dedicated, but their
            caseloads were well above the level recommended by national guidance.
            Some told us that they could only make a single telephone call to each
            new victim before moving on to the next. Officers told us that they
            had stopped referring some medium-risk victims because they knew the
            service could not take them. The force and the office of the police
            and crime commissioner were both aware of the problem, but neither had
            assessed how many advisers the county needs."""
        ),
        ("spacer", "PAD"),
        run_in("Recommendation 3:", r3),
        p(
            """Multi-agency risk assessment conferences (MARACs) are held every week.
            Partners told us that they often received the list of cases on the day
            of the meeting, which left them no time to research the cases and
            contribute fully."""
        ),
        run_in("Area for improvement 4:", a4),
        ("h2", "Using protective orders"),
        p(
            """Protective orders can give victims valuable protection. Harrowdale is
            one of the areas piloting domestic abuse protection notices and orders.
            But officers we spoke to had a limited understanding of the orders and
            when to use them."""
        ),
        run_in("Area for improvement 5:", a5),
        (
            "box",
            [
                """The force has introduced a ‘call-back’ scheme: a member of the
                domestic abuse team calls every victim within 48 hours of the
                incident to check on their safety. Victims we spoke to valued this.
                The force should consider extending the scheme to victims of
                stalking."""
            ],
            {"title": "Promising practice"},
        ),
        ("h2", "Next steps"),
        p(
            """We will monitor the force’s progress against the cause of concern and
            the recommendations in this report, and will revisit the force within
            the next year."""
        ),
    ]
    header = "Harrowdale Constabulary: an inspection of the response to domestic abuse"
    data, pages = build_pdf_tuned(
        padded(blocks),
        crosses_with_note(r3, "5"),
        title="An inspection of Harrowdale Constabulary’s response to domestic abuse",
        header=header,
        footer_left="Harrowdale Constabulary | January 2025",
        footer_right="Page {page}",
        notes=notes,
    )
    items = [a1, a2, a3, c1, r1, r2, r3, a4, a5]
    return Case(
        slug="harrowdale-domestic-abuse-2025-pdf",
        title="An inspection of Harrowdale Constabulary’s response to domestic abuse",
        kind="force",
        published_on=published,
        input="source.pdf",
        source="constructed",
        provenance=(
            "Constructed: Harrowdale Constabulary is a fictional force, so that no "
            "invented item is attributed to a real one; every item's wording and "
            "every figure is constructed. Real background only: the DASH risk "
            "checklist, release under investigation, independent domestic violence "
            "advisers, MARACs and the domestic abuse protection notice and order "
            "pilots. Areas for improvement and recommendations are run-in: a bold "
            "'Area for improvement 1:' or 'Recommendation 1:' label on the same "
            "line as the wording, in the middle of the findings; the label is not "
            "part of the wording. Recommendations 1 and 2 follow the cause of "
            "concern's box and answer it; recommendation 3 is under a later "
            "heading, 'Working with partners', on another subject, so it answers "
            "no cause of concern. 'Within six months' and 'within three months' "
            "count from 31 January 2025 (31 July; 30 April, the month's end)."
        ),
        layouts=[
            "PDF",
            "run-in 'Area for improvement N:' labels on one line inside findings",
            "run-in 'Recommendation N:' labels",
            "cause of concern in a box, its recommendations after it",
            "recommendation crossing a page break with a footnote on that page",
            "PCC as owner",
            "'work with' after the verb (not an owner)",
            "promising practice box with 'The force should consider'",
            "'we will monitor' and 'we will examine' sentences that are not items",
            "past dates in findings ('In 2023', 'By the end of March 2024')",
            "within six months of publication, within three months, by the end of "
            "September 2025",
            "ligatures",
            "line-end hyphenation",
        ],
        items=items,
        data=data,
        body_text="\n".join(pages),
        full_text=pdf_full_text(data),
        furniture=[header, "Harrowdale Constabulary | January 2025"],
        must_contain=["[\ufb01\ufb02]", r"[a-z]-\n[a-z]"],
        crossing=crossing_items(items, pages),
        must_cross=["3"],
    )


CASES = [knife_crime, vulnerable_witnesses, harrowdale]
