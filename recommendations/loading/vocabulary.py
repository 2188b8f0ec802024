"""The words people use for kinds, owners, inspectorates and dates, as codes."""

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from .. import dates
from ..models import Inspectorate, Item, Owner, Report


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
    if whole < 1 or whole == 60:  # Excel's 29 February 1900 never was
        raise DateError(_("%(text)s is not a real date") % {"text": text})
    if whole < 60:
        return EXCEL_EPOCH + dt.timedelta(days=whole + 1)
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


def deadline_from_wording(
    text: str, published: dt.date | None
) -> tuple[dt.date | None, str]:
    """A target date the wording gives, and the words it came from.

    "By 31 March 2022", "Not later than 31 March 2015", "by March 2023", "by the end
    of 2023", "within six months" / "within 12 months" / "within a year" (counted
    from publication), "immediately" (the publication date). Wording whose date
    does not exist or falls outside the accepted range (recommendations.dates)
    gives no date: the row then says it has none, for a person to set.
    """
    try:
        day, words = _deadline_from_wording(text, published)
    except (ValueError, OverflowError):  # "by March 0000", "within 99999999 months"
        return None, ""
    if day is not None and not dates.in_range(day):
        return None, ""
    return day, words


def _deadline_from_wording(
    text: str, published: dt.date | None
) -> tuple[dt.date | None, str]:
    lowered = text.lower()
    if m := re.search(
        r"\b(?:by|not later than|no later than|before)\s+(?:the\s+)?"
        r"(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\s+(\d{4})",
        lowered,
    ):
        month = MONTHS.get(m[2])
        if month:
            try:
                return dt.date(int(m[3]), month, int(m[1])), text[m.start() : m.end()]
            except ValueError:
                pass
    if m := re.search(r"\bby\s+(?:the\s+end\s+of\s+)?([a-z]+)\s+(\d{4})", lowered):
        month = MONTHS.get(m[1])
        if month:
            year = int(m[2])
            return (
                dt.date(year, month, calendar.monthrange(year, month)[1]),
                text[m.start() : m.end()],
            )
    if m := re.search(r"\bby\s+the\s+end\s+of\s+(\d{4})", lowered):
        return dt.date(int(m[1]), 12, 31), text[m.start() : m.end()]
    if published is not None:
        if m := re.search(
            r"\bwithin\s+(\d+|[a-z-]+)\s+(month|months|year|years)\b", lowered
        ):
            count = int(m[1]) if m[1].isdigit() else NUMBER_WORDS.get(m[1])
            if count:
                months = count * 12 if m[2].startswith("year") else count
                return add_months(published, months), text[m.start() : m.end()]
        if re.search(r"\bimmediately\b", lowered):
            return published, "immediately"
    return None, ""


# Bodies named in wording, most specific first, so "Association of Police and Crime
# Commissioners" is not also read as "police and crime commissioners".
WORDING_OWNERS: list[tuple[str, str]] = [
    (r"association of police and crime commissioners|\bapcc\b", Owner.APCC),
    (r"national police chiefs'? council|\bnpcc\b", Owner.NPCC),
    (r"college of policing", Owner.COLLEGE_OF_POLICING),
    (r"independent office for police conduct|\biopc\b", Owner.IOPC),
    (r"home office|home secretary", Owner.HOME_OFFICE),
    (r"\bhmicfrs\b|his majesty's inspectorate|hm inspectorate", Owner.HMICFRS),
    (
        r"police(?:,)? (?:fire )?(?:and )?(?:fire and )?crime commissioners?"
        r"|\bp(?:f)?ccs?\b",
        Owner.PCC,
    ),
    (r"chief constables?|\bforces?\b|chief officers", Owner.CHIEF_CONSTABLE),
]


def owners_from_wording(text: str) -> tuple[list[str], str]:
    """Owners named by the wording, and how sure: "addressee", "mention" or "guess".

    The addressee is whoever comes before the first "should"; failing that, any body
    the text names; failing that, "police" means the chief constable (a guess).
    """
    lowered = text.lower()
    lowered = re.sub(r"association of police and crime commissioners", "apcc", lowered)
    head = lowered.split(" should ", 1)[0] if " should " in lowered else ""
    for part, confidence in ((head, "addressee"), (lowered, "mention")):
        if not part:
            continue
        found = []
        for pattern, code in WORDING_OWNERS:
            if re.search(pattern, part) and code not in found:
                found.append(code)
        if found:
            return found, confidence
    if re.search(r"\bpolice\b|\bofficers\b", lowered):
        return [Owner.CHIEF_CONSTABLE], "guess"
    return [], ""
