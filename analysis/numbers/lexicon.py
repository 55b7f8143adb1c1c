"""Word lists for numeric and dated mentions in English news text."""
from __future__ import annotations

from typing import NamedTuple

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
SCALES = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "bn": 1e9, "mn": 1e6, "mln": 1e6, "tn": 1e12, "k": 1e3, "m": 1e6, "b": 1e9,
}
# Abbreviated scales are only read after a currency sign ("$3bn", "£1.5m").
SHORT_SCALES = {"bn", "mn", "mln", "tn", "k", "m", "b"}

ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "hundredth": 100,
}
FRACTIONS = {
    "half": 50.0, "a third": 100 / 3, "one third": 100 / 3, "one-third": 100 / 3,
    "two-thirds": 200 / 3, "two thirds": 200 / 3, "a quarter": 25.0, "one quarter": 25.0,
    "one-quarter": 25.0, "three-quarters": 75.0, "three quarters": 75.0,
    "one in five": 20.0, "one in four": 25.0, "one in three": 100 / 3, "nine in ten": 90.0,
    "eight in ten": 80.0, "seven in ten": 70.0, "two in three": 200 / 3, "one in ten": 10.0,
}

CURRENCIES = {"$": "USD", "us$": "USD", "usd": "USD", "€": "EUR", "eur": "EUR", "£": "GBP",
              "gbp": "GBP", "¥": "JPY", "dollars": "USD", "dollar": "USD", "euros": "EUR",
              "euro": "EUR", "pounds": "GBP", "yen": "JPY"}

# Durations: unit word -> (base unit, factor).
TIME_UNITS = {
    "second": ("seconds", 1), "minute": ("minutes", 1), "hour": ("hours", 1),
    "day": ("days", 1), "week": ("weeks", 1), "month": ("months", 1), "year": ("years", 1),
    "decade": ("years", 10), "century": ("years", 100), "centurie": ("years", 100),
}

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
MONTH_ABBREVIATIONS = {"Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8,
                       "Sep": 9, "Sept": 9, "Oct": 10, "Nov": 11, "Dec": 12}
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

class Hedge(NamedTuple):
    """How a hedge word bounds the number after it.

    bound: approx, at_least or at_most (the reading of numbers and claims).
    sense: the finer reading of poll claims: about, over (more than X), at_least (X or more),
    nearly (at most X and not far below it, DESIGN.md) or under (at most X, any amount below).
    """

    bound: str
    sense: str


# Hedge words -> Hedge: the single table of hedges for numbers, claims and poll claims.
HEDGE_TABLE: dict[str, Hedge] = {
    "approximately": Hedge("approx", "about"), "about": Hedge("approx", "about"),
    "around": Hedge("approx", "about"), "roughly": Hedge("approx", "about"),
    "some": Hedge("approx", "about"), "an estimated": Hedge("approx", "about"),
    "an estimate of": Hedge("approx", "about"), "estimated": Hedge("approx", "about"),
    "close to": Hedge("approx", "about"), "circa": Hedge("approx", "about"),
    "~": Hedge("approx", "about"),
    "nearly": Hedge("at_most", "nearly"), "almost": Hedge("at_most", "nearly"),
    "just under": Hedge("at_most", "nearly"), "not quite": Hedge("at_most", "nearly"),
    "up to": Hedge("at_most", "under"), "as many as": Hedge("at_most", "under"),
    "as much as": Hedge("at_most", "under"), "less than": Hedge("at_most", "under"),
    "fewer than": Hedge("at_most", "under"), "under": Hedge("at_most", "under"),
    "below": Hedge("at_most", "under"), "at most": Hedge("at_most", "under"),
    "no more than": Hedge("at_most", "under"),
    "over": Hedge("at_least", "over"), "more than": Hedge("at_least", "over"),
    "above": Hedge("at_least", "over"), "upwards of": Hedge("at_least", "over"),
    "in excess of": Hedge("at_least", "over"), "just over": Hedge("at_least", "over"),
    "well over": Hedge("at_least", "over"), "a little over": Hedge("at_least", "over"),
    "slightly over": Hedge("at_least", "over"), "slightly more than": Hedge("at_least", "over"),
    "well above": Hedge("at_least", "over"), "at least": Hedge("at_least", "at_least"),
}
# Hedge words -> bound (approx, at_least, at_most), longest first when matched.
HEDGES: dict[str, str] = {word: hedge.bound for word, hedge in HEDGE_TABLE.items()}
# Temporal hedges before a duration that runs up to the present ("over the past three decades").
DURATION_LEADS = ("over the past", "over the last", "in the past", "in the last",
                  "for the past", "for the last", "during the past", "during the last")

# Nouns that say a count is of people.
PEOPLE_NOUNS = {
    "people", "persons", "person", "residents", "civilians", "lives", "hostages", "children",
    "women", "men", "soldiers", "troops", "workers", "voters", "migrants", "refugees",
    "patients", "deaths", "dead", "victims", "casualties", "citizens", "inhabitants",
    "palestinians", "israelis", "americans", "adults", "students", "employees", "fighters",
    "prisoners", "detainees", "individuals", "families", "households", "members", "protesters",
    "militants", "officers", "journalists", "staff", "passengers", "tourists", "visitors",
}
# Verbs right before a bare number that make it a count of people ("displaced nearly 2 million").
PEOPLE_VERBS = {"killed", "displaced", "injured", "wounded", "evacuated", "detained", "arrested",
                "employs", "employed", "affected", "hospitalized", "hospitalised", "abducted",
                "kidnapped", "killing", "displacing", "injuring"}
# Words before a number that make it a label, not a quantity ("Article 5", "Phase 3").
LABEL_WORDS = {"article", "section", "chapter", "title", "amendment", "route", "highway",
               "flight", "resolution", "room", "level", "phase", "category", "grade", "stage",
               "page", "vol", "no", "act", "rule", "number", "district", "precinct", "gate",
               "terminal", "platform", "channel", "episode", "season", "version", "model",
               "apartment", "suite", "unit", "box", "interstate", "row", "item", "part"}
# Capitalised names of securities that an 'N-year' right before them names, as a maturity that is
# part of the name ("the 10-year Treasury", "the 30-year Bund"), not a span of time.
SECURITY_NAMES = {"Treasury", "Treasuries", "T-note", "T-notes", "T-bond", "T-bonds", "Bund", "Bunds",
                  "Gilt", "Gilts", "JGB", "JGBs", "OAT", "OATs", "BTP", "BTPs", "TIPS", "Note", "Notes",
                  "Bond", "Bonds"}
