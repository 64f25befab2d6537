"""The user-facing :class:`Pipeline`: a thin façade over the Rust core."""

from __future__ import annotations

import datetime as _dt
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from dateline import _core, _frames
from dateline._chunks import _Aligned, _take_chunk
from dateline._core import Doc, Gazetteer
from dateline._frames import Annotations

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np

__all__ = ["DocumentType", "Pipeline", "ReferenceDate"]

# ``doc.tokens`` is a lazy sequence made in Rust; it is a Sequence.
Sequence.register(_core.Tokens)
Sequence.register(_core.Spans)

#: A reference date argument: a date, an ISO date string, ``"detect"`` or None.
ReferenceDate = _dt.date | str | None
#: How a document's relative expressions are anchored (see :class:`Pipeline`).
DocumentType = Literal["auto", "news", "narrative", "colloquial"]


class Pipeline:
    """Tokenizer, gazetteer tagger and temporal tagger in one object.

    Parameters
    ----------
    gazetteer
        The names to find. ``None`` uses the built-in world gazetteer
        (:func:`dateline.gazetteers.world`).
    reference_date
        The date relative expressions ("on Thursday", "last year") resolve
        against: a :class:`datetime.date`, an ISO string ``"2026-03-05"``,
        ``"detect"`` (find it in the document's header or dateline, such as a
        first line ``date 2026-03-05`` or ``March 5, 2026 —``), or ``None``
        or ``"none"`` (relative expressions keep underspecified values such as
        ``XXXX-WXX-4``). Today's date is never used. Wherever a reference date
        is given per call or per document (``nlp(text, reference_date=)``,
        ``reference_dates=`` of :meth:`pipe` and :meth:`annotate`, a date
        column of :meth:`annotate_frame`, Dask, the CLI), a missing value
        (None, NaN, ``pandas.NaT``, ``pandas.NA``) means this default, and
        ``"none"`` means no reference date for that document.
    n_threads
        Threads for :meth:`pipe`; ``None`` uses all cores (rayon's pool,
        which honours ``RAYON_NUM_THREADS``).
    split_on_newlines
        Whether every line break ends a sentence.
    date_order
        How ambiguous numeric dates such as ``03/05/2026`` are read:
        ``"mdy"`` (5 March), ``"dmy"`` (3 May), or None (default): each
        document's language decides (month first in English, day first in the
        other languages).
    abbreviations
        Extra abbreviations that keep their period and never end a sentence
        (``["Gen.", "Sgt."]``).
    special_cases
        Tokenizer exceptions: a chunk equal to a key becomes the listed
        pieces, which must spell it exactly (``{"gimme": ["gim", "me"]}``).
    disable
        Components to skip: ``"entities"``, ``"timexes"`` (tokens and
        sentences are always made). With ``"timexes"`` off no reference
        date is detected either (``doc.reference_date`` is a date given, or
        None): only time expressions use it.
    overlaps
        ``"longest"`` (default): entity matches are leftmost-longest and never
        overlap (``New York Times``); ``"all"``: every match, nested and
        overlapping ones included (``New York``, ``New York Times``,
        ``York``), ordered by start then end.
    name_rules
        The rules that run after leftmost-longest matching (all three by
        default; ``()`` for the list's matches only; not with
        ``overlaps="all"``). ``"persons"``: a person's name grows over the
        capitalised name words beside it (``Andre`` listed finds ``Andre
        Joubert``), and a given name of the list's persons (``Gary`` from
        ``Gary Lineker``) or an initial (``P.``) followed by a name word starts
        a person (``Gary McAllister``), with the label of the entry that
        started it, its own text as id and ``Entity.rule == "person"``.
        ``"longer_names"``: a one-word match of another label beside an unknown
        name word is dropped (``Donghai`` in ``Wang Donghai``). ``"repeats"``: a word of a person's name found in the
        document is that person elsewhere in it (``Joubert`` after ``Andre
        Joubert``; ``Entity.rule == "repeat"``), also over a one-word match of
        another label unless a preposition of place precedes it (``in
        Washington`` stays the place). Person entries are those
        labelled ``PER`` or ``PERSON``; a name word is capitalised and not a
        common English word.
    document_type
        How relative expressions ("on Monday", "the next day") are anchored,
        for documents given no type of their own: ``"news"`` (on the reference
        date, by the tense of the clause), ``"narrative"`` (history, biography:
        on the story's own time, the latest explicit date before them),
        ``"colloquial"`` (mail, chat, notes: on the reference date, leaning to
        the future for plans) or ``"auto"`` (default: chosen per document from
        its text). :attr:`Doc.document_type` says which was used.
    lang
        The language of the documents: a code with a folder of resources
        (``"en"``, ``"es"``, ``"fr"``, ``"de"``, ``"pt"``, ``"it"``, ``"nl"``;
        :func:`dateline.languages` lists them) or ``"auto"`` (default:
        identified per document from its text). :attr:`Doc.lang` says which
        was used.

    The pipeline is immutable, can be shared between threads, and pickles
    (with its gazetteer).

    Examples
    --------
    >>> import dateline
    >>> nlp = dateline.Pipeline()
    >>> doc = nlp("date 2026-03-05\\nVenezuela said on Thursday it would act.")
    >>> doc.reference_date
    datetime.date(2026, 3, 5)
    >>> [(t.text, t.value) for t in doc.timexes]
    [('2026-03-05', '2026-03-05'), ('Thursday', '2026-03-05')]
    >>> [(e.text, e.label) for e in doc.entities]
    [('Venezuela', 'LOC')]
    """

    __slots__ = ("_core", "_reference_date")

    def __init__(
        self,
        *,
        gazetteer: Gazetteer | None = None,
        reference_date: ReferenceDate = "detect",
        n_threads: int | None = None,
        split_on_newlines: bool = True,
        date_order: Literal["mdy", "dmy"] | None = None,
        abbreviations: Iterable[str] = (),
        special_cases: Mapping[str, Sequence[str]] | None = None,
        disable: Iterable[Literal["entities", "timexes"]] = (),
        overlaps: Literal["longest", "all"] = "longest",
        name_rules: Iterable[Literal["persons", "longer_names", "repeats"]] = ("persons", "longer_names", "repeats"),
        document_type: DocumentType = "auto",
        lang: str = "auto",
    ) -> None:
        if gazetteer is not None and not isinstance(gazetteer, Gazetteer):
            raise TypeError(f"gazetteer must be a dateline.Gazetteer or None, not {type(gazetteer).__name__}")
        if not isinstance(split_on_newlines, bool):
            raise TypeError(f"split_on_newlines must be bool, not {type(split_on_newlines).__name__}")
        if n_threads is not None and (isinstance(n_threads, bool) or not isinstance(n_threads, int)):
            raise TypeError(f"n_threads must be an int or None, not {type(n_threads).__name__}")
        if date_order is not None and not isinstance(date_order, str):
            raise TypeError(f"date_order must be str or None, not {type(date_order).__name__}")
        if not isinstance(lang, str):
            raise TypeError(f"lang must be str, not {type(lang).__name__}")
        self._core = _core.Pipeline(
            gazetteer=gazetteer,
            reference_date=reference_date,
            n_threads=n_threads,
            split_on_newlines=split_on_newlines,
            date_order=date_order,
            abbreviations=list(abbreviations),
            special_cases={k: list(v) for k, v in (special_cases or {}).items()},
            disable=[disable] if isinstance(disable, str) else list(disable),
            overlaps=overlaps,
            name_rules=[name_rules] if isinstance(name_rules, str) else list(name_rules),
            document_type=document_type,
            lang=lang,
        )
        self._reference_date = reference_date

    # -- configuration -------------------------------------------------
    @property
    def gazetteer(self) -> Gazetteer:
        """The gazetteer in use."""
        return self._core.gazetteer

    @property
    def reference_date(self) -> ReferenceDate:
        """The default reference date (a date, ``"detect"`` or None)."""
        return self._core.reference_date

    @property
    def document_type(self) -> str:
        """The default document type (``"auto"``, ``"news"``, ``"narrative"`` or ``"colloquial"``)."""
        return self._core.document_type

    @property
    def lang(self) -> str:
        """The default language: a code such as ``"es"``, or ``"auto"`` (identified per document)."""
        return self._core.lang

    @property
    def date_order(self) -> str | None:
        """How ambiguous numeric dates are read: ``"mdy"``, ``"dmy"``, or None (each language's order)."""
        return self._core.date_order

    @property
    def overlaps(self) -> str:
        """How entity matches may overlap: ``"longest"`` or ``"all"``."""
        return self._core.overlaps

    @property
    def name_rules(self) -> list[str]:
        """The name rules that run after matching."""
        return self._core.name_rules

    @property
    def disabled(self) -> list[str]:
        """The components switched off."""
        return self._core.disabled

    @property
    def abbreviations(self) -> list[str]:
        """The tokenizer's extra abbreviations (lower case)."""
        return self._core.abbreviations

    @property
    def special_cases(self) -> dict[str, list[str]]:
        """The tokenizer's special cases."""
        return self._core.special_cases

    @property
    def n_threads(self) -> int | None:
        """The default thread count for :meth:`pipe` (None: all cores)."""
        return self._core.n_threads

    # -- processing ------------------------------------------------------
    def __call__(
        self,
        text: str,
        *,
        reference_date: ReferenceDate = None,
        document_type: DocumentType | None = None,
        lang: str | None = None,
    ) -> Doc:
        """Analyse one text and return a :class:`Doc`.

        ``reference_date``, ``document_type`` and ``lang`` override the
        pipeline's defaults for this call (None or another missing value such
        as ``pandas.NaT``: the pipeline's; ``reference_date="none"``: no
        reference date; ``lang="auto"`` identifies the language from the text).

        Examples
        --------
        >>> import dateline
        >>> nlp = dateline.Pipeline(reference_date="2026-03-05")
        >>> doc = nlp("He left yesterday.", document_type="colloquial")
        >>> doc.document_type, doc.timexes[0].value
        ('colloquial', '2026-03-04')
        """
        return self._core.process(text, reference_date, document_type, lang)

    def pipe(
        self,
        texts: Iterable[str],
        *,
        reference_dates: Iterable[ReferenceDate] | None = None,
        document_types: Iterable[DocumentType | None] | None = None,
        batch_size: int = 1024,
        n_threads: int | None = None,
        langs: Iterable[str | None] | None = None,
    ) -> Iterator[Doc]:
        """Analyse many texts, yielding a :class:`Doc` per text in input order.

        Texts are read lazily in chunks of at most ``batch_size`` texts and
        about 256 K characters; each chunk is processed in parallel in Rust
        with the GIL released, the next one while the documents of the
        previous one are yielded, so memory stays bounded and other Python
        threads keep running.

        Parameters
        ----------
        texts
            Any iterable of str.
        reference_dates
            One reference date per text (same forms as the constructor's;
            missing values mean the pipeline's default), or None for the
            pipeline's default on every text.
        document_types
            One document type per text (``"auto"``, ``"news"``,
            ``"narrative"``, ``"colloquial"``, or None for the pipeline's), or
            None for the pipeline's on every text.
        langs
            One language per text (a code such as ``"es"``, ``"auto"`` to
            identify it, or None for the pipeline's), or None for the
            pipeline's on every text.
        batch_size
            The most texts per parallel chunk.
        n_threads
            Overrides the pipeline's thread count for this call.

        Examples
        --------
        >>> import dateline
        >>> nlp = dateline.Pipeline(reference_date="2026-03-05")
        >>> [d.timexes[0].value for d in nlp.pipe(["on Sunday", "in January"])]
        ['2026-03-01', '2026-01']
        >>> docs = nlp.pipe(["He left yesterday."] * 2, document_types=["news", "colloquial"])
        >>> [(d.document_type, d.timexes[0].value) for d in docs]
        [('news', '2026-03-04'), ('colloquial', '2026-03-04')]
        """
        if isinstance(batch_size, bool) or not isinstance(batch_size, int):
            raise TypeError(f"batch_size must be an int, not {type(batch_size).__name__}")
        if batch_size < 1:
            raise ValueError(f"batch_size must be at least 1, not {batch_size}")
        if n_threads is not None and (isinstance(n_threads, bool) or not isinstance(n_threads, int)):
            raise TypeError(f"n_threads must be an int or None, not {type(n_threads).__name__}")
        if isinstance(texts, str):
            raise TypeError("texts must be an iterable of str, not a single str (use nlp(text) for one text)")
        if isinstance(document_types, str):
            raise TypeError("document_types must be an iterable with one entry per text, not a single str")
        if isinstance(langs, str):
            raise TypeError("langs must be an iterable with one entry per text, not a single str")
        return self._pipe(iter(texts), reference_dates, document_types, batch_size, n_threads, langs)

    def _pipe(
        self,
        texts: Iterator[str],
        reference_dates: Iterable[ReferenceDate] | None,
        document_types: Iterable[DocumentType | None] | None,
        batch_size: int,
        n_threads: int | None,
        langs: Iterable[str | None] | None = None,
    ) -> Iterator[Doc]:
        refs = None if reference_dates is None else _Aligned("reference_dates", reference_dates)
        types = None if document_types is None else _Aligned("document_types", document_types)
        codes = None if langs is None else _Aligned("langs", langs)
        offset = 0
        # While the documents of one chunk are yielded, the next chunk is
        # analysed on other threads (GIL released): the Python part of
        # reading documents overlaps with the analysis of the next ones.
        pending: _core.PendingBatch | None = None
        while True:
            try:
                chunk = _take_chunk(texts, batch_size)
                if chunk:
                    ref_chunk = None if refs is None else refs.take(len(chunk))
                    type_chunk = None if types is None else types.take(len(chunk))
                    lang_chunk = None if codes is None else codes.take(len(chunk))
                    following = self._core.start_batch(chunk, ref_chunk, n_threads, offset, type_chunk, lang_chunk)
                else:
                    following = None
                    for extra in (refs, types, codes):
                        if extra is not None:
                            extra.check_exhausted()
            except BaseException:
                # A bad text (or option) of this chunk: the documents before
                # it come first, as they would without reading ahead.
                if pending is not None:
                    yield from pending.wait()
                raise
            if pending is not None:
                yield from pending.wait()
            if following is None:
                return
            pending = following
            offset += len(chunk)

    def offsets(self, texts: Iterable[str], *, n_threads: int | None = None) -> Offsets:
        """Token and sentence offsets of many texts as flat numpy arrays, with
        no Python object per document or token: the fastest way to tokenize a
        corpus. Tokenizing runs in parallel in Rust with the GIL released.

        Offsets are str indices within each text; the tokens of text ``i`` are
        rows ``token_bounds[i]:token_bounds[i + 1]`` of ``tokens`` (likewise
        for sentences); :meth:`Offsets.doc` slices them for one text.

        Examples
        --------
        >>> import dateline
        >>> nlp = dateline.Pipeline()
        >>> o = nlp.offsets(["Hi there. Bye.", "U.S. talks"])
        >>> o.tokens.tolist()
        [[0, 2], [3, 8], [8, 9], [10, 13], [13, 14], [0, 4], [5, 10]]
        >>> o.token_bounds.tolist(), o.sentence_bounds.tolist()
        ([0, 5, 7], [0, 2, 3])
        >>> o.doc(1)[0].tolist()
        [[0, 4], [5, 10]]
        """
        if n_threads is not None and (isinstance(n_threads, bool) or not isinstance(n_threads, int)):
            raise TypeError(f"n_threads must be an int or None, not {type(n_threads).__name__}")
        if isinstance(texts, str):
            raise TypeError("texts must be an iterable of str, not a single str")
        tokens, token_bounds, space_after, sentences, sentence_bounds = self._core.offsets(list(texts), n_threads)
        return Offsets(tokens, token_bounds, space_after, sentences, sentence_bounds)

    def annotate(
        self,
        texts: Iterable[str] | Any,
        *,
        reference_dates: Iterable[ReferenceDate] | ReferenceDate | Any = None,
        document_types: Iterable[DocumentType | None] | DocumentType | Any = None,
        n_threads: int | None = None,
        langs: Iterable[str | None] | str | Any = None,
    ) -> Annotations:
        """Analyse many texts and return their spans as tables.

        The columnar path for data science: no Python object is made per
        span; ask the result for ``.entities()``, ``.timexes()``,
        ``.sentences()`` or ``.tokens()`` as pandas, polars or Arrow tables
        (see :class:`dateline.Annotations`), or ``.ranges()``.

        Parameters
        ----------
        texts
            Any iterable of str, or a pandas/polars Series or pyarrow array of
            strings. With a pandas Series, each table's ``doc`` column holds
            the Series' index labels; otherwise the input position. A missing
            text (None, NaN) raises ValueError naming its position.
        reference_dates
            One reference date per text (a sequence or Series of dates,
            datetimes, ISO strings, ``"detect"`` or missing values), or one
            value for every text. ``None`` uses the pipeline's default.
        document_types
            One document type per text (a sequence or Series of ``"auto"``,
            ``"news"``, ``"narrative"``, ``"colloquial"`` or missing values,
            which mean the pipeline's), or one name for every text. ``None``
            uses the pipeline's default.
        n_threads
            Overrides the pipeline's thread count for this call.
        langs
            One language per text (a sequence or Series of codes such as
            ``"es"``, ``"auto"`` or missing values, which mean the
            pipeline's), or one code for every text. ``None`` uses the
            pipeline's default.

        Examples
        --------
        >>> import dateline
        >>> nlp = dateline.Pipeline(reference_date="2026-03-05")
        >>> res = nlp.annotate(["He left yesterday.", "Shops open until March 20."],
        ...                    document_types=["colloquial", None])
        >>> res.timexes()[["doc", "text", "value", "document_type"]]
           doc       text       value document_type
        0    0  yesterday  2026-03-04    colloquial
        1    1   March 20  2026-03-20          news
        """
        if n_threads is not None and (isinstance(n_threads, bool) or not isinstance(n_threads, int)):
            raise TypeError(f"n_threads must be an int or None, not {type(n_threads).__name__}")
        return _frames.annotate(self._core, texts, reference_dates, n_threads, document_types, langs)

    def annotate_frame(
        self,
        frame: Any,
        *,
        text: str = "text",
        reference_date: str | None = None,
        document_type: str | None = None,
        columns: Sequence[str] | None = None,
        tables: Sequence[str] = ("entities", "timexes"),
        n_threads: int | None = None,
        lang: str | None = None,
        suffix: str = "_span",
    ) -> dict[str, Any]:
        """Annotate a DataFrame's text column and join the spans back onto it.

        Returns ``{table name: DataFrame}`` with one row per span: the
        frame's ``columns`` (default: all but the text, date and document
        type columns) for
        that span's document, then the span columns of
        :class:`dateline.Annotations` (without ``doc``). With pandas the
        result's index is the frame's index label of each span's document;
        with polars a ``doc`` column holds the row number.

        Parameters
        ----------
        frame
            A pandas or polars DataFrame.
        text
            The name of the text column.
        reference_date
            The name of a column of reference dates, or None for the
            pipeline's default.
        document_type
            The name of a column of document types (``"auto"``, ``"news"``,
            ``"narrative"``, ``"colloquial"``; missing values mean the
            pipeline's), or None for the pipeline's default.
        lang
            The name of a column of language codes (``"es"``, ``"auto"``;
            missing values mean the pipeline's), or None for the pipeline's
            default.
        columns
            Frame columns to carry into the tables.
        tables
            Which tables to make (``entities``, ``timexes``, ``ranges``,
            ``sentences``, ``tokens``).
        n_threads
            Overrides the pipeline's thread count for this call.
        suffix
            Added to the name of a span column that one of the carried
            frame columns already has, so no two columns share a name and
            the frame's own columns keep theirs: a frame with an ``id``
            column gets the entity's id as ``id_span`` (added again while the
            name is still taken). Span columns no frame column has keep their
            names.

        Examples
        --------
        >>> import pandas as pd, dateline
        >>> df = pd.DataFrame({"text": ["Rain in Lima today.", "Quiet."], "source": ["AP", "AFP"]},
        ...                   index=["a1", "a2"])
        >>> nlp = dateline.Pipeline(reference_date="2026-03-05")
        >>> nlp.annotate_frame(df)["entities"][["source", "text", "label"]]
           source  text label
        a1     AP  Lima   LOC
        """
        return _frames.annotate_frame(
            self._core, frame, text, reference_date, columns, tables, n_threads, document_type, lang, suffix
        )

    # -- persistence ---------------------------------------------------
    def to_json(self) -> str:
        """Serialize the pipeline (options and gazetteer) as JSON."""
        return self._core.to_json()

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the pipeline (options and gazetteer) to ``path`` (versioned JSON)."""
        self._core.save(path)

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> Pipeline:
        """Read a pipeline written by :meth:`save`. Any other file raises
        :class:`~dateline.exceptions.SerializationError` naming it, what it
        looks like and the loader that reads it."""
        from dateline.exceptions import SerializationError

        with open(path, "rb") as fh:
            data = fh.read()
        shown = os.fsdecode(path)
        kind, hint = _core._file_kind(data)
        if kind != "pipeline":
            raise SerializationError(f"cannot load serialized data: {shown}: not a saved pipeline: it {hint}")
        try:
            return cls.from_json(data.decode("utf-8"))
        except UnicodeDecodeError as e:
            msg = f"cannot load serialized data: {shown}: not valid UTF-8 (byte {e.start})"
            raise SerializationError(msg) from None
        except SerializationError as e:
            detail = str(e).removeprefix("cannot load serialized data: ")
            raise SerializationError(f"cannot load serialized data: {shown}: {detail}") from None

    @classmethod
    def from_json(cls, data: str) -> Pipeline:
        """Rebuild a pipeline from :meth:`to_json` output."""
        self = cls.__new__(cls)
        self._core = _core.Pipeline.from_json(data)
        ref = self._core.reference_date
        self._reference_date = ref
        return self

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (Pipeline.from_json, (self.to_json(),))

    def __repr__(self) -> str:
        ref = self._core.reference_date
        return (
            f"Pipeline(gazetteer={self._core.gazetteer!r}, reference_date={ref!r}, "
            f"n_threads={self._core.n_threads!r})"
        )


class Offsets(NamedTuple):
    """Token and sentence offsets of a batch (:meth:`Pipeline.offsets`)."""

    #: ``(n_tokens, 2)`` int64: ``(start, end)`` str indices within each text.
    tokens: np.ndarray
    #: ``(n_texts + 1,)`` int64: where each text's tokens start in ``tokens``.
    token_bounds: np.ndarray
    #: ``(n_tokens,)`` bool: whether whitespace follows each token.
    space_after: np.ndarray
    #: ``(n_sentences, 2)`` int64: ``(start, end)`` str indices within each text.
    sentences: np.ndarray
    #: ``(n_texts + 1,)`` int64: where each text's sentences start in ``sentences``.
    sentence_bounds: np.ndarray

    def doc(self, i: int) -> tuple[np.ndarray, np.ndarray]:
        """The token and sentence offsets of text ``i`` (views, no copy)."""
        n = len(self.token_bounds) - 1
        if not -n <= i < n:
            raise IndexError(f"text index {i} out of range for {n} texts")
        i %= n
        t0, t1 = self.token_bounds[i], self.token_bounds[i + 1]
        s0, s1 = self.sentence_bounds[i], self.sentence_bounds[i + 1]
        return self.tokens[t0:t1], self.sentences[s0:s1]
