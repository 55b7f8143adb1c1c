"""Whether a poll question is about a claim's topic: lexicon topics first, content words otherwise.

The lexicon (`lexicon.TOPICS`) names a few topics with their families (relations with Israel).
A claim whose object matches none of them still gets a topic match, by its content words: the
words of four letters or more that are not English function words, with plurals folded
("the Oslo Accords" -> {oslo, accord}). A question containing all of them asks about the same
topic; one containing at least half of them a related one; otherwise a different one. This is a
coarse rule: it knows no synonyms and no word senses.
"""

from __future__ import annotations

import re

from . import lexicon as lx

TOPIC_FAMILIES: dict[str, str] = {key: family for key, _, _, family in lx.TOPICS}


def content_words(text: str) -> set[str]:
    """Lower-case words of four letters or more, not function words, plurals folded."""
    words = re.findall(r"[a-z]{4,}", (text or "").lower())
    return {_singular(w) for w in words if w not in lx.FUNCTION_WORDS}


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def coverage(words_of: str, text: str) -> float:
    """Share of the content words of `words_of` that occur in `text` (0 when it has none)."""
    words = content_words(words_of)
    return len(words & content_words(text)) / len(words) if words else 0.0


def topic_relation(claim_topic: str, claim_object: str, poll_topic: str, poll_family: str, question: str) -> str:
    """same, related or different: a poll question against a claim's topic.

    With a lexicon topic on the claim: the same topic, the same family (related) or different.
    Without one: the claim object's content words in the question, all (same), at least half
    (related) or fewer (different).
    """
    if claim_topic:
        if poll_topic == claim_topic:
            return "same"
        family = TOPIC_FAMILIES.get(claim_topic)
        return "related" if family and poll_family == family else "different"
    share = coverage(claim_object, question)
    if share == 1.0:
        return "same"
    return "related" if share >= 0.5 else "different"
