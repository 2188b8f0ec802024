"""The two pasted-text cases of the blind2 set."""

# Report wording keeps its curly quotes and en dashes, as the reports print them.
# ruff: noqa: RUF001

from kit import Case, TextBuilder, afi, coc, crossing_items, rec, text_body


def render(blocks, builder: TextBuilder) -> None:
    for kind, content, *rest in blocks:
        if kind == "h":
            builder.line(content)
        elif kind == "p":
            builder.paragraph(content, first=rest[0] if rest else "")
        elif kind == "list":
            for marker, text in content:
                builder.paragraph(text, first=marker)
        else:
            raise ValueError(kind)


# ------------------------------------------------------------ digital evidence


def digital_evidence() -> Case:
    published = "2025-06-12"
    r1 = rec(
        "1",
        """By the end of 2025, chief constables should make sure that digital devices
        seized as evidence are examined within the timescales set out in their
        force’s digital forensics strategy.""",
        ["chief_constable"],
        "2025-12-31",
    )
    r2 = rec(
        "2",
        """Within 18 months of this report’s publication, the Home Office should fund
        a national capability for the examination of vehicle infotainment and
        telematics systems.""",
        ["home_office"],
        "2026-12-12",
    )
    a1 = afi(
        "AFI 1",
        """Forces should make sure that officers who seize digital devices record
        the device’s PIN or passcode in the exhibit record, where the owner provides
        it.""",
        ["chief_constable"],
    )
    r3 = rec(
        "3",
        """By April 2026, the College of Policing should publish guidance for
        investigators on the proportionate examination of victims’ mobile phones,
        taking account of the provisions on the extraction of information from
        electronic devices^17 in the Police, Crime, Sentencing and Courts Act 2022.""",
        ["college_of_policing"],
        "2026-04-30",
    )
    r4 = rec(
        "4",
        """Chief constables should make sure that investigators record, for every
        device examined, why the examination was necessary and proportionate.""",
        ["chief_constable"],
    )
    r5 = rec(
        "5",
        """By the end of the 2025/26 financial year, police and crime commissioners
        should make sure that their forces’ digital forensics units have the funding
        they need to achieve and maintain accreditation^19.""",
        ["pcc"],
        "2026-03-31",
    )
    r6 = rec(
        "6",
        """The National Police Chiefs’ Council should, by summer 2025, agree a
        national definition of a digital forensics backlog, so that forces measure
        and report their backlogs in the same way.""",
        ["npcc"],
    )
    r7 = rec(
        "7",
        """By 31 October 2025, the Forensic Science Regulator and the National Police
        Chiefs’ Council should agree a timetable for every force to achieve
        accreditation for its mobile phone extraction kiosks.""",
        ["other", "npcc"],
        "2025-10-31",
        other=["Forensic Science Regulator"],
    )
    r8 = rec(
        "8",
        """Within six months, the Crown Prosecution Service and the National Police
        Chiefs’ Council should agree a joint approach to the disclosure of material
        obtained from digital devices.""",
        ["other", "npcc"],
        "2025-12-12",
        other=["Crown Prosecution Service"],
    )
    r9 = rec(
        "9",
        """By the end of the first quarter of 2026/27, HMICFRS will publish an
        assessment of forces’ progress against these recommendations.""",
        ["hmicfrs"],
        "2026-06-30",
    )
    notes = {
        "14": "Data collected from forces for this inspection; the figures are for "
        "devices waiting more than 30 days.",
        "15": "Forensic Science Regulator Act 2021; the Code of Practice is made "
        "under section 2 of that Act.",
        "16": "Infotainment systems record journeys, calls and messages from phones "
        "paired with the vehicle.",
        "17": "Police, Crime, Sentencing and Courts Act 2022, Part 2, Chapter 3.",
        "18": "Interviews with digital forensics managers in the forces we inspected.",
        "19": "Accreditation to ISO/IEC 17025, the international standard for "
        "testing and calibration laboratories.",
    }
    title = "An inspection of how well the police manage digital evidence"
    blocks = [
        ("h", "4. Managing demand for digital forensics"),
        (
            "p",
            """Almost every investigation now involves digital evidence. Mobile
            phones, computers, doorbell cameras and vehicles all hold information
            that can identify offenders, corroborate what victims and witnesses say
            and, in some cases, show that a suspect is innocent.""",
        ),
        (
            "p",
            """Demand for the examination of digital devices has grown faster than
            the capacity of forces to meet it. In 2023, 12 forces had a backlog of
            more than 1,000 devices awaiting examination^14. By the end of 2024, only
            9 forces had achieved accreditation for all the digital forensic
            activities that need it.""",
        ),
        (
            "p",
            """The Forensic Science Regulator’s statutory Code of Practice^15 came into
            force in October 2023. Forces told us they expected to clear their
            backlogs by March 2026, but few had a realistic plan to do so. Delays in
            examining devices lengthen investigations, leave victims waiting for
            their phones to be returned and can cause cases to collapse.""",
        ),
        ("h", "Recommendation 1"),
        ("p", r1.src),
        (
            "p",
            """Vehicles are an increasingly important source of evidence^16. But few
            forces have the equipment or the trained staff to examine them, and
            those that do are often asked to help other forces. There is no national
            capability, and no national funding for one.""",
        ),
        ("h", "Recommendation 2"),
        ("p", r2.src),
        (
            "p",
            """When officers seize a device, they often do not ask the owner for the
            PIN or passcode, even when the owner is a victim or witness who is happy
            to provide it. Without it, examiners may spend days gaining access to
            the device.""",
        ),
        ("p", a1.src, "Area for improvement 1: "),
        ("h", "5. Protecting victims’ privacy"),
        (
            "p",
            """Victims of crime, particularly victims of rape and other sexual
            offences, told us that handing over their phone felt intrusive. Some
            had withdrawn their support for the investigation rather than give it
            up. Investigators did not always explain why the phone was needed, or
            which information would be examined.""",
        ),
        ("h", "Recommendation 3"),
        ("p", r3.src),
        (
            "p",
            """In the case files we reviewed, the reason for examining a device was
            often missing. Where it was recorded, it was rarely specific enough to
            show that the examination was necessary and proportionate, as the law
            requires.""",
        ),
        ("h", "Recommendation 4"),
        ("p", r4.src),
        ("h", "6. National coordination"),
        (
            "p",
            """Digital forensics units are funded from force budgets. Units told us
            that the cost of accreditation, and of keeping it, had taken money away
            from examinations. In some forces, the unit had not been consulted when
            the budget was set^18.""",
        ),
        ("h", "Recommendation 5"),
        ("p", r5.src),
        (
            "p",
            """Forces measure their backlogs in different ways. Some count devices;
            others count cases or requests. Some include devices that are waiting
            for the investigator to decide what to examine; others do not. This
            makes it impossible to compare forces or to understand the national
            picture.""",
        ),
        ("h", "Recommendation 6"),
        ("p", r6.src),
        ("h", "Recommendation 7"),
        ("p", r7.src),
        (
            "p",
            """Disclosure of material from digital devices was a common cause of
            delay in the cases we examined. Prosecutors and investigators often
            disagreed about what needed to be reviewed.""",
        ),
        ("h", "Recommendation 8"),
        ("p", r8.src),
        ("h", "Recommendation 9"),
        ("p", r9.src),
        ("h", "7. Conclusion"),
        (
            "p",
            """The police service has made progress in some areas since our last
            inspection of digital forensics. But the pace of change is too slow. We
            will continue to monitor progress and will report again.""",
        ),
    ]
    items = [r1, r2, a1, r3, r4, r5, r6, r7, r8, r9]
    # The paste starts part-way down page 21: the first page's length is the
    # first for which at least two items run on over a page break.
    for first_lines in range(12, 30):
        builder = TextBuilder(
            header=title,
            first_page=21,
            notes=notes,
            width=92,
            lines_per_page=32,
            first_page_lines=first_lines,
            start_header=False,
        )
        render(blocks, builder)
        pages = ["\n".join(lines) for lines in builder.pages_body]
        if len(crossing_items(items, pages)) >= 2:
            break
    text = builder.finish()
    return Case(
        slug="digital-evidence-deadlines-2025-pasted",
        title=title,
        kind="national_thematic",
        published_on=published,
        input="source.txt",
        source="constructed",
        provenance=(
            "Constructed: the report, its title, its figures and every item's "
            "wording; no real report of this name is claimed. Real background only: "
            "the Forensic Science Regulator Act 2021 and the Regulator's statutory "
            "Code of Practice (in force from October 2023), the device-extraction "
            "provisions of the Police, Crime, Sentencing and Courts Act 2022, and "
            "ISO/IEC 17025. The administrator pasted chapters 4 to 7 from a PDF "
            "viewer, starting part-way down page 21: hard line breaks, the running "
            "header at the top of each later page, the page number and footnotes at "
            "each page's foot, footnote numbers glued to the words they follow, "
            "ligature glyphs. Deadlines: 'By the end of 2025' → 31 December 2025; "
            "'Within 18 months of this report's publication' and 'Within six "
            "months' count from 12 June 2025; 'By April 2026' → 30 April 2026; 'By "
            "the end of the 2025/26 financial year' → 31 March 2026; 'by summer "
            "2025' → no date; 'By the end of the first quarter of 2026/27' → 30 June "
            "2026. Not deadlines: 'In 2023, 12 forces had…', 'By the end of 2024, "
            "only 9 forces had…', 'expected to clear their backlogs by March "
            "2026'."
        ),
        layouts=[
            "pasted text",
            "extract from the middle of a report",
            "hard line breaks",
            "no blank lines",
            "running headers in the middle",
            "page numbers in the middle of items",
            "footnotes in the middle",
            "footnote markers glued to words",
            "'Recommendation N' heading lines before each recommendation",
            "findings between recommendations",
            "run-in 'Area for improvement 1:' in the findings",
            "Forensic Science Regulator and Crown Prosecution Service as other owners",
            "'HMICFRS will' recommendation",
            "by the end of 2025, within 18 months of publication, by April 2026, end "
            "of the 2025/26 financial year, by summer 2025 (no date), by 31 October "
            "2025, within six months, end of the first quarter of 2026/27",
            "past dates and an expectation in findings that are not deadlines",
            "ligatures",
            "line-end hyphenation",
            "items across page breaks",
        ],
        items=items,
        data=text.encode("utf-8"),
        body_text=text_body(text, builder.furniture),
        full_text=text,
        furniture=[title],
        must_contain=["[\ufb01\ufb02]", r"[a-z]-\n[a-z]"],
        crossing=crossing_items(items, pages),
    )


# ------------------------------------------------------------------ Calderbrook


def calderbrook() -> Case:
    published = "2024-08-30"
    c1 = coc(
        "CoC 1",
        """Detainees were held in cells with ligature points that had been
        identified in the force’s own risk assessments but had not been removed.
        Some of these had been reported more than two years before our
        inspection.""",
        ["chief_constable", "pcc"],
    )
    r1 = rec(
        "1",
        """remove or make safe every ligature point identified in the custody
        estate risk assessments;""",
        ["chief_constable", "pcc"],
        "2025-02-28",
        coc="CoC 1",
        listed=True,
    )
    r2 = rec(
        "2",
        """put in place a programme of regular ligature inspections, with clear
        responsibility for acting on what they find; and""",
        ["chief_constable", "pcc"],
        "2025-02-28",
        coc="CoC 1",
        listed=True,
    )
    r3 = rec(
        "3",
        """report their progress to the joint audit committee every three
        months.""",
        ["chief_constable", "pcc"],
        "2025-02-28",
        coc="CoC 1",
        listed=True,
    )
    c2 = coc(
        "CoC 2",
        """Health care provision did not meet detainees’ needs. Detainees waited an
        average of four hours to see a health care professional, and assessments
        under the Mental Health Act 1983 were often delayed overnight.""",
        ["other", "chief_constable"],
        other=["NHS England"],
    )
    r4 = rec(
        "4",
        """make sure that the health care contract provides a professional to see
        detainees within one hour of a request, by the end of 2024;""",
        ["other", "chief_constable"],
        "2024-12-31",
        other=["NHS England"],
        coc="CoC 2",
        listed=True,
    )
    r5 = rec(
        "5",
        """agree with the local mental health trust a protocol for timely Mental
        Health Act assessments in custody.""",
        ["other", "chief_constable"],
        None,
        other=["NHS England"],
        coc="CoC 2",
        listed=True,
    )
    a = [
        afi(
            "AFI 1",
            """The force should make sure that detainees’ rights and entitlements
            are explained in a way they understand, using interpreters where
            needed.""",
            ["chief_constable"],
        ),
        afi(
            "AFI 2",
            """Custody staff should record the reasons for any use of force and for
            any removal of a detainee’s clothing.""",
            ["chief_constable"],
        ),
        afi(
            "AFI 3",
            """The force and Calderbrook Borough Council should make sure that
            children who are charged and refused bail are moved to local authority
            accommodation.""",
            ["chief_constable", "other"],
            other=["Calderbrook Borough Council"],
        ),
        afi(
            "AFI 4",
            """The force should improve the quality of custody records, so that they
            show clearly the care given to each detainee and the reasons for
            decisions about their detention.""",
            ["chief_constable"],
        ),
        afi(
            "AFI 5",
            """The police and crime commissioner should make sure that the
            independent custody visiting scheme has enough volunteers to visit
            every suite at least once a week.""",
            ["pcc"],
        ),
    ]
    notes = {
        "3": "Ligature points are fittings from which a cord or other material could "
        "be hung.",
        "4": "Police and Criminal Evidence Act 1984 (PACE), Code C.",
        "5": "Section 136 of the Mental Health Act 1983 (removal to a place of "
        "safety).",
        "6": "Detainees aged under 18 who are charged and refused bail should be "
        "moved to local authority accommodation (PACE, section 38(6)).",
    }
    bullet = "\uf0b7 "
    title = (
        "Report on an unannounced inspection visit to police custody suites in "
        "Calderbrook"
    )
    blocks = [
        ("h", "Section 1. Summary"),
        (
            "p",
            """1.1 We carried out this unannounced inspection of police custody in
            Calderbrook between 8 and 19 April 2024. It was a joint inspection by
            HM Inspectorate of Prisons and HM Inspectorate of Constabulary and Fire
            & Rescue Services.""",
        ),
        (
            "p",
            """1.2 In 2023, the force detained around 11,000 people in its three
            custody suites. By the end of 2023, it had closed two of its five
            suites and moved their staff to the remaining three.""",
        ),
        (
            "p",
            """1.3 Custody staff were respectful and caring, and most detainees told
            us they had been treated well. But the custody estate was in poor
            repair, and we found ligature points^3 in many cells.""",
        ),
        ("h", "Causes of concern and recommendations"),
        ("p", c1.src, "Cause of concern: "),
        (
            "p",
            """Within six months of the publication of this report, the force and
            the police and crime commissioner should:""",
            "Recommendation: ",
        ),
        ("list", [("a) ", r1.src), ("b) ", r2.src), ("c) ", r3.src)]),
        ("p", c2.src, "Cause of concern: "),
        ("p", "NHS England and the force should:", "Recommendation: "),
        ("list", [("a) ", r4.src), ("b) ", r5.src)]),
        ("h", "Areas for improvement"),
        (
            "p",
            """1.4 We also identified five areas for improvement. The force and its
            partners should address them.""",
        ),
        ("list", [(bullet, x.src) for x in a]),
        ("h", "Good practice"),
        (
            "p",
            """1.5 The force had introduced a ‘welcome pack’ for detainees, with
            information about their rights^4 in 14 languages and in an easy-read
            version. This is good practice.""",
        ),
        ("h", "Section 2. Leadership, accountability and partnerships"),
        (
            "p",
            """2.1 The chief officer lead for custody was visible and well informed.
            A custody improvement board met every month and was attended by the
            office of the police and crime commissioner.""",
        ),
        (
            "p",
            """2.2 Partnership work with mental health services was weak. Detainees
            brought to custody under the Mental Health Act^5 waited too long for
            assessment, and there were
            not enough places of safety in the county. Children who had been
            charged and refused bail were rarely moved to local authority
            accommodation^6.""",
        ),
    ]
    builder = TextBuilder(
        header=title,
        first_page=9,
        notes=notes,
        width=90,
        lines_per_page=21,
        page_label="Page {page} of 38",
    )
    render(blocks, builder)
    text = builder.finish(close_page=True)
    items = [c1, r1, r2, r3, c2, r4, r5, *a]
    pages = ["\n".join(lines) for lines in builder.pages_body]
    return Case(
        slug="calderbrook-custody-2024-pasted",
        title=title,
        kind="joint",
        published_on=published,
        input="source.txt",
        source="constructed",
        provenance=(
            "Constructed: Calderbrook is a fictional force area, so that no invented "
            "item is attributed to a real force; every item's wording and figure is "
            "constructed. Real background only: joint HM Inspectorate of Prisons "
            "and HMICFRS custody inspections, PACE Code C, section 38(6) of PACE, "
            "section 136 of the Mental Health Act 1983, NHS England's commissioning "
            "of custody health care, independent custody visiting. The "
            "administrator pasted section 1 and the start of section 2 from a PDF "
            "viewer (page 9 onwards). Findings paragraphs carry paragraph numbers "
            "(1.1, 1.2…) that are not item numbers; the causes of concern and "
            "recommendations are run-in ('Cause of concern: …', 'Recommendation: "
            "<lead-in>') with the recommendations as 'a)' 'b)' lines whose letters "
            "restart under the second cause; no item carries a number, so they are "
            "numbered in order of appearance (recommendations 1-5, CoC 1-2, AFI "
            "1-5). Recommendation 4's own 'by the end of 2024' wins over its "
            "lead-in, which has no date. 'Within six months of the publication' "
            "counts from 30 August 2024 (28 February 2025, the month's end). "
            "'Custody staff should' is the force. The 'Good practice' paragraph and "
            "the count sentence under 'Areas for improvement' are not items."
        ),
        layouts=[
            "pasted text",
            "extract from the middle of a report",
            "hard line breaks",
            "no blank lines",
            "running headers in the middle",
            "'Page N of 38' page labels in the middle",
            "footnotes in the middle",
            "footnote markers glued to words",
            "numbered findings paragraphs (1.1, 1.2) that are not items",
            "run-in 'Cause of concern:' and 'Recommendation:' labels",
            "lead-in after 'Recommendation:' over 'a)' 'b)' 'c)' lines",
            "letters restarting under the second cause of concern",
            "item deadline overriding a lead-in without one",
            "areas for improvement as U+F0B7 bullets",
            "count sentence under 'Areas for improvement'",
            "good practice paragraph",
            "PCC, NHS England and a named borough council as owners",
            "within six months of publication clamped to February's end",
            "past dates in findings",
            "ligatures",
            "line-end hyphenation",
            "items across page breaks",
        ],
        items=items,
        data=text.encode("utf-8"),
        body_text=text_body(text, builder.furniture),
        full_text=text,
        furniture=[title],
        must_contain=["[\ufb01\ufb02]", r"[a-z]-\n[a-z]"],
        crossing=crossing_items(items, pages),
    )


CASES = [digital_evidence, calderbrook]
