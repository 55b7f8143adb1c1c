"""Word lists for quote attribution in English news, read from the package's data files.

Every list is a file in `analysis/quotes/data/` (one entry a line, `#` comments; see the README
there for how each was built). All are general English news vocabulary; none is specific to one
article.
"""

from __future__ import annotations

import csv
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
NATIONALITY_FILE = DATA / "nationalities.csv"


def words(name: str) -> frozenset[str]:
    """The entries of data/<name>.txt (blank lines and `#` comments skipped)."""
    text = (DATA / f"{name}.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#"))


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def cue_forms() -> dict[str, str]:
    """Every form of every cue verb in data/cue_verbs.csv -> its lemma ("said" -> "say")."""
    forms: dict[str, str] = {}
    for row in _read_csv(DATA / "cue_verbs.csv"):
        lemma = row["lemma"]
        if row["base_form_is_cue"] == "yes":
            forms[lemma] = lemma
        for form in row["forms"].split():
            forms.setdefault(form, lemma)
    return forms


# Speech, writing and characterisation verbs: form -> lemma.
CUE_FORMS: dict[str, str] = cue_forms()
WEAK_CUES = words("weak_cues")
QUOTED_ONLY_CUES = words("quoted_only_cues")
THAT_CUES = words("that_cues")
OBJECT_CUES = words("object_cues")
AS_CUES = words("as_cues")
HEADLINE_CUES = words("headline_cues")
PARTICIPLE_CUES = words("participle_cues")
NEGATIONS = words("negations")
NOT_CLAUSE_AFTER = words("not_clause_after")
SPEECH_NOUNS = words("speech_nouns")
AUX_ADVERBS = words("aux_adverbs")
TIME_WORDS = words("time_words")

PRONOUNS = {
    "he": "male",
    "she": "female",
    "they": "plural",
    "it": "neuter",
    "we": "plural",
    "i": "self",
    "who": "relative",
    "his": "male",
    "her": "female",
    "their": "plural",
    "its": "neuter",
    "him": "male",
    "them": "plural",
}
DETERMINERS = words("determiners")
TITLE_WORDS = words("titles")
GOVERNMENT_TITLES = words("government_titles")
ORG_WORDS = words("organisation_words")
ORG_NOUNS = words("organisation_nouns")
DOCUMENT_NOUNS = words("document_nouns")
PUBLICATION_WORKS = words("publication_works")
MEDIA_WORDS = words("outlets")
PLATFORM_NAMES = words("platforms")  # as written: "YouTube", "X"
PLATFORMS = frozenset(p.lower() for p in PLATFORM_NAMES)
ANONYMOUS_NOUNS = words("anonymous_nouns")
NON_NAME_CAPS = words("non_name_caps")
NAME_PARTICLES = words("name_particles")
NAME_JOINERS = words("name_joiners")
NOT_SPEAKER_LABELS = words("not_speaker_labels")


def write_nationalities(path: Path = NATIONALITY_FILE) -> int:
    """Cache `analysis.countries.nationality_words()` as a CSV (word, country), so that the
    quote extractor starts without loading the country tables; returns the rows written.
    tests/test_quotes_lexicon.py checks the cache agrees with `analysis.countries`."""
    from ..countries import nationality_words

    rows = sorted(nationality_words().items())
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["word", "country"])
        writer.writerows(rows)
    return len(rows)


def read_nationalities(path: Path = NATIONALITY_FILE) -> dict[str, str]:
    """The cached nationality words (see `write_nationalities`)."""
    return {row["word"]: row["country"] for row in _read_csv(path)}


# Nationality adjectives and unambiguous country names -> country (from `analysis.countries`),
# plus the parts of countries that mark a person's side in titles (data/subnational.csv).
NATIONALITIES: dict[str, str] = read_nationalities() | read_nationalities(DATA / "subnational.csv")


def read_first_names(path: Path = DATA / "first_names.csv") -> dict[str, str]:
    """Lower-case first name -> "male" / "female" (data/first_names.csv, from gender-guesser)."""
    with path.open(encoding="utf-8") as fh:
        next(fh)
        return dict(line.rstrip("\n").split(",", 1) for line in fh)


FIRST_NAMES: dict[str, str] = read_first_names()
