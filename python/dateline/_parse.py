"""``dateline.parse``: the time expression of one short string."""

from __future__ import annotations

from typing import Literal

from dateline import _core
from dateline._core import ParsedTime
from dateline._pipeline import DocumentType, ReferenceDate

__all__ = ["parse"]


def parse(
    text: str,
    *,
    reference_date: ReferenceDate = None,
    document_type: DocumentType = "auto",
    prefer: Literal["past", "future"] | None = None,
    date_order: Literal["mdy", "dmy"] | None = None,
    lang: str = "auto",
) -> ParsedTime | None:
    """The time expression of a short string ("yesterday", "March 5, 2026",
    "3:30 p.m. CET tomorrow"), or None if it has none.

    The string is read as the time expressions of a document are: the one
    covering most of it is returned (the first on a tie), with its TIMEX3
    type and value, its calendar interval, and Python ``date`` and
    ``datetime`` values. Relative expressions need ``reference_date``;
    without one they keep underspecified values (``XXXX-WXX-4``,
    ``PAST_REF``) and no ``date``. Today's date is never used. A call takes
    a few microseconds: the tokenizer and the tagger are built once per
    process.

    Parameters
    ----------
    text
        The string to read (a phrase or a sentence).
    reference_date
        The date relative expressions resolve against: a
        :class:`datetime.date` (or ``datetime``), an ISO string, or None.
    document_type
        ``"auto"``, ``"news"``, ``"narrative"`` or ``"colloquial"`` (see
        :class:`Pipeline`).
    prefer
        Which way a bare weekday or month leans when the text has no tense
        cue: ``"past"`` (the latest on or before the reference date),
        ``"future"`` (the first on or after it), or None (the document
        type's rule).
    date_order
        How numeric dates such as ``03/05/2026`` are read: ``"mdy"`` (5
        March), ``"dmy"`` (3 May), or None (the language's: month first in
        English, day first elsewhere).
    lang
        The language of ``text`` (``"en"``, ``"es"``, …; see
        :func:`dateline.languages`), or ``"auto"`` to identify it. Short
        strings are identified less surely than documents: give the language
        when you know it.

    Returns
    -------
    ParsedTime or None
        ``text``, ``start`` and ``end`` (str indices into ``text``),
        ``type``, ``value``, ``mod``, ``granularity``, ``zone``,
        ``interval``, ``date``, ``datetime`` and ``explain()``.

    Raises
    ------
    ValueError
        An unknown ``document_type``, ``prefer``, ``date_order`` or ``lang``, or an
        impossible ``reference_date``.

    Examples
    --------
    >>> import datetime, dateline
    >>> t = dateline.parse("yesterday", reference_date=datetime.date(2026, 3, 5))
    >>> t.type, t.value, t.date
    ('DATE', '2026-03-04', datetime.date(2026, 3, 4))
    >>> t = dateline.parse("We will meet in 3 weeks.", reference_date="2026-03-05")
    >>> t.text, t.value, t.granularity
    ('3 weeks', '2026-03-26', 'day')
    >>> dateline.parse("the train of 2026-03-06T14:30+01:00").datetime
    datetime.datetime(2026, 3, 6, 14, 30, tzinfo=datetime.timezone(datetime.timedelta(seconds=3600)))
    >>> dateline.parse("March 2026").interval
    (datetime.date(2026, 3, 1), datetime.date(2026, 4, 1))
    >>> print(dateline.parse("no date here"))
    None
    >>> dateline.parse("hace tres días", reference_date="2026-03-05", lang="es").value
    '2026-03-02'
    """
    return _core.parse(text, reference_date, document_type, prefer, date_order, lang)
