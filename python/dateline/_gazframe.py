"""Gazetteer records from a pandas or polars DataFrame (used by
``Gazetteer.from_dataframe``) and :class:`GazetteerBuilder`."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from dateline._core import Gazetteer
from dateline._frames import _is_missing as _missing

__all__ = ["GazetteerBuilder", "records"]


def _plain(v: Any) -> Any:
    """numpy scalars and arrays as Python values."""
    if hasattr(v, "tolist") and not isinstance(v, (str, bytes)):
        return v.tolist()
    return v


def records(
    frame: Any,
    *,
    name: str,
    label: str,
    id: str | None,
    aliases: str | None,
    case: str | None,
    attributes: Sequence[str] | None,
) -> Iterator[dict[str, Any]]:
    """The rows of ``frame`` as ``Gazetteer.from_records`` records; the
    keywords name the columns (``from_dataframe``'s ``*_column`` keywords)."""
    mod = type(frame).__module__.split(".")[0]
    if mod not in ("pandas", "polars") or not hasattr(frame, "columns"):
        raise TypeError(f"frame must be a pandas or polars DataFrame, not {type(frame).__name__}")
    cols = list(frame.columns)
    for what, c in (("name", name), ("label", label)):
        if c not in cols:
            raise KeyError(f"{what} column {c!r} is not in the frame (columns: {cols})")
    fixed = {name, label, id, aliases, case}
    attrs = [c for c in cols if c not in fixed] if attributes is None else list(attributes)
    for c in attrs:
        if c not in cols:
            raise KeyError(f"attribute column {c!r} is not in the frame (columns: {cols})")

    def column(c: str | None) -> list[Any] | None:
        if c is None or c not in cols:
            return None
        return frame[c].to_list() if mod == "polars" else frame[c].tolist()

    names, labels, ids, alias_col = column(name), column(label), column(id), column(aliases)
    cases = column(case)
    attr_cols = {c: column(c) for c in attrs}
    assert names is not None and labels is not None
    for i in range(len(names)):
        rec: dict[str, Any] = {"name": names[i], "label": labels[i]}
        if ids is not None and not _missing(ids[i]):
            rec["id"] = str(ids[i])
        if alias_col is not None:
            a = _plain(alias_col[i])
            if isinstance(a, str):
                rec["aliases"] = a  # split on "|" by from_records, as in every builder
            elif isinstance(a, (list, tuple)):
                rec["aliases"] = list(a)
            elif not _missing(a):
                raise TypeError(f"row {i}: aliases must be a list or a '|'-separated str, not {type(a).__name__}")
        if cases is not None and not _missing(cases[i]) and cases[i] != "":
            rec["case"] = str(cases[i])
        values = {}
        for c, vals in attr_cols.items():
            assert vals is not None
            v = _plain(vals[i])
            if not (not isinstance(v, (list, dict)) and _missing(v)):
                values[c] = v
        if values:
            rec["attributes"] = values
        yield rec


class GazetteerBuilder:
    """Collects entries one by one (or in bulk), then compiles them once.

    >>> from dateline import GazetteerBuilder
    >>> b = GazetteerBuilder()
    >>> b.add("Acme Corp", "ORG", id="acme", aliases=["Acme"], attributes={"ticker": "ACME"})
    >>> b.add_records([{"name": "Lima", "label": "LOC"}])
    >>> len(b)
    2
    >>> gaz = b.build()
    >>> [(e["name"], e["id"]) for e in gaz.entries()]
    [('Acme Corp', 'acme'), ('Lima', 'Lima')]
    """

    __slots__ = ("_records",)

    def __init__(self) -> None:
        self._records: list[dict[str, Any]] = []

    def __len__(self) -> int:
        return len(self._records)

    def add(
        self,
        name: str,
        label: str,
        *,
        id: str | None = None,
        aliases: Iterable[str] = (),
        attributes: Mapping[str, Any] | None = None,
        case: str | None = None,
    ) -> None:
        """Add one entry (checked when :meth:`build` compiles). ``case``:
        ``"exact"`` (only as written, not in all-caps text), ``"name"``
        (the common-word casing rule always applies) or ``"insensitive"`` (in
        any case; a name that is a common word still needs name casing)."""
        rec: dict[str, Any] = {"name": name, "label": label, "aliases": list(aliases)}
        if case is not None:
            rec["case"] = case
        if id is not None:
            rec["id"] = id
        if attributes:
            rec["attributes"] = dict(attributes)
        self._records.append(rec)

    def add_records(self, records: Iterable[Mapping[str, Any]]) -> None:
        """Add entries given as dicts (the keys of ``Gazetteer.from_records``)."""
        self._records.extend(dict(r) for r in records)

    def build(self, *, common_word_guard: bool = True, case_sensitive: bool = True, fold_accents: bool = False) -> Gazetteer:
        """Compile the entries added so far (the builder can go on growing)."""
        return Gazetteer.from_records(
            self._records, common_word_guard=common_word_guard, case_sensitive=case_sensitive, fold_accents=fold_accents
        )
