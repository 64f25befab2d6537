"""The date engine through the Python API: document types per document,
ranges, and what a time expression says about itself (granularity, zone,
explain). Values asserted here are the stable ones (explicit dates,
yesterday/tomorrow, from/since/until ranges); the engine's own cases live in
testdata/dates."""

from __future__ import annotations

import datetime as dt
import json
import pickle

import dateline
import pytest

DCT = dt.date(2026, 3, 5)  # a Thursday
VALID = "expected 'news', 'narrative', 'colloquial' or 'auto'"


@pytest.fixture(scope="module")
def nlp() -> dateline.Pipeline:
    return dateline.Pipeline(reference_date=DCT)


# -- document types -----------------------------------------------------------


def test_pipeline_document_type_default_and_choice() -> None:
    assert dateline.Pipeline().document_type == "auto"
    for name in ("news", "narrative", "colloquial", "auto"):
        assert dateline.Pipeline(document_type=name).document_type == name
    doc = dateline.Pipeline(reference_date=DCT, document_type="colloquial")("He left yesterday.")
    assert doc.document_type == "colloquial"
    assert doc.timexes[0].explain()["document_type"] == "colloquial"


def test_auto_resolves_to_a_concrete_type(nlp: dateline.Pipeline) -> None:
    for text in ["He left yesterday.", "", "No dates here.", "Talks ran from March 2 to March 6."]:
        assert nlp(text).document_type in ("news", "narrative", "colloquial")


def test_auto_reads_a_few_lines_of_history_as_a_story(nlp: dateline.Pipeline) -> None:
    # Every year long past, told in the past tense, nothing said: a story,
    # so the following month is the siege's, not the reference date's.
    doc = nlp("The castle was besieged in 1645. It surrendered the following month.")
    assert doc.document_type == "narrative"
    assert [t.value for t in doc.timexes] == ["1645", "1645"]
    # A history may say a little from the writer's day (a closing `Today`,
    # `the next year`) and stay a story, where it writes enough years.
    doc = nlp(
        "The abbey was founded in 1132. It was enlarged in 1210 and again in 1255, and a tower was added in "
        "1278. It burned in 1290 and was rebuilt by 1302. The next year the monks left. Today the ruins are "
        "open to visitors."
    )
    assert doc.document_type == "narrative"
    assert [t.value for t in doc.timexes][-3:] == ["1302", "1303", "PRESENT_REF"]
    # Reported speech, a present tense or a year near the reference date keep news.
    for text in [
        "The castle was besieged in 1645, the museum said.",
        "The festival dates back to 1865 and is held on 19 June every year.",
        "The castle was besieged in 2019. It surrendered the following month.",
    ]:
        assert nlp(text).document_type == "news", text


def test_auto_reads_a_mail_as_conversation(nlp: dateline.Pipeline) -> None:
    # More than three sentences, a word of conversation in each on average.
    body = (
        "Can we move our call? I'm away until the 15th. Let's aim for 3pm your time. "
        "Monday morning works for me too. Thanks!"
    )
    assert nlp(body).document_type == "colloquial"
    # Reported speech, or too few such words for the sentences, keep news.
    for text in [
        body + " The bank said rates would rise.",
        "Rates rose on Monday. Stocks fell. Oil was flat. Gold gained. We expect more.",
    ]:
        assert nlp(text).document_type == "news", text
    # A greeting and a comma open a mail, whatever it reports; a greeting
    # word with no comma after it opens none.
    assert nlp("Hi Sam, " + body + " The bank said rates would rise.").document_type == "colloquial"
    assert nlp("Hello Kitty maker Sanrio said sales rose on Monday.").document_type == "news"


@pytest.mark.parametrize("name", ["news", "narrative", "colloquial"])
def test_call_overrides_the_pipeline_document_type(nlp: dateline.Pipeline, name: str) -> None:
    doc = nlp("The plant opened on March 2, 2026 and closed yesterday.", document_type=name)  # type: ignore[arg-type]
    assert doc.document_type == name
    assert [t.explain()["document_type"] for t in doc.timexes] == [name, name]
    assert doc.to_dict()["document_type"] == name
    assert nlp("x", document_type=None).document_type == nlp("x").document_type


def test_news_and_colloquial_agree_on_stable_values(nlp: dateline.Pipeline) -> None:
    text = "He left yesterday and returns tomorrow."
    for name in ("news", "colloquial"):
        doc = nlp(text, document_type=name)  # type: ignore[arg-type]
        assert [(t.text, t.value) for t in doc.timexes] == [("yesterday", "2026-03-04"), ("tomorrow", "2026-03-06")]


def test_pipe_takes_one_document_type_per_text_across_chunks() -> None:
    nlp = dateline.Pipeline(reference_date=DCT, document_type="narrative")
    texts = [f"Item {i} shipped on March 2, 2026." for i in range(7)]
    types = ["news", None, "colloquial", "narrative", "news", None, "colloquial"]
    got = [d.document_type for d in nlp.pipe(texts, document_types=types, batch_size=2)]
    assert got == ["news", "narrative", "colloquial", "narrative", "news", "narrative", "colloquial"]
    # Generators are read lazily, alongside the texts.
    lazy = nlp.pipe(iter(texts[:3]), document_types=(t for t in types[:3]), batch_size=1)
    assert [d.document_type for d in lazy] == ["news", "narrative", "colloquial"]
    # Batches equal single calls.
    single = [nlp(t, document_type=k).to_dict() for t, k in zip(texts, types)]  # type: ignore[arg-type]
    assert [d.to_dict() for d in nlp.pipe(texts, document_types=types, batch_size=3, n_threads=2)] == single


def test_pipe_document_types_must_match_the_texts(nlp: dateline.Pipeline) -> None:
    with pytest.raises(ValueError, match="document_types has fewer items than texts"):
        list(nlp.pipe(["a", "b", "c"], document_types=["news"]))
    with pytest.raises(ValueError, match="document_types has more items than texts"):
        list(nlp.pipe(["a"], document_types=["news", "news"]))
    with pytest.raises(TypeError, match="document_types must be an iterable with one entry per text"):
        nlp.pipe(["a"], document_types="news")  # type: ignore[arg-type]


def test_unknown_document_types_list_the_valid_ones(nlp: dateline.Pipeline) -> None:
    with pytest.raises(ValueError, match=f'unknown document type "blog"; {VALID}'):
        dateline.Pipeline(document_type="blog")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=f'document_type: unknown document type "blog"; {VALID}'):
        nlp("x", document_type="blog")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=rf'document_types\[3\]: unknown document type "News"; {VALID}'):
        list(nlp.pipe(["a"] * 4, document_types=["news", "news", None, "News"], batch_size=2))
    with pytest.raises(TypeError, match=r"document_types\[0\] must be a str or None, not int"):
        list(nlp.pipe(["a"], document_types=[3]))  # type: ignore[list-item]
    with pytest.raises(ValueError, match=rf'document_types\[1\]: unknown document type "blog"; {VALID}'):
        nlp.annotate(["a", "b"], document_types=["news", "blog"])
    with pytest.raises(ValueError, match=r'document_types\[0\]: unknown document type "blog"'):
        nlp.annotate(["a", "b"], document_types="blog")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="document_types has 1 items for 2 texts"):
        nlp.annotate(["a", "b"], document_types=["news"])


def test_serialization_keeps_the_document_type() -> None:
    nlp = dateline.Pipeline(reference_date=DCT, document_type="narrative")
    data = json.loads(nlp.to_json())
    assert data["options"]["document_type"] == "narrative"
    for back in (pickle.loads(pickle.dumps(nlp)), dateline.Pipeline.from_json(nlp.to_json())):
        assert back.document_type == "narrative"
        assert back("Sold on March 2, 2026.").document_type == "narrative"
    # Pipelines saved before document types existed load with the default.
    del data["options"]["document_type"]
    assert dateline.Pipeline.from_json(json.dumps(data)).document_type == "auto"
    data["options"]["document_type"] = "blog"
    with pytest.raises(dateline.SerializationError, match="unknown variant `blog`"):
        dateline.Pipeline.from_json(json.dumps(data))


# -- ranges -------------------------------------------------------------------

RANGES = [
    # text, range text, begin_index, end_index, interval, value, rule
    ("Talks ran from March 2 to March 6.", "from March 2 to March 6", 0, 1,
     (dt.date(2026, 3, 2), dt.date(2026, 3, 7)), "2026-03-02/2026-03-06", "from-to"),
    ("The office has been shut since March 2.", "since March 2", 0, None,
     (dt.date(2026, 3, 2), dt.date(2026, 3, 6)), "2026-03-02/2026-03-05", "since"),
    ("The office stays shut until March 20.", "until March 20", None, 0,
     (dt.date(2026, 3, 5), dt.date(2026, 3, 21)), "2026-03-05/2026-03-20", "until"),
    # Ends that name a time of day keep it in the value.
    ("The call runs from 2 to 4 p.m. tomorrow.", "from 2 to 4 p.m. tomorrow", 0, 1,
     (dt.date(2026, 3, 6), dt.date(2026, 3, 7)), "2026-03-06T14:00/2026-03-06T16:00", "from-to"),
    ("Polls stay open until 5:30pm Friday.", "until 5:30pm Friday", None, 0,
     (dt.date(2026, 3, 5), dt.date(2026, 3, 7)), "2026-03-05/2026-03-06T17:30", "until"),
    # Times on no known day: the value is the times, the interval open.
    ("Can we meet from 2pm to 4pm?", "from 2pm to 4pm", 0, 1, (None, None), "T14:00/T16:00", "from-to"),
    ("Book the room from 2pm for 2 hours.", "from 2pm for 2 hours", 0, None, (None, None),
     "T14:00/T16:00", "from-for"),
    ("Book the room from 11:30pm for 2 hours.", "from 11:30pm for 2 hours", 0, None, (None, None),
     "T23:30/..", "from-for"),
]


@pytest.mark.parametrize("text,span,begin_index,end_index,interval,value,rule", RANGES)
def test_ranges(
    nlp: dateline.Pipeline, text: str, span: str, begin_index: int | None, end_index: int | None,
    interval: tuple, value: str, rule: str,
) -> None:
    doc = nlp(text)
    (r,) = doc.ranges
    assert (r.text, r.begin_index, r.end_index, r.interval, r.value, r.rule) == (
        span, begin_index, end_index, interval, value, rule
    )
    assert (r.start, r.end) == (text.index(span), text.index(span) + len(span))
    assert doc.text[r.start : r.end] == r.text
    ends = [i for i in (r.begin_index, r.end_index) if i is not None]
    # Every point of the phrase is one of its ends; a length is not.
    points = [t.text for t in doc.timexes if t.type != "DURATION"]
    assert [doc.timexes[i].text for i in ends] == points
    for t in doc.timexes:
        assert r.start <= t.start and t.end <= r.end


def test_range_offsets_are_str_indices_on_non_ascii_text(nlp: dateline.Pipeline) -> None:
    text = "Señor 😀 Gómez: talks ran from March 2 to March 6 in Bogotá."
    doc = nlp(text)
    (r,) = doc.ranges
    assert (r.start, r.end) == (text.index("from"), text.index(" in Bogotá"))
    assert doc.text[r.start : r.end] == r.text == "from March 2 to March 6"
    assert [doc.text[t.start : t.end] for t in doc.timexes] == ["March 2", "March 6"]


def test_range_objects_are_frozen_values(nlp: dateline.Pipeline) -> None:
    text = "Talks ran from March 2 to March 6."
    a, b = nlp(text).ranges[0], nlp(text).ranges[0]
    assert a == b and a is not b
    assert a != nlp("Talks ran from March 2 to March 9.").ranges[0]
    assert repr(a) == 'Range("from March 2 to March 6", value="2026-03-02/2026-03-06", start=10, end=33)'
    with pytest.raises(AttributeError):
        a.value = "x"  # type: ignore[misc]
    assert isinstance(a, dateline.Range)


def test_no_ranges_without_a_range_phrase(nlp: dateline.Pipeline) -> None:
    assert nlp("He left yesterday.").ranges == []
    assert nlp("").ranges == []
    assert "0 ranges" in repr(nlp("He left yesterday."))


def test_to_dict_has_document_type_and_ranges(nlp: dateline.Pipeline) -> None:
    d = nlp("Talks ran from March 2 to March 6.", document_type="news").to_dict()
    assert list(d) == ["text", "reference_date", "document_type", "lang", "tokens", "sentences", "entities", "timexes", "ranges"]
    assert d["document_type"] == "news"
    assert d["ranges"] == [
        {
            "start": 10, "end": 33, "text": "from March 2 to March 6", "sentence": 0, "value": "2026-03-02/2026-03-06",
            "begin_index": 0, "end_index": 1, "interval": ("2026-03-02", "2026-03-07"), "rule": "from-to",
        }
    ]
    open_end = nlp("Shut since March 2.").to_dict()["ranges"][0]
    assert (open_end["begin_index"], open_end["end_index"]) == (0, None)
    assert json.loads(json.dumps(d))["ranges"][0]["interval"] == ["2026-03-02", "2026-03-07"]


# -- granularity, zone, explain --------------------------------------------------


@pytest.mark.parametrize(
    "text,expr,granularity",
    [
        ("Sales fell in 2019.", "2019", "year"),
        ("Sales fell in March 2025.", "March 2025", "month"),
        ("It opened on March 5, 2026.", "March 5, 2026", "day"),
        ("He left yesterday.", "yesterday", "day"),
        ("The visit lasted two days.", "two days", None),
    ],
)
def test_timex_granularity(nlp: dateline.Pipeline, text: str, expr: str, granularity: str | None) -> None:
    (t,) = nlp(text).timexes
    assert (t.text, t.granularity) == (expr, granularity)


@pytest.mark.parametrize(
    "text,zone",
    [
        # `ET` and `Pacific time` follow US daylight saving time (from the
        # second Sunday of March to the first of November since 2007).
        ("The game starts at 1:05 p.m. ET on March 26.", "-04:00"),
        ("The game starts at 1:05 p.m. ET on March 7.", "-05:00"),
        ("The game starts at 1:05 p.m. ET on March 8.", "-04:00"),
        ("The game starts at 1:05 p.m. ET on November 1.", "-05:00"),
        ("Doors open at 9 a.m. Pacific time on June 3.", "-07:00"),
        ("The plane left at 9 a.m. Pacific time on June 3, 1998.", "-07:00"),
        ("The plane left at 9 a.m. Pacific time on October 30, 1998.", "-08:00"),
        # Zones that name their season keep it.
        ("The game starts at 8 p.m. EST on July 3.", "-05:00"),
        ("The game starts at 8 p.m. EDT on January 3.", "-04:00"),
    ],
)
def test_us_zones_follow_daylight_saving_time(nlp: dateline.Pipeline, text: str, zone: str) -> None:
    # `1:05 p.m. ET on March 26`: the time and its day are two expressions;
    # the time's offset is that day's.
    (t, d) = nlp(text).timexes
    assert (t.type, d.type) == ("TIME", "DATE") and t.value.startswith(d.value)
    assert t.zone == zone
    assert t.datetime is not None and t.datetime.utcoffset() is not None
    assert t.datetime.utcoffset().total_seconds() == (-1 if zone[0] == "-" else 1) * (
        int(zone[1:3]) * 3600 + int(zone[4:6]) * 60
    )


def test_timex_zone(nlp: dateline.Pipeline) -> None:
    (t,) = nlp("The filing is stamped 2026-03-06T14:30+01:00.").timexes
    assert (t.type, t.value, t.zone, t.granularity) == ("TIME", "2026-03-06T14:30", "+01:00", "minute")
    assert nlp("The filing is stamped 2026-03-06T14:30-05:30.").timexes[0].zone == "-05:30"
    assert nlp("He left yesterday.").timexes[0].zone is None
    d = nlp("The filing is stamped 2026-03-06T14:30+01:00.").to_dict()
    assert d["timexes"][0]["zone"] == "+01:00"
    assert "zone" not in nlp("He left yesterday.").to_dict()["timexes"][0]


EXPLAIN_KEYS = [
    "rule", "via", "anchor", "anchor_date", "anchor_index", "anchor_text", "anchor_value", "tense", "cue",
    "document_type", "text",
]


def test_explain_relative_to_the_reference_date(nlp: dateline.Pipeline) -> None:
    (t,) = nlp("He left yesterday.", document_type="news").timexes
    why = t.explain()
    assert list(why) == EXPLAIN_KEYS
    assert why["rule"] == "yesterday"
    assert (why["anchor"], why["anchor_date"], why["anchor_index"]) == ("reference", DCT, None)
    assert (why["tense"], why["cue"], why["document_type"]) == ("past", "left", "news")
    assert why["text"].startswith('"yesterday" is 2026-03-04 (DATE): rule yesterday')
    assert "anchored on the reference date 2026-03-05" in why["text"]
    assert why["text"].endswith("news document")


def test_explain_anchored_on_an_earlier_expression(nlp: dateline.Pipeline) -> None:
    doc = nlp("The plant opened on March 2, 2020. Two days later it closed.", document_type="news")
    first, later = doc.timexes
    assert first.explain()["anchor"] == "none" and first.explain()["anchor_date"] is None
    why = later.explain()
    assert (why["anchor"], why["anchor_index"], why["anchor_text"], why["anchor_value"]) == (
        "expression", 0, "March 2, 2020", "2020-03-02"
    )
    assert 'anchored on "March 2, 2020" (2020-03-02, expression 0)' in why["text"]


def test_to_dict_with_explanations(nlp: dateline.Pipeline) -> None:
    doc = nlp("He left yesterday. The plant opened on March 2, 2020. Two days later it closed.")
    plain = doc.to_dict()
    assert all("explanation" not in t for t in plain["timexes"])
    full = doc.to_dict(explain=True)
    assert len(full["timexes"]) == 3
    for t, d in zip(doc.timexes, full["timexes"]):
        assert json.loads(json.dumps(d["explanation"])) == d["explanation"]  # JSON-ready
        why = t.explain()
        if why["anchor_date"] is not None:
            why["anchor_date"] = why["anchor_date"].isoformat()
        assert d["explanation"] == why
        assert {k: v for k, v in d.items() if k != "explanation"} in plain["timexes"]
    assert full["timexes"][0]["explanation"]["anchor_date"] == "2026-03-05"
    with pytest.raises(TypeError):
        doc.to_dict(True)  # type: ignore[misc]  # keyword-only


def test_tokens_entities_unchanged_by_document_type(nlp: dateline.Pipeline) -> None:
    text = "Officials in Caracas met on March 2, 2026."
    docs = [nlp(text, document_type=k) for k in ("news", "narrative", "colloquial")]  # type: ignore[arg-type]
    for d in docs[1:]:
        assert d.tokens == docs[0].tokens and d.entities == docs[0].entities
        assert [(t.text, t.value) for t in d.timexes] == [("March 2, 2026", "2026-03-02")]
