"""Showing documents: :func:`render` for several :class:`~dateline.Doc` at once.

A single ``Doc`` shows itself in a notebook (``Doc._repr_html_``); this
module puts several together, and writes a standalone page.
"""

from __future__ import annotations

import html
import os
from collections.abc import Iterable

from dateline._core import Doc

__all__ = ["Rendered", "render"]


class Rendered:
    """HTML for one or more documents: displays itself in a notebook, is a
    ``str`` with ``str()``, and :meth:`save` writes a standalone page."""

    __slots__ = ("_html",)

    def __init__(self, body: str) -> None:
        self._html = body

    def _repr_html_(self) -> str:
        return self._html

    def __str__(self) -> str:
        return self._html

    def __repr__(self) -> str:
        return f"<dateline.Rendered: {len(self._html)} characters of HTML>"

    def page(self, title: str = "dateline") -> str:
        """A complete HTML document around the snippet."""
        return (
            "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
            f"<title>{html.escape(title)}</title></head>"
            f"<body style=\"margin: 16px; background: #ffffff;\">{self._html}</body></html>\n"
        )

    def save(self, path: str | os.PathLike[str], title: str = "dateline") -> None:
        """Write :meth:`page` to ``path`` (UTF-8)."""
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(self.page(title))


def render(docs: Doc | Iterable[Doc], *, limit: int | None = 100) -> Rendered:
    """HTML showing ``docs`` one under the other, highlights and badges as in
    ``Doc._repr_html_``; at most ``limit`` documents (None: all).

    >>> import dateline
    >>> nlp = dateline.Pipeline(reference_date="2026-03-05")
    >>> out = dateline.render(nlp.pipe(["Rain in Lima.", "Sun in Oslo on Friday."]))
    >>> str(out).count('class="dateline-doc"'), str(out).count("dateline-timex")
    (2, 1)
    """
    if isinstance(docs, Doc):
        docs = [docs]
    if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int) or limit < 0):
        raise ValueError(f"limit must be a non-negative int or None, not {limit!r}")
    parts: list[str] = []
    shown = 0
    extra = 0
    for d in docs:
        if not isinstance(d, Doc):
            raise TypeError(f"render takes dateline.Doc objects, not {type(d).__name__}")
        if limit is not None and shown >= limit:
            extra += 1
            continue
        parts.append(d._repr_html_())
        shown += 1
    body = '<div style="margin: 8px 0;"></div>'.join(parts)
    if extra:
        body += f'<div style="font-family: sans-serif; color: #666666;">… {extra} more not shown</div>'
    return Rendered(body)
