"""Canonical speakers: names, speaker types and affiliations from the article text.

A speaker mention ("French President Jane Doe", "Doe", "she", "the statement", "Doe's
office", "U.S. officials") is resolved against the names the article itself introduces:
- a name resolves to the fullest earlier name ending with the same word ("Doe" ->
  "Jane Doe"), its title words give the affiliation ("French President" -> "France
  government", "Greenpeace spokesperson" -> "Greenpeace");
- pronouns and definite nominals ("the statement", "the group", "the official") resolve to
  the most recent fitting speaker;
- nominals without a name are anonymous sources, documents or publications.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .lexicon import (
    ANONYMOUS_NOUNS,
    DETERMINERS,
    DOCUMENT_NOUNS,
    FIRST_NAMES,
    GOVERNMENT_TITLES,
    MEDIA_WORDS,
    NATIONALITIES,
    NON_NAME_CAPS,
    ORG_NOUNS,
    ORG_WORDS,
    TITLE_WORDS,
)

WORD = re.compile(r"(?:[A-Za-z]\.){2,}|[\w][\w'\u2019.\-]*[\w]|\w")
_NAME_WORD = (
    r"(?:(?:Mr|Ms|Mrs|Dr|Jr|Sr|St|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Rev|Prof)\.|"
    r"(?:[A-Z]\.){1,3}(?![a-z])|[A-Z][\w\-]*(?:['\u2019][A-Z][\w\-]*)*(?:['\u2019]s?)?)"
)
NAME_RUN = re.compile(
    r"(?<![\w.])"
    + _NAME_WORD
    + r"(?:[ \t]+(?:(?:of|de|van|von|der|bin|al|el|da|di|du|la|le|del|abu|ibn|the)[ \t]+)?"
    + _NAME_WORD
    + r")*"
)


def _title_before(text: str, start: int) -> list[str]:
    """Title words right before a name ("Greenpeace spokesperson", "head coach"), if any is
    lowercase; else []."""
    if start < 2 or text[start - 1] not in " \t" or not text[start - 2].isalpha():
        return []
    before = text[max(0, start - 60) : start].split()
    out: list[str] = []
    for w in reversed(before[-5:]):
        if w.lower() in TITLE_WORDS and w.isalpha() or w[:1].isupper() and w[-1:].isalnum():
            out.append(w)
        else:
            break
    out.reverse()
    return out if any(w.islower() for w in out) else []


PUBLICATION_HEADS = {
    "analysis",
    "editorial",
    "column",
    "op-ed",
    "podcast",
    "newsletter",
    "blog",
    "commentary",
    "editorial board",
}
# works signed by one writer: "Jane Doe's column" is Jane Doe (an editorial is the outlet's)
PERSONAL_WORKS = PUBLICATION_HEADS - {"editorial", "editorial board"}
_POSSESSIVE_BEFORE_HEAD = re.compile(r"\w's?\s+\S+\s*$")
# heads of a possessive mention standing for the owner's staff ("Doe's office")
POSSESSIVE_HEADS = ORG_NOUNS | {
    "office",
    "campaign",
    "team",
    "staff",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "lawyer",
    "lawyers",
}
PRONOUN_MENTIONS = {"he", "she", "his", "her", "it", "its", "they", "their", "i", "we", "who"}
MALE = {"he", "his", "him"}
_NEXT_PRONOUN = re.compile(r"\b([Hh]e|[Hh]is|[Hh]im|[Ss]he|[Hh]er)\b")
FEMALE = {"she", "her"}
# "Long Organisation Name (LON)"
_ACRONYM = re.compile(
    r"((?:[A-Z][\w'\u2019&-]*,?\s+(?:(?:and|of|for|the|on|&)\s+)*){1,8})"
    r"\(([A-Z]{2,8})\)"
)
PRONOUN_REACH = 600  # characters before a "he"/"she" where its antecedent is looked for
INDEFINITE = {
    "a",
    "an",
    "some",
    "several",
    "one",
    "another",
    "two",
    "three",
    "four",
    "many",
    "few",
    "multiple",
    "numerous",
    "various",
    "other",
    "most",
}


def name_gender(name: str) -> str | None:
    """ "male" / "female" from a full name's first word when the first-name list is sure."""
    first = name.split()[0].lower() if name.split() else ""
    return FIRST_NAMES.get(first) if " " in name else None


def is_org_like(sp: Speaker) -> bool:
    """A speaker typed "person" only for want of an organisation word ("Acme Hydro",
    "Globex"): its first word is no first name (a gender guessed from nearby pronouns is
    not trusted here)."""
    words = sp.name.split()
    return sp.type == "person" and bool(words) and words[0].lower() not in FIRST_NAMES and words[0][:1].isupper()


@dataclass
class Speaker:
    """A resolved speaker: canonical name, type and affiliation."""

    name: str
    type: str  # person, organisation, anonymous, document, publication
    affiliation: str | None = None
    gender: str | None = None
    aliases: set[str] = field(default_factory=set)


def _strip_possessive(s: str) -> str:
    return re.sub(r"['\u2019]s?$", "", s)


def _words(s: str) -> list[str]:
    return WORD.findall(s)


def _caps(words: list[str]) -> list[str]:
    """The capitalised words of a mention that can belong to a name."""
    return [w for w in words if w[:1].isupper() and w not in NON_NAME_CAPS]


def _clean_mention(mention: str) -> str:
    """A mention without parentheses, text after a comma, or a trailing "of/from X" that is
    not part of a title ("Smith of the agency" -> "Smith"; "Minister of Finance" stays)."""
    clean = re.sub(r"\([^)]*\)?", " ", mention.replace("\u2019", "'"))
    clean = re.split(r",", clean)[0]
    if re.search(r"[A-Z]\w+\s+(?:of|from|in|at)\s+(?:the\s+)?[A-Z]", clean) and not re.match(
        r"^(?:the\s+)?(?:[A-Z][\w.]*\s+)?(?:Secretary|Minister|Head|Director|Chief|"
        r"Governor|Mayor|President|Chairman|Leader|Speaker|Member)\b",
        clean,
        re.I,
    ):
        clean = re.split(r"\s+(?:of|from|in|at)\s+", clean)[0]
    return clean


def _is_nation(w: str) -> bool:
    return w in NATIONALITIES or w.rstrip(".") in NATIONALITIES


def split_title(words: list[str]) -> tuple[list[str], list[str]]:
    """(title words, name words) of a capitalised mention: the name is the trailing run of
    words that are neither titles nor nationalities."""
    k = len(words)
    while k > 0:
        w = words[k - 1]
        low = w.lower().rstrip(".")
        if (
            low in TITLE_WORDS
            or _is_nation(w)
            or w.lower() in DETERMINERS
            or not w[:1].isupper()
            and low not in {"de", "van", "von", "der", "bin", "al", "abu", "ibn", "da", "di", "la", "le"}
        ):
            break
        k -= 1
    return words[:k], words[k:]


def is_org_name(words: list[str]) -> bool:
    """An organisation name: has an organisation word or is a bare acronym."""
    if any(w.lower().rstrip(".") in ORG_WORDS and w[:1].isupper() for w in words):
        return True
    return len(words) == 1 and len(words[0]) >= 2 and words[0].isupper() and "." not in words[0]


def is_media_name(words: list[str]) -> bool:
    """A news outlet's name ("The New York Times", "Reuters"): ends with a media word."""
    words = [w for w in words if w != "The"]
    return (
        bool(words)
        and words[-1].lower() in MEDIA_WORDS
        and all(w[:1].isupper() and w.lower().rstrip(".") not in TITLE_WORDS for w in words)
    )


_ORG_AFTER = re.compile(
    r"\s*(?:,\s+(?:an?\s+|the\s+)?(?:[a-z][\w-]*\s+){0,4}?)?(?:of|for|with|at|from)\s+(?:the\s+)?"
    r"((?:[A-Z][\w&'\u2019.-]*)(?:\s+(?:of\s+|and\s+|for\s+|&\s+)?[A-Z][\w&'\u2019.-]*)*)"
)


def _organisation_after(text: str, end: int) -> str | None:
    """The organisation a person is introduced with after the name: "Jane Doe of the Green
    Party", "Jane Doe, a spokesperson for Acme Corp." (an organisation name only)."""
    m = _ORG_AFTER.match(text, end, end + 120)
    if m is None:
        return None
    words = m.group(1).split()
    while words and words[-1].lower().strip(".,") in {"and", "of", "for"}:
        words.pop()
    return " ".join(words) if words and is_org_name(words) else None


def affiliation_of(title: list[str], registry: Registry | None = None) -> str | None:
    """Affiliation implied by title words: nationality (+ government title), or an
    organisation named in the title ("Greenpeace spokesperson")."""
    lows = {w.lower().rstrip(".") for w in title}
    for w in title:
        if _is_nation(w):
            country = NATIONALITIES.get(w, NATIONALITIES.get(w.rstrip(".")))
            return f"{country} government" if lows & GOVERNMENT_TITLES else country
    orgs = [w for w in title if w[:1].isupper() and w.lower().rstrip(".") not in TITLE_WORDS and w not in NON_NAME_CAPS]
    if orgs:
        name = " ".join(orgs)
        if registry is not None:
            sp = registry.find_name(name)
            if sp is not None and sp.type == "organisation":
                return sp.affiliation or sp.name
        return name
    return None


class Registry:
    """Names the article introduces, in order, and the speakers resolved so far."""

    def __init__(self, text: str, extra: dict[str, dict] | None = None):
        self.text = text
        self.people: list[tuple[int, Speaker]] = []  # (offset, speaker)
        # indexes of `people` by last and first word of the name: (offset, speaker, words)
        self._by_last: dict[str, list[tuple[int, Speaker, int]]] = {}
        self._by_first: dict[str, list[tuple[int, Speaker, int]]] = {}
        self.by_name: dict[str, Speaker] = {}
        self.history: list[tuple[int, Speaker]] = []  # resolved quote speakers in order
        self.mentions: list[tuple[int, Speaker]] = []  # every person mention, in order
        self._by_id: dict[int, Speaker] = {}
        self.extra = extra or {}
        self._scan()

    def _scan(self) -> None:
        org_after = re.compile(
            r"\b(?:group|organi[sz]ation|company|party|movement|militia|"
            r"network|outlet|newspaper|firm|agency|union|faction)\s+$"
        )
        lower_words = set(re.findall(r"(?<![\w'\u2019])[a-z][a-z\-]+", self.text))
        tally: dict[int, list[int]] = {}
        for m in NAME_RUN.finditer(self.text):
            run = m.group()
            poss = re.search(r"['\u2019]s?\b", run)
            if poss:
                run = run[: poss.start()]
            words = _words(run)
            words = _title_before(self.text, m.start()) + words
            while words and words[0] in NON_NAME_CAPS and words[0] != "The":
                words = words[1:]
            if not words:
                continue
            title, name = split_title(words)
            if is_org_name(words) and words[-1].lower() in ORG_WORDS:
                title, name = [], [w for w in words if w != "The"]
            if not name:
                continue
            before = self.text[max(0, m.start() - 40) : m.start()]
            if is_media_name(words):
                self._add(m.start(), " ".join(w for w in words if w != "The"), "publication", "media")
            elif is_org_name(name) or org_after.search(before):
                nm = " ".join(name)
                self._add(m.start(), nm, "organisation", affiliation_of(title, self) or nm)
            elif len(name) >= 2 and not any(_is_nation(w) or w.lower() in lower_words for w in name):
                gender = None
                if words[0].rstrip(".") in {"Mr", "Sir", "Lord"}:
                    gender = "male"
                elif words[0].rstrip(".") in {"Mrs", "Ms", "Miss", "Dame", "Lady"}:
                    gender = "female"
                sp = self._add(
                    m.start(),
                    " ".join(name),
                    "person",
                    affiliation_of(title, self) or _organisation_after(self.text, m.end()),
                    gender,
                )
                self._mention(sp, m.start(), m.end(), tally)
            elif len(name) == 1:
                sp = self.find_name(name[0], m.start())
                if sp is not None and sp.type == "person":
                    if sp.affiliation is None and title:
                        sp.affiliation = affiliation_of(title, self)
                    self._mention(sp, m.start(), m.end(), tally)
        self._acronyms()
        for sp_id, (male, female) in tally.items():
            sp = self._by_id[sp_id]
            if sp.gender is None and male != female:
                sp.gender = "male" if male > female else "female"
        for name, info in self.extra.items():
            sp = self.by_name.get(name) or Speaker(name, info.get("type", "person"))
            sp.type = info.get("type", sp.type)
            sp.affiliation = info.get("affiliation", sp.affiliation)
            for alias in info.get("aliases", []):
                self.by_name[alias] = sp
            self.by_name[name] = sp
            if (0, sp) not in self.people:
                self._register(0, sp)

    def _acronyms(self) -> None:
        """ "Acme Refugee Services (ARS)": the acronym names the organisation spelled out
        before it, when its letters are the initials of the capitalised words."""
        for m in _ACRONYM.finditer(self.text):
            long, short = m.group(1).strip(" ,"), m.group(2)
            caps = [w for w in re.findall(r"[A-Za-z][\w'\u2019-]*", long) if w[:1].isupper()]
            while caps and "".join(w[0] for w in caps) != short and len(caps) > len(short):
                caps = caps[1:]
            if "".join(w[0] for w in caps) != short:
                continue
            full = long[long.index(caps[0]) :]
            sp = self.by_name.get(full)
            if sp is None or sp.type == "person":
                sp = Speaker(full, "organisation", full)
                self.by_name[full] = sp
                self._register(m.start(), sp)
            self.by_name[short] = sp

    def _mention(self, sp: Speaker, start: int, end: int, tally: dict[int, list[int]]) -> None:
        """Record a person mention and count the pronoun that follows it (he/his vs she/her)."""
        self.mentions.append((start, sp))
        self._by_id[id(sp)] = sp
        m = _NEXT_PRONOUN.search(self.text, end, end + 160)
        if m:
            counts = tally.setdefault(id(sp), [0, 0])
            counts[0 if m.group(1).lower() in MALE else 1] += 1

    def _register(self, offset: int, sp: Speaker) -> None:
        """Append a speaker to `people` and to the name indexes."""
        self.people.append((offset, sp))
        words = sp.name.split()
        if words:
            self._by_last.setdefault(words[-1], []).append((offset, sp, len(words)))
            self._by_first.setdefault(words[0], []).append((offset, sp, len(words)))

    def _add(self, offset: int, name: str, type_: str, affiliation: str | None, gender: str | None = None) -> Speaker:
        sp = self.by_name.get(name)
        if gender is None and type_ == "person":
            gender = name_gender(name)
        if sp is None:
            sp = Speaker(name, type_, affiliation, gender)
            self.by_name[name] = sp
            self._register(offset, sp)
        else:
            sp.affiliation = sp.affiliation or affiliation
            sp.gender = sp.gender or gender
        return sp

    def find_name(self, name: str, offset: int | None = None) -> Speaker | None:
        """The registered speaker a name refers to: same full name, else same last word
        (latest before `offset`, else the first), else same first word."""
        if name in self.by_name:
            return self.by_name[name]
        words = name.split()
        if not words:
            return None
        last, first = words[-1], words[0]
        cands = [(o, sp) for o, sp, n in self._by_last.get(last, ()) if n > len(words)]
        if not cands and len(words) == 1:
            cands = [(o, sp) for o, sp, n in self._by_first.get(first, ()) if sp.type == "person"]
        if not cands:
            return None
        if offset is not None:
            before = [c for c in cands if c[0] <= offset]
            if before:
                return before[-1][1]
        return cands[0][1]

    # ------------------------------------------------------------------ resolution
    def resolve(self, mention: str, offset: int, kind: str, sentence: tuple[int, int] | None = None) -> Speaker:
        """Canonical speaker for a mention found at `offset`: the first rule that applies of
        pronoun, possessive ("Doe's office"), publication ("a Reuters analysis"), named
        ("President Doe"), nominal reference ("the statement", "the senator") and bare
        nominal ("two officials")."""
        low = mention.lower()
        if kind == "pronoun" or low in PRONOUN_MENTIONS:
            return self._pronoun(low, offset, sentence)
        clean = _clean_mention(mention)
        words = _words(clean)
        if not words:
            return Speaker(mention, "person")
        if (
            len(words) == 2 and words[0].lower() in {"his", "her"} and words[1].lower() in DOCUMENT_NOUNS
        ):  # "her statement": the person
            return self._pronoun(words[0].lower(), offset, sentence)
        return (
            self._possessive(words, offset)
            or self._publication(words, offset, clean)
            or self._named(words, offset)
            or self._nominal_reference(words, offset)
            or self._bare_nominal(words)
        )

    def _possessive(self, words: list[str], offset: int) -> Speaker | None:
        """ "Doe's office" (an organisation), "Doe's spokesperson" (an anonymous source)."""
        head = words[-1].lower()
        poss = [i for i, w in enumerate(words) if re.search(r"['\u2019]s?$", w) and w[:1].isupper()]
        if poss and head in DOCUMENT_NOUNS and head not in PUBLICATION_HEADS and poss[-1] == len(words) - 2:
            # "Doe's letter", "Doe's book": a person's own document is the person
            owner = self.find_name(_strip_possessive(words[-2]), offset)
            if owner is not None and owner.type == "person" and not is_org_like(owner):
                return owner
        if not poss or head not in POSSESSIVE_HEADS:
            return None
        owner_name = " ".join(_strip_possessive(w) for w in words[: poss[-1] + 1] if w.lower() not in DETERMINERS)
        owner = self.find_name(owner_name, offset) or Speaker(owner_name, "person")
        if head in ORG_NOUNS or head == "office":
            return Speaker(f"{head.capitalize()} of {owner.name}", "organisation", owner.affiliation)
        return Speaker(f"{owner.name} ({head})", "anonymous", owner.affiliation)

    def _publication(self, words: list[str], offset: int, clean: str) -> Speaker | None:
        """ "a Reuters analysis", "the Times' editorial": the publication; but a person's
        commentary, column or op-ed ("Jane Doe's column") is the person."""
        head = words[-1].lower()
        if head not in PUBLICATION_HEADS or not _caps(words):
            return None
        owner = [_strip_possessive(w) for w in words[:-1] if w.lower() not in DETERMINERS]
        if head in PERSONAL_WORKS and _POSSESSIVE_BEFORE_HEAD.search(clean) and self._is_person_name(owner, offset):
            return self._named(owner, offset)
        return Speaker(" ".join(owner), "publication", "media")

    def _is_person_name(self, words: list[str], offset: int) -> bool:
        """A registered person's name, or an unknown name of two or more capitalised words that
        is no outlet, organisation or nationality."""
        if not words or not all(w[:1].isupper() for w in words):
            return False
        known = self.find_name(" ".join(words), offset)
        if known is not None:
            return known.type == "person"
        return (
            len(words) >= 2
            and not is_media_name(words)
            and not is_org_name(words)
            and not any(_is_nation(w) for w in words)
        )

    def _named(self, words: list[str], offset: int) -> Speaker | None:
        """A capitalised mention: the registered speaker with that name (title words give the
        affiliation), a news outlet, or a new person or organisation."""
        if not (words[-1][:1].isupper() or words[-1].isupper()):
            return None
        title, name = split_title(words)
        if not name or len(name) == 1 and _is_nation(name[0]):
            return None
        full = " ".join(name)
        if is_media_name(words):
            return self.by_name.get(full) or Speaker(full, "publication", "media")
        sp = self.find_name(full, offset)
        if sp is None:
            type_ = "organisation" if is_org_name(name) else "person"
            sp = Speaker(
                full,
                type_,
                affiliation_of(title, self),
                name_gender(full) if type_ == "person" and len(name) > 1 else None,
            )
            self.by_name[full] = sp
            self._register(offset, sp)
        elif sp.affiliation is None and title:
            sp.affiliation = affiliation_of(title, self)
        return sp

    def _nominal_reference(self, words: list[str], offset: int) -> Speaker | None:
        """A definite nominal referring back: "the statement" (the latest speaker), "the
        group" (the latest organisation), "the senator" (the latest person with that title)."""
        head = words[-1].lower()
        first = words[0].lower()
        det = first in DETERMINERS
        caps = _caps(words)
        prev = None
        if det and len(words) <= 3 and head in DOCUMENT_NOUNS and not caps:
            prev = self._recent(offset, {"organisation", "person", "anonymous"})
        if prev is None and det and head in ORG_NOUNS and not caps and first in {"the", "this", "that"}:
            prev = (
                self._titled(head, offset, "organisation")
                or self._recent(offset, {"organisation"}, org_like=True)
                or self._nearest_org(offset)
            )
        if (
            prev is None
            and first in {"the", "this", "that"}
            and not caps
            and (head in TITLE_WORDS or head in ANONYMOUS_NOUNS)
            and not head.endswith("s")
        ):
            prev = self._titled(head, offset)
        return prev

    def _bare_nominal(self, words: list[str]) -> Speaker:
        """A nominal with no earlier referent: a document, anonymous source, organisation or
        person, with the affiliation its nationality or organisation words give."""
        head = words[-1].lower()
        det = words[0].lower() in DETERMINERS
        caps = _caps(words)
        bare = " ".join(words[1:] if det else words)
        nation = next((w for w in words if _is_nation(w)), None)
        aff = None
        if nation:
            aff = affiliation_of([nation] + [w for w in words if w.lower() in GOVERNMENT_TITLES])
        elif caps:
            orgs = [self.by_name.get(_strip_possessive(w)) for w in caps]
            orgs = [o for o in orgs if o is not None and o.type == "organisation"]
            aff = orgs[0].name if orgs else None
        if head in DOCUMENT_NOUNS:
            return Speaker(bare, "document", aff)
        if head in ANONYMOUS_NOUNS or head in TITLE_WORDS:
            # an indefinite source keeps its determiner: "an official", "some experts"
            named = " ".join(words) if words[0].lower() in INDEFINITE else bare
            return Speaker(f"{named} (anonymous)", "anonymous", aff)
        if head in ORG_NOUNS:
            return Speaker(bare, "organisation", aff)
        return Speaker(bare, "anonymous" if not caps else "person", aff)

    def _recent(self, offset: int, types: set[str], org_like: bool = False) -> Speaker | None:
        """The latest resolved speaker before `offset` of one of `types` (with `org_like`,
        also a "person" that may be an organisation: see `org_like`)."""
        for o, sp in reversed(self.history):
            if o < offset and (sp.type in types or org_like and is_org_like(sp)):
                return sp
        return None

    def _nearest_org(self, offset: int) -> Speaker | None:
        best = None
        for o, sp in self.people:
            if o < offset and sp.type == "organisation":
                best = sp
        return best

    def _titled(self, head: str, offset: int, type_: str = "person") -> Speaker | None:
        """Most recent person (or organisation) introduced with this title word ("the
        senator", "the group" for "the militant group X")."""
        for o, sp in reversed(self.people):
            if o < offset and sp.type == type_:
                if type_ != "person":  # "the rebel group X": the word right before the name
                    if re.search(r"\b" + re.escape(head) + r"\s+$", self.text[max(0, o - 40) : o], re.IGNORECASE):
                        return sp
                    continue
                window = self.text[max(0, o - 60) : o + len(sp.name) + 80].lower()
                if re.search(r"\b" + re.escape(head) + r"\b", window):
                    return sp
        return None

    def _pronoun(self, low: str, offset: int, sentence: tuple[int, int] | None) -> Speaker:
        if low in {"it", "its", "they", "their"}:
            sp = self._recent(
                offset, {"organisation", "anonymous", "document", "publication"}, org_like=low in {"it", "its"}
            )
            if sp is None:
                sp = self._nearest_org(offset)
            return sp or Speaker(low, "organisation")
        want = "male" if low in MALE else "female" if low in FEMALE else None
        if sentence is not None:
            seg = self.text[sentence[0] : offset]
            best = None
            for m in NAME_RUN.finditer(seg):
                words = _words(m.group())
                while words and words[0] in NON_NAME_CAPS:
                    words = words[1:]
                sp = self.find_name(" ".join(split_title(words)[1]) or "-", sentence[0] + m.start())
                if sp is not None and sp.type == "person" and (sp.gender in (None, want)):
                    best = sp
            if best is not None:
                return best
        # the latest speaker shortly before, when of the pronoun's gender
        for o, sp in reversed(self.history):
            if o < offset:
                if offset - o <= PRONOUN_REACH and sp.type == "person" and sp.gender in (None, want):
                    return sp
                break
        # the people mentioned shortly before: the one mentioned most often so far (the
        # story's protagonist) rather than a name in passing; the latest on a tie
        counts: dict[int, int] = {}
        near: list[Speaker] = []
        for o, sp in self.mentions:
            if o >= offset:
                break
            counts[id(sp)] = counts.get(id(sp), 0) + 1
            if offset - o <= PRONOUN_REACH and sp.gender in (None, want) and sp.type == "person":
                near = [x for x in near if x is not sp] + [sp]
        if want is not None and any(sp.gender == want for sp in near):
            near = [sp for sp in near if sp.gender == want]
        if near:
            return max(reversed(near), key=lambda sp: counts[id(sp)])
        for o, sp in reversed(self.mentions):
            if o < offset and sp.gender in (None, want):
                return sp
        for o, sp in reversed(self.history):
            if o < offset and sp.type == "person" and sp.gender in (None, want):
                return sp
        for o, sp in reversed(self.people):
            if o < offset and sp.type == "person" and sp.gender in (None, want):
                return sp
        return Speaker(low, "person")

    def remember(self, offset: int, sp: Speaker) -> None:
        """Record a resolved quote speaker (for later pronouns and nominals)."""
        self.history.append((offset, sp))
