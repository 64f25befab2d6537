"""The ``dateline`` command line: ``dateline annotate FILES...``.

Writes one JSON object per document: the :meth:`Doc.to_dict` form plus a
``doc`` name (the file name, or ``file:line`` / the record's ``id`` for JSONL).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Iterator
from typing import IO, Any

from dateline import __version__
from dateline._core import Gazetteer
from dateline._pipeline import Pipeline

__all__ = ["main"]


class CliError(Exception):
    """An input problem reported as one line on stderr (no traceback)."""


def _decode(data: bytes, name: str) -> str:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        raise CliError(f"{name}: not valid UTF-8 (line {line}, byte {e.start})") from None
    return text[1:] if text.startswith("\ufeff") else text


def _read_bytes(path: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read()
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except OSError as e:
        raise CliError(f"{path}: {e.strerror or e}") from None


def _records(args: argparse.Namespace) -> Iterator[tuple[str, str, Any]]:
    """Yield (doc name, text, reference date) for every input document."""
    files = args.files or ["-"]
    for path in files:
        shown = "<stdin>" if path == "-" else path
        data = _decode(_read_bytes(path), shown)
        if args.input_format == "text":
            yield shown, data, args.reference_date
            continue
        for lineno, line in enumerate(data.splitlines(), start=1):
            if not line.strip():
                continue
            where = f"{shown}:{lineno}"
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as e:
                raise CliError(f"{where}: invalid JSON ({e.msg})") from None
            if not isinstance(rec, dict):
                raise CliError(f"{where}: expected a JSON object")
            text = rec.get(args.text_field)
            if not isinstance(text, str):
                raise CliError(f"{where}: field {args.text_field!r} is missing or not a string")
            ref = rec.get(args.date_field, args.reference_date)
            if ref is None:
                ref = args.reference_date
            name = rec.get("id", rec.get("doc", where))
            yield str(name), text, ref


def _annotate(args: argparse.Namespace, out: IO[str]) -> int:
    gazetteer = None
    if args.gazetteer:
        try:
            gazetteer = Gazetteer.from_file(args.gazetteer)
        except (OSError, ValueError) as e:
            raise CliError(f"--gazetteer: {e}") from None
    try:
        nlp = Pipeline(gazetteer=gazetteer, reference_date=args.reference_date, n_threads=args.jobs)
    except ValueError as e:
        raise CliError(str(e)) from None

    count = 0
    # Read a batch of records, then process it: memory stays bounded.
    batch: list[tuple[str, str, Any]] = []

    def flush() -> None:
        nonlocal count
        if not batch:
            return
        try:
            docs = list(nlp.pipe([b[1] for b in batch], reference_dates=[b[2] for b in batch]))
        except ValueError as e:
            raise CliError(str(e)) from None
        for (name, _text, _ref), doc in zip(batch, docs):
            d = doc.to_dict()
            record = {"doc": name, **d}
            out.write(json.dumps(record, ensure_ascii=False))
            out.write("\n")
            count += 1
        batch.clear()

    for rec in _records(args):
        batch.append(rec)
        if len(batch) >= args.batch_size:
            flush()
    flush()
    if not args.quiet:
        print(f"dateline: annotated {count} document(s)", file=sys.stderr)
    return 0


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="dateline", description="Tokens, entities and time expressions from news text.")
    p.add_argument("--version", action="version", version=f"dateline {__version__}")
    sub = p.add_subparsers(dest="command", required=True)
    a = sub.add_parser("annotate", help="annotate documents and write JSON lines")
    a.add_argument("files", nargs="*", metavar="FILE", help="text files (one document each) or JSONL files; '-' or none for stdin")
    a.add_argument("--gazetteer", metavar="PATH", help="gazetteer file (TSV/CSV with a header, or JSONL); default: the built-in world gazetteer")
    a.add_argument("--reference-date", default="detect", metavar="DATE|detect|none", help="reference date for relative expressions (ISO date), 'detect' (default) or 'none'")
    a.add_argument("--input-format", choices=["text", "jsonl"], default="text", help="text: each file is one document; jsonl: each line is a document")
    a.add_argument("--text-field", default="text", help="JSONL field holding the text (default: text)")
    a.add_argument("--date-field", default="date", help="JSONL field holding a per-document reference date (default: date)")
    a.add_argument("-o", "--output", metavar="OUT", help="output file (default: stdout); written atomically")
    a.add_argument("--jobs", type=int, default=None, metavar="N", help="threads (default: all cores)")
    a.add_argument("--batch-size", type=int, default=256, metavar="N", help="documents per parallel batch")
    a.add_argument("-q", "--quiet", action="store_true", help="no summary on stderr")
    return p


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    if args.reference_date.lower() == "none":
        args.reference_date = None
    if args.jobs is not None and args.jobs < 1:
        print("dateline: error: --jobs must be at least 1", file=sys.stderr)
        return 2
    if args.batch_size < 1:
        print("dateline: error: --batch-size must be at least 1", file=sys.stderr)
        return 2
    try:
        if args.output:
            directory = os.path.dirname(os.path.abspath(args.output))
            fd, tmp = tempfile.mkstemp(prefix=".dateline-", suffix=".jsonl", dir=directory)
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as out:
                    status = _annotate(args, out)
                os.replace(tmp, args.output)
            except BaseException:
                os.unlink(tmp)
                raise
            return status
        return _annotate(args, sys.stdout)
    except CliError as e:
        print(f"dateline: error: {e}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("dateline: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
