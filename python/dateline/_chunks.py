"""How :meth:`dateline.Pipeline.pipe` reads its inputs: texts in chunks
sized by count and by text, and the per-text options alongside them."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

_UNSET: object = object()


#: The most characters of text in one chunk of :meth:`Pipeline.pipe` (a
#: chunk also ends at ``batch_size`` texts): chunks sized by text, not by
#: count, keep the threads busy and the read-ahead small whatever the
#: documents' sizes.
_CHUNK_CHARS = 256 * 1024


def _take_chunk(texts: Iterator[str], batch_size: int) -> list[str]:
    """The next texts: up to ``batch_size`` of them and about
    :data:`_CHUNK_CHARS` characters."""
    chunk: list[str] = []
    size = 0
    for t in texts:
        chunk.append(t)
        if isinstance(t, str):
            size += len(t)
        if len(chunk) >= batch_size or size >= _CHUNK_CHARS:
            break
    return chunk


class _Aligned:
    """An iterable read alongside the texts, a chunk at a time, whose length
    must equal theirs (``reference_dates``, ``document_types``)."""

    __slots__ = ("_it", "_name")

    def __init__(self, name: str, items: Iterable[Any]) -> None:
        self._name = name
        self._it = iter(items)

    def take(self, n: int) -> list[Any]:
        chunk = list(islice(self._it, n))
        if len(chunk) != n:
            raise ValueError(f"{self._name} has fewer items than texts")
        return chunk

    def check_exhausted(self) -> None:
        if next(self._it, _UNSET) is not _UNSET:
            raise ValueError(f"{self._name} has more items than texts")
