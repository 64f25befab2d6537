"""The command line's output: JSONL, CSV and Parquet writers over safe files.

A regular output file is written under a temporary name beside it
(``.dateline-*.part``), flushed, synced and renamed over the final name
only when complete, so the final name never holds a half-written file;
its mode follows the umask as ``open()`` would (an existing file keeps its
mode; a symbolic link keeps pointing at it). A device or FIFO (``-o
/dev/null``) is written directly, as a stream. Every batch is written to
all tables or to none.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import stat
import sys
import tempfile
from typing import Any, Literal

from dateline._cli_read import CliError, Record, need_pyarrow
from dateline._frames import Annotations
from dateline._pipeline import Pipeline

TABLES = ("tokens", "sentences", "entities", "timexes", "ranges")
EXT_OUT = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl", ".csv": "csv", ".parquet": "parquet", ".pq": "parquet"}


class WriteError(CliError):
    """Writing the output failed (a full disk...): the output is discarded."""


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def check_target(path: str) -> None:
    """Raises CliError when `path` cannot be an output file; before any input is read."""
    real = os.path.realpath(path)
    try:
        st = os.stat(real)
    except FileNotFoundError:
        st = None
    except OSError as e:
        raise CliError(f"{path}: {e.strerror or e}") from None
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise CliError(f"-o {path}: is a directory; name a file")
    if st is None:
        parent = os.path.dirname(real) or "."
        if not os.path.isdir(parent):
            raise CliError(f"-o {path}: no such directory {os.path.dirname(path) or '.'}")


class _Fd(io.RawIOBase):
    """Writes to a file descriptor; an OSError (a full disk) becomes a WriteError
    naming the output, a closed pipe stays a BrokenPipeError."""

    def __init__(self, fd: int, shown: str) -> None:
        self.fd = fd
        self.shown = shown
        self.dead = False

    def writable(self) -> bool:
        return True

    def write(self, b: Any) -> int:
        if self.dead:  # discarded: late writes (a collected writer's footer) go nowhere
            return len(b)
        view = memoryview(b).cast("B")
        done = 0
        while done < len(view):
            try:
                done += os.write(self.fd, view[done:])
            except BrokenPipeError:
                raise
            except OSError as e:
                raise WriteError(f"writing {self.shown}: {e.strerror or e}") from None
        return done

    def close(self) -> None:  # the descriptor belongs to Output
        self.dead = True
        super().close()


class Output:
    """One output: stdout, a device or FIFO written directly, or a regular file
    written beside its final name and renamed when complete."""

    def __init__(self, path: str | None, buffer: int = 1 << 20) -> None:
        self.path = path
        self.tmp: str | None = None
        self.final: str | None = None
        self.own_fd = False
        if path is None:
            if sys.stdout is None:
                raise CliError("stdout is closed; name an output file with -o")
            sys.stdout.flush()
            fd = sys.stdout.fileno()
            shown = "stdout"
        else:
            check_target(path)
            shown = path
            real = os.path.realpath(path)
            try:
                st: os.stat_result | None = os.stat(real)
            except FileNotFoundError:
                st = None
            try:
                if st is not None and not stat.S_ISREG(st.st_mode):
                    fd = os.open(real, os.O_WRONLY)  # a device or FIFO: a stream
                else:
                    fd, self.tmp = tempfile.mkstemp(prefix=".dateline-", suffix=".part", dir=os.path.dirname(real))
                    self.final = real
                    os.fchmod(fd, stat.S_IMODE(st.st_mode) if st is not None else 0o666 & ~_umask())
            except OSError as e:
                raise CliError(f"-o {path}: {e.strerror or e}") from None
            self.own_fd = True
        self.fd = fd
        self.raw = _Fd(fd, shown)
        self.fh: Any = io.BufferedWriter(self.raw, buffer)

    def flush(self) -> None:
        self.fh.flush()

    def commit(self) -> None:
        """Flushes; a temporary file is synced and renamed to its final name."""
        self.sync()
        self.publish()

    def sync(self) -> None:
        """Flushes and, for a temporary file, syncs it to disk and closes it:
        after this only the rename is left. On failure the temporary file is
        removed and a WriteError raised."""
        try:
            self.fh.flush()
        except OSError as e:
            self.discard()
            raise WriteError(f"writing {self.path or 'stdout'}: {e.strerror or e}") from None
        if not self.own_fd:
            return
        self.own_fd = False
        try:
            if self.tmp is not None:
                os.fsync(self.fd)
        except OSError as e:
            self.discard()
            raise WriteError(f"writing {self.path}: {e.strerror or e}") from None
        finally:
            if self.fd >= 0:
                os.close(self.fd)
                self.fd = -1

    def publish(self) -> None:
        """Renames a synced temporary file to its final name."""
        if self.tmp is not None and self.final is not None:
            os.replace(self.tmp, self.final)
            self.tmp = None
            try:
                dfd = os.open(os.path.dirname(self.final), os.O_RDONLY)
                try:
                    os.fsync(dfd)
                finally:
                    os.close(dfd)
            except OSError:
                pass
        self.raw.dead = True

    def discard(self) -> None:
        """Drops the temporary file (a stream keeps what it was sent)."""
        self.raw.dead = True
        if self.own_fd and self.fd >= 0:
            os.close(self.fd)
            self.fd = -1
            self.own_fd = False
        if self.tmp is not None:
            try:
                os.unlink(self.tmp)
            except OSError:
                pass
            self.tmp = None


def table_paths(path: str, tables: list[str]) -> dict[str, str]:
    if len(tables) == 1:
        return {tables[0]: path}
    stem, ext = os.path.splitext(path)
    return {t: f"{stem}.{t}{ext}" for t in tables}


def batch_args(batch: list[Record]) -> tuple[list[str], list[Any], list[Any], list[Any]]:
    return [r.text for r in batch], [r.ref for r in batch], [r.doctype for r in batch], [r.lang for r in batch]


class JsonlWriter:
    """JSON lines to one output (a file, a stream or stdout)."""

    #: Buffer size of the output; flush every batch even to a file.
    buffer = 1 << 20
    flush_files = False

    def __init__(self, nlp: Pipeline, args: argparse.Namespace) -> None:
        self.nlp = nlp
        self.args = args
        self.written = 0
        self.out = Output(args.output, buffer=self.buffer)

    def analyse(self, batch: list[Record]) -> tuple[bytes, int]:
        texts, refs, doctypes, langs = batch_args(batch)
        parts = self.args.tables + (["explain"] if self.args.explain else [])
        lines = self.nlp._core.annotate_jsonl(texts, refs, [r.name for r in batch], self.args.jobs, parts, 0, doctypes, langs)
        return lines, len(batch)

    def emit(self, payload: tuple[bytes, int]) -> None:
        self.out.fh.write(payload[0])
        if self.flush_files or self.out.tmp is None:
            self.out.flush()  # a stream: each batch as soon as it is ready
        self.written += payload[1]

    def close(self) -> list[str]:
        self.out.commit()
        return [self.args.output] if self.args.output else []

    def discard(self) -> None:
        self.out.discard()


class TableWriter:
    """One CSV or Parquet file per table, a row per span, `doc` = the name."""

    def __init__(self, nlp: Pipeline, args: argparse.Namespace, fmt: str) -> None:
        import numpy as np

        self.np = np
        self.nlp = nlp
        self.args = args
        self.fmt = fmt
        self.written = 0
        self.tables = [t for t in TABLES if t in args.tables]
        if fmt == "parquet":
            if not args.output:
                raise CliError("Parquet output needs a file: -o OUT.parquet")
            self.pa = need_pyarrow("Parquet output")
        if args.output:
            self.paths: dict[str, str | None] = dict(table_paths(args.output, self.tables))
            if len(self.tables) > 1 and _is_stream(args.output):
                raise CliError(f"-o {args.output} is not a regular file: {fmt.upper()} writes a file per table; name one table with --tables")
        elif len(self.tables) == 1:
            self.paths = {self.tables[0]: None}
        else:
            raise CliError("CSV to stdout takes one table: --tables entities (or name a file with -o)")
        for p in self.paths.values():
            if p is not None:
                check_target(p)
        self.outs: dict[str, Output] = {}
        try:
            for t, p in self.paths.items():
                self.outs[t] = Output(p)
        except CliError:
            self.discard()
            raise
        self.text: dict[str, Any] = {}
        self.writers: dict[str, Any] = {}

    def analyse(self, batch: list[Record]) -> tuple[dict[str, Any], int]:
        texts, refs, doctypes, langs = batch_args(batch)
        core = self.nlp._core.annotate(texts, refs, self.args.jobs, doctypes, langs)
        res = Annotations(core, self.np.array([r.name for r in batch], dtype=object))
        kind: Literal["arrow", "numpy"] = "arrow" if self.fmt == "parquet" else "numpy"
        return {t: res.table(t, kind) for t in self.tables}, len(batch)

    def emit(self, payload: tuple[dict[str, Any], int]) -> None:
        """Writes one batch to every table (all tables were made before the first write)."""
        tables, n = payload
        for t in self.tables:
            if self.fmt == "parquet":
                if t not in self.writers:
                    self.writers[t] = self.pa.parquet.ParquetWriter(self.outs[t].fh, tables[t].schema)
                self.writers[t].write_table(tables[t])
            else:
                self._csv(t, tables[t])
        self.written += n

    def _csv(self, t: str, cols: dict[str, Any]) -> None:
        if t not in self.writers:
            self.text[t] = io.TextIOWrapper(self.outs[t].fh, encoding="utf-8", newline="", write_through=True)
            self.writers[t] = csv.writer(self.text[t], lineterminator="\n")
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
        if self.outs[t].tmp is None:
            self.outs[t].flush()

    def close(self) -> list[str]:
        if any(t not in self.writers for t in self.tables):  # no batch at all: empty tables with the right columns
            empty = Annotations(self.nlp._core.annotate([], None, 1), self.np.array([], dtype=object))
            kind: Literal["arrow", "numpy"] = "arrow" if self.fmt == "parquet" else "numpy"
            tables: dict[str, Any] = {t: empty.table(t, kind) for t in self.tables}
            for t in self.tables:
                if t not in self.writers:
                    if self.fmt == "parquet":
                        self.writers[t] = self.pa.parquet.ParquetWriter(self.outs[t].fh, tables[t].schema)
                    else:
                        self._csv(t, tables[t])
        # All or nothing: every table is finished and synced before any is
        # renamed, so a failure (a full disk while writing a footer) leaves
        # none of them under its final name.
        try:
            if self.fmt == "parquet":
                for t in self.tables:
                    self.writers[t].close()
            for o in self.outs.values():
                o.sync()
        except WriteError:
            self.discard()
            raise
        except OSError as e:
            self.discard()
            shown = ", ".join(p or "stdout" for p in self.paths.values())
            raise WriteError(f"writing {shown}: {e.strerror or e}") from None
        for o in self.outs.values():
            o.publish()
        return [p for p in self.paths.values() if p]

    def discard(self) -> None:
        for o in self.outs.values():
            o.discard()


def _is_stream(path: str) -> bool:
    try:
        st = os.stat(os.path.realpath(path))
    except OSError:
        return False
    return not stat.S_ISREG(st.st_mode) and not stat.S_ISDIR(st.st_mode)
