"""Built-in gazetteers."""

from __future__ import annotations

from dateline._core import Gazetteer

__all__ = ["world"]


def world() -> Gazetteer:
    """The built-in world gazetteer.

    Countries with the aliases used in news (``U.S.``, ``UK``, ``Britain``),
    capitals, cities of 15,000 people or more (case rule ``name``: a city
    called like a common word matches only where casing marks a name, and
    none inside a longer capitalised name), continents, world regions
    (``Middle East``), US states, and
    demonyms (``Venezuelan``, label ``NORP``, with the country's id). Ids are
    GeoNames ids (``geonames:3625428``). Contains data from GeoNames
    (geonames.org), CC BY 4.0.

    Examples
    --------
    >>> from dateline.gazetteers import world
    >>> len(world()) > 30000
    True
    """
    return Gazetteer.world()
