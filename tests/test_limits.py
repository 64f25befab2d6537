"""Limits: n_threads is bounded wherever it comes from; relative dates stay
on the calendar (years 0001 to 9999) with non-empty intervals."""

from __future__ import annotations

import datetime
import json
import pathlib
import pickle
import re
import sys

import dateline
import pytest
from dateline.exceptions import ConfigError
from hypothesis import given, settings
from hypothesis import strategies as st

HUGE = [10**6, 2**63 - 1, 2**64 - 1, 2**64, 10**30]


def thread_limit() -> int:
    with pytest.raises(ConfigError) as info:
        dateline.Pipeline(n_threads=10**6)
    found = re.search(r"at most (\d+) \(4 × the CPU count\)", str(info.value))
    assert found, str(info.value)
    return int(found.group(1))


def live_threads() -> int:
    status = pathlib.Path("/proc/self/status").read_text()
    return int(re.search(r"^Threads:\s+(\d+)$", status, re.M).group(1))  # type: ignore[union-attr]


@pytest.mark.parametrize("n", HUGE)
def test_huge_thread_counts_name_the_limit(n: int) -> None:
    limit = thread_limit()
    with pytest.raises(ConfigError, match=rf"n_threads must be at most {limit} \(4 × the CPU count\), not {n}$"):
        dateline.Pipeline(n_threads=n)
    nlp = dateline.Pipeline()
    with pytest.raises(ConfigError, match=rf"at most {limit}"):
        list(nlp.pipe(["a", "b"], n_threads=n))
    with pytest.raises(ConfigError, match=rf"at most {limit}"):
        nlp.offsets(["a", "b"], n_threads=n)


@pytest.mark.parametrize("n", [0, -1, -(2**64)])
def test_non_positive_thread_counts(n: int) -> None:
    with pytest.raises(ConfigError, match=rf"n_threads must be a positive integer or None, not {n}$"):
        dateline.Pipeline(n_threads=n)


def test_thread_limit_itself_is_accepted() -> None:
    limit = thread_limit()
    nlp = dateline.Pipeline(n_threads=limit, reference_date="2026-03-05")
    docs = list(nlp.pipe(["tomorrow", "next week", "yesterday"]))
    assert [d.timexes[0].value for d in docs] == ["2026-03-06", "2026-W11", "2026-03-04"]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/self/status")
def test_many_distinct_thread_counts_leave_no_threads_behind() -> None:
    limit = thread_limit()
    nlp = dateline.Pipeline()
    texts = ["On 5 March 2026 in Paris."] * 64
    before = live_threads()
    for n in range(1, 41):
        try:
            list(nlp.pipe(texts, n_threads=n))
            nlp.offsets(texts, n_threads=n)
        except ConfigError:
            assert n > limit
    # Each call's threads are joined before it returns.
    assert live_threads() <= before + limit


@pytest.mark.parametrize("n", [*HUGE, 0, -5])
def test_serialized_thread_counts_are_checked_on_load(n: int, tmp_path: pathlib.Path) -> None:
    data = json.loads(dateline.Pipeline(n_threads=2).to_json())
    data["options"]["n_threads"] = n
    text = json.dumps(data)
    with pytest.raises(ConfigError, match="n_threads must be"):
        dateline.Pipeline.from_json(text)
    path = tmp_path / "p.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match="n_threads must be"):
        dateline.Pipeline.load(path)
    # A pickle of a pipeline holds the same JSON for Pipeline.from_json.
    reducer, args = dateline.Pipeline(n_threads=2).__reduce__()
    assert reducer == dateline.Pipeline.from_json and '"n_threads":2' in args[0]
    crafted = pickle.dumps(Crafted(args[0].replace('"n_threads":2', f'"n_threads":{n}')))
    with pytest.raises(ConfigError, match="n_threads must be"):
        pickle.loads(crafted)


class Crafted:
    """Pickles as a Pipeline holding this JSON (a crafted pickle)."""

    def __init__(self, data: str) -> None:
        self.data = data

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (dateline.Pipeline.from_json, (self.data,))


# Calendar edges: relative expressions near 0001-01-01 and 9999-12-31.

EDGE_CASES = [
    ("9999-12-31", "It opens tomorrow.", "FUTURE_REF"),
    ("9999-12-31", "It opens next year.", "FUTURE_REF"),
    ("9999-12-31", "It will open in 3 days.", "FUTURE_REF"),
    ("9999-12-31", "It opens next January.", "XXXX-01"),
    ("9999-12-31", "It closed yesterday.", "9999-12-30"),
    ("9999-12-25", "It opens next week.", "9999-W52"),
    ("0001-01-01", "It closed yesterday.", "PAST_REF"),
    ("0001-01-01", "It closed last year.", "PAST_REF"),
    ("0001-01-01", "It closed last December.", "XXXX-12"),
    ("0001-01-01", "It opens tomorrow.", "0001-01-02"),
]


@pytest.mark.parametrize(("reference", "text", "value"), EDGE_CASES)
def test_relative_expressions_stay_on_the_calendar(reference: str, text: str, value: str) -> None:
    doc = dateline.Pipeline()(text, reference_date=reference)
    assert [t.value for t in doc.timexes] == [value]
    interval = doc.timexes[0].interval
    assert interval is None or interval[0] < interval[1]


def test_the_last_day_has_no_empty_interval() -> None:
    doc = dateline.Pipeline()("It is open today.", reference_date="9999-12-31")
    # Its end would be 10000-01-01: no interval rather than an empty one.
    assert [(t.value, t.interval) for t in doc.timexes] == [("9999-12-31", None)]
    doc = dateline.Pipeline()("It is open today.", reference_date=datetime.date(1, 1, 1))
    assert doc.timexes[0].interval == (datetime.date(1, 1, 1), datetime.date(1, 1, 2))


RELATIVE = [
    "It opens next year.",
    "It closed last year.",
    "It opens next month.",
    "It closed last month.",
    "It opens next week.",
    "It closed last week.",
    "It opens tomorrow.",
    "It closed yesterday.",
    "It will open in 3 days.",
    "It closed 3 days ago.",
    "It opens next decade.",
    "It closed last century.",
    "It opens next Monday.",
    "It closed last December.",
    "It opens next weekend.",
    "It opens next spring.",
]
TIMEX_DATE = re.compile(
    r"^(?:(?:PAST|PRESENT|FUTURE)_REF|\d{2,3}|(?P<year>\d{4}|XXXX)"
    r"(?:-(?:\d{2}|XX)(?:-(?:\d{2}|XX))?|-W(?:\d{2}|XX)(?:-[1-7]|-WE)?|-Q[1-4]|-H[12]|-(?:SP|SU|FA|WI))?)$"
)

EDGE_DAYS = st.one_of(
    st.dates(datetime.date(1, 1, 1), datetime.date(1, 1, 31)),
    st.dates(datetime.date(9999, 12, 1), datetime.date(9999, 12, 31)),
    st.dates(datetime.date(1, 1, 1), datetime.date(9999, 12, 31)),
)


@given(reference=EDGE_DAYS, text=st.sampled_from(RELATIVE))
@settings(deadline=None)
def test_relative_values_are_on_the_calendar(reference: datetime.date, text: str) -> None:
    doc = NLP(text, reference_date=reference)
    for t in doc.timexes:
        m = TIMEX_DATE.match(t.value)
        assert m, (reference, text, t.value)
        if m.group("year") not in (None, "XXXX"):
            assert 1 <= int(m.group("year")) <= 9999, (reference, text, t.value)
        if t.interval is not None:
            assert t.interval[0] < t.interval[1], (reference, text, t.value, t.interval)


NLP = dateline.Pipeline()
