"""Who said each quotation: the speaker mention and cue found in the text around it.

Rules, in order, for one quotation (its sentence with all quotations masked):
1. right after the closing mark: `"...," said X` or `"...," X said` (inversions included);
2. before the opening mark: the nearest cue verb in the sentence and its subject (skipping
   adverbs and appositions); a participle cue (", adding that") takes the subject of the
   sentence's finite cue or of the main clause; "according to X"; "X's/his narrative of";
   else `"...," according to X` right after the closing mark;
3. a parenthetical "as X said" anywhere in the sentence, or a cue later in the sentence;
4. no cue in the sentence: an echo of an earlier quotation gets its first speaker; a
   quotation standing as its own sentence continues the previous speaker in the paragraph or
   the paragraph before (also "X said:" introducing it).
Mentions (pronouns, "the statement") are resolved to canonical speakers in `speakers.py`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import CUE_FORMS, DETERMINERS, PRONOUNS, SPEECH_NOUNS, WEAK_CUES
from .marks import QuotePair
from .phrases import SPEAKER_NOUNS, Phrase, phrase_after, phrase_before, plausible_speaker, skip_back, subject_before
from .text import TextModel
from .tokens import Token, is_name_token, tokenize

FINITE_RIGHT = re.compile(r"^\s*[,\u2014\u2013-]?\s*$")
FALLBACK_MIN_WORDS = 4
# Words that end a cue: "described X as", "told X that"; particles right after the verb.
CUE_ENDS = {"that", "as", "of", "for", "to", "about", "with", "on"}
CUE_PARTICLES = {"that", "as", "for", "of", "about"}
# Words that open an introductory phrase ending in a comma ("Earlier this week, ...").
INTRO_WORDS = {
    "in",
    "on",
    "at",
    "for",
    "after",
    "before",
    "yet",
    "but",
    "and",
    "however",
    "still",
    "meanwhile",
    "during",
    "with",
    "as",
    "while",
    "later",
    "since",
    "despite",
    "amid",
    "unlike",
    "like",
    "then",
    "so",
    "earlier",
    "last",
    "this",
    "next",
    "now",
    "today",
    "indeed",
    "instead",
    "nonetheless",
    "nevertheless",
    "moreover",
    "separately",
    "similarly",
    "also",
    "additionally",
    "again",
    "here",
    "there",
    "by",
    "from",
    "under",
    "through",
    "within",
    "without",
    "when",
    "if",
    "although",
    "though",
    "because",
    "even",
    "once",
    "until",
    "upon",
    "following",
    "overall",
    "finally",
    "first",
    "second",
    "ultimately",
    "besides",
    "thus",
    "otherwise",
    "speaking",
    "asked",
    "responding",
    "addressing",
    "writing",
    "according",
}
_DATELINE = re.compile(r"^[A-Z][A-Z .'\-]+(?:,[^\u2014\u2013\n]{0,40})?(?:\([^)]*\))?\s*[\u2014\u2013-]+\s*")


@dataclass
class Attribution:
    """The evidence for one quotation's speaker.

    `mention` is the speaker phrase as written (None when nothing was found), `rule` names the
    rule that found it; `cue` the cue words; `agent` a "reviewed by X" agent (a channel);
    `follows` the index of an earlier quotation whose speaker this one inherits (echo or
    continuation), resolved later.
    """

    mention: str | None = None
    mention_start: int | None = None
    mention_end: int | None = None
    mention_kind: str = ""
    cue: str | None = None
    rule: str = "none"
    agent: str | None = None
    follows: int | None = None
    sentence: tuple[int, int] = (0, 0)
    cue_end: int = 0
    relative: str | None = None  # "who" when the subject is a relative pronoun


def _is_cue(toks: list[Token], k: int) -> bool:
    """Whether token k is a cue verb used as a verb (not "a statement", "the call")."""
    t = toks[k]
    if t.kind != "W" or t.lower not in CUE_FORMS:
        return False
    prev = toks[k - 1].lower if k > 0 else ""
    if prev in DETERMINERS and prev not in {"that", "who"} or prev.endswith(("'s", "\u2019s")):
        return False
    if t.lower in WEAK_CUES:
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        if nxt is not None and not (
            nxt.lower in {"that", "as", "it", "for", ":"} or nxt.kind == "Q" or nxt.text == "," or len(toks) - k <= 6
        ):
            return False
    if t.is_cap and k > 0:
        return False
    return True


def _cue_text(text: str, toks: list[Token], k: int, end: int) -> str:
    """The cue verb with its particle ("stated that", "called for"), or with the words up to
    the quotation when they are few ("described the move as", "told the BBC that"); a
    "that" ends the cue (what follows it is the reported clause)."""
    words = []
    for t in toks[k:]:
        if t.kind != "W":
            break
        words.append(t)
    if len(words) > 1 and words[1].lower in CUE_PARTICLES:
        return text[words[0].start : words[1].end]
    if len(words) == len(toks) - k and len(words) <= 6:
        ends = [i for i, w in enumerate(words) if w.lower in CUE_ENDS]
        if ends:
            end = next((i for i in ends if words[i].lower == "that"), ends[-1])
            return text[words[0].start : words[end].end]
    return toks[k].text


def _right_attribution(text: str, toks: list[Token], ended: bool = False) -> Attribution | None:
    """`"...," said X` or `"...," X said` right after the closing mark. When the quotation
    ended its sentence (`ended`), only a short "X said." sentence counts."""
    att = _right_core(text, toks)
    if att is None or not ended:
        return att
    rest = [t for t in toks if t.start >= max(att.mention_end or 0, att.cue_end)]
    if not rest or rest[0].text in {".", ",", ":", ";"}:
        return att
    return None


def _right_core(text: str, toks: list[Token]) -> Attribution | None:
    i = 0
    while i < len(toks) and toks[i].text in {",", "\u2014", "\u2013", "-", "\u2015"}:
        i += 1
    if i > 0 and toks[i - 1].text in {"\u2014", "\u2015", "-", "\u2013"} and i < len(toks) and is_name_token(toks[i]):
        ph = phrase_after(text, toks, i)
        if ph is not None and ph.kind == "name":
            return _attr(ph, toks[i - 1].text, "dash")
    if i >= len(toks) or toks[i].kind != "W":
        return None
    if toks[i].lower in CUE_FORMS and toks[i].text.islower() and not toks[i].lower.endswith("ing"):
        k = i + 1
        while k < len(toks) and toks[k].lower in {"also", "then", "later", "again"}:
            k += 1
        ph = phrase_after(text, toks, k)
        if ph is not None:
            att = _attr(ph, text[toks[i].start : toks[i].end], "said-X")
            att.cue_end = toks[i].end
            return att
        return None
    # "X said": a phrase followed (within a few words) by a cue verb
    for k in range(i + 1, min(len(toks), i + 16)):
        t = toks[k]
        if t.kind == "Q" or t.text in {".", ";", "?", "!"} and not (k > 0 and toks[k - 1].is_cap):
            return None
        if t.kind == "W" and t.lower in CUE_FORMS and t.text.islower() and not t.lower.endswith("ing"):
            ph = subject_before(text, toks, k, lo=i)
            if ph is not None and ph.i == i:
                att = _attr(ph, t.text, "X-said")
                att.cue_end = t.end
                return att
            return None
    return None


def according_after(text: str, toks: list[Token]) -> Attribution | None:
    """`"...," according to X` right after the closing mark (a plausible speaker X)."""
    i = 0
    while i < len(toks) and toks[i].text == ",":
        i += 1
    if i + 2 < len(toks) and toks[i].lower == "according" and toks[i + 1].lower == "to":
        ph = phrase_after(text, toks, i + 2)
        if ph is not None and ph.kind == "pronoun" and ph.j < len(toks) and toks[ph.j].kind == "W":
            return None  # "according to one submission": not a pronoun
        if ph is not None and plausible_speaker(ph):
            att = _attr(ph, "according to", "according-to")
            att.cue_end = toks[i + 1].end
            return att
    return None


def _ends_sentence(text: str, p: QuotePair, right: list[Token]) -> bool:
    """The quotation ends with . and the next word is capitalised (a new sentence)."""
    content = text[p.start : p.end].rstrip()
    return content.endswith(".") and bool(right) and right[0].is_cap


def _attr(ph: Phrase, cue: str | None, rule: str) -> Attribution:
    return Attribution(ph.text, ph.start, ph.end, ph.kind, cue, rule)


def _main_subject(text: str, toks: list[Token], upto: int) -> Phrase | None:
    """Subject of the sentence's main clause: the first phrase after introductory phrases."""
    i = 0
    sent = text[toks[0].start : toks[upto - 1].end] if upto else ""
    m = _DATELINE.match(sent)
    if m:
        while i < upto and toks[i].start < toks[0].start + m.end():
            i += 1
    # skip introductory phrases ending in a comma: "In a post on X, ", "Yet, "
    first = toks[i] if i < upto else None
    if first is not None and (first.lower in INTRO_WORDS or first.lower.endswith("ly")):
        k = i
        while k < upto and toks[k].text != ",":
            k += 1
        if k < upto:
            i = k + 1
    j = i
    while (
        j < upto
        and toks[j].kind == "W"
        and not (
            toks[j].text.islower()
            and (
                toks[j].lower.endswith("ed")
                or toks[j].lower in CUE_FORMS
                or toks[j].lower in {"is", "are", "was", "were", "has", "have", "had", "will", "would"}
            )
        )
    ):
        j += 1
    if j == i or j >= upto:
        return None
    ph = phrase_before(text, toks, skip_back(toks, j, i))
    return ph if ph is not None and ph.i >= i else None


def _left_attribution(text: str, toks: list[Token]) -> Attribution | None:
    """Nearest cue before the quotation in its sentence, and its subject: a possessive speech
    noun right before it, "X:", else the nearest cue verb (or "according to") that yields a
    speaker, scanning leftwards."""
    att = _possessive_noun(text, toks) or _colon_intro(text, toks)
    if att is not None:
        return att
    for k in range(len(toks) - 1, -1, -1):
        att = _left_cue(text, toks, k)
        if att is not None:
            return att
    return None


def _possessive_noun(text: str, toks: list[Token]) -> Attribution | None:
    """ "his narrative of", "Smith's slogan:" right before the quotation."""
    n = len(toks)
    for back in range(1, 4):
        k = n - back
        if k < 0:
            break
        if toks[k].lower not in SPEECH_NOUNS or k == 0:
            continue
        owner = toks[k - 1]
        if (
            k > 1
            and toks[k - 1].kind == "W"
            and toks[k - 1].text.islower()
            and toks[k - 1].lower not in PRONOUNS
            and toks[k - 1].lower not in DETERMINERS
        ):
            owner = toks[k - 2]  # "her campaign slogan"
        if owner.lower in {"his", "her", "their", "its"}:
            return Attribution(
                owner.text, owner.start, owner.end, "pronoun", text[toks[k].start : toks[n - 1].end], "possessive"
            )
        if owner.text.endswith(("'s", "\u2019s")) and owner.is_cap:
            name = owner.text[:-2]
            return Attribution(name, owner.start, owner.start + len(name), "name", toks[k].text, "possessive")
    return None


def _colon_intro(text: str, toks: list[Token]) -> Attribution | None:
    """A name and a colon right before the quotation ("Jane Doe: ")."""
    n = len(toks)
    if (
        n >= 2
        and toks[-1].text == ":"
        and is_name_token(toks[-2])
        and (n == 2 or toks[-3].kind != "W" or is_name_token(toks[-3]))
    ):
        ph = phrase_before(text, toks, n - 1)
        if ph is not None and ph.kind == "name" and (ph.i == 0 or toks[ph.i - 1].kind != "W"):
            return _attr(ph, ":", "colon")
    return None


def _left_cue(text: str, toks: list[Token], k: int) -> Attribution | None:
    """The attribution given by token k before the quotation, if it is a cue with a speaker:
    "according to X", "Said X", a participle, a passive "called by X" or a subject and verb."""
    t = toks[k]
    if t.lower == "to" and k > 0 and toks[k - 1].lower == "according":
        ph = phrase_after(text, toks, k + 1)
        return _attr(ph, "according to", "according-to") if ph is not None else None
    if not _is_cue(toks, k):
        return None
    low = t.lower
    if k == 0 and t.is_cap and not low.endswith("ing"):
        ph = phrase_after(text, toks, 1)  # "Said X, who ...: "
        if ph is not None and plausible_speaker(ph):
            return _attr(ph, t.text, "said-X")
    if low.endswith("ing") and (k == 0 or toks[k - 1].text in {",", "\u2014", "and"}):
        return _participle(text, toks, k)
    if low.endswith("ed") and k + 1 < len(toks) and toks[k + 1].lower == "by":
        ph = phrase_after(text, toks, k + 2)
        if ph is not None:
            return _attr(ph, t.text + " by", "passive")
    return _subject_cue(text, toks, k)


def _participle(text: str, toks: list[Token], k: int) -> Attribution | None:
    """A participle cue (", adding that"): the subject of the sentence's last finite cue
    before it, else of the main clause."""
    cue = _cue_text(text, toks, k, toks[-1].start)
    for k2 in range(k - 1, -1, -1):
        if _is_cue(toks, k2) and not toks[k2].lower.endswith("ing"):
            ph = subject_before(text, toks, k2)
            if ph is not None:
                return _with_agent(text, toks, _attr(ph, cue, "participle"), ph)
            break
    ph = _main_subject(text, toks, k)
    return _attr(ph, cue, "participle-main") if ph is not None else None


def _subject_cue(text: str, toks: list[Token], k: int) -> Attribution | None:
    """The subject of the cue verb at k (or of an outer cue, "X said Y called it"); for an
    -ing cue or a verb with no subject ("was described"), the main clause's subject."""
    ph = subject_before(text, toks, k)
    if plausible_speaker(ph):
        outer = _outer_source(text, toks, ph.i)
        if outer is not None:
            return outer
        att = _attr(ph, _cue_text(text, toks, k, toks[-1].start), "subject-cue")
        j = skip_back(toks, k)
        if j > 0 and toks[j - 1].lower == "who":
            att.relative = toks[j - 1].text
        return _with_agent(text, toks, att, ph)
    if toks[k].lower.endswith("ing") or ph is None and toks[k - 1].lower in {"is", "was", "by"}:
        ph = _main_subject(text, toks, k)
        if plausible_speaker(ph):
            return _attr(ph, _cue_text(text, toks, k, toks[-1].start), "participle-main")
    return None


def _outer_source(text: str, toks: list[Token], i: int) -> Attribution | None:
    """Reported speech inside reported speech ("X said [that] Y called it ..."): the outer
    speaker, whose cue verb stands right before the inner subject (or before "that")."""
    k = i - 1
    if k >= 0 and toks[k].lower == "that":
        k -= 1
    if k < 1 or not _is_cue(toks, k) or toks[k].lower.endswith("ing"):
        return None
    ph = subject_before(text, toks, k)
    if ph is None or ph.kind == "pronoun" and ph.text.lower() in {"who", "which", "that"} or not plausible_speaker(ph):
        return None
    return _with_agent(text, toks, _attr(ph, toks[k].text, "outer-cue"), ph)


def _with_agent(text: str, toks: list[Token], att: Attribution, ph: Phrase) -> Attribution:
    if "+agent:" in ph.kind:
        i = int(ph.kind.split(":")[1])
        agent = phrase_after(text, toks, i)
        if agent is not None:
            att.agent = re.sub(r"^the\s+", "", agent.text, flags=re.I)
        att.mention_kind = ph.kind.split("+")[0]
    return att


def _parenthetical(text: str, toks: list[Token]) -> Attribution | None:
    """ "as X said" anywhere in the sentence."""
    for k, t in enumerate(toks):
        if t.lower == "as" and k + 2 < len(toks):
            for v in range(k + 2, min(len(toks), k + 10)):
                if toks[v].kind != "W":
                    break
                if _is_cue(toks, v) or toks[v].lower in CUE_FORMS and toks[v].text.islower():
                    ph = subject_before(text, toks, v, lo=k + 1)
                    if ph is not None:
                        return _attr(ph, toks[v].text, "as-X-said")
                    break
    return None


def attribute(text: str, masked: str, pairs: list[QuotePair], model: TextModel) -> list[Attribution]:
    """One Attribution per quotation pair (same order); `model` holds the masked text's
    paragraphs and sentences."""
    out: list[Attribution] = []
    paragraphs = model.paragraphs
    para_of = model.paragraph_of
    for qi, p in enumerate(pairs):
        pi = para_of(p.open_mark)
        pstart, _ = paragraphs[pi]
        close = p.close_mark if p.close_mark is not None else p.end
        pend = paragraphs[para_of(close)][1]
        s0 = model.sentence_start(pstart, p.open_mark)
        # an "unclosed" quotation ends at a comma before its cue: the cue follows it
        after = close + 1 if p.close_mark is not None else p.end
        ended = p.close_mark is not None or p.kind == "unclosed"
        s1 = model.sentence_end(after, pend) if ended else close
        left = model.tokens(s0, p.open_mark)
        right = model.tokens(after, s1)
        att = None
        if ended:
            att = _right_attribution(text, right, _ends_sentence(text, p, right))
        if att is None:
            att = _left_attribution(text, left) if left else None
        if att is None and ended:
            att = according_after(text, right)
        if att is not None and att.rule in {"said-X", "X-said", "subject-cue"}:
            att = _according_to(text, right) or att
        sent_toks = left + [Token("_", p.open_mark, close + 1, "Q")] + right
        if att is None:
            att = _parenthetical(text, sent_toks)
        if att is None and right:
            att = _later_cue(text, right)
        if att is None:
            follows = _inherit(text, masked, pairs, qi, out, left, model, pi)
            if isinstance(follows, Attribution):
                att = follows
            else:
                att = Attribution(rule="none", follows=follows)
                if follows is not None:
                    att.rule = "echo" if _is_echo(text, pairs, qi, follows) else "continuation"
                else:
                    if len(re.findall(r"\w+", text[p.start : p.end])) >= FALLBACK_MIN_WORDS:
                        att = _fallback_subject(text, left) or att
        att.sentence = (s0, s1)
        out.append(att)
    return out


def _fallback_subject(text: str, toks: list[Token]) -> Attribution | None:
    """No cue anywhere: the subject of the sentence's main clause before the quotation."""
    if not any(t.kind == "W" for t in toks):
        return None
    ph = _main_subject(text, toks, len(toks))
    if ph is None or ph.kind == "pronoun" and ph.text.lower() not in {"he", "she", "they"}:
        return None
    words = ph.text.split()
    if ph.kind == "name":
        last = re.sub(r"['\u2019]s?$", "", words[-1])
        if len(re.findall(r"\b" + re.escape(last) + r"\b", text)) < 2:
            return None  # a capitalised word seen once: a sentence-initial common word
    elif ph.kind != "pronoun" and words[-1].lower().strip(".,") not in SPEAKER_NOUNS:
        return None
    return _attr(ph, None, "main-subject")


def _according_to(text: str, toks: list[Token]) -> Attribution | None:
    """A speaker's words relayed by a source later in the sentence ("..., X said,
    according to a pool report"): the source."""
    for k in range(2, len(toks) - 1):
        if toks[k].lower == "to" and toks[k - 1].lower == "according" and toks[k - 2].text == ",":
            ph = phrase_after(text, toks, k + 1)
            if ph is not None:
                return _attr(ph, "according to", "according-to")
    return None


def _later_cue(text: str, toks: list[Token]) -> Attribution | None:
    """A cue after the quotation in the same sentence ("... is how X described it")."""
    for k in range(len(toks)):
        if _is_cue(toks, k) and not toks[k].lower.endswith("ing"):
            ph = subject_before(text, toks, k)
            if ph is not None:
                return _attr(ph, toks[k].text, "later-cue")
            if k > 0 and toks[k - 1].text == "," and toks[k].text.islower():
                ph = phrase_after(text, toks, k + 1)  # "..., said X."
                if ph is not None and plausible_speaker(ph):
                    return _attr(ph, toks[k].text, "later-said-X")
            return None
    return None


def _inherit(
    text: str,
    masked: str,
    pairs: list[QuotePair],
    qi: int,
    done: list[Attribution],
    left: list[Token],
    model: TextModel,
    pi: int,
) -> int | None:
    """Index of the earlier quotation (or -2-i for paragraph cue i) this one continues."""
    paragraphs, para_of = model.paragraphs, model.paragraph_of
    standalone = all(t.kind == "Q" or t.kind == "P" for t in left)
    p = pairs[qi]
    content = text[p.start : p.end]
    # echo of an earlier quotation
    words = re.findall(r"\w+", content.lower())
    if 2 <= len(words) <= 8:
        pattern = " ".join(words)
        for qj in range(qi):
            earlier = " ".join(re.findall(r"\w+", text[pairs[qj].start : pairs[qj].end].lower()))
            if re.search(r"\b" + re.escape(pattern) + r"\b", earlier) and (
                done[qj].mention is not None or done[qj].follows is not None
            ):
                return qj
    if not standalone:
        return None
    # an earlier attributed quotation in the same paragraph or the one before, unless a new
    # cue comes between them
    for qj in range(qi - 1, -1, -1):
        pj = para_of(pairs[qj].open_mark)
        if pj < pi - 1:
            break
        if done[qj].mention is None and done[qj].follows is None:
            continue
        close = pairs[qj].close_mark if pairs[qj].close_mark is not None else pairs[qj].end
        between = _last_cue(text, masked, close + 1, pairs[qi].open_mark, done[qj].sentence[1], model)
        return between if between is not None else qj
    if pi > 0:
        s, e = paragraphs[pi - 1]
        return _last_cue(text, masked, s, e, s, model)
    return None


def _is_echo(text: str, pairs: list[QuotePair], qi: int, qj: int) -> bool:
    """Whether quotation qi repeats words of the earlier quotation qj."""
    a = " ".join(re.findall(r"\w+", text[pairs[qi].start : pairs[qi].end].lower()))
    b = " ".join(re.findall(r"\w+", text[pairs[qj].start : pairs[qj].end].lower()))
    return bool(a) and a in b and qj != qi and len(a) < len(b)


def _last_cue(text: str, masked: str, start: int, end: int, after: int, model: TextModel) -> Attribution | None:
    """The last cue with a subject in masked[start:end] (sentences starting at or after
    `after`): a speaker introduced between two quotations ("X said:" or reported speech)."""
    lo = max(start, after)
    if lo >= end:
        return None
    toks = tokenize(masked, lo, end)
    for k in range(len(toks) - 1, -1, -1):
        if _is_cue(toks, k) and not toks[k].lower.endswith("ing"):
            s0 = model.sentence_start(lo, toks[k].start)
            k0 = next(i for i, t in enumerate(toks) if t.start >= s0)
            ph = subject_before(text, toks, k, lo=k0)
            if ph is None and k + 1 < len(toks):
                right = _right_attribution(text, toks[k:]) if k > 0 and toks[k - 1].kind == "Q" else None
                if right is not None:
                    right.rule = "intro"
                    return right
            if ph is not None:
                att = _attr(ph, toks[k].text, "intro")
                return att
    return None
