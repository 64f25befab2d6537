"""Score dateline's tokens and sentences on UD CoNLL-U files and the English
Golden Rules, with the shared scorers.

    python benchmarks/eval_tokens.py                  # EWT dev and GUM dev from ../shared
    python benchmarks/eval_tokens.py FILE.conllu ... [--layout para] [--errors 20]

Words F1 compares dateline's tokens (syntactic words: `do` `n't`) with UD
words; Tokens F1 compares surface tokens, i.e. dateline's tokens with a
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


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="*")
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--layout", default="para", choices=["para", "flat", "lines"])
    ap.add_argument("--errors", type=int, default=0)
    args = ap.parse_args()
    shared = pathlib.Path(args.shared)
    sys.path.insert(0, str(shared / "eval"))
    import golden_rules  # type: ignore[import-not-found]
    import tok_score  # type: ignore[import-not-found]

    files = args.files or [str(shared / "data/ud/en_ewt-ud-dev.conllu"), str(shared / "data/ud/en_gum-ud-dev.conllu")]
    nlp = dateline.Pipeline(gazetteer=dateline.Gazetteer.from_records([]), reference_date=None)
    for f in files:
        docs = tok_score.load_docs(f, layout=args.layout)
        texts = dict(tok_score.raw_texts(f, layout=args.layout))
        ids = [d.id for d in docs]
        out = list(nlp.pipe([texts[i] for i in ids]))
        words = [{"doc": i, "tokens": [[t.start, t.end] for t in d.tokens], "sentences": [[s.start, s.end] for s in d.sentences]} for i, d in zip(ids, out)]
        surf = [{"doc": i, "tokens": surface(d)} for i, d in zip(ids, out)]
        rw = tok_score.score(docs, words)
        rs = tok_score.score(docs, surf)
        print(f"== {pathlib.Path(f).name} (layout {args.layout})")
        print(f"Words F1     {100 * rw['Words']['f1']:6.2f}")
        print(f"Tokens F1    {100 * rs['Tokens']['f1']:6.2f}")
        print(f"Sentences F1 {100 * rw['Sentences']['f1']:6.2f}   (SentBreaks {100 * rw['SentBreaks']['f1']:.2f}, InParBreaks {100 * rw['InParBreaks']['f1']:.2f})")
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
