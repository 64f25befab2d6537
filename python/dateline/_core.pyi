"""Type stubs for the Rust extension ``dateline._core`` (hand-written; checked
against the built module by ``mypy.stubtest`` in the test script)."""

import datetime
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date as _Date
from datetime import datetime as _DateTime
from os import PathLike
from typing import Any, Generic, Literal, SupportsIndex, TypeVar, final, overload

import numpy

__all__ = [
    "__version__",
    "Pipeline",
    "Gazetteer",
    "Doc",
    "Annotations",
    "Token",
    "Tokens",
    "Spans",
    "PendingBatch",
    "Sentence",
    "Entity",
    "Timex",
    "Range",
    "ParsedTime",
    "parse",
    "languages",
    "detect_language",
    "_rebuild_doc",
    "_after_fork_in_child",
    "_parallelism_enabled",
    "_file_kind",
]

__version__: str

@final
class Token:
    def __hash__(self) -> int: ...
    @property
    def start(self) -> int:
        """Start of the token: a str index into the document text."""
    @property
    def end(self) -> int:
        """End of the token (exclusive): ``doc.text[t.start:t.end] == t.text``."""
    @property
    def text(self) -> str:
        """The token as written."""
    @property
    def i(self) -> int:
        """Position of the token in the document (0-based)."""
    @property
    def space_after(self) -> bool:
        """Whether whitespace follows the token in the text."""
    @property
    def sentence(self) -> int:
        """Index of the sentence the token belongs to (into ``doc.sentences``)."""
    @property
    def words(self) -> list[str]:
        """Its syntactic words, as UD writes them: a contraction of the document's language
        gives its words (``del`` → ``["de", "el"]``, ``ao`` → ``["a", "o"]``, ``zum`` →
        ``["zu", "dem"]``), any other token ``[text]``."""
    @property
    def norm(self) -> str:
        """Lower case, with typographic quotes and dashes made ASCII (``"’s"`` → ``"'s"``)."""
    @property
    def shape(self) -> str:
        """Orthographic shape: letters as ``X``/``x``, digits as ``d``, runs over 4 cut (``Xxxxx``, ``dd.dd``)."""
    @property
    def is_alpha(self) -> bool:
        """Whether every character is a letter."""
    @property
    def is_digit(self) -> bool:
        """Whether every character is a digit."""
    @property
    def is_punct(self) -> bool:
        """Whether every character is punctuation."""
    @property
    def is_space(self) -> bool:
        """Always False: tokens never hold whitespace (kept for spaCy users)."""
    @property
    def like_num(self) -> bool:
        """Whether the token reads as a number (``10``, ``3.5``, ``1,000``, ``ten``)."""
    @property
    def like_url(self) -> bool:
        """Whether the token looks like a URL."""
    @property
    def like_email(self) -> bool:
        """Whether the token looks like an e-mail address."""

@final
class Sentence:
    def __hash__(self) -> int: ...
    @property
    def start(self) -> int:
        """Start of the sentence: a str index into the document text."""
    @property
    def end(self) -> int:
        """End of the sentence (exclusive)."""
    @property
    def text(self) -> str:
        """The sentence as written."""

@final
class Entity:
    def __hash__(self) -> int: ...
    @property
    def start(self) -> int:
        """Start of the entity: a str index into the document text."""
    @property
    def end(self) -> int:
        """End of the entity (exclusive): ``doc.text[e.start:e.end] == e.text``."""
    @property
    def text(self) -> str:
        """The entity as written in the text."""
    @property
    def sentence(self) -> int:
        """Index of the sentence holding the entity (into ``doc.sentences``)."""
    @property
    def label(self) -> str:
        """The label of the entry reported (``LOC``, ``PER``, ...)."""
    @property
    def id(self) -> str:
        """The id of the entry reported (a person found by a name rule: its own text)."""
    @property
    def candidates(self) -> list[tuple[str, str]]:
        """Every entry with this name as ``(label, id)`` pairs, the reported one first."""
    @property
    def attributes(self) -> dict[str, Any]:
        """The reported entry's extra data (empty when it has none)."""
    @property
    def rule(self) -> Literal["name", "person", "repeat"]:
        """How it was found: ``"name"`` (a listed name), ``"person"`` or ``"repeat"`` (name rules)."""

@final
class Timex:
    def __hash__(self) -> int: ...
    @property
    def start(self) -> int:
        """Start of the expression: a str index into the document text."""
    @property
    def end(self) -> int:
        """End of the expression (exclusive)."""
    @property
    def text(self) -> str:
        """The expression as written."""
    @property
    def sentence(self) -> int:
        """Index of the sentence holding the expression (into ``doc.sentences``)."""
    @property
    def type(self) -> Literal["DATE", "TIME", "DURATION", "SET"]:
        """The TIMEX3 type: ``DATE``, ``TIME``, ``DURATION`` or ``SET``."""
    @property
    def value(self) -> str:
        """The normalised TIMEX3 value (``2026-03-05``, ``2026-W10``, ``P2D``, ``PRESENT_REF``)."""
    @property
    def mod(self) -> str | None:
        """The TIMEX3 ``mod`` (``START``, ``END``, ``APPROX``, ...), or None."""
    @property
    def freq(self) -> str | None:
        """The TIMEX3 ``freq`` of a SET (``2X`` for "twice a week"), or None."""
    @property
    def quant(self) -> str | None:
        """The TIMEX3 ``quant`` of a SET (``EVERY``), or None."""
    @property
    def interval(self) -> tuple[datetime.date, datetime.date] | None:
        """The half-open range of days ``(first, after_last)`` the value covers, or None when it names no concrete period.

        A ``START``, ``MID`` or ``END`` modifier narrows it to the first, middle or last third
        (``late March`` covers the 21st to the 31st)."""
    @property
    def granularity(self) -> _Granularity | None:
        """How fine the value is (``"day"``, ``"month"``, ...), or None."""
    @property
    def zone(self) -> str | None:
        """The UTC offset written with a time (``"+01:00"``), or None."""
    @property
    def datetime(self) -> _DateTime | None:
        """A ``datetime.datetime``: a TIME value's clock time (timezone-aware when the text named a zone), a day's midnight, else None."""
    def explain(self) -> dict[str, Any]: ...

_Granularity = Literal[
    "century", "decade", "year", "half", "quarter", "season", "month", "week", "day", "part_of_day", "hour",
    "minute", "second",
]
_DocumentType = Literal["auto", "news", "narrative", "colloquial"]

@final
class Range:
    def __hash__(self) -> int: ...
    @property
    def start(self) -> int:
        """Start of the phrase: a str index into the document text."""
    @property
    def end(self) -> int:
        """End of the phrase (exclusive)."""
    @property
    def text(self) -> str:
        """The phrase as written (``from March 2 to March 6``)."""
    @property
    def sentence(self) -> int:
        """Index of the sentence holding the phrase's start."""
    @property
    def begin_index(self) -> int | None:
        """Position in ``doc.timexes`` of the expression at the range's start, or None."""
    @property
    def end_index(self) -> int | None:
        """Position in ``doc.timexes`` of the expression at the range's end, or None."""
    @property
    def interval(self) -> tuple[datetime.date | None, datetime.date | None]:
        """The half-open range of days ``(first, after_last)``; None for an open end."""
    @property
    def value(self) -> str:
        """An ISO 8601 interval of days, both ends included, ``..`` for an open end;
        an end that names a time of day has it (``2026-03-06T14:00/2026-03-06T16:00``),
        and an end on no known day is its time alone (``T14:00/T16:00``)."""
    @property
    def rule(self) -> str:
        """The rule that found the range."""

@final
class ParsedTime:
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...
    @property
    def type(self) -> Literal["DATE", "TIME", "DURATION", "SET"]: ...
    @property
    def value(self) -> str: ...
    @property
    def mod(self) -> str | None: ...
    @property
    def freq(self) -> str | None: ...
    @property
    def quant(self) -> str | None: ...
    @property
    def granularity(self) -> _Granularity | None: ...
    @property
    def zone(self) -> str | None: ...
    @property
    def interval(self) -> tuple[_Date, _Date] | None: ...
    @property
    def date(self) -> _Date | None: ...
    @property
    def datetime(self) -> _DateTime | None: ...
    def explain(self) -> dict[str, Any]: ...

def parse(
    text: str,
    reference_date: _Date | str | None,
    document_type: str,
    prefer: str | None,
    date_order: str | None,
    lang: str = "auto",
) -> ParsedTime | None: ...
def languages() -> list[str]: ...
def detect_language(text: str) -> str: ...

@final
class Annotations:
    def __len__(self) -> int: ...
    def table(self, kind: str) -> list[tuple[str, str, Any, Any]]: ...
    def doc(self, i: int) -> Doc: ...

@final
class Tokens(Sequence[Token]):
    """A document's tokens: a read-only sequence that makes each Token when
    it is read; equal to a list of the same tokens."""

    def __len__(self) -> int: ...
    @overload
    def __getitem__(self, key: SupportsIndex, /) -> Token: ...
    @overload
    def __getitem__(self, key: slice, /) -> list[Token]: ...
    def __iter__(self) -> Iterator[Token]: ...
    def __reversed__(self) -> Iterator[Token]: ...
    def __contains__(self, item: object, /) -> bool: ...
    def index(self, item: object, /) -> int: ...  # type: ignore[override]
    def count(self, item: object, /) -> int: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...
    def __add__(self, other: list[Token] | Tokens, /) -> list[Token]: ...
    def __radd__(self, other: list[Token], /) -> list[Token]: ...
    def __reduce__(self) -> tuple[type[list[Token]], tuple[list[Token]]]: ...
    __hash__: None  # type: ignore[assignment]

_S = TypeVar("_S", "Sentence", "Entity", "Timex", "Range")

@final
class Spans(Sequence[_S], Generic[_S]):
    """A document's sentences, entities, time expressions or ranges: a
    read-only sequence that makes each span object when it is read; equal to
    a list of the same spans, and pickled as one."""

    def __len__(self) -> int: ...
    @overload
    def __getitem__(self, key: SupportsIndex, /) -> _S: ...
    @overload
    def __getitem__(self, key: slice, /) -> list[_S]: ...
    def __iter__(self) -> Iterator[_S]: ...
    def __reversed__(self) -> Iterator[_S]: ...
    def __contains__(self, item: object, /) -> bool: ...
    def index(self, item: object, /) -> int: ...  # type: ignore[override]
    def count(self, item: object, /) -> int: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...
    def __add__(self, other: list[_S] | Spans[_S], /) -> list[_S]: ...
    def __radd__(self, other: list[_S], /) -> list[_S]: ...
    def __reduce__(self) -> tuple[type[list[_S]], tuple[list[_S]]]: ...
    __hash__: None  # type: ignore[assignment]

@final
class PendingBatch:
    """A batch being analysed while Python goes on (``Pipeline.start_batch``)."""

    def wait(self) -> list[Doc]: ...

@final
class Doc:
    @property
    def text(self) -> str:
        """The document text (the very str that was analysed)."""
    @property
    def reference_date(self) -> datetime.date | None:
        """The reference date relative expressions were resolved against, or None."""
    @property
    def tokens(self) -> Tokens:
        """The tokens, in order: a sequence that makes each Token when it is read."""
    @property
    def sentences(self) -> Spans[Sentence]:
        """The sentences, in order: a sequence that makes each Sentence when it is read."""
    @property
    def entities(self) -> Spans[Entity]:
        """The gazetteer entities, in order: a sequence that makes each Entity when it is read."""
    @property
    def timexes(self) -> Spans[Timex]:
        """The time expressions, in order: a sequence that makes each Timex when it is read."""
    @property
    def ranges(self) -> Spans[Range]:
        """Ranges of time written as one phrase, in order: a sequence that makes each Range when it is read."""
    @property
    def document_type(self) -> Literal["news", "narrative", "colloquial"]:
        """How the time expressions were anchored: ``"news"``, ``"narrative"`` or ``"colloquial"``."""
    @property
    def lang(self) -> str:
        """The language the document was analysed in (``"en"``, ``"es"``, ...)."""
    def _repr_html_(self) -> str: ...
    def __len__(self) -> int: ...
    def __iter__(self) -> Iterator[Token]: ...
    @overload
    def __getitem__(self, key: SupportsIndex, /) -> Token: ...
    @overload
    def __getitem__(self, key: slice, /) -> list[Token]: ...
    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]: ...
    def token_spans(self) -> list[tuple[int, int]]: ...
    def sentence_spans(self) -> list[tuple[int, int]]: ...
    def token_offsets(self) -> numpy.ndarray[tuple[int, int], numpy.dtype[numpy.int64]]: ...
    def sentence_offsets(self) -> numpy.ndarray[tuple[int, int], numpy.dtype[numpy.int64]]: ...
    def to_dict(self, *, explain: bool = False) -> dict[str, Any]: ...

@final
class Gazetteer:
    @staticmethod
    def from_records(
        records: Iterable[Mapping[str, Any]],
        *,
        common_word_guard: bool = True,
        case_sensitive: bool = True,
        fold_accents: bool = False,
    ) -> Gazetteer: ...
    @staticmethod
    def from_file(
        path: str | PathLike[str] | Sequence[str | PathLike[str]],
        *,
        format: Literal["tsv", "csv", "jsonl"] | None = None,
        name_column: str = "name",
        label_column: str = "label",
        id_column: str = "id",
        aliases_column: str = "aliases",
        case_column: str = "case",
        attribute_columns: list[str] | None = None,
        common_word_guard: bool = True,
        case_sensitive: bool = True,
        fold_accents: bool = False,
    ) -> Gazetteer: ...
    @staticmethod
    def from_dataframe(
        frame: Any,
        *,
        name_column: str = "name",
        label_column: str = "label",
        id_column: str | None = "id",
        aliases_column: str | None = "aliases",
        case_column: str = "case",
        attribute_columns: list[str] | None = None,
        common_word_guard: bool = True,
        case_sensitive: bool = True,
        fold_accents: bool = False,
        **deprecated: Any,
    ) -> Gazetteer: ...
    @staticmethod
    def world() -> Gazetteer: ...
    @staticmethod
    def from_json(data: str | bytes) -> Gazetteer: ...
    def to_json(self) -> str: ...
    def to_bytes(self) -> bytes: ...
    @staticmethod
    def from_bytes(data: bytes) -> Gazetteer: ...
    def entries(self) -> list[dict[str, Any]]: ...
    def save(self, path: str | PathLike[str]) -> None: ...
    @staticmethod
    def load(path: str | PathLike[str]) -> Gazetteer: ...
    @property
    def common_word_guard(self) -> bool: ...
    @property
    def case_sensitive(self) -> bool: ...
    @property
    def fold_accents(self) -> bool: ...
    def __len__(self) -> int: ...
    def __add__(self, value: Gazetteer, /) -> Gazetteer: ...
    def __radd__(self, value: Gazetteer, /) -> Gazetteer: ...
    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]: ...

_RefArg = datetime.date | str | None

@final
class Pipeline:
    def __new__(
        cls,
        *,
        gazetteer: Gazetteer | None,
        reference_date: _RefArg,
        n_threads: int | None,
        split_on_newlines: bool,
        date_order: str | None,
        abbreviations: list[str] = ...,
        special_cases: dict[str, list[str]] = ...,
        disable: list[str] = ...,
        overlaps: str = ...,
        name_rules: list[str] | None = None,
        document_type: str = "auto",
        lang: str = "auto",
    ) -> Pipeline: ...
    def process(
        self, text: str, reference_date: _RefArg, document_type: str | None = None, lang: str | None = None
    ) -> Doc: ...
    def process_batch(
        self,
        texts: list[str],
        reference_dates: list[_RefArg] | None,
        n_threads: int | None,
        index_offset: int = 0,
        document_types: list[str | None] | None = None,
        langs: list[str | None] | None = None,
    ) -> list[Doc]: ...
    def start_batch(
        self,
        texts: list[str],
        reference_dates: list[_RefArg] | None,
        n_threads: int | None,
        index_offset: int = 0,
        document_types: list[str | None] | None = None,
        langs: list[str | None] | None = None,
    ) -> PendingBatch: ...
    def annotate(
        self,
        texts: list[str],
        reference_dates: list[_RefArg] | None,
        n_threads: int | None,
        document_types: list[str | None] | None = None,
        langs: list[str | None] | None = None,
    ) -> Annotations: ...
    def offsets(
        self, texts: list[str], n_threads: int | None
    ) -> tuple[
        numpy.ndarray[Any, numpy.dtype[numpy.int64]],
        numpy.ndarray[Any, numpy.dtype[numpy.int64]],
        numpy.ndarray[Any, numpy.dtype[numpy.bool_]],
        numpy.ndarray[Any, numpy.dtype[numpy.int64]],
        numpy.ndarray[Any, numpy.dtype[numpy.int64]],
    ]: ...
    def annotate_jsonl(
        self,
        texts: list[str],
        reference_dates: list[_RefArg] | None,
        names: list[str],
        n_threads: int | None,
        parts: list[str],
        index_offset: int = 0,
        document_types: list[str | None] | None = None,
        langs: list[str | None] | None = None,
    ) -> bytes: ...
    @property
    def gazetteer(self) -> Gazetteer: ...
    @property
    def reference_date(self) -> datetime.date | str | None: ...
    @property
    def n_threads(self) -> int | None: ...
    @property
    def split_on_newlines(self) -> bool: ...
    @property
    def date_order(self) -> str | None: ...
    @property
    def lang(self) -> str: ...
    @property
    def document_type(self) -> _DocumentType: ...
    @property
    def overlaps(self) -> str: ...
    @property
    def name_rules(self) -> list[str]: ...
    @property
    def disabled(self) -> list[str]: ...
    @property
    def abbreviations(self) -> list[str]: ...
    @property
    def special_cases(self) -> dict[str, list[str]]: ...
    def to_json(self) -> str: ...
    def save(self, path: str | PathLike[str]) -> None: ...
    @staticmethod
    def from_json(data: str) -> Pipeline: ...
    @staticmethod
    def parallel() -> bool: ...
    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]: ...

def _rebuild_doc(
    pipeline: Pipeline, text: str, reference_date: _Date | str, document_type: str | None, lang: str
) -> Doc: ...
def _after_fork_in_child() -> None: ...
def _parallelism_enabled() -> bool: ...
def _file_kind(head: bytes) -> tuple[str, str]: ...
