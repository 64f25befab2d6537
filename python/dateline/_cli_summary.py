"""What the command line shows a person: the progress line on stderr and the
human summary written to a terminal instead of JSON."""

from __future__ import annotations

import json
import sys
import time
from typing import Any

from dateline._cli_read import Meter, Record
from dateline._cli_write import JsonlWriter, batch_args


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def _clock(seconds: float) -> str:
    s = int(seconds + 0.5)
    return f"{s // 3600}:{s // 60 % 60:02d}:{s % 60:02d}"


class Progress:
    """A one-line progress display on stderr (terminals only); with the input's
    total size known (regular files only), a percentage and an ETA."""

    def __init__(self, enabled: bool, meter: Meter, total: int | None) -> None:
        self.enabled = enabled
        self.meter = meter
        self.total = total
        self.start = time.monotonic()
        self.last = 0.0
        self.docs = 0
        self.bytes = 0
        self.skipped = 0

    def add(self, docs: int, size: int) -> None:
        self.docs += docs
        self.bytes += size
        now = time.monotonic()
        if self.enabled and now - self.last >= 0.2:
            self.last = now
            sys.stderr.write("\r\x1b[K" + self.line(now, live=True))
            sys.stderr.flush()

    def line(self, now: float | None = None, live: bool = False) -> str:
        elapsed = max((now or time.monotonic()) - self.start, 1e-9)
        mb = self.bytes / 1e6
        skipped = f", {self.skipped:,} skipped" if self.skipped else ""
        text = (
            f"dateline: {_plural(self.docs, 'document')}, {mb:,.1f} MB in {elapsed:,.1f} s "
            f"({self.docs / elapsed:,.0f} docs/s, {mb / elapsed:,.1f} MB/s){skipped}"
        )
        if live and self.total:
            done = min(self.meter.done, self.total)
            share = done / self.total
            eta = f", ETA {_clock(elapsed * (self.total - done) / done)}" if done else ""
            text += f" — {share:.0%} of {self.total / 1e6:,.1f} MB{eta}"
        return text

    def clear(self) -> None:
        if self.enabled:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()

    def done(self, quiet: bool) -> None:
        self.clear()
        if not quiet:
            print(self.line(), file=sys.stderr)


def _table(rows: list[list[str]], indent: str = "  ") -> list[str]:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return [indent + "  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows]


def _short(text: str, width: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


class HumanWriter(JsonlWriter):
    """Per document: its name and settings, then its entities and time
    expressions with their values as small aligned tables (for a terminal).
    The output side (emit, close, discard) is JsonlWriter's."""

    buffer = 1 << 14
    flush_files = True

    def analyse(self, batch: list[Record]) -> tuple[bytes, int]:
        texts, refs, doctypes, langs = batch_args(batch)
        lines = self.nlp._core.annotate_jsonl(
            texts, refs, [r.name for r in batch], self.args.jobs, ["entities", "timexes"], 0, doctypes, langs
        )
        parts = [self.render(json.loads(line)) for line in lines.splitlines()]
        return "".join(parts).encode("utf-8", "surrogatepass"), len(batch)

    def render(self, rec: dict[str, Any]) -> str:
        about = [rec.get("lang") or "", rec.get("document_type") or "", f"reference date {rec.get('reference_date') or 'none'}"]
        out = [f"{rec['doc']}  ({', '.join(a for a in about if a)})"]
        ents = rec.get("entities") or []
        if "entities" in self.nlp.disabled:
            pass
        elif ents:
            out += _table([["ENTITY", "LABEL", "ID"]] + [[_short(e["text"]), e["label"], e.get("id") or ""] for e in ents])
        else:
            out.append("  no entities")
        tx = rec.get("timexes") or []
        if "timexes" in self.nlp.disabled:
            pass
        elif tx:
            out += _table([["TIME EXPRESSION", "TYPE", "VALUE"]] + [[_short(t["text"]), t["type"], t.get("value") or ""] for t in tx])
        else:
            out.append("  no time expressions")
        return "\n".join(out) + "\n\n"
