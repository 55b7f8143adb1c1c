"""The quote package's cached word lists agree with their sources."""

from analysis.countries import nationality_words
from analysis.quotes.lexicon import NATIONALITY_FILE, read_nationalities


def test_nationality_cache_matches_countries():
    assert read_nationalities(NATIONALITY_FILE) == nationality_words(), (
        "regenerate with: python -c 'from analysis.quotes.lexicon import write_nationalities; write_nationalities()'"
    )


def test_quote_extractor_does_not_load_pandas():
    import subprocess
    import sys

    code = (
        "import sys, analysis.quotes.benchmark_io as b; b.predict_text('\"Hi,\" she said.'); "
        "print('pandas' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
