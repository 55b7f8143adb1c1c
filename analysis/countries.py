"""One table of countries for every module: names, short names, nationality adjectives, demonyms.

Plain data and small lookups; no parsing logic. Each line of `_TABLE` reads
`name | aliases | adjectives | demonyms`:

- name: the canonical name used in outputs ("United Arab Emirates");
- aliases: other names and short names ("UAE", "the Emirates"); a leading `~` marks a name that
  is also a common personal name or word ("Jordan", "Georgia") or a usual part of organisation
  names ("USA": Team USA, USA Today), so it is not taken as a nationality inside a name;
- adjectives: nationality adjectives ("Emirati", "British");
- demonyms: singular nouns for a person, when they differ from the adjectives ("Briton", "Turk");
  empty means the adjectives serve as nouns too ("an Emirati", "Emiratis").

Kinds: `country`, `bloc` (a union of countries that speaks as one, the European Union) and
`region` (a group of countries polled together, the Arab region).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

COUNTRY_COLUMNS = ["name", "kind", "aliases", "adjectives", "demonyms", "ambiguous"]

_TABLE = """
Afghanistan | | Afghan |
Albania | | Albanian |
Algeria | | Algerian |
Angola | | Angolan |
Argentina | | Argentine, Argentinian |
Armenia | | Armenian |
Australia | | Australian |
Austria | | Austrian |
Azerbaijan | | Azerbaijani, Azeri |
Bahrain | | Bahraini |
Bangladesh | | Bangladeshi |
Belarus | | Belarusian |
Belgium | | Belgian |
Benin | | Beninese |
Bolivia | | Bolivian |
Bosnia and Herzegovina | Bosnia | Bosnian |
Botswana | | Botswanan | Motswana
Brazil | | Brazilian |
Bulgaria | | Bulgarian |
Burkina Faso | | Burkinabe |
Burundi | | Burundian |
Cambodia | | Cambodian |
Cameroon | | Cameroonian |
Canada | | Canadian |
Central African Republic | CAR | Central African |
~Chad | | Chadian |
Chile | | Chilean |
China | People's Republic of China, PRC, mainland China | Chinese |
Colombia | | Colombian |
Costa Rica | | Costa Rican |
Croatia | | Croatian | Croat
Cuba | | Cuban |
Cyprus | | Cypriot |
Czech Republic | Czechia | Czech |
Democratic Republic of the Congo | DRC, DR Congo, Congo-Kinshasa | Congolese |
Denmark | | Danish | Dane
Dominican Republic | | Dominican |
Ecuador | | Ecuadorian |
Egypt | | Egyptian |
El Salvador | | Salvadoran |
Eritrea | | Eritrean |
Estonia | | Estonian |
Ethiopia | | Ethiopian |
Finland | | Finnish | Finn
France | | French | Frenchman, Frenchwoman
~Georgia | | Georgian |
Germany | | German |
Ghana | | Ghanaian |
Greece | | Greek |
Guatemala | | Guatemalan |
~Guinea | | Guinean |
Haiti | | Haitian |
Honduras | | Honduran |
Hungary | | Hungarian |
Iceland | | Icelandic | Icelander
India | | Indian |
Indonesia | | Indonesian |
Iran | Islamic Republic of Iran | Iranian |
Iraq | | Iraqi |
Ireland | Republic of Ireland | Irish | Irishman, Irishwoman
Israel | | Israeli |
Italy | | Italian |
Ivory Coast | Côte d'Ivoire, Cote d'Ivoire | Ivorian |
Jamaica | | Jamaican |
Japan | | Japanese |
~Jordan | | Jordanian |
Kazakhstan | | Kazakh, Kazakhstani |
Kenya | | Kenyan |
Kosovo | | Kosovar |
Kuwait | | Kuwaiti |
Kyrgyzstan | | Kyrgyz |
Laos | | Lao, Laotian |
Latvia | | Latvian |
Lebanon | | Lebanese |
Liberia | | Liberian |
Libya | | Libyan |
Lithuania | | Lithuanian |
Luxembourg | | Luxembourgish | Luxembourger
Madagascar | | Malagasy |
Malawi | | Malawian |
Malaysia | | Malaysian |
Mali | | Malian |
Malta | | Maltese |
Mauritania | | Mauritanian |
Mexico | | Mexican |
Moldova | | Moldovan |
Mongolia | | Mongolian |
Montenegro | | Montenegrin |
Morocco | | Moroccan |
Mozambique | | Mozambican |
Myanmar | Burma | Burmese |
Namibia | | Namibian |
Nepal | | Nepali, Nepalese |
Netherlands | ~Holland | Dutch | Dutchman, Dutchwoman
New Zealand | | New Zealand | New Zealander
Nicaragua | | Nicaraguan |
Niger | | Nigerien |
Nigeria | | Nigerian |
North Korea | DPRK | North Korean |
North Macedonia | Macedonia | Macedonian |
Norway | | Norwegian |
Oman | | Omani |
Pakistan | | Pakistani |
Palestine | Palestinian territories, West Bank and Gaza, State of Palestine | Palestinian |
Panama | | Panamanian |
Papua New Guinea | PNG | Papua New Guinean |
Paraguay | | Paraguayan |
Peru | | Peruvian |
Philippines | | Filipino, Philippine | Filipino, Filipina
Poland | | Polish | Pole
Portugal | | Portuguese |
Qatar | | Qatari |
Republic of the Congo | Congo-Brazzaville | |
Romania | | Romanian |
Russia | Russian Federation | Russian |
Rwanda | | Rwandan |
Saudi Arabia | Kingdom of Saudi Arabia, KSA | Saudi |
Senegal | | Senegalese |
Serbia | | Serbian | Serb
Sierra Leone | | Sierra Leonean |
Singapore | | Singaporean |
Slovakia | | Slovak |
Slovenia | | Slovenian | Slovene
Somalia | | Somali |
South Africa | | South African |
South Korea | Republic of Korea, ROK | South Korean |
South Sudan | | South Sudanese |
Spain | | Spanish | Spaniard
Sri Lanka | | Sri Lankan |
Sudan | | Sudanese |
Sweden | | Swedish | Swede
Switzerland | | Swiss |
Syria | | Syrian |
Taiwan | Republic of China | Taiwanese |
Tajikistan | | Tajik |
Tanzania | | Tanzanian |
Thailand | | Thai |
Togo | | Togolese |
Tunisia | | Tunisian |
Turkey | Türkiye | Turkish | Turk
Turkmenistan | | Turkmen |
Uganda | | Ugandan |
Ukraine | | Ukrainian |
United Arab Emirates | UAE, U.A.E., the Emirates | Emirati |
United Kingdom | UK, U.K., Britain, Great Britain | British | Briton, Brit
United States | US, U.S., ~USA, U.S.A., America, United States of America | American |
Uruguay | | Uruguayan |
Uzbekistan | | Uzbek |
Venezuela | | Venezuelan |
Vietnam | Viet Nam | Vietnamese |
Yemen | | Yemeni |
Zambia | | Zambian |
Zimbabwe | | Zimbabwean |
bloc: European Union | EU, E.U. | European |
region: Arab region | Arab world, Arab countries, Arab states | Arab |
"""


@dataclass(frozen=True)
class Country:
    """One row of the table: a country (or bloc, region) and the words that name it."""

    name: str
    kind: str
    aliases: tuple[str, ...]
    adjectives: tuple[str, ...]
    demonyms: tuple[str, ...]
    ambiguous: tuple[str, ...]  # names (canonical or alias) that are also personal names or words

    @property
    def names(self) -> tuple[str, ...]:
        """The canonical name and its aliases."""
        return (self.name,) + self.aliases

    @property
    def people(self) -> tuple[str, ...]:
        """Words for a person of the country: demonyms, else the adjectives."""
        return self.demonyms or self.adjectives


def _split(cell: str) -> tuple[str, ...]:
    return tuple(w.strip() for w in cell.split(",") if w.strip())


def _parse_line(line: str) -> Country:
    cells = [c.strip() for c in line.split("|")]
    if len(cells) != 4:
        raise ValueError(f"countries table: expected 4 cells in {line!r}")
    head, aliases, adjectives, demonyms = cells
    kind, _, name = head.rpartition(":") if ":" in head else ("country", "", head)
    names = (name.strip(),) + _split(aliases)
    ambiguous = tuple(n.lstrip("~") for n in names if n.startswith("~"))
    names = tuple(n.lstrip("~") for n in names)
    return Country(names[0], kind.strip() or "country", names[1:], _split(adjectives),
                   _split(demonyms), ambiguous)


@lru_cache(maxsize=1)
def countries() -> tuple[Country, ...]:
    """Every row of the table, in table order (alphabetical countries, then bloc and region)."""
    return tuple(_parse_line(line) for line in _TABLE.strip().splitlines() if line.strip())


def countries_table() -> pd.DataFrame:
    """The table as a DataFrame. Columns: name, kind (country, bloc, region), aliases,
    adjectives, demonyms (people nouns; the adjectives when empty), ambiguous (names that are
    also personal names or words); list cells are "; "-joined strings."""
    rows = [{"name": c.name, "kind": c.kind, "aliases": "; ".join(c.aliases),
             "adjectives": "; ".join(c.adjectives), "demonyms": "; ".join(c.demonyms),
             "ambiguous": "; ".join(c.ambiguous)} for c in countries()]
    return pd.DataFrame(rows, columns=COUNTRY_COLUMNS)


def region_names() -> frozenset[str]:
    """Canonical names of the rows that group several countries (blocs and regions)."""
    return frozenset(c.name for c in countries() if c.kind != "country")


@lru_cache(maxsize=1)
def lookup() -> dict[str, str]:
    """Every name, alias, adjective and demonym (lower case) -> canonical name."""
    out: dict[str, str] = {}
    for c in countries():
        for word in c.names + c.adjectives + c.demonyms:
            out.setdefault(word.lower(), c.name)
    return out


def canonical(word: str) -> str | None:
    """The canonical name for a name, adjective or demonym, singular or plural
    ("Canadians" -> "Canada", "UAE" -> "United Arab Emirates"); None if unknown."""
    key = word.strip().lower()
    table = lookup()
    if key in table:
        return table[key]
    for suffix, repl in (("es", ""), ("s", ""), ("men", "man"), ("women", "woman")):
        if key.endswith(suffix) and key[:-len(suffix)] + repl in table:
            return table[key[:-len(suffix)] + repl]
    return None


def plural_pattern(word: str) -> str:
    """Regex for a people word and its plural: Emirati(s), Frenchm(a|e)n; adjectives ending in
    -ese, -ish, -ch, -ss or -i(c) used as a whole people ("the Swiss") take no plural."""
    if word.endswith(("man", "woman")):
        return re.escape(word[:-2]) + "[ae]n"
    if word.endswith(("ese", "ish", "ch", "ss", "sh")):
        return re.escape(word)
    return re.escape(word) + "s?"


def nationality_words(kinds: tuple[str, ...] = ("country", "bloc")) -> dict[str, str]:
    """Adjectives and unambiguous names (original case) -> canonical name, for the rows of the
    given kinds: the words that mark a person's nationality in a title ("Canadian minister")."""
    out: dict[str, str] = {}
    for c in countries():
        if c.kind not in kinds:
            continue
        for word in c.adjectives + tuple(n for n in c.names if n not in c.ambiguous):
            out.setdefault(word, c.name)
    return out
