"""Dates as spreadsheets carry them: read whatever their form, refused only when
they cannot be read for sure (month first, no such date, out of range)."""

import datetime as dt

import pytest

from recommendations.loading.vocabulary import DateError, parse_date, read_date

MARCH_31 = dt.date(2027, 3, 31)


@pytest.mark.parametrize(
    "value",
    [
        46477,  # an Excel serial number, as a number cell gives it
        46477.0,
        "46477",  # ... and as a CSV gives it
        "46477.75",  # with a time of day
        dt.datetime(2027, 3, 31, 0, 0),  # a date cell
        dt.date(2027, 3, 31),
        "2027-03-31",
        "2027-03-31 00:00:00",
        "2027/03/31",
        "31/03/2027",
        "31/3/27",  # two-digit years are this century's
        "31.03.2027",
        "31-03-2027",
        "31-Mar-27",
        "31 Mar 2027",
        "31 March 2027",
        "31st March 2027",
        "March 31, 2027",
    ],
)
def test_each_form_of_a_date_is_read(value):
    assert parse_date(value) == MARCH_31


def test_excel_serial_numbers_follow_excels_calendar():
    assert parse_date("36526") == dt.date(2000, 1, 1)
    assert parse_date(45382) == dt.date(2024, 3, 31)


@pytest.mark.parametrize("slip", ["1", "3", "60", "3653"])
def test_a_small_number_in_a_date_column_is_a_slip_not_a_day_in_1900(slip):
    with pytest.raises(DateError, match="is not a date"):
        parse_date(slip)


@pytest.mark.parametrize("value", ["March 2027", "Mar 2027", "Mar-27"])
def test_a_month_alone_is_its_last_day_with_a_note_saying_so(value):
    read = read_date(value, month_alone=True)
    assert read.day == MARCH_31
    assert "read as the end of that month, 31 March 2027" in read.note
    assert read_date("31/03/2027", month_alone=True).note == ""


def test_a_month_alone_is_refused_where_a_day_is_needed():
    with pytest.raises(DateError, match="has no day"):
        parse_date("March 2027")


@pytest.mark.parametrize("value", ["03/31/2027", "3/31/27", "12/13/2026"])
def test_month_first_order_is_refused_saying_dates_are_day_first(value):
    with pytest.raises(DateError) as refused:
        parse_date(value)
    assert "dates are read as day/month/year" in str(refused.value)


def test_the_month_first_refusal_says_how_to_write_the_date():
    with pytest.raises(DateError) as refused:
        parse_date("03/31/2027")
    assert str(refused.value).endswith("For 31 March 2027, write 31/03/2027")


def test_an_ambiguous_date_is_read_day_first():
    assert parse_date("03/04/2027") == dt.date(2027, 4, 3)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("31/02/2024", "31/02/2024 is not a real date"),
        ("soon", "soon is not a date"),
        ("2027", "looks like a year"),
        ("1/1/1850", "Enter a date between 1 January 1900 and 31 December 2099"),
        ("99999999", "Enter a date between 1 January 1900 and 31 December 2099"),
        ("31 Mar 2100", "Enter a date between 1 January 1900 and 31 December 2099"),
        ("Smarch 2027", "is not a date"),
    ],
)
def test_what_is_not_a_date_in_range_is_refused(value, message):
    with pytest.raises(DateError, match=message):
        read_date(value, month_alone=True)


def test_empty_is_no_date():
    assert parse_date("") is None
    assert parse_date(None) is None
    assert parse_date("  ") is None
