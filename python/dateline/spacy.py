"""dateline as a spaCy pipeline component (``pip install 'dateline[spacy]'``).

>>> import spacy
>>> nlp = spacy.blank("en")
>>> _ = nlp.add_pipe("dateline", config={"reference_date": "2026-03-05"})
>>> doc = nlp("Officials met in Caracas on Thursday.")
>>> [(e.text, e.label_, e.kb_id_) for e in doc.ents]
[('Caracas', 'LOC', 'geonames:3646738')]
>>> [(t.text, t.label_, t._.timex_value) for t in doc.spans["timexes"]]
[('Thursday', 'DATE', '2026-03-05')]

The factory is registered under the name ``"dateline"`` by the package's
``spacy_factories`` entry point, and also whenever this module is imported
(``import dateline.spacy``), so a source checkout works without reinstalling.

What the component writes
-------------------------
- ``doc.ents``: the entities (config ``entities_to="ents"``, the default), or
  the span group named by ``entities_to``; ``None`` writes them nowhere else
  than ``doc.spans["dateline"]``. ``doc.ents`` cannot hold overlapping spans,
  so the entities that go there are first reduced with
  :func:`spacy.util.filter_spans` (longest first) and, as spaCy's
  ``entity_ruler`` does, entities already in ``doc.ents`` win over a
  conflicting dateline entity unless ``overwrite_ents=True``. An entity left
  out of ``doc.ents`` is still in ``doc.spans["dateline"]``.
- ``doc.spans["dateline"]`` (config ``spans_key``): every entity, labelled
  with its label and with ``kb_id_`` its id.
- ``doc.spans["timexes"]`` (config ``timexes_key``): every time expression,
  labelled with its TIMEX3 type (``DATE``, ``TIME``, ``DURATION``, ``SET``).
- Span extensions (registered on import): ``entity_id``,
  ``entity_candidates`` (list of ``(label, id)``), ``entity_attributes``
  (dict), ``entity_rule``; ``timex_value``, ``timex_type``, ``timex_mod``,
  ``timex_freq``, ``timex_quant``, ``timex_begin`` and ``timex_end`` (the
  half-open interval as ISO strings), and ``timex_interval`` (read-only: the
  same as a ``(date, date)`` tuple, or None). All but ``timex_interval``
  are stored in ``doc.user_data`` as plain strings, lists and dicts, so
  ``doc.to_bytes()`` and ``DocBin(store_user_data=True)`` keep them.
- Doc extensions ``dateline_reference_date`` (ISO string or None),
  ``dateline_document_type``, ``dateline_lang``: what the document was
  analysed with. Set one before the component runs (a date or ISO string,
  ``"news"``, ``"es"``) to give that document its own value; None means the
  component's configuration. ``dateline_unaligned`` counts the spans that
  could not be mapped onto spaCy's tokens.

Offsets
-------
dateline finds its spans with its own tokenizer; each is mapped onto spaCy's
tokens with ``doc.char_span(start, end, alignment_mode=...)``. The default
``alignment_mode="expand"`` keeps every span, grown to the spaCy tokens it
touches (``U.S.`` inside spaCy's single token ``U.S.-backed`` becomes that
token); ``"contract"`` shrinks it to the tokens inside it and ``"strict"``
keeps only exact matches. A span that maps to no token is dropped and counted
in ``doc._.dateline_unaligned``. When two spans of a kind map onto the same
tokens, the first is kept.
"""

from __future__ import annotations

import datetime as _dt
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import srsly  # spaCy's serializer: these imports are absolute, so `spacy` is the spaCy package
from spacy.language import Language
from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Span
from spacy.util import filter_spans, minibatch

from dateline._core import Doc, Gazetteer
from dateline._pipeline import Pipeline
from dateline.exceptions import ConfigError

__all__ = ["DatelineComponent", "make_component"]

_GAZ_MAGIC = b"DLGAZ\0\0\0"  # the first bytes of a file written by Gazetteer.save
_GAZ_FILE = "gazetteer.dlgaz"
_ALIGNMENT_MODES = ("expand", "contract", "strict")

_SPAN_DATA = (
    "entity_id",
    "entity_candidates",
    "entity_attributes",
    "entity_rule",
    "timex_value",
    "timex_type",
    "timex_mod",
    "timex_freq",
    "timex_quant",
    "timex_begin",
    "timex_end",
)
_DOC_DATA = ("dateline_reference_date", "dateline_document_type", "dateline_lang", "dateline_unaligned")


def _interval(span: Span) -> tuple[_dt.date, _dt.date] | None:
    begin, end = span._.timex_begin, span._.timex_end
    if begin is None or end is None:
        return None
    return _dt.date.fromisoformat(begin), _dt.date.fromisoformat(end)


def _register_extensions() -> None:
    for name in _SPAN_DATA:
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)
    if not Span.has_extension("timex_interval"):
        Span.set_extension("timex_interval", getter=_interval)
    for name in _DOC_DATA:
        if not SpacyDoc.has_extension(name):
            SpacyDoc.set_extension(name, default=None)


_register_extensions()


def load_gazetteer(path: str | os.PathLike[str]) -> Gazetteer:
    """A gazetteer from ``path``: a file written by :meth:`Gazetteer.save`
    (recognised by its first bytes), else a TSV, CSV or JSONL list read with
    :meth:`Gazetteer.from_file`; ``"world"`` is the built-in list."""
    if os.fspath(path) == "world":
        return Gazetteer.world()
    with open(path, "rb") as fh:
        head = fh.read(len(_GAZ_MAGIC))
    if head == _GAZ_MAGIC:
        return Gazetteer.load(path)
    return Gazetteer.from_file(path)


class DatelineComponent:
    """The ``"dateline"`` spaCy component: a :class:`dateline.Pipeline` whose
    entities and time expressions become spans of the spaCy ``Doc`` (see the
    module documentation for where they go).

    Built by ``nlp.add_pipe("dateline", config={...})``; the config keys are
    the parameters of :func:`make_component`.
    """

    def __init__(
        self,
        nlp: Language | None,
        name: str = "dateline",
        *,
        gazetteer: str | None = None,
        reference_date: str | None = "detect",
        document_type: str = "auto",
        lang: str = "auto",
        date_order: str | None = None,
        overlaps: str = "longest",
        disable: Iterable[str] = (),
        name_rules: Iterable[str] = ("persons", "longer_names", "repeats"),
        entities_to: str | None = "ents",
        overwrite_ents: bool = False,
        spans_key: str = "dateline",
        timexes_key: str = "timexes",
        alignment_mode: str = "expand",
        n_threads: int | None = None,
    ) -> None:
        if alignment_mode not in _ALIGNMENT_MODES:
            raise ConfigError(f"alignment_mode must be one of {', '.join(map(repr, _ALIGNMENT_MODES))}, not {alignment_mode!r}")
        for key, value in (("spans_key", spans_key), ("timexes_key", timexes_key)):
            if not isinstance(value, str) or not value:
                raise ConfigError(f"{key} must be a non-empty str, not {value!r}")
        if entities_to is not None and (not isinstance(entities_to, str) or not entities_to):
            raise ConfigError(f"entities_to must be 'ents', a span group name or None, not {entities_to!r}")
        if gazetteer is not None and not isinstance(gazetteer, str | os.PathLike):
            raise ConfigError(f"gazetteer must be a path or None, not {type(gazetteer).__name__}")
        self.name = name
        self.entities_to = entities_to
        self.overwrite_ents = bool(overwrite_ents)
        self.spans_key = spans_key
        self.timexes_key = timexes_key
        self.alignment_mode = alignment_mode
        self._options: dict[str, Any] = {
            "reference_date": reference_date,
            "document_type": document_type,
            "lang": lang,
            "date_order": date_order,
            "overlaps": overlaps,
            "disable": list(disable),
            "name_rules": list(name_rules),
            "n_threads": n_threads,
        }
        # The options are checked now, on an empty list; a gazetteer file is
        # read when first needed, so that spacy.load() of a saved pipeline,
        # whose from_disk() brings the gazetteer, never looks for the file.
        Pipeline(gazetteer=Gazetteer.from_records([]), **self._options)
        self._gazetteer_path = None if gazetteer is None else os.fspath(gazetteer)
        self._custom: Gazetteer | None = None
        self._pipeline: Pipeline | None = None if self._gazetteer_path is not None else Pipeline(**self._options)

    # -- configuration ---------------------------------------------------
    @property
    def pipeline(self) -> Pipeline:
        """The :class:`dateline.Pipeline` doing the work."""
        if self._pipeline is None:
            assert self._gazetteer_path is not None
            self._custom = load_gazetteer(self._gazetteer_path)
            self._pipeline = Pipeline(gazetteer=self._custom, **self._options)
        return self._pipeline

    @property
    def gazetteer(self) -> Gazetteer:
        """The gazetteer in use."""
        return self.pipeline.gazetteer

    def set_gazetteer(self, gazetteer: Gazetteer | None) -> None:
        """Use ``gazetteer`` (None: the built-in world list) from now on. A
        gazetteer set here or read from the config's path is saved by
        ``nlp.to_disk`` and restored by ``spacy.load``."""
        if gazetteer is not None and not isinstance(gazetteer, Gazetteer):
            raise TypeError(f"gazetteer must be a dateline.Gazetteer or None, not {type(gazetteer).__name__}")
        self._pipeline = Pipeline(gazetteer=gazetteer, **self._options)
        self._custom = gazetteer

    # -- processing --------------------------------------------------------
    def __call__(self, doc: SpacyDoc) -> SpacyDoc:
        ref, dtype, lang = _doc_inputs(doc)
        self._apply(doc, self.pipeline(doc.text, reference_date=ref, document_type=dtype, lang=lang))
        return doc

    def pipe(self, stream: Iterable[SpacyDoc], *, batch_size: int = 128) -> Iterator[SpacyDoc]:
        """Annotate docs a batch at a time; each batch runs in parallel in Rust
        (:meth:`dateline.Pipeline.pipe`)."""
        nlp = self.pipeline
        for batch in minibatch(stream, size=batch_size):
            inputs = [_doc_inputs(doc) for doc in batch]
            analysed = nlp.pipe(
                [doc.text for doc in batch],
                reference_dates=[i[0] for i in inputs],
                document_types=[i[1] for i in inputs],
                langs=[i[2] for i in inputs],
                batch_size=max(len(batch), 1),
            )
            for doc, result in zip(batch, analysed, strict=True):
                self._apply(doc, result)
                yield doc

    def _apply(self, doc: SpacyDoc, result: Doc) -> None:
        unaligned = 0
        entities: list[Span] = []
        seen: set[tuple[int, int]] = set()
        for e in result.entities:
            span = doc.char_span(e.start, e.end, label=e.label, kb_id=e.id, alignment_mode=self.alignment_mode)
            if span is None or len(span) == 0:
                unaligned += 1
                continue
            if (span.start, span.end) in seen:
                continue
            seen.add((span.start, span.end))
            x = span._
            x.entity_id = e.id
            x.entity_candidates = [list(c) for c in e.candidates]
            x.entity_attributes = e.attributes
            x.entity_rule = e.rule
            entities.append(span)
        timexes: list[Span] = []
        seen.clear()
        for t in result.timexes:
            span = doc.char_span(t.start, t.end, label=t.type, alignment_mode=self.alignment_mode)
            if span is None or len(span) == 0:
                unaligned += 1
                continue
            if (span.start, span.end) in seen:
                continue
            seen.add((span.start, span.end))
            x = span._
            x.timex_value = t.value
            x.timex_type = t.type
            x.timex_mod = t.mod
            x.timex_freq = t.freq
            x.timex_quant = t.quant
            interval = t.interval
            x.timex_begin, x.timex_end = (None, None) if interval is None else (interval[0].isoformat(), interval[1].isoformat())
            timexes.append(span)
        doc.spans[self.spans_key] = entities
        doc.spans[self.timexes_key] = timexes
        if self.entities_to == "ents":
            doc.ents = _merge_ents(list(doc.ents), filter_spans(entities), self.overwrite_ents)
        elif self.entities_to is not None and self.entities_to != self.spans_key:
            doc.spans[self.entities_to] = entities
        ref = result.reference_date
        d = doc._
        d.dateline_reference_date = None if ref is None else ref.isoformat()
        d.dateline_document_type = result.document_type
        d.dateline_lang = result.lang
        d.dateline_unaligned = unaligned

    # -- serialization -------------------------------------------------------
    def _gazetteer_bytes(self) -> bytes | None:
        _ = self.pipeline  # a configured path is read now, so its list is saved
        return None if self._custom is None else self._custom.to_bytes()

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        """The component's data (its gazetteer when not the built-in one);
        the options are in the spaCy config."""
        return srsly.msgpack_dumps({"gazetteer": self._gazetteer_bytes()})

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> DatelineComponent:
        raw = srsly.msgpack_loads(data).get("gazetteer")
        self.set_gazetteer(None if raw is None else Gazetteer.from_bytes(raw))
        return self

    def to_disk(self, path: str | os.PathLike[str], *, exclude: Iterable[str] = ()) -> None:
        """Write the gazetteer (when not the built-in one) into the folder
        ``path``, with :meth:`Gazetteer.save`."""
        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / _GAZ_FILE
        if self._gazetteer_bytes() is not None:
            assert self._custom is not None
            self._custom.save(target)
        elif target.exists():
            target.unlink()

    def from_disk(self, path: str | os.PathLike[str], *, exclude: Iterable[str] = ()) -> DatelineComponent:
        target = Path(path) / _GAZ_FILE
        self.set_gazetteer(Gazetteer.load(target) if target.exists() else None)
        return self


def _doc_inputs(doc: SpacyDoc) -> tuple[Any, Any, Any]:
    d = doc._
    return d.dateline_reference_date, d.dateline_document_type, d.dateline_lang


def _merge_ents(existing: list[Span], new: list[Span], overwrite: bool) -> list[Span]:
    """``existing`` and ``new`` entities without overlaps: on a conflict the
    existing one wins unless ``overwrite``."""
    keep, add = (new, existing) if overwrite else (existing, new)
    taken = {i for span in keep for i in range(span.start, span.end)}
    out = list(keep)
    for span in add:
        if not any(i in taken for i in range(span.start, span.end)):
            out.append(span)
            taken.update(range(span.start, span.end))
    return sorted(out, key=lambda s: (s.start, s.end))


@Language.factory(
    "dateline",
    default_config={
        "gazetteer": None,
        "reference_date": "detect",
        "document_type": "auto",
        "lang": "auto",
        "date_order": None,
        "overlaps": "longest",
        "disable": [],
        "name_rules": ["persons", "longer_names", "repeats"],
        "entities_to": "ents",
        "overwrite_ents": False,
        "spans_key": "dateline",
        "timexes_key": "timexes",
        "alignment_mode": "expand",
        "n_threads": None,
    },
    assigns=["doc.ents", "doc.spans", "span._.entity_id", "span._.timex_value"],
)
def make_component(
    nlp: Language,
    name: str,
    gazetteer: str | None,
    reference_date: str | None,
    document_type: str,
    lang: str,
    date_order: str | None,
    overlaps: str,
    disable: list[str],
    name_rules: list[str],
    entities_to: str | None,
    overwrite_ents: bool,
    spans_key: str,
    timexes_key: str,
    alignment_mode: str,
    n_threads: int | None,
) -> DatelineComponent:
    """The ``"dateline"`` factory: ``nlp.add_pipe("dateline", config={...})``.

    ``gazetteer``: a path to a list (TSV, CSV, JSONL) or a file written by
    :meth:`dateline.Gazetteer.save`, ``"world"`` or None (the built-in world
    list); ``reference_date`` (``"detect"``, an ISO date, ``"none"``),
    ``document_type``, ``lang``, ``date_order``, ``overlaps``, ``disable``,
    ``name_rules`` and ``n_threads`` are the :class:`dateline.Pipeline`
    options; ``entities_to``, ``overwrite_ents``, ``spans_key``,
    ``timexes_key`` and ``alignment_mode`` say where the spans go (module
    documentation).
    """
    return DatelineComponent(
        nlp,
        name,
        gazetteer=gazetteer,
        reference_date=reference_date,
        document_type=document_type,
        lang=lang,
        date_order=date_order,
        overlaps=overlaps,
        disable=disable,
        name_rules=name_rules,
        entities_to=entities_to,
        overwrite_ents=overwrite_ents,
        spans_key=spans_key,
        timexes_key=timexes_key,
        alignment_mode=alignment_mode,
        n_threads=n_threads,
    )

