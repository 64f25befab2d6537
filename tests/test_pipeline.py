"""Pipeline and Doc behaviour: reference dates, offsets, batches, threads,
pickling, fork safety."""

from __future__ import annotations

import datetime as dt
import os
import pathlib
import pickle
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import dateline
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

DCT = dt.date(2026, 3, 5)


def spans(doc: dateline.Doc) -> list:
    return [*doc.tokens, *doc.sentences, *doc.entities, *doc.timexes]


def test_doc_attributes_and_repr() -> None:
    nlp = dateline.Pipeline()
    text = "date 2026-03-05\nThe U.S. and Venezuela met on Thursday."
    doc = nlp(text)
    assert doc.text is text
    assert doc.reference_date == DCT
    assert len(doc) == len(doc.tokens) == 10
    assert [s.text for s in doc.sentences] == ["date 2026-03-05", "The U.S. and Venezuela met on Thursday."]
    assert [(e.text, e.label, e.id) for e in doc.entities] == [
        ("U.S.", "LOC", "geonames:6252001"),
        ("Venezuela", "LOC", "geonames:3625428"),
    ]
    assert [(t.text, t.type, t.value) for t in doc.timexes] == [
        ("2026-03-05", "DATE", "2026-03-05"),
        ("Thursday", "DATE", "2026-03-05"),
    ]
    assert doc.timexes[1].interval == (DCT, dt.date(2026, 3, 6))
    assert doc.tokens[3].i == 3 and doc.tokens[3].text == "U.S." and doc.tokens[3].space_after is True
    assert repr(doc).startswith('Doc("date 2026-03-05\\nThe U.S.')
    assert "2 timexes" in repr(doc)
    assert repr(doc.entities[0]) == 'Entity("U.S.", label="LOC", id="geonames:6252001", start=20, end=24)'


def test_to_dict_is_json_ready() -> None:
    import json

    doc = dateline.Pipeline(reference_date="2026-03-05")("Caracas in January 2026 for two days.")
    d = json.loads(json.dumps(doc.to_dict()))
    assert d["reference_date"] == "2026-03-05"
    assert d["entities"] == [{"start": 0, "end": 7, "text": "Caracas", "sentence": 0, "label": "LOC", "id": "geonames:3646738"}]
    assert d["timexes"] == [
        {"start": 11, "end": 23, "text": "January 2026", "sentence": 0, "type": "DATE", "value": "2026-01", "interval": ["2026-01-01", "2026-02-01"]},
        {"start": 28, "end": 36, "text": "two days", "sentence": 0, "type": "DURATION", "value": "P2D"},
    ]
    assert [t["text"] for t in d["tokens"]] == ["Caracas", "in", "January", "2026", "for", "two", "days", "."]
    assert d["sentences"] == [{"start": 0, "end": 37, "text": "Caracas in January 2026 for two days."}]


@pytest.mark.parametrize(
    "ref,expected_ref,expected_value",
    [
        (DCT, DCT, "2026-03-01"),
        ("2026-03-05", DCT, "2026-03-01"),
        (dt.datetime(2026, 3, 5, 23, 59), DCT, "2026-03-01"),
        (None, None, "XXXX-WXX-7"),
        ("detect", None, "XXXX-WXX-7"),
    ],
)
def test_reference_date_forms(ref: object, expected_ref: object, expected_value: str) -> None:
    doc = dateline.Pipeline(reference_date=ref)("They said on Sunday that talks ended.")  # type: ignore[arg-type]
    assert doc.reference_date == expected_ref
    assert [t.value for t in doc.timexes] == [expected_value]


def test_call_overrides_pipeline_reference_date() -> None:
    nlp = dateline.Pipeline(reference_date="2026-03-05")
    assert nlp("in January").timexes[0].value == "2026-01"
    assert nlp("in January", reference_date="none").timexes[0].value == "XXXX-01"
    assert nlp("in January", reference_date=None).timexes[0].value == "2026-01"  # missing: the pipeline's
    assert nlp("in January", reference_date=dt.date(2025, 1, 20)).timexes[0].value == "2025-01"
    assert nlp("date 2024-06-01\nin January", reference_date="detect").timexes[1].value == "2024-01"


@pytest.mark.parametrize(
    "header",
    ["date 2026-03-05", "March 5, 2026 — CARACAS", "CARACAS, March 5, 2026 (Reuters) -", "Published: 5 March 2026"],
)
def test_detects_reference_date_from_header_or_dateline(header: str) -> None:
    doc = dateline.Pipeline()(header + "\nOfficials said on Monday that the visit ended.")
    assert doc.reference_date == DCT
    assert doc.timexes[-1].value == "2026-03-02"


def test_no_reference_date_is_never_today() -> None:
    doc = dateline.Pipeline()("Officials said yesterday that talks ended last year.")
    assert doc.reference_date is None
    assert [t.value for t in doc.timexes] == ["PAST_REF", "PAST_REF"]


NON_ASCII = [
    "Nicolás Maduro met Delcy Rodríguez in Caracas on Thursday.",
    "😀 Venezuela 👩‍👩‍👧 signed on 5 March 2026 in 東京 and Caracas.",
    "Cafe\u0301 owners in Bogotá said in January that Colombia’s talks—like Venezuela's—failed.",
    "ǅ İstanbul ß: the U.S. and 中国 agreed in 2019; مرحبا Venezuela.",
]


@pytest.mark.parametrize("text", NON_ASCII)
def test_offsets_are_str_indices_on_non_ascii_text(text: str) -> None:
    doc = dateline.Pipeline(reference_date=DCT)(text)
    assert doc.entities and doc.timexes
    for s in spans(doc):
        assert doc.text[s.start : s.end] == s.text
    assert "Venezuela" in [e.text for e in doc.entities] or "Caracas" in [e.text for e in doc.entities]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=200))
def test_offsets_property_any_unicode(text: str) -> None:
    doc = dateline.Pipeline(reference_date=DCT)(text)
    last = 0
    for t in doc.tokens:
        assert last <= t.start < t.end <= len(text)
        assert text[t.start : t.end] == t.text
        assert text[last : t.start].strip() == "" or text[last : t.start].isspace()
        last = t.end
    for s in spans(doc):
        assert text[s.start : s.end] == s.text


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(["Venezuela", "said", "on", "Thursday", "in", "January", "2019", " ", "—", "é", "😀", "U.S.", "two-day", ".", "\n"]),
        max_size=40,
    ).map("".join)
)
def test_offsets_property_news_like(text: str) -> None:
    doc = dateline.Pipeline(reference_date=DCT)(text)
    for s in spans(doc):
        assert text[s.start : s.end] == s.text


def test_pipe_keeps_order_and_equals_single_calls() -> None:
    nlp = dateline.Pipeline(reference_date=DCT)
    texts = [f"Doc {i}: Venezuela said on {'Monday' if i % 2 else 'Sunday'} it would act in {2000 + i}." for i in range(250)]
    single = [nlp(t).to_dict() for t in texts]
    for kwargs in ({}, {"batch_size": 7}, {"n_threads": 1}, {"n_threads": 2, "batch_size": 64}):
        piped = [d.to_dict() for d in nlp.pipe(iter(texts), **kwargs)]  # type: ignore[arg-type]
        assert piped == single
    assert [d.timexes[-1].value for d in nlp.pipe(texts[:3])] == ["2000", "2001", "2002"]


def test_pipe_per_document_reference_dates() -> None:
    nlp = dateline.Pipeline()
    docs = list(nlp.pipe(["on Sunday", "on Sunday", "date 2026-03-05\non Sunday"], reference_dates=["2026-03-05", None, "detect"]))
    assert [d.timexes[-1].value for d in docs] == ["2026-03-01", "XXXX-WXX-7", "2026-03-01"]
    with pytest.raises(ValueError, match="fewer items"):
        list(nlp.pipe(["a", "b"], reference_dates=[None]))
    with pytest.raises(ValueError, match="more items"):
        list(nlp.pipe(["a"], reference_dates=[None, None]))


def test_pipe_is_lazy() -> None:
    nlp = dateline.Pipeline()
    consumed = []

    def gen():
        for i in range(10):
            consumed.append(i)
            yield f"text {i}"

    it = nlp.pipe(gen(), batch_size=3)
    assert consumed == []
    next(it)
    # The first chunk, and the next one, read ahead to be analysed while
    # the first one's documents are yielded.
    assert consumed == [0, 1, 2, 3, 4, 5]


def test_pickle_round_trip_pipeline_and_gazetteer() -> None:
    gaz = dateline.Gazetteer.from_records(
        [{"name": "Dow Jones", "label": "ORG", "id": "dj", "aliases": ["DJIA"]}, {"name": "Caracas", "label": "LOC"}]
    )
    g2 = pickle.loads(pickle.dumps(gaz))
    assert len(g2) == 2 and g2.entries() == gaz.entries()
    assert g2.entries()[1] == {"name": "Caracas", "label": "LOC", "id": "Caracas", "aliases": []}
    nlp = dateline.Pipeline(gazetteer=gaz, reference_date="2026-03-05", n_threads=2, date_order="dmy")
    nlp2 = pickle.loads(pickle.dumps(nlp))
    text = "The DJIA fell in Caracas on 03/05/2026 and on Sunday."
    assert nlp2(text).to_dict() == nlp(text).to_dict()
    assert [t.value for t in nlp2(text).timexes] == ["2026-05-03", "2026-03-01"]
    assert nlp2.reference_date == DCT and nlp2.n_threads == 2
    world = pickle.loads(pickle.dumps(dateline.Pipeline()))
    assert [e.id for e in world("Venezuela").entities] == ["geonames:3625428"]
    w = pickle.loads(pickle.dumps(dateline.gazetteers.world()))
    assert len(w) == len(dateline.gazetteers.world())


def test_json_round_trip() -> None:
    nlp = dateline.Pipeline(reference_date=None, split_on_newlines=False)
    back = dateline.Pipeline.from_json(nlp.to_json())
    assert back("a line\nanother. Next").to_dict() == nlp("a line\nanother. Next").to_dict()
    assert [s.text for s in back("a line\nanother. Next").sentences] == ["a line\nanother.", "Next"]


def test_one_pipeline_shared_by_threads() -> None:
    nlp = dateline.Pipeline(reference_date=DCT)
    texts = [f"Venezuela said on Sunday it signed in {1990 + i % 30}. " * 20 for i in range(64)]
    expected = [nlp(t).to_dict() for t in texts]
    with ThreadPoolExecutor(max_workers=4) as ex:
        got = list(ex.map(lambda t: nlp(t).to_dict(), texts))
        batched = list(ex.map(lambda chunk: [d.to_dict() for d in nlp.pipe(chunk, batch_size=5)], [texts[:32], texts[32:]]))
    assert got == expected
    assert batched[0] + batched[1] == expected


def test_gil_is_released_during_batches() -> None:
    nlp = dateline.Pipeline(reference_date=DCT)
    texts = ["Venezuela said on Thursday that talks in January 2026 ended. " * 200] * 400
    ticks = 0
    stop = threading.Event()

    def counter() -> None:
        nonlocal ticks
        while not stop.is_set():
            ticks += 1
            time.sleep(0)

    th = threading.Thread(target=counter)
    th.start()
    try:
        before = ticks
        docs = nlp._core.process_batch(texts, None, 1, 0)
        during = ticks - before
    finally:
        stop.set()
        th.join()
    assert len(docs) == 400
    # With the GIL held for the whole batch the counter could not advance
    # beyond a switch or two; released, it spins thousands of times.
    assert during > 100, during


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")
def test_fork_child_processes_sequentially_without_deadlock() -> None:
    nlp = dateline.Pipeline(reference_date=DCT)
    list(nlp.pipe(["warm up the thread pool"] * 64, n_threads=2))
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # child
        try:
            ok = dateline._core._parallelism_enabled() is False
            docs = list(nlp.pipe(["Venezuela said on Sunday."] * 50, n_threads=2))
            ok = ok and all(d.timexes[0].value == "2026-03-01" for d in docs)
            os.write(w, b"ok" if ok else b"bad")
        finally:
            os._exit(0)
    os.close(w)
    _, status = os.waitpid(pid, 0)
    assert os.read(r, 10) == b"ok"
    assert status == 0
    assert dateline._core._parallelism_enabled() is True


def test_version() -> None:
    assert dateline.__version__ == "0.1.0"
    assert set(dateline.__all__) >= {"Pipeline", "Gazetteer", "Doc", "DatelineError"}


def test_token_attributes() -> None:
    doc = dateline.Pipeline(reference_date=None)("Rodríguez’s aide paid $3.5 at https://x.org. He left.")
    toks = {t.text: t for t in doc.tokens}
    assert toks["’s"].norm == "'s"
    assert toks["Rodríguez"].shape == "Xxxxx" and toks["Rodríguez"].is_alpha
    assert toks["3.5"].shape == "d.d" and toks["3.5"].like_num and not toks["3.5"].is_digit
    assert toks["https://x.org"].like_url and not toks["https://x.org"].like_email
    assert toks["$"].is_punct is False and toks["."].is_punct is True
    assert [t.sentence for t in doc.tokens] == [0] * 9 + [1] * 3
    assert all(t.is_space is False for t in doc.tokens)


def test_tokenizer_special_cases_and_abbreviations_persist() -> None:
    nlp = dateline.Pipeline(
        reference_date=None, abbreviations=["Gov."], special_cases={"gimme": ["gim", "me"], "U.N.": ["U.N."]}
    )
    doc = nlp("gimme the (U.N.) report, Gov. Smith said.")
    assert [t.text for t in doc.tokens] == ["gim", "me", "the", "(", "U.N.", ")", "report", ",", "Gov.", "Smith", "said", "."]
    assert len(doc.sentences) == 1
    back = pickle.loads(pickle.dumps(nlp))
    assert back.special_cases == {"U.N.": ["U.N."], "gimme": ["gim", "me"]}
    assert back.abbreviations == ["gov."]
    assert back(doc.text).to_dict() == doc.to_dict()
    with pytest.raises(ValueError, match=r"special case \"gimme\": the pieces \[\"gi\", \"me\"\] must be non-empty and join to the text exactly"):
        dateline.Pipeline(special_cases={"gimme": ["gi", "me"]})
    with pytest.raises(dateline.ConfigError, match="abbreviation \"Gov\" must be a word ending with a period"):
        dateline.Pipeline(abbreviations=["Gov"])


def test_span_lists_match_span_objects() -> None:
    doc = dateline.Pipeline()("Zoë 😀 met Nicolás in Caracas. He left on Friday.")
    assert doc.token_spans() == [(t.start, t.end) for t in doc.tokens]
    assert doc.sentence_spans() == [(s.start, s.end) for s in doc.sentences]
    assert [doc.text[s:e] for s, e in doc.sentence_spans()] == ["Zoë 😀 met Nicolás in Caracas.", "He left on Friday."]


def test_disable_components() -> None:
    text = "Venezuela said on Thursday."
    nlp = dateline.Pipeline(reference_date="2026-03-05", disable=["timexes"])
    doc = nlp(text)
    assert [e.text for e in doc.entities] == ["Venezuela"] and doc.timexes == []
    assert nlp.disabled == ["timexes"]
    both = pickle.loads(pickle.dumps(dateline.Pipeline(disable=("entities", "timexes"))))
    assert both.disabled == ["entities", "timexes"]
    d = both(text)
    assert d.entities == [] and d.timexes == [] and len(d.tokens) == 5
    # Without time expressions no reference date is looked for; one given is kept.
    header = "BRUSSELS 1996-08-22\nThe talks ended on Thursday."
    assert dateline.Pipeline()(header).reference_date == dt.date(1996, 8, 22)
    assert dateline.Pipeline(disable=["timexes"])(header).reference_date is None
    assert [d.reference_date for d in dateline.Pipeline(disable=["timexes"]).pipe([header, header], reference_dates=[None, "2026-03-05"])] == [
        None,
        dt.date(2026, 3, 5),
    ]
    assert nlp(header).reference_date == dt.date(2026, 3, 5)
    with pytest.raises(ValueError, match="disable may hold 'entities' and 'timexes', not 'tokens'"):
        dateline.Pipeline(disable=["tokens"])  # type: ignore[list-item]


def test_batch_offsets_equal_the_documents() -> None:
    nlp = dateline.Pipeline(disable=["entities", "timexes"])
    texts = [
        "Hi there. Bye.",
        "",
        "   ",
        "Caracas — the U.S. and Venezuela’s “talks” ended.\nNew line here 😀 and é.",
        "No. 3 is Mr. Smith's; they'd gone.",
    ] * 7
    for threads in (1, 2):
        o = nlp.offsets(texts, n_threads=threads)
        assert o.token_bounds.tolist()[0] == 0 and len(o.token_bounds) == len(texts) + 1
        assert o.tokens.dtype.name == "int64" and o.tokens.shape == (int(o.token_bounds[-1]), 2)
        assert o.space_after.shape == (len(o.tokens),)
        for i, (text, doc) in enumerate(zip(texts, nlp.pipe(texts))):
            toks, sents = o.doc(i)
            assert toks.tolist() == doc.token_offsets().tolist()
            assert sents.tolist() == doc.sentence_offsets().tolist()
            lo = int(o.token_bounds[i])
            assert o.space_after[lo : lo + len(toks)].tolist() == [t.space_after for t in doc.tokens]
            assert [text[a:b] for a, b in toks.tolist()] == [t.text for t in doc.tokens]
    with pytest.raises(IndexError):
        o.doc(len(texts))
    with pytest.raises(TypeError, match="texts"):
        nlp.offsets("a single str")
    with pytest.raises(TypeError, match="texts\\[1\\]"):
        nlp.offsets(["ok", 3])  # type: ignore[list-item]


def test_import_and_analysis_do_not_import_numpy() -> None:
    # numpy takes most of `import dateline`'s time and its BLAS threads spin
    # for a while after; it is imported only when arrays or tables are made.
    code = (
        "import sys, dateline\n"
        "nlp = dateline.Pipeline(reference_date='2026-03-05')\n"
        "doc = nlp('On Monday, officials in Caracas met.')\n"
        "assert doc.timexes[0].value == '2026-03-02' and doc.entities, doc\n"
        "list(nlp.pipe(['Lunes 5 de marzo.', 'Am Montag.'], langs=['auto', 'de']))\n"
        "assert 'numpy' not in sys.modules, 'numpy imported'\n"
        "arrays = nlp.offsets(['One. Two.'])\n"
        "assert 'numpy' in sys.modules and arrays.tokens.shape == (4, 2)\n"
        "assert nlp.annotate(['Caracas on Monday.']).timexes('numpy')['value'].tolist() == ['2026-03-02']\n"
    )
    env = dict(os.environ)
    env["PYTHONPATH"] = str(pathlib.Path(__file__).resolve().parent.parent / "python") + os.pathsep + env.get("PYTHONPATH", "")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False)
    assert out.returncode == 0, out.stderr
