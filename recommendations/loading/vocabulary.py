"""The words people use for kinds, owners, inspectorates and dates, as codes."""

import calendar
import contextlib
import datetime as dt
import re
from dataclasses import dataclass

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from .. import dates
from ..models import Inspectorate, Item, Owner, Report
from .document import plain


def _key(value: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", value.lower()).strip()


ITEM_KINDS = {
    **{_key(v): v for v in Item.Kind.values},
    **{_key(str(label)): v for v, label in Item.Kind.choices},
    "rec": Item.Kind.RECOMMENDATION,
    "recommendations": Item.Kind.RECOMMENDATION,
    "afi": Item.Kind.AREA_FOR_IMPROVEMENT,
    "areas for improvement": Item.Kind.AREA_FOR_IMPROVEMENT,
    "coc": Item.Kind.CAUSE_OF_CONCERN,
    "causes of concern": Item.Kind.CAUSE_OF_CONCERN,
}

OWNERS = {
    **{_key(v): v for v in Owner.values},
    **{_key(str(label)): v for v, label in Owner.choices},
    "chief constables": Owner.CHIEF_CONSTABLE,
    "all chief constables": Owner.CHIEF_CONSTABLE,
    "cc": Owner.CHIEF_CONSTABLE,
    "force": Owner.CHIEF_CONSTABLE,
    "forces": Owner.CHIEF_CONSTABLE,
    "police and crime commissioners": Owner.PCC,
    "pccs": Owner.PCC,
    "pfcc": Owner.PCC,
    "pfccs": Owner.PCC,
    "police fire and crime commissioner": Owner.PCC,
    "national police chiefs council": Owner.NPCC,
    "association of police and crime commissioners": Owner.APCC,
    "college": Owner.COLLEGE_OF_POLICING,
    "independent office for police conduct": Owner.IOPC,
    "hm inspectorate of constabulary and fire rescue services": Owner.HMICFRS,
}

INSPECTORATES = {
    **{_key(v): v for v in Inspectorate.values},
    **{_key(str(label)): v for v, label in Inspectorate.choices},
    "college": Inspectorate.COLLEGE_OF_POLICING,
    "hmi probation": Inspectorate.HMI_PROBATION,
    "hmi prisons": Inspectorate.HMI_PRISONS,
}

REPORT_KINDS = {
    **{_key(v): v for v in Report.Kind.values},
    **{_key(str(label)): v for v, label in Report.Kind.choices},
    "peel": Report.Kind.PEEL,
    "thematic": Report.Kind.NATIONAL_THEMATIC,
    "national thematic": Report.Kind.NATIONAL_THEMATIC,
    "joint": Report.Kind.JOINT,
    "force": Report.Kind.FORCE,
    "force inspection": Report.Kind.FORCE,
    "pir": Report.Kind.POST_INSPECTION_REVIEW,
    "post inspection review": Report.Kind.POST_INSPECTION_REVIEW,
    "super complaint": Report.Kind.SUPER_COMPLAINT,
    "pcc commissioned": Report.Kind.PCC_COMMISSIONED,
    "home secretary commissioned": Report.Kind.HOME_SECRETARY_COMMISSIONED,
}

SCOPES = {
    **{_key(v): v for v in Report.Scope.values},
    **{_key(str(label)): v for v, label in Report.Scope.choices},
    "force": Report.Scope.THIS_FORCE,
    "local": Report.Scope.THIS_FORCE,
}


def item_kind(value: str) -> str | None:
    return ITEM_KINDS.get(_key(value))


def report_kind(value: str) -> str | None:
    return REPORT_KINDS.get(_key(value))


def scope(value: str) -> str | None:
    return SCOPES.get(_key(value))


def split_list(value: str) -> list[str]:
    """Split "Home Office; NPCC" or "Home Office and the NPCC" into parts."""
    parts = re.split(r"\s*(?:;|,|/|\band\b|&|\+)\s*", value, flags=re.IGNORECASE)
    return [
        re.sub(r"^the\s+", "", p, flags=re.IGNORECASE).strip()
        for p in parts
        if p.strip()
    ]


def codes(value: str, vocabulary: dict[str, str]) -> tuple[list[str], list[str]]:
    """(known codes, unknown words) for a list of names."""
    known, unknown = [], []
    for part in split_list(value):
        code = vocabulary.get(_key(part))
        if code:
            known.append(code)
        else:
            unknown.append(part)
    return known, unknown


MONTHS = {name.lower(): n for n, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): n for n, name in enumerate(calendar.month_abbr) if name})


class DateError(ValueError):
    pass


@dataclass(frozen=True)
class ReadDate:
    """A date read from a cell, and a note when the reading was not literal."""

    day: dt.date | None
    note: str = ""


# Months as dates name them, with the abbreviation "Sept" besides "Sep".
DATE_MONTHS = {**MONTHS, "sept": 9}
# Excel counts days from 30 December 1899 (keeping Lotus 1-2-3's 29 February 1900).
EXCEL_EPOCH = dt.date(1899, 12, 30)
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_ISO = re.compile(
    r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"
)
_YEAR_FIRST = re.compile(r"(\d{4})([/.])(\d{1,2})\2(\d{1,2})")
_DAY_FIRST = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})")
_DAY_MONTH_NAME = re.compile(
    r"(\d{1,2})(?:st|nd|rd|th)?[\s-]+([A-Za-z]+)\.?,?[\s-]+(\d{4}|\d{2})"
)
_MONTH_NAME_DAY = re.compile(r"([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})")
_MONTH_ALONE = re.compile(
    r"([A-Za-z]+)\.?,?(?:\s+|\s*-\s*)(\d{4})|([A-Za-z]{3,})-(\d{2})"
)


def parse_date(value: object) -> dt.date | None:
    """A date from a cell: a date object, an Excel serial number (46112), ISO, UK
    day/month/year (31/03/2027, 31/3/27, 31.03.2027), or with the month's name
    (31 March 2027, 31-Mar-27).

    Empty gives None; anything else that is not a real date within the accepted
    range (recommendations.dates) raises DateError, and so does month/day/year
    order (03/31/2027): dates are read day first.
    """
    return read_date(value).day


def read_date(value: object, *, month_alone: bool = False) -> ReadDate:
    """parse_date's reading, and with `month_alone` "March 2027" too: the end of
    that month, with a note saying so."""
    read = _read_date(value, month_alone)
    if read.day is not None and not dates.in_range(read.day):
        raise DateError(f"{read.day:%d/%m/%Y}: {dates.out_of_range_message()}")
    return read


def _year(digits: str) -> int:
    # Two-digit years are this century's: 31/3/27 is 31 March 2027.
    return 2000 + int(digits) if len(digits) == 2 else int(digits)


# Excel's day count for 1 January 1910: a smaller number in a date column is a slip.
PLAUSIBLE_SERIAL = 3654


def _from_serial(number: float, text: str) -> dt.date:
    whole = int(number)
    if text.isdigit() and len(text) == 4 and 1900 <= whole <= 2099:
        raise DateError(
            _(
                "%(text)s looks like a year, not a date: enter the day, month and "
                "year, for example 31/12/%(text)s"
            )
            % {"text": text}
        )
    if whole < PLAUSIBLE_SERIAL:
        # "3" in a date column is a slip, not 3 January 1900.
        raise DateError(
            _("%(text)s is not a date (use, for example, 31/03/2026)") % {"text": text}
        )
    try:
        return EXCEL_EPOCH + dt.timedelta(days=whole)
    except OverflowError as error:
        raise DateError(f"{text}: {dates.out_of_range_message()}") from error


def _read_date(value: object, month_alone: bool) -> ReadDate:
    if value is None:
        return ReadDate(None)
    if isinstance(value, dt.datetime):
        return ReadDate(value.date())
    if isinstance(value, dt.date):
        return ReadDate(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        # A date cell formatted as a number: Excel's count of days.
        return ReadDate(_from_serial(value, f"{value:g}"))
    text = str(value).strip()
    if not text:
        return ReadDate(None)
    if _NUMBER.fullmatch(text):
        return ReadDate(_from_serial(float(text), text))
    try:
        if m := _ISO.fullmatch(text):
            return ReadDate(dt.date(int(m[1]), int(m[2]), int(m[3])))
        if m := _YEAR_FIRST.fullmatch(text):
            return ReadDate(dt.date(int(m[1]), int(m[3]), int(m[4])))
        if m := _DAY_FIRST.fullmatch(text):
            day, month, year = int(m[1]), int(m[3]), _year(m[4])
            if month > 12 and 1 <= day <= 12:
                raise _month_first(text, day, month, year)
            return ReadDate(dt.date(year, month, day))
        if (m := _DAY_MONTH_NAME.fullmatch(text)) and m[2].lower() in DATE_MONTHS:
            return ReadDate(dt.date(_year(m[3]), DATE_MONTHS[m[2].lower()], int(m[1])))
        if (m := _MONTH_NAME_DAY.fullmatch(text)) and m[1].lower() in DATE_MONTHS:
            return ReadDate(dt.date(int(m[3]), DATE_MONTHS[m[1].lower()], int(m[2])))
        if m := _MONTH_ALONE.fullmatch(text):
            name, digits = (m[1], m[2]) if m[1] else (m[3], m[4])
            named = DATE_MONTHS.get(name.lower())
            if named:
                return _end_of_month(text, _year(digits), named, month_alone)
    except ValueError as error:
        if isinstance(error, DateError):
            raise
        raise DateError(_("%(text)s is not a real date") % {"text": text}) from error
    raise DateError(
        _(
            "%(text)s is not a date: dates are read as day/month/year, for example "
            "31/03/2027"
        )
        % {"text": text}
    )


def _month_first(text: str, day: int, month: int, year: int) -> DateError:
    message = _(
        "%(text)s is not a date: dates are read as day/month/year, and there is no "
        "month %(month)s"
    ) % {"text": text, "month": month}
    try:
        meant = dt.date(year, day, month)
    except ValueError:
        return DateError(message)
    return DateError(
        _("%(message)s. For %(meant)s, write %(written)s")
        % {
            "message": message,
            "meant": date_format(meant, "j F Y"),
            "written": f"{meant:%d/%m/%Y}",
        }
    )


def _end_of_month(text: str, year: int, month: int, allowed: bool) -> ReadDate:
    if not allowed:
        raise DateError(
            _("%(text)s has no day: enter the full date, for example 31/03/2027")
            % {"text": text}
        )
    day = dt.date(year, month, calendar.monthrange(year, month)[1])
    if not dates.in_range(day):
        return ReadDate(day)  # refused by read_date, with the range's message
    return ReadDate(
        day,
        _("\u201c%(text)s\u201d is read as the end of that month, %(day)s: check it.")
        % {"text": text, "day": date_format(day, "j F Y")},
    )


def add_months(day: dt.date, months: int) -> dt.date:
    month_index = day.month - 1 + months
    year = day.year + month_index // 12
    month = month_index % 12 + 1
    last = calendar.monthrange(year, month)[1]
    return dt.date(year, month, min(day.day, last))


NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "eighteen": 18,
    "twenty-four": 24,
    "a": 1,
}


QUARTER_WORDS = {
    "first": 1,
    "1st": 1,
    "one": 1,
    "second": 2,
    "2nd": 2,
    "two": 2,
    "third": 3,
    "3rd": 3,
    "three": 3,
    "fourth": 4,
    "4th": 4,
    "four": 4,
    "final": 4,
    "last": 4,
}
# The clause an ask sits in: a deadline in a finding ("by the end of 2020 only 12
# forces had ...") is not a deadline. A sentence proposes a date only if it asks.
ASK = re.compile(
    r"\b(?:should|must|will|shall|needs? to|is to|are to|ought to|recommend|"
    r"make sure|ensure|establish|develop|review|introduce|publish|implement|"
    r"improve|provide|consider|put in place|carry out|set out)\b",
    re.IGNORECASE,
)
# A sentence that reports rather than asks: "only 12 forces had a plan".
FINDING = re.compile(
    r"\b(?:had|was|were|did|found|told|said|showed|been|identified)\b",
    re.IGNORECASE,
)


def _financial_year(first: str, second: str) -> int | None:
    """The calendar year a financial year "2023/24" ends in (31 March), or None."""
    start = int(first)
    end = int(second) if len(second) == 4 else (start // 100) * 100 + int(second)
    if end < start:
        end += 100
    return end if end == start + 1 else None


def _quarter_end(year: int, quarter: int, financial: bool) -> dt.date:
    """The last day of a quarter; a financial year's first quarter is April-June."""
    if financial:
        # Financial year `year - 1`/`year`: Q1 ends 30 June of year - 1.
        month = (3 + 3 * quarter) % 12 or 12
        cal_year = year - 1 if quarter < 4 else year
    else:
        month, cal_year = 3 * quarter, year
    return dt.date(cal_year, month, calendar.monthrange(cal_year, month)[1])


def deadline_from_wording(
    text: str, published: dt.date | None
) -> tuple[dt.date | None, str]:
    """A target date the wording gives, and the words it came from.

    "By 31 March 2022", "Not later than 31 March 2015", "by March 2023", "by the end
    of 2023", "before the end of the 2023/24 financial year" (31 March 2024), "by
    the end of quarter 2 of 2024/25" (financial: 30 September 2024), "by the end of
    the third quarter of 2024" (calendar), "within six months" / "within 12 months
    of publication" / "within a year" / "within six weeks" (counted from
    publication), "by the end of this year", "immediately" (the publication date).
    Only a sentence that asks for something gives a date, and a date followed by
    a past-tense finding ("by the end of 2020 only 12 forces had") is none. Wording
    whose date does not exist or falls outside the accepted range
    (recommendations.dates), or before publication, gives no date: the row then
    says it has none, for a person to set.
    """
    for sentence in re.split(r"(?<=[.;!?])\s+(?=[A-Z\u2018\u201c(])", text):
        if not ASK.search(sentence) and FINDING.search(sentence):
            continue
        try:
            day, words = _deadline_from_wording(sentence, published)
        except (ValueError, OverflowError):  # "by March 0000", "within 9999999 months"
            continue
        if day is None:
            continue
        if not dates.in_range(day) or (published is not None and day < published):
            continue
        return day, words
    return None, ""


_DASH = "(?:[-/\u2010-\u2015]|\\s+to\\s+)"


def _deadline_from_wording(
    text: str, published: dt.date | None
) -> tuple[dt.date | None, str]:
    lowered = text.lower().replace("\u2019", "'")
    found: list[tuple[int, dt.date, str]] = []

    verb = ADDRESSEE_VERB.search(lowered)

    def leads(m: re.Match[str]) -> bool:
        """The words set when the ask is due, not how long a step of it may take:
        before the verb ("Within three months, the force should"), straight after it
        ("should, within six months,"), or in a fragment with no verb."""
        if verb is None or m.start() < verb.start():
            return True
        return not lowered[verb.end() : m.start()].strip(" ,")

    def add(m: re.Match[str], day: dt.date | None) -> None:
        if day is not None:
            found.append((m.start(), day, text[m.start() : m.end()]))

    by = r"\b(?:by|not later than|no later than|before|until|in time for)\s+"
    for m in re.finditer(
        by + r"(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]+),?\s+(\d{4})",
        lowered,
    ):
        month = MONTHS.get(m[2])
        if month:
            with contextlib.suppress(ValueError):
                add(m, dt.date(int(m[3]), month, int(m[1])))
    for m in re.finditer(by + r"(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})\b", lowered):
        year = int(m[3]) if len(m[3]) == 4 else 2000 + int(m[3])
        with contextlib.suppress(ValueError):  # day/month/year, as the UK writes
            add(m, dt.date(year, int(m[2]), int(m[1])))
    for m in re.finditer(
        by + r"(?:the\s+)?(?:end\s+of\s+)?(?:the\s+)?(?:financial\s+year\s+)?"
        r"(\d{4})\s*" + _DASH + r"\s*(\d{4}|\d{2})\b(?:\s+financial\s+year)?",
        lowered,
    ):
        ends = _financial_year(m[1], m[2])
        if ends:
            add(m, dt.date(ends, 3, 31))
    for m in re.finditer(
        by + r"(?:the\s+)?end\s+of\s+(?:the\s+)?(?:(first|second|third|fourth|"
        r"final|last|1st|2nd|3rd|4th)\s+quarter|(?:quarter|q)\s*([1-4]))\s+"
        r"(?:of\s+)?(?:the\s+)?(\d{4})(?:\s*" + _DASH + r"\s*(\d{4}|\d{2})\b)?"
        r"(\s+financial\s+year)?",
        lowered,
    ):
        quarter = QUARTER_WORDS.get(m[1] or "") or int(m[2] or 0)
        if m[4]:
            ends = _financial_year(m[3], m[4])
            if ends:
                add(m, _quarter_end(ends, quarter, financial=True))
        elif m[5]:
            add(m, _quarter_end(int(m[3]) + 1, quarter, financial=True))
        else:
            add(m, _quarter_end(int(m[3]), quarter, financial=False))
    for m in re.finditer(
        by + r"(?:the\s+)?(?:end\s+of\s+)?([a-z]+)\s+(\d{4})\b(?!\s*" + _DASH + ")",
        lowered,
    ):
        month = MONTHS.get(m[1])
        if month:
            year = int(m[2])
            add(m, dt.date(year, month, calendar.monthrange(year, month)[1]))
    for m in re.finditer(
        by
        + r"(?:the\s+)?end\s+of\s+(?:calendar\s+year\s+)?(\d{4})\b(?!\s*"
        + _DASH
        + ")",
        lowered,
    ):
        add(m, dt.date(int(m[1]), 12, 31))
    if published is not None:
        for m in re.finditer(
            r"\bwithin\s+(?:the\s+next\s+)?(\d+|[a-z-]+)\s+"
            r"(day|days|week|weeks|month|months|year|years)\b"
            r"(?:\s+of\s+(?:the\s+)?(?:publication|this\s+report)[a-z' ]{0,30})?",
            lowered,
        ):
            count = int(m[1]) if m[1].isdigit() else NUMBER_WORDS.get(m[1])
            if not count:
                continue
            counted_from = re.match(
                r"\s+(?:of|from|after)\s+(?:the\s+)?(\w+)", lowered[m.end() :]
            )
            if counted_from and counted_from[1] not in {
                "publication",
                "this",
                "report",
            }:
                continue  # "within five days of reporting a crime": a time limit
            if not leads(m) and not lowered[m.end() :].lstrip().startswith(
                ("of publication", "of this report", "of the publication")
            ):
                continue
            unit = m[2]
            if unit.startswith("day"):
                add(m, published + dt.timedelta(days=count))
            elif unit.startswith("week"):
                add(m, published + dt.timedelta(weeks=count))
            else:
                months = count * 12 if unit.startswith("year") else count
                add(m, add_months(published, months))
        for m in re.finditer(
            by + r"the\s+end\s+of\s+(this|the)\s+(financial\s+)?year\b", lowered
        ):
            if m[2]:
                year = published.year + (1 if published.month >= 4 else 0)
                add(m, dt.date(year, 3, 31))
            elif m[1] == "this":
                add(m, dt.date(published.year, 12, 31))
        now = re.search(r"\b(?:with immediate effect|an immediate)\b", lowered) or next(
            (m for m in re.finditer(r"\bimmediately\b", lowered) if leads(m)), None
        )
        if now:
            found.append((now.start(), published, text[now.start() : now.end()]))
    if not found:
        return None, ""
    _, day, words = min(found, key=lambda f: f[0])
    return day, words


# Bodies named in wording, most specific first, so "Association of Police and Crime
# Commissioners" is not also read as "police and crime commissioners". Matched on
# plain text (curly apostrophes straightened, lower case).
WORDING_OWNERS: list[tuple[str, str]] = [
    (r"association of police and crime commissioners|\bapcc\b", Owner.APCC),
    (r"national police chiefs'? council|\bnpcc\b", Owner.NPCC),
    (r"college of policing|\bthe college\b", Owner.COLLEGE_OF_POLICING),
    (r"independent office for police conduct|\biopc\b", Owner.IOPC),
    (r"home office|home secretary|secretary of state for the home", Owner.HOME_OFFICE),
    (
        r"\bhmicfrs\b|his majesty's inspectorate of constabulary|hm inspectorate of "
        r"constabulary|\bhmic\b|\bthe inspectorate\b|\bwe will\b",
        Owner.HMICFRS,
    ),
    (
        r"police(?:,)? (?:fire )?(?:and )?(?:fire and )?crime "
        r"commissioners?(?!'? office)|\bp(?:f)?ccs?\b|\bpolicing bodies\b|"
        r"\bmayor's office for policing",
        Owner.PCC,
    ),
    (
        r"chief constables?|\bforces?\b|chief officers|\bpolice service\b|"
        r"\bthe (?:metropolitan )?police\b(?! and crime| federation| superintendents)|"
        r"commissioner of (?:police of )?the metropolis|\bconstabulary\b|"
        r"\b(?:custody|police) (?:staff|officers?)\b|\bofficers and staff\b|"
        r"\bcustody sergeants?\b|\bcall handlers\b|\bsupervisors\b|"
        r"\bpolice forces\b|\bpolice\s*,?\s*$",
        Owner.CHIEF_CONSTABLE,
    ),
]
# Bodies outside the owner list: the item's owner is "Other" and the name is kept.
OTHER_BODIES: list[tuple[str, str]] = [
    (r"ministry of justice|\bmoj\b", "Ministry of Justice"),
    (r"crown prosecution service|\bcps\b", "Crown Prosecution Service"),
    (r"nhs england", "NHS England"),
    (r"\bnhs\b(?! england)|national health service", "NHS"),
    (
        r"local authorit(?:y|ies)|\b(?:local|county|borough|city|district) councils?\b",
        "Local authorities",
    ),
    (r"department for education|\bdfe\b", "Department for Education"),
    (
        r"department of health and social care|\bdhsc\b",
        "Department of Health and Social Care",
    ),
    (
        r"hm prison and probation service|\bhmpps\b|probation service",
        "HM Prison and Probation Service",
    ),
    (r"national crime agency|\bnca\b", "National Crime Agency"),
    (
        r"hm courts (?:and|&) tribunals service|\bhmcts\b",
        "HM Courts and Tribunals Service",
    ),
    (r"attorney general", "Attorney General's Office"),
    (r"cabinet office", "Cabinet Office"),
    (r"welsh government", "Welsh Government"),
    (r"\bofsted\b", "Ofsted"),
    (r"hm inspectorate of probation|\bhmi probation\b", "HMI Probation"),
    (r"hm inspectorate of prisons|\bhmi prisons\b", "HMI Prisons"),
    (
        r"hm crown prosecution service inspectorate|\bhmcpsi\b",
        "HM Crown Prosecution Service Inspectorate",
    ),
    (r"\bestyn\b", "Estyn"),
    (r"parole board", "Parole Board"),
    (r"police federation(?: of england and wales)?", "Police Federation"),
    (r"police superintendents'? association", "Police Superintendents' Association"),
    (r"care quality commission|\bcqc\b", "Care Quality Commission"),
    (r"integrated care (?:boards?|systems?)|\bicbs?\b", "Integrated care boards"),
    (r"health and wellbeing boards?", "Health and wellbeing boards"),
    (r"safeguarding partners(?:hips)?", "Safeguarding partnerships"),
    (r"youth justice board", "Youth Justice Board"),
    (
        r"youth justice services?|youth offending (?:teams?|services?)",
        "Youth justice services",
    ),
    (r"criminal justice boards?", "Local criminal justice boards"),
    (r"fire and rescue services?|chief fire officers", "Fire and rescue services"),
    (
        r"department for science|\bdsit\b",
        "Department for Science, Innovation and Technology",
    ),
    (r"department for transport", "Department for Transport"),
    (r"police and crime panels?", "Police and crime panels"),
    (r"\bdvla\b", "DVLA"),
    (r"\bhm treasury\b|\bthe treasury\b", "HM Treasury"),
]
# The verb after the addressee: "The Home Office should, by ...", "HMICFRS will".
ADDRESSEE_VERB = re.compile(
    r"\b(?:should|must|shall|will|needs? to|is to|are to|ought to|has agreed to|"
    r"have agreed to)\b"
)


WORKING_WITH = re.compile(
    r",\s*(?:(?:working|acting|jointly|together|in partnership|in conjunction|in "
    r"consultation|in collaboration|supported|assisted|led|advised)\b|with\b|"
    r"alongside\b|through\b|and with\b)[^,]*(?:,|$)"
)


@dataclass(frozen=True)
class Addressees:
    """Who the wording addresses: owner codes, other bodies' names, and how sure
    ("addressee": named before the verb; "mention": named anywhere; "guess":
    "police" taken to mean the chief constable; "" when none)."""

    codes: list[str]
    others: list[str]
    confidence: str


def addressees(text: str) -> Addressees:
    """Owners and other bodies the wording is addressed to (see Addressees)."""
    lowered = plain(text)
    # plain() keeps lengths for text mend()ed first, so spans map back to `text`.
    original = text if len(text) == len(lowered) else lowered
    verb = ADDRESSEE_VERB.search(lowered)
    head_end = verb.start() if verb else 0
    head_start = 0
    for m in re.finditer(
        r"\b(?:that|which|where|when|whether|so|because)\b", lowered[:head_end]
    ):
        head_start = m.end()
    spans = [(head_start, head_end, "addressee")]
    if verb is None:
        # No "should": any body the wording names, flagged for checking. With one,
        # bodies named after it are not addressed ("... a priority for the police").
        spans.append((0, len(lowered), "mention"))
    for start, end, confidence in spans:
        part = lowered[start:end]
        if not part.strip():
            continue
        if confidence == "addressee":
            # "The NPCC, working with the College of Policing, should": the
            # bodies it works with are not addressed.
            part = WORKING_WITH.sub(lambda m: " " * len(m[0]), part)
        found, others = _bodies(part, original[start:end])
        if found or others:
            if others and Owner.OTHER not in found:
                found.append(Owner.OTHER)
            return Addressees(found, others, confidence)
    head = lowered[head_start:head_end]
    if re.search(r"\bpolice\b|\bofficers\b", head):
        return Addressees([Owner.CHIEF_CONSTABLE], [], "guess")
    return Addressees([], [], "")


# A named body outside the list, as the wording capitalises it: "the Government
# Equalities Office", "the Parole Board".
NAMED_BODY = re.compile(
    r"\b(?:[A-Z][\w\u2019'&-]*\s+){1,5}(?:of\s+(?:[A-Z][\w\u2019'-]*\s*){1,4})?"
    r"(?:Office|Department|Agency|Service|Services|Board|Boards|Authority|Council|"
    r"Commission|Ministry|Inspectorate|Government|Trust|Executive|Unit|Bureau|"
    r"Institute|Partnership|Panel|Forum|Network|Regulator|Ombudsman|Tribunal|"
    r"Directorate|Centre|Committee|Registry|Court|Courts)\b"
)


def _bodies(part: str, original: str) -> tuple[list[str], list[str]]:
    """(codes, other bodies' names as the wording writes them) named in `part`."""
    found: list[str] = []
    others: list[str] = []
    rest = part
    for pattern, code in WORDING_OWNERS:
        if re.search(pattern, rest) and code not in found:
            found.append(code)
            rest = re.sub(pattern, lambda m: " " * len(m[0]), rest)
    named: list[tuple[int, str]] = []
    for pattern, name in OTHER_BODIES:
        # "the CPS lead": the name as written, its "lead" with it.
        named_as = f"(?:{pattern})" + r"(?:\s+lead\b)?"
        for m in re.finditer(named_as, rest):
            start = m.start()
            if len(original) == len(rest):
                # "Calderbrook Borough Council": the place's name with it.
                prefix = re.search(
                    r"(?:(?!The\b|And\b|All\b)[A-Z][\w\u2019'-]*\s+){1,3}$",
                    original[:start],
                )
                if prefix and rest[prefix.start() : start].strip():
                    start = prefix.start()
            written = original[start : m.end()] if len(original) == len(rest) else name
            named.append((m.start(), written if written.strip() else name))
        rest = re.sub(named_as, lambda m: " " * len(m[0]), rest)
    if len(original) == len(rest):
        for m in NAMED_BODY.finditer(original):
            name = re.sub(r"^(?:The|All|Each|A|An)\s+", "", m[0]).strip()
            before = original[max(0, m.start() - 12) : m.start()].lower()
            if (
                rest[m.start() : m.end()].strip() == plain(m[0]).strip()
                and len(name.split()) > 1
                # "the force's Professional Standards Department": part of it.
                and not re.search(
                    r"(?:'s|\u2019s|s'|s\u2019|\bits|\btheir)\s*$", before
                )
            ):
                named.append((m.start(), name))
    for _start, name in sorted(named):
        if name.lower() not in {n.lower() for n in others}:
            others.append(name)
    return found, others


def other_body(name: str) -> str | None:
    """The name of a body outside the owner list, when `name` is one ("MoJ")."""
    key = plain(name).strip()
    key = re.sub(r"^(?:the|all)\s+", "", key)
    for pattern, body in OTHER_BODIES:
        if re.fullmatch(f"(?:{pattern})", key):
            return body
    return None


def owners_from_wording(text: str) -> tuple[list[str], str]:
    """Owners named by the wording, and how sure: "addressee", "mention" or "guess".

    The addressee is whoever comes before the first "should" (or "must", "will");
    failing that, any body the text names; failing that, "police" means the chief
    constable (a guess). Bodies outside the owner list count as Other (their names:
    `addressees`).
    """
    found = addressees(text)
    return found.codes, found.confidence
