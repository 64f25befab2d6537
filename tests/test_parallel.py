"""Lazy documents and batches with no serial tail: `doc.tokens` as a lazy
sequence, str indices computed with the analysis, `pipe` reading ahead on
other threads, `offsets` in byte-sized groups; identical output for any
thread count."""

from __future__ import annotations

import gc
import os
import pathlib
import re
import signal
import sys
import time
from collections.abc import Sequence

import dateline
import pytest

DCT = "2026-03-05"
MIXED = [
    "Señor Pérez flew to Bogotá on Monday 😀 and met the mayor of São Paulo on March 2, 2026.",
    "The U.S. talks in Washington ended yesterday. Officials left from March 2 to March 6.",
    "",
    "日本 の 首都 は 東京 です。 On 5 March 2026 in Paris — «Bonjour» said Zoë.",
]


@pytest.fixture(scope="module")
def nlp() -> dateline.Pipeline:
    return dateline.Pipeline(reference_date=DCT)


@pytest.mark.parametrize(
    ("kind", "noun"),
    [("sentences", "sentence"), ("entities", "entity"), ("timexes", "time expression"), ("ranges", "range")],
)
def test_spans_are_lazy_sequences_that_behave_like_lists(nlp: dateline.Pipeline, kind: str, noun: str) -> None:
    """doc.sentences/entities/timexes/ranges make a span object only when one
    is read; everything a reader does with a list gives what the list gives."""
    text = "Nicolás Maduro met officials in Caracas from March 2 to March 6, 2026. " * 3 + "Zoë left Paris on Friday."
    doc = nlp(text)
    view = getattr(doc, kind)
    as_list = list(view)
    plural = {"entity": "entities"}.get(noun, noun + "s")
    assert type(view).__name__ == "Spans" and isinstance(view, Sequence)
    assert len(view) == len(as_list) >= 3 and bool(view)
    assert view == as_list and as_list == view and not (view != as_list) and view == getattr(doc, kind)
    assert view != as_list[:-1] and (view == (1, 2)) is False
    for i in range(-len(as_list), len(as_list)):
        assert view[i] == as_list[i]
    assert view[1:3] == as_list[1:3] and view[::-2] == as_list[::-2] and isinstance(view[0:1], list)
    assert list(reversed(view)) == as_list[::-1]
    assert as_list[1] in view and "Caracas" not in view
    assert view.index(as_list[1]) == as_list.index(as_list[1]) and view.count(as_list[0]) == as_list.count(as_list[0])
    assert repr(view) == repr(as_list)
    assert view + as_list[:1] == as_list + as_list[:1] and as_list[:1] + view == as_list[:1] + as_list
    assert view + view == as_list * 2
    assert view.__reduce__() == (list, (as_list,))  # a pickle holds the list (if its spans pickle)
    with pytest.raises(IndexError, match=rf"{noun} index 99 out of range for a Doc of {len(as_list)} {plural}"):
        view[99]
    with pytest.raises(TypeError, match=f"{noun} indices must be integers or slices, not str"):
        view["a"]  # type: ignore[call-overload]
    with pytest.raises(TypeError):
        hash(view)
    empty = getattr(nlp(""), kind)
    assert len(empty) == 0 and not empty and empty == [] and list(empty) == []


def test_tokens_is_a_lazy_sequence_that_behaves_like_a_list(nlp: dateline.Pipeline) -> None:
    doc = nlp(MIXED[0])
    toks = doc.tokens
    as_list = list(toks)
    assert type(toks).__name__ == "Tokens" and isinstance(toks, Sequence)
    assert len(toks) == len(as_list) == len(doc) > 10
    assert toks == as_list and as_list == toks and not (toks != as_list)
    assert toks == doc.tokens and toks == nlp(MIXED[0]).tokens
    assert toks != as_list[:-1] and toks != nlp(MIXED[1]).tokens
    assert (toks == (1, 2)) is False
    assert toks[0] == as_list[0] and toks[-1] == as_list[-1] == doc[-1]
    assert toks[2:5] == as_list[2:5] == doc[2:5] and toks[::-3] == as_list[::-3]
    assert toks[5:2] == [] and isinstance(toks[1:3], list)
    assert [t.i for t in toks] == list(range(len(toks)))
    assert list(reversed(toks)) == as_list[::-1]
    assert as_list[3] in toks and "Pérez" not in toks
    assert toks.index(as_list[3]) == 3 and toks.count(as_list[3]) == 1
    with pytest.raises(ValueError):
        toks.index("nothing")
    assert repr(toks) == repr(as_list)
    assert toks + as_list[:2] == as_list + as_list[:2] and as_list[:2] + toks == as_list[:2] + as_list
    assert toks + toks == as_list * 2 and isinstance(toks + [], list)
    with pytest.raises(TypeError):
        toks + (1,)  # type: ignore[operator]
    with pytest.raises(IndexError, match=r"token index 999 out of range for a Doc of \d+ tokens"):
        toks[999]
    with pytest.raises(TypeError, match="token indices must be integers or slices, not str"):
        toks["a"]
    with pytest.raises(TypeError):
        hash(toks)
    # A sequence keeps its document alive.
    del doc
    gc.collect()
    assert [t.text for t in toks] == [t.text for t in as_list]


def test_every_span_has_str_indices_in_non_ascii_text(nlp: dateline.Pipeline) -> None:
    annotations = nlp.annotate(MIXED)
    for k, doc in enumerate(nlp.pipe(MIXED, n_threads=2)):
        for one in (doc, nlp(MIXED[k]), annotations.doc(k)):
            spans = [*one.tokens, *one.sentences, *one.entities, *one.timexes, *one.ranges]
            assert all(one.text[s.start : s.end] == s.text for s in spans)
            assert one.to_dict() == doc.to_dict()
            assert one.token_spans() == [(t.start, t.end) for t in one.tokens]
            assert one.token_offsets().tolist() == [[t.start, t.end] for t in one.tokens]
            assert one.sentence_spans() == [(s.start, s.end) for s in one.sentences]
            assert one.sentence_offsets().tolist() == [[s.start, s.end] for s in one.sentences]
    doc = nlp(MIXED[0])
    assert [e.text for e in doc.entities][:2] == ["Bogotá", "São Paulo"]
    assert doc.entities[0].start == MIXED[0].index("Bogotá")
    assert [t.text for t in doc.timexes] == ["Monday", "March 2, 2026"]


def test_token_objects_are_the_same_however_they_are_read(nlp: dateline.Pipeline) -> None:
    doc = nlp(MIXED[1] + " " + MIXED[0])
    whole = list(doc.tokens)
    assert [doc.tokens[i] for i in range(len(whole))] == whole == list(doc)
    assert [doc[i].sentence for i in range(len(whole))] == [t.sentence for t in whole]
    assert whole[-1].sentence == len(doc.sentences) - 1 > 0
    assert len({hash(t) for t in whole}) == len(whole)
    assert doc.to_dict()["tokens"][5] == {
        "start": whole[5].start,
        "end": whole[5].end,
        "text": whole[5].text,
        "space_after": whole[5].space_after,
    }


def texts_for_batches() -> list[str]:
    return [MIXED[i % len(MIXED)] * (1 + i % 5) for i in range(300)]


@pytest.mark.parametrize("kwargs", [{"n_threads": 2}, {"n_threads": 2, "batch_size": 7}, {"batch_size": 1}, {}])
def test_pipe_reading_ahead_gives_what_one_thread_gives(nlp: dateline.Pipeline, kwargs: dict) -> None:
    texts = texts_for_batches()
    dates = [None if i % 3 else "2020-01-0" + str(1 + i % 9) for i in range(len(texts))]
    expected = [d.to_dict() for d in nlp.pipe(texts, reference_dates=dates, n_threads=1)]
    assert [d.to_dict() for d in nlp.pipe(texts, reference_dates=dates, **kwargs)] == expected
    assert [d.to_dict() for d in nlp.pipe(iter(texts), reference_dates=iter(dates), **kwargs)] == expected


def test_pipe_yields_the_documents_before_a_bad_text(nlp: dateline.Pipeline) -> None:
    it = nlp.pipe(["on Monday", "on Tuesday", "today", 5, "tomorrow"], batch_size=3, n_threads=2)
    assert [next(it).timexes[0].text for _ in range(3)] == ["Monday", "Tuesday", "today"]
    with pytest.raises(TypeError, match=r"texts\[3\]"):
        next(it)
    short = nlp.pipe(["today"] * 5, reference_dates=[DCT] * 4, batch_size=3, n_threads=2)
    assert len([next(short) for _ in range(3)]) == 3
    with pytest.raises(ValueError, match="reference_dates has fewer items than texts"):
        list(short)


def test_a_pending_batch_is_read_once(nlp: dateline.Pipeline) -> None:
    pending = nlp._core.start_batch(["on Monday", "today"], None, 2)
    docs = pending.wait()
    assert [d.timexes[0].value for d in docs] == ["2026-03-02", DCT]
    with pytest.raises(RuntimeError, match="already read"):
        pending.wait()
    one = nlp._core.start_batch(["on Monday"], None, 1).wait()
    assert one[0].to_dict() == docs[0].to_dict()
    with pytest.raises(dateline.exceptions.ConfigError, match="n_threads must be a positive integer"):
        nlp._core.start_batch(["a"], None, 0)


def live_threads() -> int:
    status = pathlib.Path("/proc/self/status").read_text()
    return int(re.search(r"^Threads:\s+(\d+)$", status, re.M).group(1))  # type: ignore[union-attr]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/self/status")
def test_a_pipe_left_half_read_leaves_no_thread_behind(nlp: dateline.Pipeline) -> None:
    texts = ["Venezuela said on Thursday that talks in January 2026 ended. " * 50] * 400
    list(nlp.pipe(texts[:10], n_threads=2))
    before = live_threads()
    for _ in range(5):
        it = nlp.pipe(texts, n_threads=2, batch_size=16)
        next(it)
        it.close()
        del it
        # Never waited for: dropped, and joined then.
        nlp._core.start_batch(texts[:64], None, 2)
    gc.collect()
    assert live_threads() <= before


def test_one_offsets_call_equals_many_small_ones(nlp: dateline.Pipeline) -> None:
    texts = texts_for_batches() * 30  # large enough for several byte-sized groups
    whole = nlp.offsets(texts, n_threads=1)
    for threads in (2, None):
        again = nlp.offsets(texts, n_threads=threads)
        for a, b in zip(whole, again, strict=True):
            assert a.dtype == b.dtype and a.tolist() == b.tolist()
    rows = [nlp.offsets([t]) for t in texts[:40]]
    assert [r.tokens.tolist() for r in rows] == [whole.doc(i)[0].tolist() for i in range(40)]
    assert [r.sentences.tolist() for r in rows] == [whole.doc(i)[1].tolist() for i in range(40)]
    assert whole.token_bounds[-1] == len(whole.tokens) == len(whole.space_after)
    empty = nlp.offsets([])
    assert empty.tokens.shape == (0, 2) and empty.token_bounds.tolist() == [0]
    assert nlp.offsets([""]).token_bounds.tolist() == [0, 0]


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")
def test_a_child_forked_during_a_pipe_reads_the_rest_of_it(nlp: dateline.Pipeline) -> None:
    # A short first text, then large ones, one per chunk: the second is
    # still being analysed on its threads when the process forks.
    big = "Venezuela said on Sunday that talks in January 2026 ended. " * 15000
    texts = ["Venezuela said on Sunday that talks in January 2026 ended."] + [big] * 3
    it = nlp.pipe(texts, n_threads=2, batch_size=1)
    first = next(it)
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # child: the analysing thread is not here
        try:
            rest = list(it)
            ok = len(rest) == 3 and all(d.timexes[:2] == first.timexes for d in rest)
            os.write(w, b"ok" if ok else b"bad")
        finally:
            os._exit(0)
    os.close(w)
    deadline = time.monotonic() + 60
    while (done := os.waitpid(pid, os.WNOHANG))[0] == 0 and time.monotonic() < deadline:
        time.sleep(0.05)
    if done[0] == 0:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        pytest.fail("the forked child hung reading the pipe")
    assert os.read(r, 10) == b"ok"
    assert len(list(it)) == 3
