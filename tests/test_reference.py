"""Reference tables load validated; broken files fail naming the file, row and column."""

from __future__ import annotations

import csv
import shutil

import pytest

from analysis import paths, reference
from analysis.reference import ReferenceDataError


def test_reference_tables_load_with_types():
    facts = reference.load_facts()
    polls = reference.load_polls()
    quotes = reference.load_quote_sources()
    assert facts["fact_id"].is_unique and len(facts) > 0
    assert facts.loc[facts["unit"] == "date", "value_num"].isna().all()
    assert facts.loc[facts["unit"] != "date", "value_num"].notna().all()
    assert str(polls["n"].dtype) == "Int64" and polls["percent"].between(0, 100).all()
    assert quotes["quote_id"].is_unique


def test_reference_matches_the_shared_copy(shared):
    for name in ("facts.csv", "polls.csv", "quote_sources.csv"):
        assert (paths.REFERENCE / name).read_bytes() == (shared / "reference" / name).read_bytes()


def test_sources_table_has_one_row_per_source():
    sources = reference.load_sources()
    assert not sources.duplicated(["source_org", "url"]).any()
    assert sources["n_rows"].sum() >= len(reference.load_facts())


@pytest.fixture
def broken(tmp_path):
    """A copy of the reference folder whose files a test may break."""
    for name in ("metrics.csv", "facts.csv", "polls.csv", "quote_sources.csv"):
        shutil.copy(paths.REFERENCE / name, tmp_path / name)
    return tmp_path


def _edit(path, old, new, count=1):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def test_unknown_metric_names_row_and_column(broken):
    _edit(broken / "facts.csv", ",Kazakhstan,population,20286084,", ",Kazakhstan,populaton,20286084,")
    with pytest.raises(ReferenceDataError) as err:
        reference.load_facts(broken)
    assert "facts.csv" in str(err.value) and "row 2" in str(err.value) and "'metric'" in str(err.value)


def test_bad_iso_date(broken):
    _edit(broken / "facts.csv", "2025-01-01,2025-01-01", "2025-13-01,2025-01-01")
    with pytest.raises(ReferenceDataError, match=r"row 2, column 'period_start'.*not a real date"):
        reference.load_facts(broken)


def test_text_in_a_number_column(broken):
    _edit(broken / "facts.csv", ",Kazakhstan,population,20286084,", ",Kazakhstan,population,~20 million,")
    with pytest.raises(ReferenceDataError, match=r"row 2, column 'value'.*not a plain number"):
        reference.load_facts(broken)


def test_missing_and_unknown_columns(broken):
    _edit(broken / "polls.csv", "poll_id,organisation", "poll,organisation")
    with pytest.raises(ReferenceDataError, match=r"polls.csv: unknown column\(s\) \['poll'\]"):
        reference.load_polls(broken)


def test_wrong_field_count(broken):
    path = broken / "quote_sources.csv"
    path.write_text(path.read_text(encoding="utf-8") + "q21,extra,fields\n", encoding="utf-8")
    with pytest.raises(ReferenceDataError, match=r"row 22: has 3 fields"):
        reference.load_quote_sources(broken)


def _rewrite_first_row(path, column, value):
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    rows[0][column] = value
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


@pytest.mark.parametrize(
    "column, value, problem",
    [
        ("response", "meh", "is not one of"),
        ("percent", "140", "outside 0..100"),
        ("n", "1000.5", "not a whole number"),
        ("fieldwork_start", "Nov 2020", "not an ISO date"),
    ],
)
def test_bad_poll_cells(broken, column, value, problem):
    _rewrite_first_row(broken / "polls.csv", column, value)
    with pytest.raises(ReferenceDataError) as err:
        reference.load_polls(broken)
    assert f"row 2, column '{column}'" in str(err.value) and problem in str(err.value)


def test_missing_file(tmp_path):
    with pytest.raises(ReferenceDataError, match="facts.csv: file not found"):
        reference.load_facts(tmp_path)


def test_every_fact_metric_has_a_label():
    labels = reference.metric_labels()
    assert set(reference.load_facts()["metric"]) <= set(labels)
    assert all(label and "_" not in label for label in labels.values())


def test_fact_unit_must_match_its_metric(broken):
    _edit(
        broken / "facts.csv",
        ",Kazakhstan,population,20286084,,,exact,people,",
        ",Kazakhstan,population,20286084,,,exact,count,",
    )
    with pytest.raises(ReferenceDataError, match=r"row 2, column 'unit': unit 'count' differs from 'people'"):
        reference.load_facts(broken)


def test_duplicate_metric_in_vocabulary(broken):
    path = broken / "metrics.csv"
    path.write_text(path.read_text(encoding="utf-8") + "population,people,again,people,\n", encoding="utf-8")
    with pytest.raises(
        ReferenceDataError, match=r"metrics.csv: row \d+, column 'metric': duplicate metric 'population'"
    ):
        reference.load_metrics(broken)
