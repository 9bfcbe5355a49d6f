from datetime import date, datetime

import pytest

from transforms.dates import is_date_expression, resolve_date

FRIDAY = datetime(2016, 10, 21, 12, 0)


@pytest.mark.parametrize(
    ("text", "future", "expected", "precision"),
    [
        ("Thursday", False, date(2016, 10, 20), "day"),
        ("on Wednesday", False, date(2016, 10, 19), "day"),
        ("Friday", False, date(2016, 10, 21), "day"),
        ("Thursday", True, date(2016, 10, 27), "day"),
        ("next Monday", False, date(2016, 10, 24), "day"),
        ("yesterday", False, date(2016, 10, 20), "day"),
        ("the weekend", False, date(2016, 10, 15), "week"),
        ("the weekend", True, date(2016, 10, 22), "week"),
        ("last week", False, date(2016, 10, 10), "week"),
        ("last month", False, date(2016, 9, 1), "month"),
        ("next year", False, date(2017, 1, 1), "year"),
        ("in March", False, date(2016, 3, 1), "month"),
        ("26 February 2016", False, date(2016, 2, 26), "day"),
        ("Feb. 26", False, date(2016, 2, 26), "day"),
        ("Oct. 21", True, date(2016, 10, 21), "day"),
        ("Oct. 21", False, date(2016, 10, 21), "day"),
        ("Feb 29", False, date(2016, 2, 29), "day"),
        ("Feb 29", True, date(2020, 2, 29), "day"),
        ("March 20-21", True, date(2017, 3, 20), "day"),
        ("2016-10-21", False, date(2016, 10, 21), "day"),
        ("April one", False, date(2016, 4, 1), "day"),
        ("April one", True, date(2017, 4, 1), "day"),
        ("March twenty-one", False, date(2016, 3, 21), "day"),
        ("this evening", False, date(2016, 10, 21), "day"),
        ("yesterday morning", False, date(2016, 10, 20), "day"),
        ("three days ago", False, date(2016, 10, 18), "day"),
        ("two weeks ago", False, date(2016, 10, 3), "week"),
        ("a year ago", False, date(2015, 1, 1), "year"),
        ("the end of March", False, date(2016, 3, 1), "month"),
        ("late 2015", False, date(2015, 1, 1), "year"),
        ("end-1986", False, date(1986, 1, 1), "year"),
        ("early next year", False, date(2017, 1, 1), "year"),
    ],
)
def test_resolve_against_publication(text, future, expected, precision):
    resolved = resolve_date(text, FRIDAY, future)
    assert resolved is not None
    assert (resolved.value, resolved.precision) == (expected, precision)


def test_no_publication_date_means_no_event_date():
    assert resolve_date("Thursday", None) is None


@pytest.mark.parametrize("text", ["3000 years ago", "99999999999 days ago", "Feb 30", "March 99"])
def test_impossible_dates_are_none(text):
    """No calendar arithmetic past what a date can hold, no 30 February."""
    assert resolve_date(text, FRIDAY) is None and resolve_date(text, FRIDAY, True) is None


def test_durations_are_not_dates():
    assert resolve_date("24 hours", FRIDAY) is None


@pytest.mark.parametrize(
    ("text", "is_date"),
    [("last week", True), ("Two years ago", True), ("1986", True), ("three years", False),
     ("annual", False), ("21-year-old", False), ("the 1986/87 season", False)],
)  # fmt: skip
def test_date_expressions(text, is_date):
    """Durations, frequencies and ages date nothing, so the coder looks past them."""
    assert is_date_expression(text) is is_date
