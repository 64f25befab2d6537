"""Limits on option values: n_threads is bounded wherever it comes from."""

from __future__ import annotations

import json
import pathlib
import pickle
import re
import sys

import pytest

import dateline
from dateline.exceptions import ConfigError

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
