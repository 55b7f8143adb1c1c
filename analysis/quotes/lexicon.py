"""Word lists for quote attribution in English news: cue verbs, titles, nationality adjectives.

All lists are general English news vocabulary; none is specific to one article.
"""
from __future__ import annotations

import csv
from pathlib import Path

# Speech, writing and characterisation verbs (lemma forms); inflections are generated below.
CUE_LEMMAS = """
say tell write add ask state note explain declare argue reply respond continue conclude insist
admit acknowledge claim warn urge call describe tweet post announce recall suggest promise pledge
vow praise herald label brand dub term emphasize emphasise stress elaborate quip joke muse reveal
read shout chant exclaim complain lament boast wonder predict caution counter retort concede
confirm blast slam criticize criticise accuse condemn denounce decry hail dismiss frame
characterize characterise portray position tout deride mock scoff sniff crow scold mutter whisper
recount report testify assert maintain contend observe remark point agree disagree deny allege
charge demand plead implore beg vouch affirm reiterate repeat assure reassure caution advise
answer begin open sing yell scream cry echo sigh laugh grumble fume seethe rail interject
press demur gush rave rant joke lash pronounce proclaim announce insist jest tease hint
sneer snap bark growl marvel recall summarize summarise clarify speculate estimate
bemoan imply
""".split()

_IRREGULAR = {
    "say": ["said", "says", "saying"], "tell": ["told", "tells", "telling"],
    "write": ["wrote", "writes", "writing", "written"], "read": ["read", "reads", "reading"],
    "begin": ["began", "begins", "beginning"], "sing": ["sang", "sings", "singing"],
    "cry": ["cried", "cries", "crying"], "reply": ["replied", "replies", "replying"],
    "testify": ["testified", "testifies", "testifying"], "deny": ["denied", "denies", "denying"],
    "plead": ["pleaded", "pleads", "pleading", "pled"], "quip": ["quipped", "quips", "quipping"],
    "label": ["labeled", "labelled", "labels", "labeling", "labelling"],
    "dub": ["dubbed", "dubs", "dubbing"], "scoff": ["scoffed", "scoffs", "scoffing"],
    "sniff": ["sniffed", "sniffs", "sniffing"], "counter": ["countered", "counters", "countering"],
    "echo": ["echoed", "echoes", "echoing"], "answer": ["answered", "answers", "answering"],
    "open": ["opened", "opens", "opening"], "rail": ["railed", "rails", "railing"],
    "frame": ["framed", "frames", "framing"], "position": ["positioned", "positions", "positioning"],
    "herald": ["heralded", "heralds", "heralding"], "mutter": ["muttered", "mutters", "muttering"],
    "whisper": ["whispered", "whispers", "whispering"], "remark": ["remarked", "remarks", "remarking"],
    "recount": ["recounted", "recounts", "recounting"], "report": ["reported", "reports", "reporting"],
    "point": ["pointed", "points", "pointing"], "post": ["posted", "posts", "posting"],
    "tweet": ["tweeted", "tweets", "tweeting"], "chant": ["chanted", "chants", "chanting"],
    "boast": ["boasted", "boasts", "boasting"], "lament": ["lamented", "laments", "lamenting"],
    "add": ["added", "adds", "adding"], "ask": ["asked", "asks", "asking"],
    "call": ["called", "calls", "calling"], "term": ["termed", "terms", "terming"],
    "stress": ["stressed", "stresses", "stressing"], "shout": ["shouted", "shouts", "shouting"],
    "claim": ["claimed", "claims", "claiming"], "warn": ["warned", "warns", "warning"],
    "yell": ["yelled", "yells", "yelling"], "scream": ["screamed", "screams", "screaming"],
    "laugh": ["laughed", "laughs", "laughing"], "sigh": ["sighed", "sighs", "sighing"],
    "mock": ["mocked", "mocks", "mocking"], "demand": ["demanded", "demands", "demanding"],
    "assert": ["asserted", "asserts", "asserting"], "affirm": ["affirmed", "affirms", "affirming"],
    "repeat": ["repeated", "repeats", "repeating"], "reveal": ["revealed", "reveals", "revealing"],
    "state": ["stated", "states", "stating"], "explain": ["explained", "explains", "explaining"],
    "maintain": ["maintained", "maintains", "maintaining"],
    "contend": ["contended", "contends", "contending"], "insist": ["insisted", "insists", "insisting"],
    "vouch": ["vouched", "vouches", "vouching"], "seethe": ["seethed", "seethes", "seething"],
    "grumble": ["grumbled", "grumbles", "grumbling"], "fume": ["fumed", "fumes", "fuming"],
    "press": ["pressed"], "joke": ["joked", "jokes", "joking"],
}


def _inflect(lemma: str) -> list[str]:
    """Past, third person and -ing forms of a regular verb."""
    if lemma in _IRREGULAR:
        return _IRREGULAR[lemma]
    if lemma.endswith("e"):
        return [lemma + "d", lemma + "s", lemma[:-1] + "ing"]
    if lemma.endswith("y"):
        return [lemma[:-1] + "ied", lemma[:-1] + "ies", lemma + "ing"]
    if lemma.endswith(("sh", "ch", "ss", "x")):
        return [lemma + "ed", lemma + "es", lemma + "ing"]
    return [lemma + "ed", lemma + "s", lemma + "ing"]


CUE_FORMS: dict[str, str] = {}
for _lemma in CUE_LEMMAS:
    if _lemma not in {"press", "point", "open", "post", "state", "report", "line"}:
        CUE_FORMS[_lemma] = _lemma
    for _form in _inflect(_lemma):
        CUE_FORMS.setdefault(_form, _lemma)

# Cue forms that are too ambiguous on their own (nouns, other senses) unless followed by
# "that", a colon, a quotation or an "as" frame: checked in attribute.py.
WEAK_CUES = {"state", "states", "post", "posts", "point", "points", "report", "reports", "open",
             "opens", "read", "charge", "counter", "answer", "call", "calls", "echo", "echoes",
             "position", "frame", "term", "terms", "begin", "repeat", "cry", "remarks", "demands",
             "claims", "warning", "opening", "reading", "beginning", "crying", "laugh", "sigh",
             "maintain", "chant", "mock", "tweets", "reports", "rail", "state", "agree", "answers"}

# Nouns naming what someone said: "his narrative of", "her words", "the group's slogan".
SPEECH_NOUNS = {
    "narrative", "slogan", "motto", "mantra", "words", "phrase", "promise", "pledge", "vow",
    "claim", "claims", "call", "calls", "message", "refrain", "catchphrase", "cry", "description",
    "assessment", "warning", "tweet", "post", "remarks", "remark", "comment", "comments", "quote",
    "rhetoric", "promises", "language", "label", "term", "nickname", "characterization",
    "characterisation", "vision", "line", "boast", "prediction", "insistence", "argument",
    "response", "reply", "answer", "reaction", "verdict", "view", "advice", "plea", "demand",
}

# Words that may sit between a subject and its cue verb.
AUX_ADVERBS = {
    "has", "have", "had", "also", "further", "later", "then", "again", "would", "will", "once",
    "previously", "recently", "repeatedly", "long", "never", "often", "publicly", "privately",
    "was", "is", "were", "are", "be", "been", "had", "did", "does", "do", "just", "only", "still",
    "even", "already", "ultimately", "finally", "simply", "flatly", "quickly", "immediately",
    "frequently", "subsequently", "initially", "originally", "first", "famously", "reportedly",
    "allegedly", "apparently", "earlier", "recently", "not", "may", "might", "could", "should",
    "can", "must", "went", "on", "to", "gone", "so", "personally", "directly", "angrily", "now",
}

PRONOUNS = {
    "he": "male", "she": "female", "they": "plural", "it": "neuter", "we": "plural", "i": "self",
    "who": "relative", "his": "male", "her": "female", "their": "plural", "its": "neuter",
    "him": "male", "them": "plural",
}

DETERMINERS = {
    "the", "a", "an", "one", "another", "this", "that", "these", "those", "his", "her", "their",
    "its", "our", "two", "three", "four", "several", "some", "many", "most", "other", "both",
    "each", "any", "few", "all", "various", "numerous", "multiple",
}

# Job titles and roles that precede or replace a name.
TITLE_WORDS = {
    "president", "vice", "prime", "minister", "secretary", "senator", "sen", "sen.", "rep.", "rep",
    "representative", "governor", "gov.", "gov", "mayor", "premier", "chancellor", "king", "queen",
    "prince", "princess", "ambassador", "envoy", "spokesperson", "spokesman", "spokeswoman",
    "spokespeople", "official", "officials", "chief", "head", "leader", "chair", "chairman",
    "chairwoman", "director", "executive", "ceo", "cfo", "founder", "co-founder", "coach",
    "manager", "commissioner", "judge", "justice", "attorney", "general", "lawyer", "counsel",
    "professor", "prof.", "dr.", "dr", "mr.", "mrs.", "ms.", "mr", "mrs", "ms", "miss", "sir",
    "dame", "lord", "lady", "rev.", "reverend", "pastor", "bishop", "archbishop", "cardinal",
    "pope", "imam", "rabbi", "sheikh", "captain", "capt.", "col.", "colonel", "lt.", "sgt.",
    "sergeant", "officer", "detective", "inspector", "superintendent", "constable", "analyst",
    "economist", "strategist", "adviser", "advisor", "aide", "candidate", "nominee", "speaker",
    "leader", "whip", "deputy", "assistant", "associate", "senior", "junior", "former", "acting",
    "interim", "foreign", "defense", "defence", "state", "press", "communications", "campaign",
    "national", "security", "special", "top", "regional", "provincial", "federal", "council",
    "councillor", "councilman", "councilwoman", "congressman", "congresswoman", "delegate",
    "member", "mp", "mla", "mpp", "treasurer", "auditor", "chancellor", "dean", "principal",
    "teacher", "researcher", "scientist", "doctor", "nurse", "physician", "author", "writer",
    "editor", "columnist", "reporter", "correspondent", "anchor", "host", "commentator",
    "activist", "organizer", "organiser", "volunteer", "resident", "owner", "partner",
    "player", "defenceman", "defenseman", "forward", "goalie", "goaltender", "quarterback",
    "pitcher", "striker", "midfielder", "captain", "rookie", "veteran", "star", "singer",
    "actor", "actress", "rapper", "comedian", "producer", "filmmaker", "artist", "mother",
    "father", "son", "daughter", "wife", "husband", "brother", "sister", "friend", "colleague",
    "student", "worker", "employee", "chief", "staff", "general", "vice-president", "pundit",
    "ex", "then", "current", "incoming", "outgoing", "lieutenant", "mr", "consultant",
    "pollster", "historian", "expert", "specialist", "negotiator", "diplomat", "representative",
    "administrator", "administration", "secretary-general", "director-general",
}

# Titles that make a nationality adjective mean "<Country> government".
GOVERNMENT_TITLES = {
    "president", "prime", "minister", "secretary", "ambassador", "envoy", "official", "officials",
    "government", "chancellor", "king", "queen", "foreign", "defense", "defence", "diplomat",
    "diplomats", "administration", "vice", "premier", "authorities", "ministry", "spokesperson",
    "spokesman", "spokeswoman", "embassy", "military", "army", "forces", "cabinet", "state",
    "negotiator", "negotiators", "leader", "leaders", "lawmakers", "senator", "officials",
}

# Head nouns of organisations.
ORG_WORDS = {
    "party", "council", "committee", "ministry", "department", "office", "agency", "company",
    "inc", "inc.", "corp", "corp.", "corporation", "association", "union", "federation",
    "university", "college", "court", "police", "forces", "army", "navy", "government",
    "campaign", "foundation", "institute", "center", "centre", "group", "commission", "board",
    "bank", "league", "authority", "authorities", "administration", "organization",
    "organisation", "coalition", "alliance", "movement", "network", "service", "services",
    "school", "hospital", "church", "diocese", "society", "fund", "trust", "club", "team",
    "house", "senate", "congress", "parliament", "assembly", "cabinet", "embassy", "bureau",
    "ltd", "ltd.", "llc", "co.", "industries", "airlines", "motors", "unit", "division",
    "secretariat", "caucus", "chamber", "nations", "pac", "force", "guard", "command",
    "tribunal", "clinic", "lab", "laboratory", "program", "project", "initiative", "fdi",
}

# Nouns for organisations used anaphorically: "the group said".
ORG_NOUNS = {
    "group", "organization", "organisation", "company", "firm", "party", "movement", "agency",
    "ministry", "department", "government", "administration", "campaign", "team", "club",
    "union", "association", "council", "committee", "office", "court", "network", "outlet",
    "coalition", "alliance", "board", "commission", "authority", "authorities", "militia",
    "faction", "regime", "embassy", "police", "military", "army", "foundation", "charity",
    "institute", "university", "bank", "diocese", "church", "district", "city", "province",
    "state", "county", "band", "nation", "league",
}

# Documents that can carry a quotation.
DOCUMENT_NOUNS = {
    "statement", "statements", "document", "documents", "report", "reports", "letter", "letters",
    "memo", "memorandum", "filing", "email", "emails", "release", "complaint", "lawsuit", "suit",
    "ruling", "decision", "study", "survey", "poll", "ad", "advertisement", "transcript",
    "indictment", "post", "tweet", "message", "notice", "order", "bill", "resolution",
    "declaration", "communique", "communiqué", "manifesto", "policy", "guidelines", "website",
    "platform", "petition", "affidavit", "motion", "brief", "opinion", "verdict", "judgment",
    "judgement", "sign", "banner", "placard", "plaque", "caption", "headline", "note", "text",
    "submission", "application", "proposal", "plan", "video", "footage", "recording", "book",
    "manual", "handbook", "warrant", "charter", "agreement", "treaty", "law", "constitution",
    "analysis", "editorial", "column", "op-ed", "article", "piece", "story", "essay", "review",
}

# Works of a publication: "an X analysis", "the X editorial" means the publication X speaks.
PUBLICATION_WORKS = {"analysis", "editorial", "column", "op-ed", "article", "piece", "story",
                     "essay", "review", "report", "investigation", "podcast", "newsletter",
                     "blog", "commentary", "opinion"}

# Words in a name that mark a news outlet.
MEDIA_WORDS = {
    "times", "post", "journal", "news", "herald", "tribune", "guardian", "telegraph", "gazette",
    "daily", "weekly", "magazine", "press", "wire", "radio", "tv", "television", "broadcasting",
    "network", "review", "observer", "chronicle", "examiner", "inquirer", "independent",
    "mail", "express", "mirror", "sun", "star", "globe", "monitor", "reporter", "insider",
    "politico", "axios", "reuters", "cnn", "bbc", "msnbc", "nbc", "abc", "cbs", "fox", "npr",
    "pbs", "ap", "afp", "bloomberg", "breitbart", "politifact", "vox", "slate", "atlantic",
    "economist", "forbes", "newsweek", "time", "hill", "buzzfeed", "huffpost", "cbc", "ctv",
    "jazeera", "mayadeen", "sputnik", "tass", "xinhua", "yonhap", "kyodo", "haaretz",
    "salon", "wired", "vice", "nation", "spectator", "standard", "today",
}

# Platforms where a statement can be published.
PLATFORMS = {
    "twitter", "facebook", "instagram", "telegram", "youtube", "tiktok", "x", "truth social",
    "linkedin", "reddit", "threads", "weibo", "whatsapp", "snapchat", "medium", "substack",
}

# Nouns of people who are not named: "a source said", "officials said".
ANONYMOUS_NOUNS = {
    "source", "sources", "official", "officials", "aide", "aides", "spokesperson", "spokesman",
    "spokeswoman", "person", "people", "insider", "insiders", "diplomat", "diplomats", "analyst",
    "analysts", "expert", "experts", "observer", "observers", "critic", "critics", "resident",
    "residents", "witness", "witnesses", "staffer", "staffers", "adviser", "advisers", "advisor",
    "advisors", "member", "members", "supporter", "supporters", "protester", "protesters",
    "voter", "voters", "lawmaker", "lawmakers", "executive", "executives", "officer", "officers",
    "worker", "workers", "citizen", "citizens", "participant", "participants", "student",
    "students", "leader", "leaders", "negotiator", "negotiators", "activist", "activists",
    "exile", "exiles", "questioner", "narrator", "caller", "reader", "readers", "user", "users",
    "organizer", "organizers", "fan", "fans", "delegate", "delegates", "employee", "employees",
    "doctor", "doctors", "scientist", "scientists", "researcher", "researchers",
}

# Nationality adjectives and unambiguous country names -> country, from the shared table
# `analysis.countries`, plus the parts of countries that mark a person's side in titles.
_SUBNATIONAL = {
    "English": "United Kingdom", "Scottish": "United Kingdom", "Welsh": "United Kingdom",
    "Korean": "Korea", "Ontario": "Canada", "Quebec": "Canada", "Alberta": "Canada",
}
DATA = Path(__file__).resolve().parent / "data"
NATIONALITY_FILE = DATA / "nationalities.csv"


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
    with path.open(encoding="utf-8", newline="") as fh:
        return {row["word"]: row["country"] for row in csv.DictReader(fh)}


NATIONALITIES: dict[str, str] = read_nationalities() | _SUBNATIONAL

# Words that are capitalised but do not start a name.
NON_NAME_CAPS = {
    "The", "A", "An", "In", "On", "At", "For", "But", "And", "Or", "If", "When", "While", "As",
    "After", "Before", "Since", "Yet", "So", "This", "That", "These", "Those", "It", "He", "She",
    "They", "We", "I", "You", "His", "Her", "Their", "Its", "Our", "My", "Your", "There", "Here",
    "What", "Who", "Why", "How", "Where", "Which", "Still", "Also", "However", "Meanwhile",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
    "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December", "Today", "Yesterday", "Tomorrow", "Last", "Next", "With", "Without",
    "By", "From", "To", "Of", "Over", "Under", "Despite", "Although", "Though", "Because",
    "Unlike", "Like", "According", "Asked", "Pressed", "Speaking", "During", "Then", "Now",
    "Even", "Just", "Only", "Once", "Some", "Many", "Most", "All", "Both", "Each", "Every",
    "Mr", "Mrs", "Ms", "Dr", "Mr.", "Mrs.", "Ms.", "Dr.", "Not", "No", "Yes", "Thank", "Please",
    "Among", "Amid", "Through", "Until", "Instead", "Other", "Another", "One", "Two", "Three",
    "Everyone", "Everybody", "Nobody", "Someone", "Somebody", "Anyone", "Nothing", "Everything",
}

NAME_PARTICLES = {"de", "van", "von", "der", "den", "bin", "ibn", "al", "el", "da", "di", "du",
                  "la", "le", "del", "dos", "das", "abu", "ben", "st.", "mac", "of"}

# Cue verbs taking an addressee before the reported clause ("told reporters that").
OBJECT_CUES = {"tell", "assure", "reassure", "warn", "remind", "inform", "advise", "urge",
               "promise", "ask", "caution", "convince", "persuade", "notify", "show", "teach"}

# Time words that may stand between a cue and its clause ("said Monday that").
TIME_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
              "today", "yesterday", "tonight", "week", "month", "year", "morning", "afternoon",
              "evening", "night", "weekend", "day", "days", "weeks", "months", "years", "ago",
              "january", "february", "march", "april", "may", "june", "july", "august",
              "september", "october", "november", "december", "jan", "feb", "aug", "sept",
              "oct", "nov", "dec"}

# Cue verbs too ambiguous for reported speech without quotation marks ("opened talks",
# "filed charges", "read the book"): they attribute only quoted words.
QUOTED_ONLY_CUES = {"open", "begin", "charge", "post", "read", "point", "press", "answer", "echo",
                    "frame", "position", "sing", "cry", "laugh", "sigh", "chant", "continue",
                    "add", "respond", "reply", "mock"}

# Verbs of belief and finding that attribute a "that" clause ("polls show that",
# "she believes that"): cues for reported speech only when "that" follows.
THAT_CUES = {"believe", "believes", "believed", "show", "shows", "showed", "shown", "indicate",
             "indicates", "indicated", "conclude", "concluded", "concludes", "signal", "signals",
             "signaled", "signalled", "project", "projects", "projected", "estimate",
             "estimates", "estimated", "determine", "determined", "rule", "ruled", "rules",
             "argue", "argues", "argued", "agree", "agrees", "agreed", "acknowledge",
             "acknowledged", "acknowledges", "insist", "insisted", "insists", "reveal",
             "reveals", "revealed", "suggest", "suggests", "suggested", "predict", "predicted",
             "predicts", "wrote", "writes", "respond", "responded", "responds", "reply",
             "replied", "replies"}

# Lowercase words inside a "Name:" speaker label ("Gov of Oklahoma:", "Obama to Asians:").
NAME_JOINERS = {"of", "at", "to", "for", "the", "on", "de", "van", "von", "and", "in"}

# Paragraph labels that are not speakers ("READ MORE: ...", "WATCH: ...").
NOT_SPEAKER_LABELS = {"read more", "watch", "update", "updated", "editor's note", "editor’s note",
                      "note", "photos", "photo", "video", "source", "correction", "related",
                      "listen", "see also", "also read", "more", "warning", "breaking",
                      "breaking news", "live", "full text", "abstract", "transcript", "q", "a",
                      "sources", "credit", "caption", "file", "story continues below",
                      "advertisement", "subscribe", "sign up", "follow", "contact", "email",
                      "twitter", "facebook", "instagram", "tags", "topics", "filed under",
                      "read", "click here", "here", "today", "tonight", "opinion", "analysis"}

# Cue verbs whose reported content follows "as" ("described the plan as a failure").
AS_CUES = {"describe", "characterize", "characterise", "portray", "label", "brand", "dub",
           "term", "frame", "cast", "depict", "hail", "tout", "herald", "dismiss", "denounce",
           "decry", "praise", "criticize", "criticise", "condemn", "slam", "blast", "deride",
           "mock", "position"}
