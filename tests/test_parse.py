"""dateline.parse: one short string, no pipeline."""

from __future__ import annotations

import datetime as dt
from concurrent.futures import ThreadPoolExecutor

import dateline
import pytest
from dateline import parse

DCT = dt.date(2026, 3, 5)  # a Thursday


@pytest.mark.parametrize("ref", [DCT, "2026-03-05", dt.datetime(2026, 3, 5, 23, 59), "2026-03-05T08:00:00Z"])
def test_reference_date_forms(ref: object) -> None:
    t = parse("yesterday", reference_date=ref)  # type: ignore[arg-type]
    assert t is not None
    assert (t.text, t.start, t.end, t.type, t.value) == ("yesterday", 0, 9, "DATE", "2026-03-04")
    assert parse("tomorrow", reference_date=ref).value == "2026-03-06"  # type: ignore[arg-type, union-attr]


def test_day_values() -> None:
    t = parse("yesterday", reference_date=DCT)
    assert t is not None
    assert t.interval == (dt.date(2026, 3, 4), dt.date(2026, 3, 5))
    assert t.date == dt.date(2026, 3, 4)
    assert t.datetime == dt.datetime(2026, 3, 4) and t.datetime.tzinfo is None
    assert (t.granularity, t.mod, t.zone, t.freq, t.quant) == ("day", None, None, None, None)


@pytest.mark.parametrize(
    ("text", "value", "mod", "interval"),
    [
        ("Prices rose in late March 2025.", "2025-03", "END", (dt.date(2025, 3, 21), dt.date(2025, 4, 1))),
        ("It opens in early 2027.", "2027", "START", (dt.date(2027, 1, 1), dt.date(2027, 5, 1))),
        ("They met in mid-2019.", "2019", "MID", (dt.date(2019, 5, 1), dt.date(2019, 9, 1))),
        ("Rents climbed in the late 1980s.", "198", "END", (dt.date(1987, 1, 1), dt.date(1990, 1, 1))),
        ("It grew around 2019.", "2019", "APPROX", (dt.date(2019, 1, 1), dt.date(2020, 1, 1))),
    ],
)
def test_a_modifier_narrows_the_interval(text: str, value: str, mod: str, interval: tuple[dt.date, dt.date]) -> None:
    t = parse(text, reference_date=DCT)
    assert t is not None
    assert (t.value, t.mod, t.interval, t.date) == (value, mod, interval, interval[0])


def test_the_expression_inside_a_sentence() -> None:
    t = parse("We will meet in 3 weeks.", reference_date=DCT)
    assert t is not None
    assert (t.text, t.start, t.end, t.type, t.value, t.date) == (
        "3 weeks", 16, 23, "DATE", "2026-03-26", dt.date(2026, 3, 26)
    )
    t = parse("Café: March 5, 2026")
    assert t is not None
    assert (t.text, t.start, t.end, t.value) == ("March 5, 2026", 6, 19, "2026-03-05")


def test_coarser_values_give_the_first_day() -> None:
    t = parse("Sales fell in March 2025.")
    assert t is not None
    assert (t.value, t.granularity, t.date, t.datetime) == ("2025-03", "month", dt.date(2025, 3, 1), None)
    assert t.interval == (dt.date(2025, 3, 1), dt.date(2025, 4, 1))
    y = parse("in 2019")
    assert y is not None and (y.value, y.granularity, y.date) == ("2019", "year", dt.date(2019, 1, 1))


def test_times_with_and_without_a_zone() -> None:
    t = parse("2026-03-06T14:30+01:00")
    assert t is not None
    assert (t.type, t.value, t.zone, t.granularity) == ("TIME", "2026-03-06T14:30", "+01:00", "minute")
    want = dt.datetime(2026, 3, 6, 14, 30, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    assert t.datetime == want and t.datetime.utcoffset() == dt.timedelta(hours=1)
    assert t.date == dt.date(2026, 3, 6)
    west = parse("2026-03-06T14:30-05:30")
    assert west is not None and west.datetime.utcoffset() == -dt.timedelta(hours=5, minutes=30)  # type: ignore[union-attr]
    naive = parse("2026-03-06 14:30")
    assert naive is not None and naive.datetime == dt.datetime(2026, 3, 6, 14, 30) and naive.zone is None


def test_values_without_a_calendar_day() -> None:
    d = parse("The visit lasted two days.")
    assert d is not None
    assert (d.type, d.value, d.interval, d.date, d.datetime, d.granularity) == ("DURATION", "P2D", None, None, None, None)
    u = parse("yesterday")  # no reference date: underspecified, never today
    assert u is not None and (u.value, u.date, u.datetime) == ("PAST_REF", None, None)
    w = parse("Thursday")
    assert w is not None and (w.value, w.date) == ("XXXX-WXX-4", None)


def test_nothing_found() -> None:
    assert parse("no date here") is None
    assert parse("") is None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("22/04", "2026-04-22"),
        ("the 27th", "2026-02-27"),
        ("quarter to five", "2026-03-05T04:45"),
        ("a quarter to 5", "2026-03-05T04:45"),
        ("ten to six", "2026-03-05T05:50"),
        ("xmas eve", "2025-12-24"),
    ],
)
def test_a_form_that_needs_a_word_before_it_is_read_when_it_is_the_whole_string(text: str, value: str) -> None:
    # In running text these need a word before them (`on 22/04`, `at a
    # quarter to five`); alone, the string is the expression.
    t = parse(text, reference_date=DCT)
    assert t is not None
    assert (t.text, t.start, t.end, t.value) == (text, 0, len(text), value)


def test_the_whole_string_reading_never_takes_a_number_or_a_part() -> None:
    assert parse("2", reference_date=DCT) is None
    assert parse("May I come?", reference_date=DCT) is None
    # Inside a sentence the form still needs its word before it.
    assert parse("The score was 22/04 at the break.", reference_date=DCT) is None
    t = parse("in 1999", reference_date=DCT)
    assert t is not None and (t.text, t.value) == ("1999", "1999")


def test_prefer_leans_a_bare_weekday() -> None:
    assert parse("Friday", reference_date=DCT, prefer="past").value == "2026-02-27"  # type: ignore[union-attr]
    assert parse("Friday", reference_date=DCT, prefer="future").value == "2026-03-06"  # type: ignore[union-attr]


def test_date_order() -> None:
    assert parse("03/05/2026").value == "2026-03-05"  # type: ignore[union-attr]
    assert parse("03/05/2026", date_order="dmy").value == "2026-05-03"  # type: ignore[union-attr]


def test_document_type_reaches_the_explanation() -> None:
    for name in ("news", "narrative", "colloquial"):
        t = parse("yesterday", reference_date=DCT, document_type=name)  # type: ignore[arg-type]
        assert t is not None and t.explain()["document_type"] == name


def test_explain() -> None:
    t = parse("He left yesterday.", reference_date=DCT, document_type="news")
    assert t is not None
    why = t.explain()
    assert list(why) == [
        "rule", "via", "anchor", "anchor_date", "anchor_index", "anchor_text", "anchor_value", "tense", "cue",
        "document_type", "text",
    ]
    assert (why["rule"], why["anchor"], why["anchor_date"], why["cue"]) == ("yesterday", "reference", DCT, "left")
    assert why["text"].startswith('"yesterday" is 2026-03-04 (DATE): rule yesterday; anchored on the reference date 2026-03-05')


def test_parsed_time_is_a_frozen_value() -> None:
    a, b = parse("yesterday", reference_date=DCT), parse("yesterday", reference_date=DCT)
    assert a == b and a is not b
    assert a != parse("tomorrow", reference_date=DCT)
    assert isinstance(a, dateline.ParsedTime)
    assert repr(a) == 'ParsedTime("yesterday", type="DATE", value="2026-03-04", start=0, end=9)'
    with pytest.raises(AttributeError):
        a.value = "x"  # type: ignore[misc, union-attr]


@pytest.mark.parametrize(
    "kwargs,error,match",
    [
        ({"document_type": "blog"}, ValueError, "unknown document type \"blog\"; expected 'news', 'narrative', 'colloquial' or 'auto'"),
        ({"prefer": "soon"}, ValueError, "prefer must be one of 'past', 'future', None, not 'soon'"),
        ({"date_order": "ymd"}, ValueError, "date_order must be one of 'mdy', 'dmy', None, not 'ymd'"),
        ({"reference_date": "2026-02-30"}, ValueError, "reference_date: invalid date"),
        ({"reference_date": "detect"}, ValueError, "'detect' needs a document"),
        ({"reference_date": 20260305}, TypeError, "reference_date must be a datetime.date"),
    ],
)
def test_bad_arguments(kwargs: dict, error: type[Exception], match: str) -> None:
    with pytest.raises(error, match=match):
        parse("yesterday", **kwargs)


def test_bad_text() -> None:
    with pytest.raises(TypeError, match="text must be str, not bytes"):
        parse(b"yesterday")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="text contains a lone surrogate at index 1"):
        parse("a\ud800")


def test_long_text_and_threads() -> None:
    long = "Nothing happened. " * 1000 + "It ended on March 5, 2026."
    t = parse(long)
    assert t is not None and (t.value, long[t.start : t.end]) == ("2026-03-05", "March 5, 2026")
    texts = ["yesterday", "tomorrow", "March 5, 2026", "in 2019"] * 50
    want = [parse(s, reference_date=DCT) for s in texts]
    with ThreadPoolExecutor(4) as ex:
        assert list(ex.map(lambda s: parse(s, reference_date=DCT), texts)) == want


