"""Properties that hold for any text (hypothesis): spans are ordered, do not
overlap, sit on character boundaries, cover every non-space character, and
the numpy offsets equal the span lists."""

from __future__ import annotations

import dateline
import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

NLP = dateline.Pipeline(reference_date="2026-03-05")

# Text built from pieces that exercise the rules (abbreviations, clitics,
# dates, names, quotes, dashes, emoji, combining marks) mixed with anything.
PIECES = st.sampled_from(
    [
        "U.S.", "Mr.", "don't", "Venezuela's", "Caracas", "on Thursday", "3.5", "a.m.", "…", "“", "”", "—", "-",
        "e-mail", "http://x.org/a?b=1", "@user", "#tag", ":)", "2026-03-05", "5/3/2026", "two-day", " ", "\n",
        "\n\n", "\t", "Nicolás", "e\u0301", "😀", "文字", "'", '"', "(", ")", ".", "!", "?", "$5", "10%",
        # adversarial dates: impossible, huge, year 0, repeated months, mixed scripts
        "99/99/9999", "0000-00-00", "year 0", "99999", "March 99999", "12345678901234567890",
        "March March March", "the 31st of February", "Feb. 30", "24:61", "1e308", "Ⅻ月", "٣/٥/٢٠٢٦",
        "that day", "the following month", "a year earlier", "Q5", "the 1990s'", "\x1f",
        "from March 2 to March 6", "since", "until", "from", " to ", "between", "and",
    ]
)
TEXT = st.lists(st.one_of(PIECES, st.text(max_size=6)), max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_spans_are_well_formed_for_any_text(text: str) -> None:
    doc = NLP(text)
    toks = doc.token_offsets()
    assert toks.dtype == np.int64 and toks.shape == (len(doc), 2)
    assert [tuple(map(int, r)) for r in toks] == doc.token_spans()
    assert [tuple(map(int, r)) for r in doc.sentence_offsets()] == doc.sentence_spans()
    covered = np.zeros(len(text) + 1, dtype=bool)
    prev_end = 0
    for start, end in doc.token_spans():
        assert prev_end <= start < end <= len(text)
        assert not text[start:end].isspace()
        covered[start:end] = True
        prev_end = end
    for i, ch in enumerate(text):
        if not ch.isspace():
            assert covered[i], (i, ch)
    for span in [*doc.sentences, *doc.entities, *doc.timexes, *doc.ranges]:
        assert 0 <= span.start < span.end <= len(text)
        assert text[span.start : span.end] == span.text
    for r in doc.ranges:
        for i in (r.begin_index, r.end_index):
            if i is not None:
                t = doc.timexes[i]
                assert r.start <= t.start and t.end <= r.end
    sents = doc.sentence_spans()
    assert all(a[1] <= b[0] for a, b in zip(sents, sents[1:]))


@settings(max_examples=100, deadline=None)
@given(st.lists(TEXT, max_size=8))
def test_tables_agree_with_documents_for_any_texts(texts: list[str]) -> None:
    res = NLP.annotate(texts)
    arrays = res.tokens("numpy")
    docs = list(NLP.pipe(texts))
    assert arrays["start"].tolist() == [a for d in docs for a, _ in d.token_spans()]
    assert arrays["end"].tolist() == [b for d in docs for _, b in d.token_spans()]
    ents = res.entities("numpy")
    assert list(ents["text"]) == [e.text for d in docs for e in d.entities]
    ranges = res.ranges("numpy")
    assert list(ranges["text"]) == [r.text for d in docs for r in d.ranges]
    assert ranges["begin_index"].tolist() == [r.begin_index for d in docs for r in d.ranges]
