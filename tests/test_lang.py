"""The language layer through the public API: choosing, identifying and
reporting the language of each document."""

from __future__ import annotations

import json
import pickle

import dateline
import pandas as pd
import pytest

LANGS = dateline.languages()

# One ordinary news sentence per language (written for these tests).
SENTENCES = {
    "en": "The minister said on Thursday that the talks would resume next week in Geneva.",
    "es": "El ministro dijo el jueves que las conversaciones se reanudarán la próxima semana en Ginebra.",
    "fr": "Le ministre a déclaré jeudi que les négociations reprendraient la semaine prochaine à Genève.",
    "de": "Der Minister sagte am Donnerstag, die Gespräche würden nächste Woche in Genf fortgesetzt.",
    "pt": "O ministro disse na quinta-feira que as negociações serão retomadas na próxima semana em Genebra.",
    "it": "Il ministro ha detto giovedì che i colloqui riprenderanno la prossima settimana a Ginevra.",
    "nl": "De minister zei donderdag dat de besprekingen volgende week in Genève worden hervat.",
}


def test_languages_lists_codes_with_english() -> None:
    assert "en" in LANGS
    assert LANGS == sorted(LANGS)
    assert all(isinstance(c, str) and c.islower() for c in LANGS)


@pytest.mark.parametrize("code", [c for c in SENTENCES if c in LANGS])
def test_auto_identifies_each_language(code: str) -> None:
    text = SENTENCES[code]
    assert dateline.detect_language(text) == code
    assert dateline.Pipeline(reference_date=None)(text).lang == code


def test_given_language_is_used_and_reported_everywhere() -> None:
    nlp = dateline.Pipeline(reference_date="2026-03-05", lang="en")
    assert nlp.lang == "en"
    doc = nlp("He left yesterday.")
    assert doc.lang == "en"
    assert doc.to_dict()["lang"] == "en"
    assert nlp("He left yesterday.", lang="auto").lang == "en"
    assert dateline.Pipeline().lang == "auto"


def test_unknown_language_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match=r'unknown language "xx" \(known: .*en'):
        dateline.Pipeline(lang="xx")
    with pytest.raises(TypeError, match="lang must be str"):
        dateline.Pipeline(lang=3)  # type: ignore[arg-type]
    nlp = dateline.Pipeline(reference_date=None)
    with pytest.raises(ValueError, match="unknown language"):
        nlp("text", lang="klingon")
    with pytest.raises(ValueError, match=r"langs\[1\]: unknown language"):
        list(nlp.pipe(["a", "b"], langs=["en", "zz"]))
    with pytest.raises(ValueError, match="langs has fewer items than texts"):
        list(nlp.pipe(["a", "b"], langs=["en"]))
    with pytest.raises(TypeError, match="not a single str"):
        list(nlp.pipe(["a", "b"], langs="en"))
    with pytest.raises(ValueError, match="unknown language"):
        dateline.parse("yesterday", lang="xx")


def test_per_document_languages_match_single_calls() -> None:
    nlp = dateline.Pipeline(reference_date="2026-03-05")
    texts = [SENTENCES[c] for c in SENTENCES] * 3
    langs = [None, "auto", "en"] * 7
    docs = list(nlp.pipe(texts, langs=langs, n_threads=2, batch_size=4))
    for t, lang, d in zip(texts, langs, docs):
        single = nlp(t, lang=lang)
        assert d.lang == single.lang
        assert [(x.text, x.value) for x in d.timexes] == [(x.text, x.value) for x in single.timexes]
    assert all(d.lang == "en" for d, lang in zip(docs, langs) if lang == "en")


def test_annotate_tables_and_frames_carry_the_language() -> None:
    nlp = dateline.Pipeline(reference_date="2026-03-05")
    res = nlp.annotate(["He left yesterday.", "She arrives tomorrow."], langs=["en", None])
    table = res.timexes()
    assert list(table["lang"]) == ["en", "en"]
    df = pd.DataFrame({"text": ["He left yesterday.", "Quiet."], "language": ["en", None]})
    out = nlp.annotate_frame(df, lang="language", tables=["timexes"])["timexes"]
    assert list(out["lang"]) == ["en"]
    assert "language" not in out.columns
    with pytest.raises(KeyError, match="lang column 'nope'"):
        nlp.annotate_frame(df, lang="nope")
    with pytest.raises(ValueError, match="langs has 1 items for 2 texts"):
        nlp.annotate(["a", "b"], langs=["en"])


def test_date_order_follows_the_language_unless_given() -> None:
    nlp = dateline.Pipeline(reference_date="2026-03-05", lang="en")
    assert nlp.date_order is None
    assert nlp("It happened on 03/05/2026.").timexes[0].value == "2026-03-05"
    dmy = dateline.Pipeline(reference_date="2026-03-05", lang="en", date_order="dmy")
    assert dmy.date_order == "dmy"
    assert dmy("It happened on 03/05/2026.").timexes[0].value == "2026-05-03"
    assert dateline.parse("03/05/2026", lang="en").value == "2026-03-05"
    assert dateline.parse("03/05/2026", lang="en", date_order="dmy").value == "2026-05-03"


def test_language_survives_pickle_and_json() -> None:
    nlp = dateline.Pipeline(lang="en", reference_date=None)
    back = pickle.loads(pickle.dumps(nlp))
    assert back.lang == "en"
    assert json.loads(nlp.to_json())["options"]["lang"] == "en"
    assert dateline.Pipeline.from_json(dateline.Pipeline().to_json()).lang == "auto"


@pytest.mark.parametrize(
    "lang,text,tokens",
    [
        ("fr", "l'Allemagne viendra jusqu'à aujourd'hui", ["l'", "Allemagne", "viendra", "jusqu'", "à", "aujourd'hui"]),
        ("fr", "Saint-Pétersbourg, dit-il.", ["Saint-Pétersbourg", ",", "dit", "-il", "."]),
        ("it", "dell'anno scorso", ["dell'", "anno", "scorso"]),
        ("de", "im Mai, z.B. am 5. März", ["im", "Mai", ",", "z.B.", "am", "5.", "März"]),
        ("de", "Er kam am 5. Dann ging er!!", ["Er", "kam", "am", "5", ".", "Dann", "ging", "er", "!", "!"]),
        ("nl", "auto's en 24-jarige", ["auto's", "en", "24-jarige"]),
        ("pt", "o fim-de-semana de março-abril", ["o", "fim-de-semana", "de", "março", "-", "abril"]),
        ("en", "I'm sure it's Maduro's", ["I", "'m", "sure", "it", "'s", "Maduro", "'s"]),
    ],
)
def test_each_language_tokenizes_by_its_own_rules(lang: str, text: str, tokens: list[str]) -> None:
    if lang not in LANGS:
        pytest.fail(f"no folder for {lang}")
    doc = dateline.Pipeline(lang=lang, reference_date=None)(text)
    assert [t.text for t in doc.tokens] == tokens
    assert all(doc.text[t.start : t.end] == t.text for t in doc.tokens)


@pytest.mark.parametrize(
    "lang,text,value",
    [
        ("es", "hace tres días", "2026-03-02"),
        ("es", "el 5 de marzo de 2026", "2026-03-05"),
        ("fr", "il y a deux ans", "2024"),
        ("de", "vor zwei Wochen", "2026-W08"),
        ("pt", "há três dias", "2026-03-02"),
        ("it", "tra due settimane", "2026-03-19"),
        ("nl", "vorige week", "2026-W09"),
        ("de", "3,5 Jahre", "P3Y6M"),
    ],
)
def test_parse_reads_each_language(lang: str, text: str, value: str) -> None:
    t = dateline.parse(text, reference_date="2026-03-05", lang=lang)
    assert t is not None and t.value == value


@pytest.mark.parametrize(
    "lang,text,tokens",
    [
        ("es", "una superficie de 814 km² en total", ["una", "superficie", "de", "814", "km", "²", "en", "total"]),
        ("it", "un po' di tempo, mezz'ora", ["un", "po'", "di", "tempo", ",", "mezz'", "ora"]),
        ("it", "sull'\"Gazzettino\" e l’«idea»", ["sull'", '"', "Gazzettino", '"', "e", "l’", "«", "idea", "»"]),
        ("it", "dell'art. 5 ('ABDR') e po' più", ["dell'", "art.", "5", "(", "'", "ABDR", "'", ")", "e", "po'", "più"]),
        ("it", "da Nella's Garden", ["da", "Nella", "'s", "Garden"]),
        ("fr", "l'«idée» de Nella's", ["l'", "«", "idée", "»", "de", "Nella's"]),
        ("nl", "'s avonds en 't is laat", ["'s", "avonds", "en", "'t", "is", "laat"]),
        ("nl", "het gravel:,,Dat is zo. Hij:,, Ik", ["het", "gravel", ":", ",,", "Dat", "is", "zo", ".", "Hij", ":", ",,", "Ik"]),
    ],
)
def test_language_token_details(lang: str, text: str, tokens: list[str]) -> None:
    doc = dateline.Pipeline(lang=lang, reference_date=None)(text)
    assert [t.text for t in doc.tokens] == tokens


def test_text_without_spaces_is_cut_at_scripts_and_punctuation() -> None:
    nlp = dateline.Pipeline(reference_date=None)
    doc = nlp("北京是中国的首都。我们明天去北京！")
    assert [t.text for t in doc.tokens] == ["北京是中国的首都", "。", "我们明天去北京", "！"]
    assert [s.text for s in doc.sentences] == ["北京是中国的首都。", "我们明天去北京！"]
    doc = nlp("東京は日本の首都です。")
    assert [t.text for t in doc.tokens] == ["東京", "は", "日本", "の", "首都", "です", "。"]
    assert all(doc.text[t.start : t.end] == t.text for t in doc.tokens)


@pytest.mark.parametrize(
    "lang,text,words",
    [
        ("es", "Vuelve del sur AL norte", [["Vuelve"], ["de", "el"], ["sur"], ["A", "EL"], ["norte"]]),
        ("fr", "Au bord du lac", [["À", "le"], ["bord"], ["de", "le"], ["lac"]]),
        ("de", "Zum Glück im Garten", [["Zu", "dem"], ["Glück"], ["in", "dem"], ["Garten"]]),
        ("pt", "Ao lado da casa", [["A", "o"], ["lado"], ["de", "a"], ["casa"]]),
        ("it", "dell'orto sui tetti", [["di", "l'"], ["orto"], ["su", "i"], ["tetti"]]),
        ("en", "del al zum", [["del"], ["al"], ["zum"]]),
        ("nl", "in het park", [["in"], ["het"], ["park"]]),
    ],
)
def test_contractions_have_their_syntactic_words(lang: str, text: str, words: list[list[str]]) -> None:
    nlp = dateline.Pipeline(lang=lang, reference_date=None)
    doc = nlp(text)
    assert [t.words for t in doc.tokens] == words
    # The tables and to_dict carry the same words, and only a contraction's.
    table = nlp.annotate([text]).tokens()
    expected = [" ".join(w) if len(w) > 1 else None for w in words]
    assert [None if pd.isna(v) else v for v in table["words"]] == expected
    assert [d.get("words") for d in doc.to_dict()["tokens"]] == [w if len(w) > 1 else None for w in words]


def test_words_follow_the_documents_language_in_a_batch() -> None:
    nlp = dateline.Pipeline(reference_date=None)
    es, pt = nlp.pipe(["del", "do"], langs=["es", "pt"])
    assert es.tokens[0].words == ["de", "el"] and pt.tokens[0].words == ["de", "o"]
    assert nlp("do", lang="es").tokens[0].words == ["do"]


@pytest.mark.parametrize("lang", ["es", "fr", "pt"])
def test_numbers_joined_at_hyphens_still_give_their_dates(lang: str) -> None:
    nlp = dateline.Pipeline(lang=lang, reference_date="2026-03-05", gazetteer=dateline.Gazetteer.from_records([]))
    doc = nlp("Lugano 6-2 G-3 : 12-05-2020 ; 1990-1995.")
    assert [t.text for t in doc.tokens] == ["Lugano", "6-2", "G-3", ":", "12-05-2020", ";", "1990-1995", "."]
    assert [(x.text, x.value) for x in doc.timexes] == [("12-05-2020", "2020-05-12"), ("1990", "1990"), ("1995", "1995")]
    # Entities and time expressions still fall on the document's token bounds or inside a token.
    assert all(doc.text[x.start : x.end] == x.text for x in doc.timexes)
