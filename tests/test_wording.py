import datetime as dt

from analysis.wording import date_or_unknown, join_words, plural, verb


def test_plural_and_verb_agree_with_the_count():
    assert plural(1, "quotation") == "1 quotation"
    assert plural(3, "quotation") == "3 quotations"
    assert plural(2, "analysis", "analyses") == "2 analyses"
    assert plural(1200, "poll") == "1,200 polls"
    assert f"{plural(1, 'quote')} {verb(1, 'is', 'are')}" == "1 quote is"
    assert verb(0, "is", "are") == "are"


def test_join_words_and_unknown_dates():
    assert join_words([]) == "" and join_words(["a"]) == "a"
    assert join_words(["a", "b", "c"]) == "a, b and c"
    assert date_or_unknown(None) == "unknown"
    assert date_or_unknown(dt.date(2025, 11, 7)) == "2025-11-07"
