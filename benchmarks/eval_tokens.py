"""Score dateline's tokens and sentences on UD CoNLL-U files and the English
Golden Rules, with the shared scorers.

    python benchmarks/eval_tokens.py                  # EWT dev and GUM dev from ../shared
    python benchmarks/eval_tokens.py FILE.conllu ... [--layout para] [--errors 20]
    python benchmarks/eval_tokens.py --langs          # the dev treebanks of es fr de pt it nl
    python benchmarks/eval_tokens.py --langs --spacy  # ... with spaCy's blank tokenizer and sentencizer

Each file is read in the language of its name (`fr_gsd-…` is French; `--lang`
overrides). With `--spacy`, spaCy's rule-based tokenizer and sentencizer for
the same language (`spacy.blank(lang)` + `sentencizer`) run on the same texts
in the same process, scored the same way (spaCy is not part of dateline's
dependencies: `pip install spacy`).

Words F1 compares dateline's syntactic words with UD words: English tokens
are words (`do` `n't`); in the other languages a contraction's `Token.words`
(`ao` → `a` `o`) are its words. Tokens F1 compares surface tokens, i.e. dateline's tokens with a
clitic joined back to the word it is attached to (`don't`), with UD tokens.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import sys

import dateline

ROOT = pathlib.Path(__file__).resolve().parent.parent
CLITICS = {"'s", "’s", "'re", "’re", "'ve", "’ve", "'ll", "’ll", "'d", "’d", "'m", "’m", "n't", "n’t", "nt", "'", "’", "m", "ve", "s", "na", "ta", "not"}


def surface(doc: dateline.Doc) -> list[list[int]]:
    """Join clitic tokens to the token they follow without a space."""
    out: list[list[int]] = []
    prev = None
    for t in doc.tokens:
        low = t.text.lower()
        if prev is not None and not prev.space_after and prev.end == t.start and out and (
            low in CLITICS
            and not (low in {"'", "’"} and not prev.text.lower().endswith("s"))
            and (low not in {"m", "ve", "s", "na", "ta", "not"} or prev.text.isalpha())
        ):
            out[-1][1] = t.end
        else:
            out.append([t.start, t.end])
        prev = t
    return out


def word_spans(doc: dateline.Doc) -> list[list[int]]:
    """The spans of the document's syntactic words: a contraction whose words
    spell it (`ao` = `a` + `o`) gives a span per word; one whose words do not
    (`del` = `de` `el`) stays one span, as the scorer reads UD's."""
    out: list[list[int]] = []
    for t in doc.tokens:
        words = t.words
        if len(words) > 1 and "".join(words) == t.text:
            at = t.start
            for w in words:
                out.append([at, at + len(w)])
                at += len(w)
        else:
            out.append([t.start, t.end])
    return out


UD_DEV = ["es_gsd", "fr_gsd", "de_gsd", "pt_bosque", "it_isdt", "nl_alpino"]


def spacy_docs(lang: str, texts: list[str]) -> tuple[list[list[list[int]]], list[list[list[int]]], float]:
    """spaCy's blank pipeline for `lang` with a sentencizer: token and sentence
    character spans per text, and the seconds taken."""
    import time

    import spacy  # type: ignore[import-not-found]

    nlp = spacy.blank(lang)
    nlp.add_pipe("sentencizer")
    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts))
    elapsed = time.perf_counter() - t0
    toks = [[[t.idx, t.idx + len(t.text)] for t in d if not t.is_space] for d in docs]
    sents = [[[s.start_char, s.end_char] for s in d.sents if s.text.strip()] for d in docs]
    return toks, sents, elapsed


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="*")
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--layout", default="para", choices=["para", "flat", "lines"])
    ap.add_argument("--errors", type=int, default=0)
    ap.add_argument("--lang", default=None, help="the files' language (default: from each file's name)")
    ap.add_argument("--langs", action="store_true", help="the UD dev treebanks of the six other languages")
    ap.add_argument("--spacy", action="store_true", help="also score spaCy's blank tokenizer and sentencizer")
    args = ap.parse_args()
    shared = pathlib.Path(args.shared)
    sys.path.insert(0, str(shared / "eval"))
    import golden_rules  # type: ignore[import-not-found]
    import tok_score  # type: ignore[import-not-found]

    if args.langs:
        files = [str(shared / f"data/ud/{name}-ud-dev.conllu") for name in UD_DEV]
    else:
        files = args.files or [str(shared / "data/ud/en_ewt-ud-dev.conllu"), str(shared / "data/ud/en_gum-ud-dev.conllu")]
    nlp = dateline.Pipeline(gazetteer=dateline.Gazetteer.from_records([]), reference_date=None, disable=["timexes"])
    import time

    for f in files:
        lang = args.lang or pathlib.Path(f).name.split("_")[0]
        docs = tok_score.load_docs(f, layout=args.layout)
        texts = dict(tok_score.raw_texts(f, layout=args.layout))
        ids = [d.id for d in docs]
        batch = [texts[i] for i in ids]
        t0 = time.perf_counter()
        out = list(nlp.pipe(batch, langs=[lang] * len(batch), n_threads=1))
        elapsed = time.perf_counter() - t0
        mb = sum(len(t.encode("utf-8")) for t in batch) / 1e6
        words = [{"doc": i, "tokens": word_spans(d), "sentences": [[s.start, s.end] for s in d.sentences]} for i, d in zip(ids, out)]
        if lang == "en":
            surf = [{"doc": i, "tokens": surface(d)} for i, d in zip(ids, out)]
        else:
            surf = [{"doc": i, "tokens": [[t.start, t.end] for t in d.tokens]} for i, d in zip(ids, out)]
        rw = tok_score.score(docs, words)
        rs = tok_score.score(docs, surf)
        print(f"== {pathlib.Path(f).name} (lang {lang}, layout {args.layout}; dateline {mb / elapsed:.1f} MB/s, 1 thread, with the gazetteer off)")
        line = f"{'':14}{'dateline':>10}"
        row = {
            "Words F1": 100 * rw["Words"]["f1"],
            "Tokens F1": 100 * rs["Tokens"]["f1"],
            "Sentences F1": 100 * rw["Sentences"]["f1"],
        }
        other = None
        if args.spacy:
            stoks, ssents, sel = spacy_docs(lang, batch)
            sw = tok_score.score(docs, [{"doc": i, "tokens": t, "sentences": s} for i, t, s in zip(ids, stoks, ssents)])
            other = {
                "Words F1": 100 * sw["Words"]["f1"],
                "Tokens F1": 100 * sw["Tokens"]["f1"],
                "Sentences F1": 100 * sw["Sentences"]["f1"],
            }
            line += f"{'spaCy':>10}{'diff':>8}"
            print(line + f"   (spaCy {mb / sel:.1f} MB/s; dateline {sel / elapsed:.1f}x)")
        else:
            print(line)
        for k, v in row.items():
            extra = f"{other[k]:10.2f}{v - other[k]:+8.2f}" if other else ""
            print(f"{k:<14}{v:10.2f}{extra}")
        if args.errors:
            errs: dict = {}
            tok_score.score(docs, words, errors=errs)
            text_of = {d.id: d.text for d in docs}
            for key in ("Words.missed", "Words.spurious", "Sentences.missed"):
                print(f"-- {key}")
                for doc_id, sp in errs.get(key, [])[: args.errors]:
                    t = text_of[doc_id]
                    print("  ", json.dumps(t[max(0, sp[0] - 25) : sp[0]] + "[[" + t[sp[0] : sp[1]] + "]]" + t[sp[1] : sp[1] + 25]))
    res = golden_rules.run(lambda text: [(s.start, s.end) for s in nlp(text).sentences])
    subsets = [k for k in res if k.endswith("_total")]
    print("== golden rules: " + ", ".join(f"{k[:-6]} {res[k[:-6]]}/{res[k]}" for k in subsets))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
