"""The ``dateline`` command line: ``dateline annotate [FILES|FOLDERS...]``.

Input (:mod:`dateline._cli_read`): text files (one document each), JSONL,
CSV/TSV and Parquet files (one document per record), compressed or not,
and folders of them; read as a stream, so memory stays bounded whatever
the corpus size. Output (:mod:`dateline._cli_write`): JSONL (one nested
record per document: the :meth:`Doc.to_dict` form plus a ``doc`` name),
CSV/Parquet tables (one row per span, one file per table), or on a
terminal a short human summary (:mod:`dateline._cli_summary`). Documents
are analysed in parallel batches while the next batch is read.

A document's name (``doc``) is its record's id field when it has one, else
``file:line`` (JSONL, CSV), ``file:row`` (Parquet) or the file name. A
record's reference date, document type and language come from its fields
(``--date-field``, ``--document-type-field``, ``--lang-field``) when
present, else from ``--reference-date``, ``--document-type`` and ``--lang``.

Ctrl-C (SIGINT) and SIGTERM stop the run after the batch in hand: every
output keeps the same complete batches and temporary files are removed
(exit status 130, 143). A reader closing the pipe (``| head``) is a quiet,
normal stop (exit status 0).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import queue
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from typing import Any

from dateline import __version__
from dateline._cli_read import Bad, CliError, Meter, Record, records, sources
from dateline._cli_summary import HumanWriter, Progress
from dateline._cli_write import EXT_OUT, TABLES, JsonlWriter, TableWriter, WriteError, check_target
from dateline._core import Gazetteer
from dateline._pipeline import Pipeline

__all__ = ["main"]

DOCUMENT_TYPES = ("auto", "news", "narrative", "colloquial")
OUTPUT_FORMATS = ("auto", "human", "jsonl", "csv", "parquet")
_GAZ_MAGIC = b"DLGAZ\0\0\0"

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


def _prefetch(it: Iterator[Any], check: Callable[[], None], depth: int = 2) -> Iterator[Any]:
    """Runs `it` in a background thread, `depth` items ahead: reading and
    parsing overlap with analysis, which runs with the GIL released. The
    wait for the next item calls `check` ten times a second, so a stop is
    seen even while the input is slow to come."""
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
            try:
                kind, item = q.get(timeout=0.1)
            except queue.Empty:
                check()
                continue
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
        self.finished = False
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
        if not self.finished:
            self.finished = True
            self.q.put(_END)
            self.thread.join()
        if self.error is not None:
            raise self.error


class Signals:
    """SIGINT and SIGTERM stop the run between two batches.

    The handler only records the signal; the run looks for it before each
    batch (`check`) and stops there. A KeyboardInterrupt raised wherever the
    main thread happens to be could land in an import, in a finalizer (where
    Python ignores it: the stop would be lost) or halfway through a write, so
    the handler raises at once only while the main thread waits for input
    (`waiting`), which may take any time. If that exception is swallowed
    anyway, the next `check` raises it again."""

    def __init__(self) -> None:
        self.received: int | None = None
        self.waits = 0
        self.stopping = False
        self.old: dict[int, Any] = {}

    def install(self) -> None:
        if threading.current_thread() is not threading.main_thread():
            return
        for sig in (signal.SIGINT, signal.SIGTERM):
            self.old[sig] = signal.signal(sig, self._handle)

    def restore(self) -> None:
        for sig, old in self.old.items():
            signal.signal(sig, old)
        self.old = {}

    def _handle(self, signum: int, frame: Any) -> None:
        if self.received is None:
            self.received = signum
        if self.waits and not self.stopping:
            raise KeyboardInterrupt

    def check(self) -> None:
        """Raises KeyboardInterrupt once a signal has come, until the stop is under way."""
        if self.received is not None and not self.stopping:
            raise KeyboardInterrupt

    @contextlib.contextmanager
    def waiting(self) -> Iterator[None]:
        """A wait for input: a signal stops it at once."""
        self.check()
        self.waits += 1
        try:
            yield
        finally:
            self.waits -= 1


def _gazetteer(args: argparse.Namespace) -> Gazetteer | None:
    """The gazetteers of --gazetteer combined, None for the built-in world list."""
    if not args.gazetteer:
        if args.ignore_case or args.fold_accents or args.no_common_word_guard:
            raise CliError("--ignore-case, --fold-accents and --no-common-word-guard apply to --gazetteer list files")
        return None
    lists = 0
    parts = []
    for path in args.gazetteer:
        try:
            if path == "world":
                parts.append(Gazetteer.world())
                continue
            with open(path, "rb") as fh:
                head = fh.read(len(_GAZ_MAGIC))
            if head == _GAZ_MAGIC:  # saved by Gazetteer.save
                parts.append(Gazetteer.load(path))
                continue
            lists += 1
            parts.append(
                Gazetteer.from_file(
                    path,
                    case_sensitive=not args.ignore_case,
                    fold_accents=args.fold_accents,
                    common_word_guard=not args.no_common_word_guard,
                )
            )
        except (OSError, ValueError) as e:
            message = e.strerror if isinstance(e, OSError) and e.strerror else str(e)
            raise CliError(f"--gazetteer: {message}" if path in message else f"--gazetteer: {path}: {message}") from None
    if not lists and (args.ignore_case or args.fold_accents or args.no_common_word_guard):
        raise CliError("--ignore-case, --fold-accents and --no-common-word-guard apply to --gazetteer list files (TSV, CSV, JSONL), not to saved or built-in gazetteers")
    out = parts[0]
    for g in parts[1:]:
        out = out + g
    return out


def _pipeline(args: argparse.Namespace) -> Pipeline:
    gazetteer = _gazetteer(args)
    try:
        return Pipeline(
            gazetteer=gazetteer,
            reference_date=args.reference_date,
            n_threads=args.jobs,
            document_type=args.document_type,
            lang=args.lang,
            date_order=args.date_order,
            disable=args.disable,
            overlaps=args.overlaps,
            name_rules=args.name_rules,
        )
    except (ValueError, TypeError) as e:
        raise CliError(str(e)) from None


def _output_format(args: argparse.Namespace) -> str:
    fmt: str = args.output_format
    if fmt != "auto":
        return fmt
    if args.output is None:
        tty = sys.stdout is not None and sys.stdout.isatty()
        return "human" if tty else "jsonl"
    ext = os.path.splitext(args.output)[1].lower()
    if not ext:
        return "jsonl"
    if ext not in EXT_OUT:
        known = ", ".join(sorted(EXT_OUT))
        raise CliError(f"-o {args.output}: unknown output extension {ext!r}; use one of {known} or --output-format jsonl|csv|parquet")
    return EXT_OUT[ext]


def _annotate(args: argparse.Namespace) -> int:
    if args.output is not None:
        check_target(args.output)  # before anything is read
    srcs, notes = sources(args)
    nlp = _pipeline(args)
    fmt = _output_format(args)
    signals = Signals()
    signals.install()
    try:
        # From here a signal is only recorded; _run sees it first thing and
        # cleans up the outputs made below.
        if fmt == "jsonl":
            writer: Any = JsonlWriter(nlp, args)
        elif fmt == "human":
            writer = HumanWriter(nlp, args)
        else:
            writer = TableWriter(nlp, args, fmt)
        sizes = [s.size for s in srcs]
        meter = Meter()
        total = sum(s for s in sizes if s is not None) if all(s is not None for s in sizes) else None
        # The live line is for a terminal that the documents themselves are not written to.
        to_terminal = args.output is None and sys.stdout is not None and sys.stdout.isatty()
        live = not args.quiet and sys.stderr is not None and sys.stderr.isatty() and not to_terminal
        progress = Progress(live, meter, total)
        if not args.quiet:
            for note in notes:
                print(f"dateline: {note}", file=sys.stderr)
        return _run(args, nlp, writer, srcs, meter, progress, signals)
    finally:
        signals.restore()


def _run(args: argparse.Namespace, nlp: Pipeline, writer: Any, srcs: list[Any], meter: Meter, progress: Progress, signals: Signals) -> int:
    # `--jobs 1` keeps to one core: reading, analysis and writing take turns
    # on this thread. With more, reading and writing overlap with analysis.
    single = args.jobs == 1

    emitter = Emitter(writer.emit, inline=single)

    def analyse_and_write(batch: list[Record]) -> None:
        emitter.put(writer.analyse(batch))
        progress.add(len(batch), sum(r.size for r in batch))

    def fail(bad: Bad) -> None:
        if args.on_error == "skip":
            progress.skipped += 1
            progress.clear()
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

    def read(batches: Iterator[list[Record | Bad]]) -> Iterator[list[Record | Bad]]:
        """The batches, on this thread: a signal interrupts the read at once."""
        while True:
            with signals.waiting():
                batch = next(batches, None)
            if batch is None:
                return
            yield batch

    outcome = "done"
    try:
        signals.check()
        batches = _batches(records(srcs, args, meter), args.batch_size)
        for batch in read(batches) if single else _prefetch(batches, signals.check):
            signals.check()
            good: list[Record] = []
            for r in batch:
                if isinstance(r, Bad):
                    write(good)  # the records before the bad one
                    good = []
                    fail(r)
                else:
                    good.append(r)
            write(good)
        signals.check()
        emitter.finish()
    except KeyboardInterrupt:
        outcome = "interrupted"
    except BrokenPipeError:
        outcome = "pipe"
    except WriteError:
        outcome = "write error"
        raise
    except CliError:
        outcome = "error"
        raise
    finally:
        signals.stopping = True  # from here a signal changes nothing: the outputs are closed
        _finish(writer, emitter, progress, outcome)
    if outcome == "pipe":
        return 0
    if outcome == "interrupted":
        progress.clear()
        return 128 + (signals.received or signal.SIGINT)
    progress.done(args.quiet)
    return 0


def _finish(writer: Any, emitter: Emitter, progress: Progress, outcome: str) -> None:
    """Closes the outputs after a run or a stop: what was written is kept complete,
    or discarded after a write error (or an error before any document)."""
    try:
        emitter.finish()  # everything analysed is written before closing
    except BrokenPipeError:
        outcome = "pipe"
    except WriteError:
        if outcome == "done":
            writer.discard()
            raise
        outcome = "write error"
    except Exception:
        if outcome == "done":
            writer.discard()
            raise
    if outcome == "pipe":
        writer.discard()  # a stream: nothing to remove; late writes go nowhere
        _quiet_stdout()
        return
    if outcome == "write error" or (outcome == "error" and writer.written == 0):
        writer.discard()
        return
    try:
        paths = writer.close()
    except BrokenPipeError:
        writer.discard()
        _quiet_stdout()
        return
    except WriteError:
        writer.discard()
        raise
    if outcome != "done":
        progress.clear()
        note = f"; kept in {', '.join(paths)}" if paths else ""
        stop = "interrupted" if outcome == "interrupted" else "error"
        print(f"dateline: stopped ({stop}) after {writer.written:,} documents{note}", file=sys.stderr)


def _quiet_stdout() -> None:
    """After the reader closed the pipe: nothing more reaches it, without complaint at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, AttributeError, ValueError):
        pass


def _list(value: str, known: tuple[str, ...], option: str) -> list[str]:
    items = [x.strip() for x in value.split(",") if x.strip()]
    if value.strip() in ("", "none"):
        return []
    unknown = [x for x in items if x not in known]
    if unknown:
        raise argparse.ArgumentTypeError(f"{option} takes some of {','.join(known)}, not {','.join(unknown)}")
    return items


def _size(value: str) -> int:
    units = {"k": 10**3, "m": 10**6, "g": 10**9}
    v = value.strip().lower().removesuffix("b")
    mult = units.get(v[-1:], 1)
    try:
        n = int(float(v[:-1] if v[-1:] in units else v) * mult)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a size: {value!r} (a number of bytes, or 10k, 5M, 1G)") from None
    if n < 1:
        raise argparse.ArgumentTypeError("must be at least 1 byte")
    return n


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="dateline", description="Tokens, entities and time expressions from news text.")
    p.add_argument("--version", action="version", version=f"dateline {__version__}")
    sub = p.add_subparsers(dest="command", required=True)
    a = sub.add_parser(
        "annotate",
        help="annotate documents; show them, or write JSON lines, CSV or Parquet",
        description="Annotate documents. Input format follows each file's extension "
        "(.txt: one document; .jsonl/.ndjson: a document per line; .csv/.tsv: a document per row; "
        ".parquet: a document per row), under a compression suffix if any (.gz, .bz2, .xz, .zst). "
        "Folders are read recursively: regular files with those extensions, or those --glob chooses. "
        "On a terminal, a short summary of each document is shown; JSON lines when piped or with -o.",
    )
    a.add_argument("files", nargs="*", metavar="PATH", help="files or folders; '-' or none for stdin")
    g = a.add_argument_group("names and dates")
    g.add_argument(
        "--gazetteer", action="append", metavar="PATH|world",
        help="names to find: a list file (TSV/CSV with a header, or JSONL), a gazetteer saved by Gazetteer.save, "
        "or 'world' (the built-in list); repeat to combine (--gazetteer mine.tsv --gazetteer world). Default: world",
    )
    g.add_argument("--ignore-case", action="store_true", help="list files: names match whatever their case")
    g.add_argument("--fold-accents", action="store_true", help="list files: names match with or without accents (Bogota, Bogotá)")
    g.add_argument("--no-common-word-guard", action="store_true", help="list files: names spelt like common words match lower-case too")
    g.add_argument("--overlaps", choices=["longest", "all"], default="longest", help="entity matches: leftmost-longest (default) or all, nested and overlapping")
    g.add_argument(
        "--name-rules", default="persons,longer_names,repeats", metavar="LIST",
        type=lambda v: _list(v, ("persons", "longer_names", "repeats"), "--name-rules"),
        help="rules after matching: some of persons,longer_names,repeats (default: all), or none",
    )
    g.add_argument("--disable", default="", metavar="LIST", type=lambda v: _list(v, ("entities", "timexes"), "--disable"), help="components to skip: entities, timexes, or both")
    g.add_argument("--reference-date", default="detect", metavar="DATE|detect|none", help="reference date for relative expressions (ISO date), 'detect' (default) or 'none'")
    g.add_argument("--date-order", choices=["mdy", "dmy"], default=None, help="how 03/05/2026 reads: mdy (March 5) or dmy (3 May); default: each document's language")
    g.add_argument("--document-type", choices=DOCUMENT_TYPES, default="auto", help="how relative expressions are anchored: news, narrative, colloquial, or auto (default: chosen per document)")
    g.add_argument("--lang", default="auto", help="the documents' language: a code (en, es, fr, de, pt, it, nl, ...) or auto (default: identified per document)")
    i = a.add_argument_group("input")
    i.add_argument("--input-format", choices=["auto", "text", "jsonl", "csv", "parquet"], default="auto", help="default: from each file's extension (stdin: text)")
    i.add_argument("--glob", action="append", metavar="PATTERN", help="in folders, read the files matching PATTERN (a name or a path in the folder: '*.md', '2024/*.txt'); repeatable. Default: the input extensions")
    i.add_argument("--text-field", default="text", help="field/column holding the text (default: text)")
    i.add_argument("--date-field", default="date", help="field/column holding a per-document reference date (default: date)")
    i.add_argument("--id-field", default="id", help="field/column naming the document (default: id)")
    i.add_argument("--document-type-field", default="document_type", metavar="FIELD", help="field/column holding a per-document document type, used where present and not empty (default: document_type)")
    i.add_argument("--lang-field", default="lang", metavar="FIELD", help="field/column holding a per-document language, used where present and not empty (default: lang)")
    i.add_argument("--max-doc-bytes", type=_size, default=256 * 10**6, metavar="N", help="a larger document is a bad record (default: 256M; 10k, 5M, 1G)")
    o = a.add_argument_group("output")
    o.add_argument("-o", "--output", metavar="OUT", help="output file ('-' or none: stdout); with several tables, OUT.<table>.<ext> each")
    o.add_argument(
        "--output-format", "--format", choices=OUTPUT_FORMATS, default="auto",
        help="human (a summary per document), jsonl, csv or parquet; default: from OUT's extension, "
        "else human on a terminal and jsonl otherwise",
    )
    o.add_argument("--tables", default=None, metavar="LIST", help="comma-separated parts to write: tokens,sentences,entities,timexes,ranges (default: all for JSONL, entities,timexes for CSV/Parquet)")
    o.add_argument("--explain", action="store_true", help="JSONL: add an explanation to each time expression (rule, anchor, tense, document type)")
    r = a.add_argument_group("running")
    r.add_argument("--on-error", choices=["stop", "skip"], default="stop", help="a bad record stops the run (default) or is skipped and reported")
    r.add_argument("--jobs", type=int, default=None, metavar="N", help="cores to use (default: all); with 1, reading, analysis and writing take turns on one thread")
    r.add_argument("--batch-size", type=int, default=256, metavar="N", help="documents per parallel batch")
    r.add_argument("-q", "--quiet", action="store_true", help="no progress or summary on stderr")
    return p


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    if args.reference_date.lower() == "none":
        args.reference_date = None
    if args.output == "-":
        args.output = None
    if args.jobs is not None and args.jobs < 1:
        print("dateline: error: --jobs must be at least 1", file=sys.stderr)
        return 2
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    most = 4 * cores  # the bound of Pipeline's n_threads
    if args.jobs is not None and args.jobs > most:
        print(f"dateline: error: --jobs must be at most {most} (4 × the CPU count), not {args.jobs}", file=sys.stderr)
        return 2
    if args.batch_size < 1:
        print("dateline: error: --batch-size must be at least 1", file=sys.stderr)
        return 2
    tabular = args.output_format in ("csv", "parquet") or (
        args.output_format == "auto" and args.output and EXT_OUT.get(os.path.splitext(args.output)[1].lower()) in ("csv", "parquet")
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
        _quiet_stdout()
        return 0
    except KeyboardInterrupt:  # before any output was made
        return 130
