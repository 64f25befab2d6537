"""The ``dateline`` command line: ``dateline annotate [FILES|FOLDERS...]``.

Input: text files (one document each), JSONL, CSV/TSV and Parquet files
(one document per record), and folders of them; read as a stream, so memory
stays bounded whatever the corpus size. Output: JSONL (one nested record per
document: the :meth:`Doc.to_dict` form plus a ``doc`` name), or CSV/Parquet
tables (one row per span, one file per table). Documents are analysed in
parallel batches while the next batch is read.

A document's name (``doc``) is its record's id field when it has one, else
``file:line`` (JSONL, CSV), ``file:row`` (Parquet) or the file name. A
record's reference date, document type and language come from its fields
(``--date-field``, ``--document-type-field``, ``--lang-field``) when
present, else from ``--reference-date``, ``--document-type`` and ``--lang``.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import queue
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import IO, Any

from dateline import __version__
from dateline._core import Gazetteer
from dateline._frames import Annotations
from dateline._pipeline import Pipeline

__all__ = ["main"]

TABLES = ("tokens", "sentences", "entities", "timexes", "ranges")
DOCUMENT_TYPES = ("auto", "news", "narrative", "colloquial")
_EXT_IN = {
    ".txt": "text",
    ".text": "text",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".csv": "csv",
    ".tsv": "csv",
    ".parquet": "parquet",
    ".pq": "parquet",
}
_EXT_OUT = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl", ".csv": "csv", ".parquet": "parquet", ".pq": "parquet"}


class CliError(Exception):
    """An input problem reported as one line on stderr (no traceback)."""


@dataclass
class Record:
    name: str
    text: str
    ref: Any
    where: str
    size: int
    doctype: Any = None
    lang: Any = None


@dataclass
class Bad:
    where: str
    message: str


# ---------------------------------------------------------------------------
# input


def _input_format(path: str, forced: str) -> str:
    if forced != "auto":
        return forced
    if path == "-":
        return "text"
    return _EXT_IN.get(os.path.splitext(path)[1].lower(), "text")


def _expand(paths: list[str]) -> Iterator[str]:
    for p in paths:
        if p != "-" and os.path.isdir(p):
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for f in sorted(files):
                    if not f.startswith("."):
                        yield os.path.join(root, f)
        else:
            yield p


def _open(path: str) -> IO[bytes]:
    if path == "-":
        return sys.stdin.buffer
    try:
        return open(path, "rb")
    except OSError as e:
        raise CliError(f"{path}: {e.strerror or e}") from None


def _decode(data: bytes, where: str) -> str | Bad:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        return Bad(where, f"not valid UTF-8 (line {line}, byte {e.start})")
    return text[1:] if text.startswith("\ufeff") else text


def _ref(value: Any, default: Any) -> Any:
    if value is None or value == "":
        return default
    return value


def _doctype(value: Any) -> Any:
    """A record's document type; None (the pipeline's, from --document-type) when absent."""
    return None if value is None or value == "" else value


def _read_text(path: str, shown: str, args: argparse.Namespace) -> Iterator[Record | Bad]:
    with _open(path) as fh:
        data = fh.read()
    text = _decode(data, shown)
    if isinstance(text, Bad):
        yield Bad(shown, text.message)
        return
    yield Record(shown, text, args.reference_date, shown, len(data))


def _read_jsonl(path: str, shown: str, args: argparse.Namespace) -> Iterator[Record | Bad]:
    fh = _open(path)
    try:
        for lineno, raw in enumerate(fh, start=1):
            where = f"{shown}:{lineno}"
            if lineno == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            if not raw.strip():
                continue
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as e:
                yield Bad(where, f"not valid UTF-8 (byte {e.start} of the line)")
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as e:
                yield Bad(where, f"invalid JSON ({e.msg})")
                continue
            if not isinstance(rec, dict):
                yield Bad(where, "expected a JSON object")
                continue
            yield _from_fields(rec, where, len(raw), args)
    finally:
        if fh is not sys.stdin.buffer:
            fh.close()


def _from_fields(rec: dict[str, Any], where: str, size: int, args: argparse.Namespace) -> Record | Bad:
    text = rec.get(args.text_field)
    if not isinstance(text, str):
        return Bad(where, f"field {args.text_field!r} is missing or not a string")
    name = rec.get(args.id_field)
    if name is None or name == "":
        name = rec.get("doc", where) if args.id_field == "id" else where
    ref = _ref(rec.get(args.date_field), args.reference_date)
    lang = _doctype(rec.get(args.lang_field))
    return Record(str(name), text, ref, where, size, _doctype(rec.get(args.document_type_field)), lang)


def _read_csv(path: str, shown: str, args: argparse.Namespace) -> Iterator[Record | Bad]:
    fh = _open(path)
    delimiter = "\t" if path.lower().endswith(".tsv") else ","
    csv.field_size_limit(2**31 - 1)
    try:
        stream = io.TextIOWrapper(fh, encoding="utf-8-sig", errors="surrogateescape", newline="")
        reader = csv.reader(stream, delimiter=delimiter)
        try:
            header = next(reader)
        except StopIteration:
            return
        except csv.Error as e:
            raise CliError(f"{shown}:1: {e}") from None
        if args.text_field not in header:
            raise CliError(f"{shown}:1: no column {args.text_field!r} in the header {header}")
        ti = header.index(args.text_field)
        di = header.index(args.date_field) if args.date_field in header else None
        ii = header.index(args.id_field) if args.id_field in header else None
        ki = header.index(args.document_type_field) if args.document_type_field in header else None
        li = header.index(args.lang_field) if args.lang_field in header else None
        while True:
            line = reader.line_num + 1
            where = f"{shown}:{line}"
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as e:
                yield Bad(where, f"bad CSV ({e})")
                continue
            if not row:
                continue
            if len(row) != len(header):
                yield Bad(where, f"{len(row)} fields where the header has {len(header)}")
                continue
            bad = next((f for f in row if _has_surrogates(f)), None)
            if bad is not None:
                yield Bad(where, "not valid UTF-8")
                continue
            name = row[ii] if ii is not None and row[ii] else where
            ref = _ref(row[di], args.reference_date) if di is not None else args.reference_date
            doctype = _doctype(row[ki]) if ki is not None else None
            lang = _doctype(row[li]) if li is not None else None
            yield Record(name, row[ti], ref, where, sum(len(f) for f in row), doctype, lang)
    finally:
        if fh is not sys.stdin.buffer:
            fh.close()


def _has_surrogates(s: str) -> bool:
    try:
        s.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _read_parquet(path: str, shown: str, args: argparse.Namespace) -> Iterator[Record | Bad]:
    pq = _need_pyarrow("Parquet input").parquet
    try:
        pf = pq.ParquetFile(path)
    except OSError as e:
        raise CliError(f"{shown}: {e}") from None
    names = pf.schema_arrow.names
    if args.text_field not in names:
        raise CliError(f"{shown}: no column {args.text_field!r} (columns: {names})")
    fields = (args.text_field, args.date_field, args.id_field, args.document_type_field, args.lang_field)
    cols = [c for c in fields if c in names]
    row = 0
    for batch in pf.iter_batches(batch_size=args.batch_size, columns=list(dict.fromkeys(cols))):
        data = {c: batch.column(c).to_pylist() for c in batch.schema.names}
        for k in range(batch.num_rows):
            row += 1
            where = f"{shown}:{row}"
            yield _from_fields({c: v[k] for c, v in data.items()}, where, len(data[args.text_field][k] or ""), args)


_READERS: dict[str, Callable[[str, str, argparse.Namespace], Iterator[Record | Bad]]] = {
    "text": _read_text,
    "jsonl": _read_jsonl,
    "csv": _read_csv,
    "parquet": _read_parquet,
}


def _records(args: argparse.Namespace) -> Iterator[Record | Bad]:
    for path in _expand(args.files or ["-"]):
        shown = "<stdin>" if path == "-" else path
        fmt = _input_format(path, args.input_format)
        if path == "-" and fmt == "parquet":
            raise CliError("Parquet cannot be read from stdin; name the file")
        if path != "-" and not os.path.exists(path):
            raise CliError(f"{path}: No such file or directory")
        yield from _READERS[fmt](path, shown, args)


def _need_pyarrow(what: str) -> Any:
    try:
        import pyarrow
        import pyarrow.parquet  # noqa: F401
    except ImportError:
        raise CliError(f"{what} needs pyarrow: pip install 'dateline[arrow]'") from None
    return pyarrow


# ---------------------------------------------------------------------------
# output


class Output:
    """Files written beside their final names and renamed when closed, so a
    reader never sees a half-written file; what was written before an error
    or Ctrl-C is kept, complete."""

    def __init__(self, path: str | None, binary: bool) -> None:
        self.path = path
        self.tmp: str | None = None
        if path is None:
            self.fh: Any = sys.stdout.buffer if binary else sys.stdout
            return
        directory = os.path.dirname(os.path.abspath(path))
        fd, self.tmp = tempfile.mkstemp(prefix=".dateline-", suffix=".part", dir=directory)
        self.fh = os.fdopen(fd, "wb" if binary else "w", encoding=None if binary else "utf-8", newline=None if binary else "")

    def commit(self) -> None:
        if self.tmp is None:
            self.fh.flush()
            return
        self.fh.close()
        assert self.path is not None
        os.replace(self.tmp, self.path)
        self.tmp = None

    def discard(self) -> None:
        if self.tmp is not None:
            self.fh.close()
            os.unlink(self.tmp)
            self.tmp = None


class JsonlWriter:
    def __init__(self, nlp: Pipeline, args: argparse.Namespace) -> None:
        self.nlp = nlp
        self.args = args
        self.out = Output(args.output, binary=False)

    def analyse(self, batch: list[Record]) -> str:
        parts = self.args.tables + (["explain"] if self.args.explain else [])
        return self.nlp._core.annotate_jsonl(
            [r.text for r in batch],
            [r.ref for r in batch],
            [r.name for r in batch],
            self.args.jobs,
            parts,
            0,
            [r.doctype for r in batch],
            [r.lang for r in batch],
        )

    def emit(self, lines: str) -> None:
        self.out.fh.write(lines)

    def close(self) -> list[str]:
        self.out.commit()
        return [self.args.output] if self.args.output else []

    def discard(self) -> None:
        self.out.discard()


def _table_paths(path: str, tables: list[str]) -> dict[str, str]:
    if len(tables) == 1:
        return {tables[0]: path}
    stem, ext = os.path.splitext(path)
    return {t: f"{stem}.{t}{ext}" for t in tables}


class TableWriter:
    """One CSV or Parquet file per table, a row per span, `doc` = the name."""

    def __init__(self, nlp: Pipeline, args: argparse.Namespace, fmt: str) -> None:
        import numpy as np

        self.np = np
        self.nlp = nlp
        self.args = args
        self.fmt = fmt
        self.tables = [t for t in TABLES if t in args.tables]
        if fmt == "parquet":
            if not args.output:
                raise CliError("Parquet output needs a file: -o OUT.parquet")
            self.pa = _need_pyarrow("Parquet output")
        if args.output:
            self.paths: dict[str, str | None] = dict(_table_paths(args.output, self.tables))
        elif len(self.tables) == 1:
            self.paths = {self.tables[0]: None}
        else:
            raise CliError("CSV to stdout takes one table: --tables entities (or name a file with -o)")
        self.outs = {t: Output(p, binary=fmt == "parquet") for t, p in self.paths.items()}
        self.writers: dict[str, Any] = {}

    def analyse(self, batch: list[Record]) -> Annotations:
        core = self.nlp._core.annotate(
            [r.text for r in batch],
            [r.ref for r in batch],
            self.args.jobs,
            [r.doctype for r in batch],
            [r.lang for r in batch],
        )
        return Annotations(core, self.np.array([r.name for r in batch], dtype=object))

    def emit(self, res: Annotations) -> None:
        for t in self.tables:
            if self.fmt == "parquet":
                table = res.table(t, "arrow")
                if t not in self.writers:
                    self.writers[t] = self.pa.parquet.ParquetWriter(self.outs[t].fh, table.schema)
                self.writers[t].write_table(table)
            else:
                self._csv(t, res.table(t, "numpy"))

    def _csv(self, t: str, cols: dict[str, Any]) -> None:
        if t not in self.writers:
            self.writers[t] = csv.writer(self.outs[t].fh, lineterminator="\n")
            self.writers[t].writerow(list(cols))
        np = self.np
        columns = []
        for v in cols.values():
            if v.dtype.kind == "M":
                columns.append(["" if np.isnat(x) else str(x) for x in v])
            elif v.dtype == object:
                columns.append(["" if x is None else x for x in v])
            else:
                columns.append(v.tolist())
        self.writers[t].writerows(zip(*columns))

    def close(self) -> list[str]:
        if self.fmt == "parquet":
            for t in self.tables:
                if t not in self.writers:  # no batch at all: an empty table with the right columns
                    empty = Annotations(self.nlp._core.annotate([], None, 1), self.np.array([], dtype=object))
                    self.writers[t] = self.pa.parquet.ParquetWriter(self.outs[t].fh, empty.table(t, "arrow").schema)
                self.writers[t].close()
        elif any(t not in self.writers for t in self.tables):
            empty = Annotations(self.nlp._core.annotate([], None, 1), self.np.array([], dtype=object))
            for t in self.tables:
                if t not in self.writers:
                    self._csv(t, empty.table(t, "numpy"))
        for o in self.outs.values():
            o.commit()
        return [p for p in self.paths.values() if p]

    def discard(self) -> None:
        for o in self.outs.values():
            o.discard()


# ---------------------------------------------------------------------------
# progress


class Progress:
    """A one-line progress display on stderr (terminals only)."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
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
            sys.stderr.write("\r\x1b[K" + self.line(now))
            sys.stderr.flush()

    def line(self, now: float | None = None) -> str:
        elapsed = max((now or time.monotonic()) - self.start, 1e-9)
        mb = self.bytes / 1e6
        skipped = f", {self.skipped} skipped" if self.skipped else ""
        return (
            f"dateline: {self.docs:,} documents, {mb:,.1f} MB in {elapsed:,.1f} s "
            f"({self.docs / elapsed:,.0f} docs/s, {mb / elapsed:,.1f} MB/s){skipped}"
        )

    def done(self, quiet: bool, note: str = "") -> None:
        if self.enabled:
            sys.stderr.write("\r\x1b[K")
        if not quiet:
            print(self.line() + note, file=sys.stderr)


# ---------------------------------------------------------------------------
# the run


def _batches(records: Iterator[Record | Bad], size: int) -> Iterator[list[Record | Bad]]:
    batch: list[Record | Bad] = []
    for r in records:
        batch.append(r)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


_END = object()


def _prefetch(it: Iterator[Any], depth: int = 2) -> Iterator[Any]:
    """Runs `it` in a background thread, `depth` items ahead: reading and
    parsing overlap with analysis, which runs with the GIL released."""
    q: queue.Queue[Any] = queue.Queue(maxsize=depth)
    stop = threading.Event()

    def work() -> None:
        try:
            for item in it:
                while not stop.is_set():
                    try:
                        q.put(("item", item), timeout=0.1)
                        break
                    except queue.Full:
                        continue
                if stop.is_set():
                    return
            q.put(("end", _END))
        except BaseException as e:  # noqa: BLE001 - handed to the consumer
            q.put(("error", e))

    t = threading.Thread(target=work, name="dateline-reader", daemon=True)
    t.start()
    try:
        while True:
            kind, item = q.get()
            if kind == "end":
                return
            if kind == "error":
                raise item
            yield item
    finally:
        stop.set()


class Emitter:
    """Writes analysed batches on a background thread, in order, so that
    turning a batch into output overlaps with analysing the next one
    (`inline=True`: on the calling thread, for `--jobs 1`)."""

    def __init__(self, emit: Callable[[Any], None], inline: bool = False) -> None:
        self.emit = emit
        self.inline = inline
        self.error: BaseException | None = None
        if inline:
            return
        self.q: queue.Queue[Any] = queue.Queue(maxsize=2)
        self.thread = threading.Thread(target=self._run, name="dateline-writer", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while True:
            item = self.q.get()
            if item is _END:
                return
            if self.error is None:
                try:
                    self.emit(item)
                except BaseException as e:  # noqa: BLE001 - raised in the main thread
                    self.error = e

    def put(self, payload: Any) -> None:
        if self.inline:
            self.emit(payload)
            return
        if self.error is not None:
            raise self.error
        self.q.put(payload)

    def finish(self) -> None:
        """Waits until everything queued is written."""
        if self.inline:
            return
        self.q.put(_END)
        self.thread.join()
        if self.error is not None:
            raise self.error


def _annotate(args: argparse.Namespace) -> int:
    gazetteer = None
    if args.gazetteer:
        try:
            gazetteer = Gazetteer.from_file(args.gazetteer)
        except (OSError, ValueError) as e:
            raise CliError(f"--gazetteer: {e}") from None
    try:
        nlp = Pipeline(
            gazetteer=gazetteer,
            reference_date=args.reference_date,
            n_threads=args.jobs,
            document_type=args.document_type,
            lang=args.lang,
        )
    except ValueError as e:
        raise CliError(str(e)) from None

    fmt = args.output_format
    if fmt == "auto":
        fmt = _EXT_OUT.get(os.path.splitext(args.output)[1].lower(), "jsonl") if args.output else "jsonl"
    writer: JsonlWriter | TableWriter = JsonlWriter(nlp, args) if fmt == "jsonl" else TableWriter(nlp, args, fmt)
    progress = Progress(enabled=not args.quiet and sys.stderr.isatty())
    # `--jobs 1` keeps to one core: reading, analysis and writing take turns
    # on this thread. With more, reading and writing overlap with analysis.
    single = args.jobs == 1
    emitter = Emitter(writer.emit, inline=single)  # type: ignore[arg-type]

    def analyse_and_write(batch: list[Record]) -> None:
        emitter.put(writer.analyse(batch))  # type: ignore[arg-type]

    def fail(bad: Bad) -> None:
        if args.on_error == "skip":
            progress.skipped += 1
            print(f"\r\x1b[K" if progress.enabled else "", end="", file=sys.stderr)
            print(f"dateline: skipped {bad.where}: {bad.message}", file=sys.stderr)
            return
        raise CliError(f"{bad.where}: {bad.message}")

    def write(good: list[Record]) -> None:
        if not good:
            return
        try:
            analyse_and_write(good)
        except (ValueError, TypeError):
            # A record the core refused (an impossible reference date, an
            # unknown document type...): find it, keep the others in order.
            run: list[Record] = []
            for r in good:
                try:
                    nlp._core.annotate([r.text], [r.ref], 1, [r.doctype], [r.lang])
                except (ValueError, TypeError) as e:
                    if run:
                        analyse_and_write(run)
                        run = []
                    message = str(e).replace("reference_dates[0]", "reference date")
                    message = message.replace("document_types[0]: ", "").replace("document_types[0]", "document type")
                    message = message.replace("langs[0]: ", "").replace("langs[0]", "language")
                    fail(Bad(r.where, message))
                    continue
                run.append(r)
            if run:
                analyse_and_write(run)
        progress.add(len(good), sum(r.size for r in good))

    outcome = "done"
    try:
        batches = _batches(_records(args), args.batch_size)
        for batch in batches if single else _prefetch(batches):
            good: list[Record] = []
            for r in batch:
                if isinstance(r, Bad):
                    write(good)  # the records before the bad one
                    good = []
                    fail(r)
                else:
                    good.append(r)
            write(good)
    except KeyboardInterrupt:
        outcome = "interrupted"
    except (CliError, BrokenPipeError):
        outcome = "error"
        raise
    finally:
        try:
            emitter.finish()  # everything analysed is written before closing
        except BrokenPipeError:
            pass
        if outcome == "error" and progress.docs == 0:
            writer.discard()
        else:
            try:
                paths = writer.close()
            except BrokenPipeError:
                paths = []
            if outcome != "done":
                note = f"; kept in {', '.join(paths)}" if paths else ""
                print(f"dateline: stopped ({outcome}) after {progress.docs:,} documents{note}", file=sys.stderr)
    if outcome == "interrupted":
        progress.done(quiet=True)
        return 130
    progress.done(args.quiet)
    return 0


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="dateline", description="Tokens, entities and time expressions from news text.")
    p.add_argument("--version", action="version", version=f"dateline {__version__}")
    sub = p.add_subparsers(dest="command", required=True)
    a = sub.add_parser(
        "annotate",
        help="annotate documents; write JSON lines, CSV or Parquet",
        description="Annotate documents. Input format follows each file's extension "
        "(.txt: one document; .jsonl/.ndjson: a document per line; .csv/.tsv: a document per row; "
        ".parquet: a document per row); folders are read recursively.",
    )
    a.add_argument("files", nargs="*", metavar="PATH", help="files or folders; '-' or none for stdin")
    a.add_argument("--gazetteer", metavar="PATH", help="gazetteer file (TSV/CSV with a header, or JSONL); default: the built-in world gazetteer")
    a.add_argument("--reference-date", default="detect", metavar="DATE|detect|none", help="reference date for relative expressions (ISO date), 'detect' (default) or 'none'")
    a.add_argument("--input-format", choices=["auto", "text", "jsonl", "csv", "parquet"], default="auto", help="default: from each file's extension (stdin: text)")
    a.add_argument("--text-field", default="text", help="field/column holding the text (default: text)")
    a.add_argument("--date-field", default="date", help="field/column holding a per-document reference date (default: date)")
    a.add_argument("--id-field", default="id", help="field/column naming the document (default: id)")
    a.add_argument("--document-type", choices=DOCUMENT_TYPES, default="auto", help="how relative expressions are anchored: news, narrative, colloquial, or auto (default: chosen per document)")
    a.add_argument("--document-type-field", default="document_type", metavar="FIELD", help="field/column holding a per-document document type, used where present and not empty (default: document_type)")
    a.add_argument("--lang", default="auto", help="the documents' language: a code (en, es, fr, de, pt, it, nl, ...) or auto (default: identified per document)")
    a.add_argument("--lang-field", default="lang", metavar="FIELD", help="field/column holding a per-document language, used where present and not empty (default: lang)")
    a.add_argument("-o", "--output", metavar="OUT", help="output file (default: stdout); with several tables, OUT.<table>.<ext> each")
    a.add_argument("--output-format", choices=["auto", "jsonl", "csv", "parquet"], default="auto", help="default: from OUT's extension, else jsonl")
    a.add_argument("--tables", default=None, metavar="LIST", help="comma-separated parts to write: tokens,sentences,entities,timexes,ranges (default: all for JSONL, entities,timexes for CSV/Parquet)")
    a.add_argument("--explain", action="store_true", help="JSONL: add an explanation to each time expression (rule, anchor, tense, document type)")
    a.add_argument("--on-error", choices=["stop", "skip"], default="stop", help="a bad record stops the run (default) or is skipped and reported")
    a.add_argument("--jobs", type=int, default=None, metavar="N", help="cores to use (default: all); with 1, reading, analysis and writing take turns on one thread")
    a.add_argument("--batch-size", type=int, default=256, metavar="N", help="documents per parallel batch")
    a.add_argument("-q", "--quiet", action="store_true", help="no progress or summary on stderr")
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
    tabular = args.output_format in ("csv", "parquet") or (
        args.output_format == "auto" and args.output and os.path.splitext(args.output)[1].lower() in (".csv", ".parquet", ".pq")
    )
    if args.explain and tabular:
        print("dateline: error: --explain is for JSONL output", file=sys.stderr)
        return 2
    if args.tables is None:
        args.tables = ["entities", "timexes"] if tabular else list(TABLES)
    else:
        args.tables = [t.strip() for t in args.tables.split(",") if t.strip()]
        unknown = [t for t in args.tables if t not in TABLES]
        if unknown or not args.tables:
            print(f"dateline: error: --tables takes some of {','.join(TABLES)}, not {args.tables}", file=sys.stderr)
            return 2
    try:
        return _annotate(args)
    except CliError as e:
        print(f"dateline: error: {e}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 0
