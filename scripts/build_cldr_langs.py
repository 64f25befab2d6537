"""Generate a small date grammar, `crates/dateline-core/lang/<code>/`, for every CLDR locale
dateline can identify and has no hand-written folder for.

Source: the Unicode CLDR data shipped by Babel (`pip install babel`); written with Babel 2.19.0,
CLDR 49 (each folder's `generated.toml` records the versions actually used). CLDR is
Copyright © Unicode, Inc., distributed under the Unicode License v3
(https://www.unicode.org/license.txt); these files are derived from it: "This product includes
data from the Unicode Common Locale Data Repository (CLDR)". Babel is BSD-3-Clause.

A language gets a folder when (a) Babel has a locale for it, (b) it has a two-letter ISO 639-1
code, (c) it is not one of the hand-written en es fr de pt it nl, and (d) the `whatlang` crate
identifies it (the table ISO_639_3 of crates/dateline-core/src/lang/detect.rs).

Each folder holds `generated.toml` (the marker: source, script, licence), `dates/words.toml`
(date_order, decimal_comma, the classes `month` and `weekday`) and `dates/calendar.toml` and
`dates/relative.toml`, a few rules whose examples are rendered from the same CLDR data:

- month alone (`month`), month and year (`month-year`, CLDR skeletons yMMMM and yMMM);
- day, month and year in the locale's long and medium date patterns (`date-long`,
  `date-medium`; one rule when both give the same tokens), day and month (skeletons MMMMd, MMMd);
  where a pattern ends with words after its last field (ru `5 марта 2026 г.`, hu `március 5.`)
  a `-bare` rule also reads it without them;
- weekday alone (`weekday`);
- yesterday / today / tomorrow and last / this / next week, month and year (CLDR `date_fields`,
  relative types -1, 0, 1 for day, week, month, year);
- `in {0} days` and `{0} days ago` for day, week, month, year (CLDR relativeTime future and
  past with their plural forms), over digits (`NUM`); the unit is set by the rule.

Phrases are split into tokens by dateline's own tokenizer (the Python package, in a subprocess
that reads the folders written so far through DATELINE_LANG_DIR), so the patterns' words are
the tokens the engine sees. Data-driven drops, decided from the data alone:

- a date pattern with a field other than day, month name and year (era `G`, numeric month) or
  whose tokens join a field with the text beside it (he `5 במרץ`, yi `5טן`) gives no rule;
- a relative phrase that tokenizes like another one of a different value, or holds a token
  that is pattern syntax, gives no rule; a plural form without `{0}` (ar `قبل يومين`) is left
  out; forms whose plural category no whole number 1–100 takes get no example;
- a month or weekday spelling two values share is left out.

date_order: the order of day and month in the locale's short date pattern (`dmy`, `mdy`); for
year-first locales (`y-MM-dd`) the order of the CLDR skeleton `Md` (month and day without a
year: sv `d/M` is dmy, hu `M. d.` mdy), `dmy` when that has none either.

Skipped (no generated folder):
- zh, ja, th, km, my: scripts written without spaces between words; a token-based grammar
  cannot find their words.
- tl: Babel has no `tl` locale (CLDR names Tagalog/Filipino `fil`, not a two-letter code).
- vi, az, he: the engine needs each month and weekday to have a one-word spelling without a
  period; CLDR's are two words: vi months `tháng 3`, az `bazar ertəsi` (Monday), he `יום שני`.
- Phrases equal to CLDR root's (sn and yi fall back to root's `last week`, `-{0} d`) are not
  the language's and give no rule.
- en es fr de pt it nl: written by hand.

Run (re-runnable; output sorted; only folders holding `generated.toml` are replaced):
    .venv/bin/python scripts/build_cldr_langs.py [code ...]
Check:
    DATELINE_LANG_DIR=crates/dateline-core/lang ./target/release/examples/lang_check <code>
"""

from __future__ import annotations

import datetime as dt
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys

import babel
from babel import Locale, localedata
from babel.core import get_cldr_version
from babel.dates import DateTimeFormat, tokenize_pattern

ROOT = pathlib.Path(__file__).resolve().parent.parent
LANG_DIR = ROOT / "crates" / "dateline-core" / "lang"
DETECT_RS = ROOT / "crates" / "dateline-core" / "src" / "lang" / "detect.rs"

HAND_WRITTEN = {"en", "es", "fr", "de", "pt", "it", "nl"}
NO_SPACES = {
    "zh": "Han script, no spaces between words",
    "ja": "Japanese script, no spaces between words",
    "th": "Thai script, no spaces between words",
    "km": "Khmer script, no spaces between words",
    "my": "Myanmar script, no spaces between words",
    "lo": "Lao script, no spaces between words",
}
REF = dt.date(2026, 3, 5)
ROOT_LOCALE = Locale.parse("root")
UNITS = {"day": "d", "week": "w", "month": "m", "year": "y"}
SYNTAX = re.compile(r"^[\[\]!<>%@]|[|]|\?$|^$")


# ---------------------------------------------------------------------------------------------
# the languages


def candidates() -> tuple[list[str], dict[str, str]]:
    """The codes to generate and the skipped ones with the reason."""
    table = re.findall(r'\("([a-z]{2})", "([a-z]{3})"\)', DETECT_RS.read_text(encoding="utf-8"))
    ids = set(localedata.locale_identifiers())
    codes, skipped = [], {}
    for two, _three in sorted(set(table)):
        if two in HAND_WRITTEN:
            continue
        if two in NO_SPACES:
            skipped[two] = NO_SPACES[two]
        elif two not in ids:
            skipped[two] = "Babel has no locale for this code"
        else:
            codes.append(two)
    return codes, skipped


# ---------------------------------------------------------------------------------------------
# words


def low(s: str) -> str:
    return s.strip().lower()


def calendar_words(names: list[dict[int, str]], count: int) -> tuple[dict[str, int], list[str], str | None]:
    """Spelling → value (with and without a trailing period), the strict spellings (all but the
    wide names), and a reason if some value has no one-word spelling without a period."""
    wide, spellings = set(), {}
    for k, table in enumerate(names):
        for v, s in table.items():
            s = low(s)
            if not s:
                continue
            forms = [s] + ([s[:-1]] if s.endswith(".") and len(s) > 1 else [])
            for f in forms:
                spellings.setdefault(f, set()).add(v)
            if k < 2:  # the first two tables are the wide names
                wide.add(s)
    out = {w: next(iter(vs)) for w, vs in spellings.items() if len(vs) == 1}
    for v in range(1, count + 1):
        if not any(val == v and "." not in w and not any(c.isspace() for c in w) for w, val in out.items()):
            return out, [], f"no one-word spelling without a period for value {v}"
    strict = sorted(w for w in out if w not in wide)
    return out, strict, None


def month_tables(loc: Locale) -> list[dict[int, str]]:
    m = loc.months
    return [
        dict(m["format"]["wide"]),
        dict(m["stand-alone"]["wide"]),
        dict(m["format"]["abbreviated"]),
        dict(m["stand-alone"]["abbreviated"]),
    ]


def weekday_tables(loc: Locale) -> list[dict[int, str]]:
    d = loc.days
    # Babel: 0 = Monday … 6 = Sunday; ours: Monday = 1.
    return [
        {k + 1: v for k, v in d[ctx][width].items()}
        for ctx, width in (("format", "wide"), ("stand-alone", "wide"), ("format", "abbreviated"), ("stand-alone", "abbreviated"))
    ]


def order_of(pattern: str) -> str | None:
    """`dmy` or `mdy` from the order of the day and month fields, or None if the year comes first."""
    fields = [f[0] for kind, f in tokenize_pattern(pattern) if kind == "field" and f[0] in "dMLy"]
    fields = ["M" if f == "L" else f for f in fields]
    if not fields or fields[0] == "y":
        return None
    if "d" in fields and "M" in fields:
        return "dmy" if fields.index("d") < fields.index("M") else "mdy"
    return None


def date_order(loc: Locale) -> tuple[str, str]:
    short = loc.date_formats["short"].pattern
    o = order_of(short)
    if o:
        return o, f"short date pattern {short!r}"
    md = loc.datetime_skeletons.get("Md")
    if md is not None:
        o = order_of(md.pattern if hasattr(md, "pattern") else str(md))
        if o:
            return o, f"year-first short pattern {short!r}; skeleton Md {getattr(md, 'pattern', md)!r}"
    return "dmy", f"year-first short pattern {short!r}; dmy by default"


# ---------------------------------------------------------------------------------------------
# rendering CLDR patterns with their field spans


def render(pattern: str, date: dt.date, loc: Locale) -> tuple[str, list[tuple[int, int, str]]] | None:
    """The text of `pattern` for `date` and the spans of its fields (`d`, `M`, `y`), or None if
    it has another field."""
    fmt = DateTimeFormat(date, loc)
    text, spans = "", []
    for kind, val in tokenize_pattern(pattern):
        if kind == "chars":
            text += val
            continue
        ch, n = val
        if ch == "d":
            piece, f = fmt[ch * n], "d"
        elif ch in "ML" and n >= 3:
            piece, f = fmt[ch * n], "M"
        elif ch == "y":
            piece, f = fmt["y"], "y"  # four digits whatever the width
        else:
            return None
        spans.append((len(text), len(text) + len(piece), f))
        text += piece
    return text, spans


def skeleton(loc: Locale, key: str) -> str | None:
    p = loc.datetime_skeletons.get(key)
    return None if p is None else (p.pattern if hasattr(p, "pattern") else str(p))


# ---------------------------------------------------------------------------------------------
# tokenizing with dateline's tokenizer

TOKENIZE = r"""
import json, sys
import dateline
req = json.load(sys.stdin)
out = {}
for code, texts in sorted(req.items()):
    p = dateline.Pipeline(lang=code, reference_date="2026-03-05", disable=["entities", "timexes"])
    out[code] = [[[t.start, t.end] for t in p(s).tokens] for s in texts]
json.dump(out, sys.stdout)
"""


def tokenize_all(req: dict[str, list[str]]) -> dict[str, list[list[tuple[int, int]]]]:
    env = dict(os.environ, DATELINE_LANG_DIR=str(LANG_DIR))
    res = subprocess.run(
        [sys.executable, "-c", TOKENIZE], input=json.dumps(req), capture_output=True, text=True, env=env, check=False
    )
    if res.returncode != 0:
        sys.exit(f"tokenizing failed:\n{res.stderr}")
    return {k: [[tuple(t) for t in toks] for toks in v] for k, v in json.loads(res.stdout).items()}


# ---------------------------------------------------------------------------------------------
# rules


def q(s: str) -> str:
    return json.dumps(s, ensure_ascii=False)


def literal(tok: str) -> str | None:
    t = tok.lower()
    if SYNTAX.search(t) or any(c.isspace() for c in t):
        return None
    return t


def date_elements(text: str, spans, toks) -> list[str] | None:
    """Pattern elements of a rendered date: its tokens, the field spans replaced by DAY,
    MONTH+ and YEAR; None when a token crosses a field's edge."""
    elems: list[str] = []
    for s, e in toks:
        field = None
        for a, b, f in spans:
            if s >= a and e <= b:
                field = f
            elif s < b and e > a:
                return None  # the token joins a field and the text beside it
        if field is None:
            lit = literal(text[s:e])
            if lit is None:
                return None
            elems.append(lit)
        else:
            el = {"d": "DAY", "M": "MONTH+", "y": "YEAR"}[field]
            if not (elems and elems[-1] == el and field == "M"):
                if elems and elems[-1] == el:
                    return None
                elems.append(el)
    return elems


def rule(name: str, pattern: str, make: str, examples: list[str], **kw) -> str:
    lines = ["[[rule]]", f"name = {q(name)}", f"pattern = {q(pattern)}"]
    if "cat" in kw:
        lines.append(f"cat = {q(kw['cat'])}")
    lines.append(f"make = {q(make)}")
    if "sign" in kw:
        lines.append(f"sign = {kw['sign']}")
    if "set" in kw:
        inner = ", ".join(f"{k} = {q(v) if isinstance(v, str) else str(v).lower()}" for k, v in kw["set"].items())
        lines.append(f"set = {{ {inner} }}")
    lines.append("examples = [" + ", ".join(q(x) for x in examples) + "]")
    return "\n".join(lines) + "\n"


def iso_week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def add_months(d: dt.date, n: int) -> dt.date:
    m = d.month - 1 + n
    return d.replace(year=d.year + m // 12, month=m % 12 + 1)


def shift_value(unit: str, n: int, precision_day: bool) -> str:
    if precision_day:
        d = {"d": lambda: REF + dt.timedelta(days=n), "w": lambda: REF + dt.timedelta(weeks=n),
             "m": lambda: add_months(REF, n), "y": lambda: REF.replace(year=REF.year + n)}[unit]()
        return d.isoformat()
    if unit == "d":
        return (REF + dt.timedelta(days=n)).isoformat()
    if unit == "w":
        return iso_week(REF + dt.timedelta(weeks=n))
    if unit == "m":
        return add_months(REF, n).strftime("%Y-%m")
    return str(REF.year + n)


def plural_numbers(loc: Locale) -> dict[str, int]:
    """A whole number 1–100 of each plural category (the smallest)."""
    out: dict[str, int] = {}
    for n in range(1, 101):
        out.setdefault(loc.plural_form(n), n)
    return out


class Builder:
    """Collects the strings a locale needs tokenized, then builds its rules."""

    def __init__(self, code: str, loc: Locale):
        self.code, self.loc = code, loc
        self.texts: list[str] = []
        self.notes: list[str] = []

    def want(self, s: str) -> int:
        self.texts.append(s)
        return len(self.texts) - 1

    # -- phase 1: what to tokenize -----------------------------------------------------------

    def plan(self) -> None:
        loc = self.loc
        self.dates = []  # (rule name, [(text index, spans, value)])
        specs = [
            ("month-year", [skeleton(loc, "yMMMM"), skeleton(loc, "yMMM")], [REF, dt.date(2025, 11, 21)], "%Y-%m"),
            ("date-long", [loc.date_formats["long"].pattern], [REF, dt.date(2025, 11, 21)], "%Y-%m-%d"),
            ("date-medium", [loc.date_formats["medium"].pattern], [REF, dt.date(2025, 11, 21)], "%Y-%m-%d"),
            ("day-month", [skeleton(loc, "MMMMd"), skeleton(loc, "MMMd")], [REF, dt.date(2026, 1, 20)], "%Y-%m-%d"),
        ]
        for name, patterns, dates, vfmt in specs:
            forms = []
            for p in patterns:
                if p is None:
                    continue
                for d in dates:
                    r = render(p, d, loc)
                    if r is not None:
                        forms.append((self.want(r[0]), r[1], d.strftime(vfmt)))
            self.dates.append((name, forms))
        fields = loc._data["date_fields"]
        root = ROOT_LOCALE._data["date_fields"]
        self.rel = []  # (unit, rel, text index)
        for unit in ("day", "week", "month", "year"):
            for k in (-1, 0, 1):
                s = fields.get(unit, {}).get("relative", {}).get(k)
                if s and s == root.get(unit, {}).get("relative", {}).get(k):
                    self.notes.append(f"relative {unit} {k}: {s!r} is CLDR root's (no data for the language)")
                elif s:
                    self.rel.append((unit, k, self.want(low(s))))
        self.counts = []  # (unit, past|future, category, text index of prefix, of suffix)
        for unit in ("day", "week", "month", "year"):
            for way in ("past", "future"):
                rootforms = set(root.get(unit, {}).get(way, {}).values())
                for cat, s in sorted(fields.get(unit, {}).get(way, {}).items()):
                    if "{0}" not in s:
                        self.notes.append(f"{way} {unit} {cat}: {s!r} has no number")
                        continue
                    if s in rootforms:
                        self.notes.append(f"{way} {unit} {cat}: {s!r} is CLDR root's (no data for the language)")
                        continue
                    pre, _, post = s.partition("{0}")
                    if (pre and not pre[-1].isspace()) or (post and not post[0].isspace()):
                        self.notes.append(f"{way} {unit} {cat}: {s!r} joins the number to a word")
                        continue
                    self.counts.append((unit, way, cat, self.want(low(pre)), self.want(low(post)), s))

    # -- phase 2: rules ------------------------------------------------------------------------

    def build(self, toks: list[list[tuple[int, int]]]) -> tuple[str, str, list[str]]:
        loc, texts = self.loc, self.texts
        notes: list[str] = list(self.notes)
        cal: list[str] = []
        # month alone and weekday alone: the reference month and day (wide names).
        mname = low(loc.months["stand-alone"]["wide"][3])
        cal.append(rule("month", "MONTH", "point", [f"[{mname}] => 2026-03"]))
        # date patterns
        found: dict[str, tuple[str, list[str]]] = {}  # pattern → (rule name, examples)
        later: dict[str, tuple[str, list[str]]] = {}  # the same without the words after the last field
        for name, forms in self.dates:
            pats: dict[str, list[str]] = {}
            for i, spans, value in forms:
                el = date_elements(texts[i], spans, toks[i])
                if el is None:
                    notes.append(f"{name}: {texts[i]!r} has a token across a field's edge")
                    continue
                ex = f"[{texts[i]}] => {value}"
                pats.setdefault(" ".join(el), [])
                if ex not in pats[" ".join(el)]:
                    pats[" ".join(el)].append(ex)
                # The words after the last field (ru `2026 г.`, hu `március 5.`) are often
                # left out: a second rule reads the date without them.
                last = max(k for k, x in enumerate(el) if x in ("DAY", "MONTH+", "YEAR"))
                if last < len(el) - 1:
                    end = max(e for _s, e, _f in spans)
                    bare = later.setdefault(" ".join(el[: last + 1]), (f"{name}-bare", []))
                    ex = f"[{texts[i][:end]}] => {value}"
                    if ex not in bare[1]:
                        bare[1].append(ex)
            for k, (pat, exs) in enumerate(sorted(pats.items())):
                if pat in found:  # the medium pattern reads like the long one: one rule
                    found[pat][1].extend(x for x in exs if x not in found[pat][1])
                else:
                    found[pat] = (name if k == 0 else f"{name}-{k + 1}", list(exs))
        for pat, (rname, exs) in later.items():
            if pat not in found:
                found[pat] = (rname, exs)
        for pat, (rname, exs) in found.items():
            kw = {} if rname.startswith("month-year") else {"cat": "day"}
            cal.append(rule(rname, pat, "point", exs, **kw))
        wname = low(loc.days["format"]["wide"][3])
        cal.append(rule("weekday", "WEEKDAY", "point", [f"[{wname}] => 2026-03-05"]))

        rel: list[str] = []
        # yesterday … next year
        groups: dict[str, list[tuple[str, int, str]]] = {}
        for unit, k, i in self.rel:
            el = [literal(texts[i][s:e]) for s, e in toks[i]]
            if not el or None in el:
                notes.append(f"relative {unit} {k}: {texts[i]!r} not a pattern")
                continue
            groups.setdefault(" ".join(el), []).append((unit, k, texts[i]))
        names = {("day", -1): "yesterday", ("day", 0): "today", ("day", 1): "tomorrow"}
        for pat, items in sorted(groups.items(), key=lambda x: (list(UNITS).index(x[1][0][0]), x[1][0][1])):
            if len({(u, k) for u, k, _ in items}) > 1:
                notes.append(f"relative {items}: one phrase, several values")
                continue
            unit, k, text = items[0]
            u = UNITS[unit]
            name = names.get((unit, k)) or f"{['last', 'this', 'next'][k + 1]}-{unit}"
            rel.append(rule(name, pat, "shift", [f"[{text}] => {shift_value(u, k, False)}"], sign=k, set={"unit": u}))
        # counts: in {0} days, {0} days ago
        nums = plural_numbers(loc)
        bykey: dict[tuple[str, str], list] = {}
        for unit, way, cat, ip, iq, s in self.counts:
            pre = [literal(texts[ip][a:b]) for a, b in toks[ip]]
            post = [literal(texts[iq][a:b]) for a, b in toks[iq]]
            if None in pre or None in post:
                notes.append(f"{way} {unit} {cat}: {s!r} not a pattern")
                continue
            bykey.setdefault((unit, way), []).append((pre, post, cat, s))
        for (unit, way), forms in sorted(bykey.items(), key=lambda x: (list(UNITS).index(x[0][0]), x[0][1])):
            shapes: dict[tuple[int, int], list] = {}
            for pre, post, cat, s in forms:
                shapes.setdefault((len(pre), len(post)), []).append((pre, post, cat, s))
            for k, (_, fs) in enumerate(sorted(shapes.items(), key=lambda x: -len(x[1]))):
                elems = []
                for pos in range(len(fs[0][0])):
                    elems.append("|".join(dict.fromkeys(f[0][pos] for f in fs)))
                elems.append("NUM")
                for pos in range(len(fs[0][1])):
                    elems.append("|".join(dict.fromkeys(f[1][pos] for f in fs)))
                u = UNITS[unit]
                exs = []
                for _pre, _post, cat, s in fs:
                    n = nums.get(cat)
                    if n is None:
                        continue
                    ex = f"[{low(s).replace('{0}', str(n))}] => {shift_value(u, -n if way == 'past' else n, way == 'future')}"
                    if ex not in exs:
                        exs.append(ex)
                if not exs:
                    notes.append(f"{way} {unit}: no whole number for {[f[2] for f in fs]}")
                    continue
                name = f"{'ago' if way == 'past' else 'in'}-{unit}s" + (f"-{k + 1}" if k else "")
                if way == "past":
                    rel.append(rule(name, " ".join(elems), "shift", exs, sign=-1, set={"unit": u, "aside": True}))
                else:
                    rel.append(rule(name, " ".join(elems), "shift", exs, set={"unit": u, "precision": "d"}))
        return "\n".join(cal), "\n".join(rel), notes


# ---------------------------------------------------------------------------------------------
# writing


def header(code: str, loc: Locale, what: str) -> str:
    return (
        f"# {loc.english_name} ({code}): {what}\n"
        f"# Generated by scripts/build_cldr_langs.py from Unicode CLDR {get_cldr_version()} via Babel"
        f" {babel.__version__}\n# (Unicode License v3, https://www.unicode.org/license.txt). Do not edit;"
        " re-run the script.\n\n"
    )


def toml_table(d: dict[str, int]) -> str:
    return "".join(f"{q(k)} = {v}\n" for k, v in sorted(d.items(), key=lambda x: (x[1], x[0])))


def toml_list(xs: list[str]) -> str:
    return "[" + ", ".join(q(x) for x in xs) + "]"


def words_toml(code: str, loc: Locale, months, mstrict, days, dstrict) -> str:
    order, why = date_order(loc)
    dec = loc.number_symbols["latn"]["decimal"]
    out = header(code, loc, "date words")
    out += f"# date_order from the {why}.\ndate_order = {q(order)}\n"
    out += f"# The decimal symbol is {dec!r}.\ndecimal_comma = {str(dec == ',').lower()}\n\n"
    out += "[class.month]\n" + toml_table(months) + "\n"
    out += "[class.weekday]\n" + toml_table(days) + "\n"
    out += "# Abbreviations match only where a rule writes MONTH+ or WEEKDAY+.\n[strict]\n"
    out += f"month = {toml_list(mstrict)}\nweekday = {toml_list(dstrict)}\n"
    return out


def generated_toml(code: str, loc: Locale) -> str:
    return (
        f"# {loc.english_name} ({code}): generated from CLDR, not written by hand.\n"
        f"source = {q(f'Unicode CLDR via Babel {babel.__version__}')}\n"
        f"cldr = {q(str(get_cldr_version()))}\n"
        f"script = {q('scripts/build_cldr_langs.py')}\n"
        f"license = {q('Unicode License v3 (https://www.unicode.org/license.txt)')}\n"
        f"attribution = {q('This product includes data from the Unicode Common Locale Data Repository (CLDR).')}\n"
    )


def main(argv: list[str]) -> int:
    codes, skipped = candidates()
    if argv:
        codes = [c for c in codes if c in argv]
    plans: dict[str, tuple[Locale, Builder]] = {}
    for code in codes:
        loc = Locale.parse(code)
        months, mstrict, why_m = calendar_words(month_tables(loc), 12)
        if dict(loc.months["format"]["wide"]) == dict(ROOT_LOCALE.months["format"]["wide"]):
            why_m = "CLDR has no month names (root's M01 … M12)"
        days, dstrict, why_d = calendar_words(weekday_tables(loc), 7)
        folder = LANG_DIR / code
        if why_m or why_d:
            skipped[code] = f"months: {why_m}" if why_m else f"weekdays: {why_d}"
            continue
        if folder.exists():
            if not (folder / "generated.toml").exists():
                sys.exit(f"{folder} is not generated; refusing to replace it")
            shutil.rmtree(folder)
        (folder / "dates").mkdir(parents=True)
        (folder / "generated.toml").write_text(generated_toml(code, loc), encoding="utf-8")
        (folder / "dates" / "words.toml").write_text(words_toml(code, loc, months, mstrict, days, dstrict), encoding="utf-8")
        b = Builder(code, loc)
        b.plan()
        plans[code] = (loc, b)
    # Folders of codes no longer generated (and generated before) are removed.
    if not argv:
        for folder in sorted(LANG_DIR.iterdir()):
            if (folder / "generated.toml").exists() and folder.name not in plans:
                shutil.rmtree(folder)
    toks = tokenize_all({c: b.texts for c, (_, b) in plans.items()})
    for code, (loc, b) in sorted(plans.items()):
        cal, rel, notes = b.build(toks[code])
        d = LANG_DIR / code / "dates"
        (d / "calendar.toml").write_text(header(code, loc, "month, date and weekday rules") + cal, encoding="utf-8")
        (d / "relative.toml").write_text(header(code, loc, "days and periods named from today, counts from now") + rel, encoding="utf-8")
        n = cal.count("[[rule]]") + rel.count("[[rule]]")
        print(f"{code}: {n} rules" + "".join(f"\n    dropped {x}" for x in notes), file=sys.stderr)
    for code, why in sorted(skipped.items()):
        print(f"skipped {code}: {why}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
