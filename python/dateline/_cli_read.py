"""The command line's input: which files to read and their records.

Files named on the command line are read whatever they are (a named FIFO
or device too, as a stream); a folder is walked for regular files with a
known input extension (``--glob`` chooses others). ``.gz``, ``.bz2``,
``.xz`` (and ``.zst`` with the ``zstandard`` package) are decompressed as
they are read; the format is the extension under the compression suffix
(``news.jsonl.gz``). No document larger than ``--max-doc-bytes`` is ever
held in memory.
"""

from __future__ import annotations

import argparse
import bz2
import csv
import fnmatch
import gzip
import io
import json
import lzma
import os
import stat
import sys
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import IO, Any

EXT_IN = {
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
COMPRESSION = {".gz": "gzip", ".bz2": "bz2", ".xz": "xz", ".zst": "zstd", ".zstd": "zstd"}


class CliError(Exception):
    """A problem reported as one line on stderr (no traceback), exit status 1."""


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


@dataclass
class Source:
    path: str  # "-" for stdin
    shown: str
    fmt: str
    compression: str | None
    size: int | None  # a regular file's size, else None (a stream)


class Meter:
    """Bytes read so far from the input files (compressed bytes for compressed files)."""

    def __init__(self) -> None:
        self.done = 0


def split_ext(name: str) -> tuple[str | None, str | None]:
    """(format or None, compression or None) from a file name's extensions."""
    stem, ext = os.path.splitext(name.lower())
    compression = COMPRESSION.get(ext)
    if compression is not None:
        ext = os.path.splitext(stem)[1]
    return EXT_IN.get(ext), compression


def _zstd_available() -> bool:
    try:
        import zstandard  # noqa: F401
    except ImportError:
        return False
    return True


def sources(args: argparse.Namespace) -> tuple[list[Source], list[str]]:
    """The inputs in reading order, and notes on what folders held but were not read."""
    out: list[Source] = []
    notes: list[str] = []
    for p in args.files or ["-"]:
        if p == "-":
            fmt = "text" if args.input_format == "auto" else args.input_format
            if fmt == "parquet":
                raise CliError("Parquet cannot be read from stdin; name the file")
            out.append(Source("-", "<stdin>", fmt, None, None))
            continue
        try:
            st = os.stat(p)
        except FileNotFoundError:
            raise CliError(f"{p}: No such file or directory") from None
        except OSError as e:
            raise CliError(f"{p}: {e.strerror or e}") from None
        if stat.S_ISDIR(st.st_mode):
            out.extend(_walk(p, args, notes))
        else:
            out.append(_source(p, os.path.basename(p), st, args))
    return out, notes


def _source(path: str, name: str, st: os.stat_result, args: argparse.Namespace) -> Source:
    fmt, compression = split_ext(name)
    if args.input_format != "auto":
        fmt = args.input_format
    fmt = fmt or "text"
    if compression == "zstd" and not _zstd_available():
        raise CliError(f"{path}: reading .zst files needs the zstandard package (pip install zstandard)")
    if compression is not None and fmt == "parquet":
        raise CliError(f"{path}: a compressed Parquet file cannot be read; Parquet compresses its own pages")
    size = st.st_size if stat.S_ISREG(st.st_mode) else None
    return Source(path, path, fmt, compression, size)


def _walk(folder: str, args: argparse.Namespace, notes: list[str]) -> Iterator[Source]:
    other = special = 0
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for f in sorted(files):
            if f.startswith("."):
                continue
            path = os.path.join(root, f)
            rel = os.path.relpath(path, folder)
            if args.glob:
                wanted = any(fnmatch.fnmatch(rel, g) or fnmatch.fnmatch(f, g) for g in args.glob)
            else:
                wanted = split_ext(f)[0] is not None
            if not wanted:
                other += 1
                continue
            try:
                st = os.stat(path)
            except OSError:  # a broken link
                special += 1
                continue
            if not stat.S_ISREG(st.st_mode):  # FIFOs, devices, links to them: never from a folder
                special += 1
                continue
            yield _source(path, f, st, args)
    if other:
        what = "not matching --glob" if args.glob else "without an input extension (.txt, .jsonl, .csv, .parquet...; --glob chooses)"
        notes.append(f"{folder}: {other:,} file{'s' * (other != 1)} {what} not read")
    if special:
        notes.append(f"{folder}: {special:,} entr{'ies' if special != 1 else 'y'} not a regular file (FIFO, device, broken link) not read")


# ---------------------------------------------------------------------------
# opening: counting the bytes read, decompressing


class _Counting(io.RawIOBase):
    def __init__(self, f: Any, meter: Meter, owns: bool) -> None:
        self.f = f
        self.meter = meter
        self.owns = owns

    def close(self) -> None:
        if self.owns and not self.closed:
            self.f.close()
        super().close()

    def readable(self) -> bool:
        return True

    def readinto(self, b: Any) -> int:
        n = self.f.readinto(b) or 0
        self.meter.done += n
        return n


class _Reading(io.RawIOBase):
    """A raw stream over any object with read(n) (a decompressor)."""

    def __init__(self, f: Any) -> None:
        self.f = f

    def readable(self) -> bool:
        return True

    def readinto(self, b: Any) -> int:
        data = self.f.read(len(b))
        b[: len(data)] = data
        return len(data)


def _open(src: Source, meter: Meter) -> IO[bytes]:
    if src.path == "-":
        raw: Any = sys.stdin.buffer
    else:
        try:
            raw = open(src.path, "rb", buffering=0)
        except OSError as e:
            raise CliError(f"{src.path}: {e.strerror or e}") from None
    stream: Any = io.BufferedReader(_Counting(raw, meter, src.path != "-"), 1 << 16)
    if src.compression is None:
        return stream  # type: ignore[no-any-return]
    if src.compression == "gzip":
        dec: Any = gzip.GzipFile(fileobj=stream, mode="rb")
    elif src.compression == "bz2":
        dec = bz2.BZ2File(stream, "rb")
    elif src.compression == "xz":
        dec = lzma.LZMAFile(stream, "rb")
    else:
        import zstandard

        dec = zstandard.ZstdDecompressor().stream_reader(stream, read_across_frames=True)
    return io.BufferedReader(_Reading(dec), 1 << 16)


def _read_errors() -> tuple[type[BaseException], ...]:
    errors: list[type[BaseException]] = [OSError, EOFError, lzma.LZMAError, zlib.error]
    try:
        import zstandard

        errors.append(zstandard.ZstdError)
    except ImportError:
        pass
    return tuple(errors)


# ---------------------------------------------------------------------------
# records


def _decode(data: bytes, where: str) -> str | Bad:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        return Bad(where, f"not valid UTF-8 (line {line}, byte {e.start})")
    return text[1:] if text.startswith("\ufeff") else text


def _too_big(args: argparse.Namespace) -> str:
    return f"a document larger than --max-doc-bytes ({args.max_doc_bytes:,} bytes)"


def _ref(value: Any, default: Any) -> Any:
    return default if value is None or value == "" else value


def _opt(value: Any) -> Any:
    """A record's own document type or language; None (the pipeline's) when absent."""
    return None if value is None or value == "" else value


def _read_text(fh: IO[bytes], src: Source, args: argparse.Namespace, meter: Meter) -> Iterator[Record | Bad]:
    data = fh.read(args.max_doc_bytes + 1)
    if len(data) > args.max_doc_bytes:
        yield Bad(src.shown, _too_big(args))
        return
    text = _decode(data, src.shown)
    if isinstance(text, Bad):
        yield text
        return
    yield Record(src.shown, text, args.reference_date, src.shown, len(data))


def _read_jsonl(fh: IO[bytes], src: Source, args: argparse.Namespace, meter: Meter) -> Iterator[Record | Bad]:
    limit = args.max_doc_bytes
    lineno = 0
    while True:
        raw = fh.readline(limit + 1)
        if not raw:
            return
        lineno += 1
        where = f"{src.shown}:{lineno}"
        if len(raw) > limit and not raw.endswith(b"\n"):
            while True:  # the rest of the line, never held whole
                chunk = fh.readline(1 << 20)
                if not chunk or chunk.endswith(b"\n"):
                    break
            yield Bad(where, _too_big(args))
            continue
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


def _from_fields(rec: dict[str, Any], where: str, size: int, args: argparse.Namespace) -> Record | Bad:
    text = rec.get(args.text_field)
    if not isinstance(text, str):
        return Bad(where, f"field {args.text_field!r} is missing or not a string")
    name = rec.get(args.id_field)
    if name is None or name == "":
        name = rec.get("doc", where) if args.id_field == "id" else where
    ref = _ref(rec.get(args.date_field), args.reference_date)
    return Record(str(name), text, ref, where, size, _opt(rec.get(args.document_type_field)), _opt(rec.get(args.lang_field)))


def _read_csv(fh: IO[bytes], src: Source, args: argparse.Namespace, meter: Meter) -> Iterator[Record | Bad]:
    name = src.path.lower()
    for ext in COMPRESSION:
        name = name.removesuffix(ext)
    delimiter = "\t" if name.endswith(".tsv") else ","
    csv.field_size_limit(min(args.max_doc_bytes, 2**31 - 1))
    stream = io.TextIOWrapper(fh, encoding="utf-8-sig", errors="surrogateescape", newline="")
    reader = csv.reader(stream, delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        return
    except csv.Error as e:
        raise CliError(f"{src.shown}:1: {e}") from None
    if args.text_field not in header:
        raise CliError(f"{src.shown}:1: no column {args.text_field!r} in the header {header}")

    def col(field: str) -> int | None:
        return header.index(field) if field in header else None

    ti, di, ii, ki, li = (col(f) for f in (args.text_field, args.date_field, args.id_field, args.document_type_field, args.lang_field))
    assert ti is not None
    while True:
        where = f"{src.shown}:{reader.line_num + 1}"
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as e:
            yield Bad(where, _too_big(args) if "field limit" in str(e) else f"bad CSV ({e})")
            continue
        if not row:
            continue
        if len(row) != len(header):
            yield Bad(where, f"{len(row)} fields where the header has {len(header)}")
            continue
        if any(_has_surrogates(f) for f in row):
            yield Bad(where, "not valid UTF-8")
            continue
        name = row[ii] if ii is not None and row[ii] else where
        ref = _ref(row[di], args.reference_date) if di is not None else args.reference_date
        doctype = _opt(row[ki]) if ki is not None else None
        lang = _opt(row[li]) if li is not None else None
        yield Record(name, row[ti], ref, where, sum(len(f) for f in row), doctype, lang)


def _has_surrogates(s: str) -> bool:
    try:
        s.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _read_parquet(src: Source, args: argparse.Namespace, meter: Meter) -> Iterator[Record | Bad]:
    pq = need_pyarrow("Parquet input").parquet
    try:
        pf = pq.ParquetFile(src.path)
    except OSError as e:
        raise CliError(f"{src.shown}: {e}") from None
    names = pf.schema_arrow.names
    if args.text_field not in names:
        raise CliError(f"{src.shown}: no column {args.text_field!r} (columns: {names})")
    fields = (args.text_field, args.date_field, args.id_field, args.document_type_field, args.lang_field)
    cols = [c for c in fields if c in names]
    total_rows = max(pf.metadata.num_rows, 1)
    counted = 0
    row = 0
    for batch in pf.iter_batches(batch_size=args.batch_size, columns=list(dict.fromkeys(cols))):
        data = {c: batch.column(c).to_pylist() for c in batch.schema.names}
        for k in range(batch.num_rows):
            row += 1
            where = f"{src.shown}:{row}"
            text = data[args.text_field][k]
            if isinstance(text, str) and len(text) * 4 > args.max_doc_bytes and len(text.encode("utf-8", "surrogatepass")) > args.max_doc_bytes:
                yield Bad(where, _too_big(args))
                continue
            yield _from_fields({c: v[k] for c, v in data.items()}, where, len(text or ""), args)
        share = (src.size or 0) * row // total_rows
        meter.done += share - counted
        counted = share


def need_pyarrow(what: str) -> Any:
    try:
        import pyarrow
        import pyarrow.parquet  # noqa: F401
    except ImportError:
        raise CliError(f"{what} needs pyarrow: pip install 'dateline[arrow]'") from None
    return pyarrow


_STREAM_READERS: dict[str, Callable[[IO[bytes], Source, argparse.Namespace, Meter], Iterator[Record | Bad]]] = {
    "text": _read_text,
    "jsonl": _read_jsonl,
    "csv": _read_csv,
}


def records(srcs: list[Source], args: argparse.Namespace, meter: Meter) -> Iterator[Record | Bad]:
    """Every record of the inputs in order; a file that cannot be read is a CliError."""
    errors = _read_errors()
    for src in srcs:
        try:
            if src.fmt == "parquet":
                yield from _read_parquet(src, args, meter)
                continue
            fh = _open(src, meter)
            try:
                yield from _STREAM_READERS[src.fmt](fh, src, args, meter)
            finally:
                if src.path != "-":
                    fh.close()
        except errors as e:
            decoding = not isinstance(e, OSError) or isinstance(e, gzip.BadGzipFile)
            what = f"not a valid {src.compression} file ({e})" if src.compression and decoding else str(getattr(e, "strerror", None) or e)
            raise CliError(f"{src.shown}: {what}") from None
