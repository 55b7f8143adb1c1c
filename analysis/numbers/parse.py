"""Reading number words and digit strings: value and precision (the step of the last
significant digit, used for rounding tolerance)."""

from __future__ import annotations

import re

from .lexicon import ORDINALS, SCALES, TENS, UNITS

_SMALL = "|".join(sorted(UNITS, key=len, reverse=True))
_TENS = "|".join(TENS)
_ONES = "one|two|three|four|five|six|seven|eight|nine"
# A spelled number up to the hundreds ("six", "twenty-five", "two hundred and ten").
_BELOW_100 = rf"(?:(?:{_TENS})(?:[- ](?:{_ONES}))?|{_SMALL})"
WORD_NUMBER = rf"(?:{_BELOW_100}(?:\s+hundred(?:\s+(?:and\s+)?{_BELOW_100})?)?)"
DIGITS = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
NUMBER = rf"(?:{DIGITS}|{WORD_NUMBER})"
SCALE_WORDS = r"(?:hundred|thousand|million|billion|trillion)"
ORDINAL_WORD = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(?:first|second|third|"
    r"fourth|fifth|sixth|seventh|eighth|ninth)|" + "|".join(sorted(ORDINALS, key=len, reverse=True)) + ")"
)


def words_to_number(text: str) -> float:
    """Value of a spelled number: 'twenty-five' -> 25, 'two hundred and ten' -> 210."""
    total, current = 0.0, 0.0
    for word in re.split(r"[\s-]+", text.lower().strip()):
        if word in ("and", ""):
            continue
        if word == "a":
            current = current or 1.0
        elif word in UNITS:
            current += UNITS[word]
        elif word in TENS:
            current += TENS[word]
        elif word == "hundred":
            current = (current or 1.0) * 100
        elif word in SCALES:
            total += (current or 1.0) * SCALES[word]
            current = 0.0
        else:
            raise ValueError(f"not a number word: {word!r}")
    return total + current


def digit_step(digits: str) -> float:
    """Step of the last significant digit: '43,000' -> 1000, '1.5' -> 0.1, '250' -> 10."""
    plain = digits.replace(",", "")
    if "." in plain:
        return 10.0 ** -len(plain.split(".")[1])
    stripped = plain.rstrip("0")
    return 10.0 ** (len(plain) - len(stripped)) if stripped else 1.0


def parse_amount(number: str, scale: str | None = None) -> tuple[float, float]:
    """(value, step) of a number with an optional scale word: ('3', 'billion') -> (3e9, 1e9)."""
    number = number.strip()
    factor = SCALES[scale.lower()] if scale else 1.0
    if re.fullmatch(DIGITS, number):
        value, step = float(number.replace(",", "")), digit_step(number)
    else:
        value = words_to_number(number)
        step = digit_step(str(int(value))) if value == int(value) and value >= 10 else 1.0
    return value * factor, step * factor


def ordinal_value(text: str) -> int:
    """Value of an ordinal: 'fifth' -> 5, 'twenty-first' -> 21, '3rd' -> 3."""
    low = text.lower()
    m = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", low)
    if m:
        return int(m.group(1))
    if "-" in low:
        tens, unit = low.split("-", 1)
        return TENS[tens] + ORDINALS[unit]
    return ORDINALS[low]
