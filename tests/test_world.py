"""World Bank series in data/reference/world: validated on load, aggregates kept apart."""

from __future__ import annotations

import shutil

import pytest

from analysis import reference
from analysis.reference import ReferenceDataError, load_world


def test_both_series_load_with_countries_and_aggregates_apart():
    pop, gdp = load_world("population"), load_world("gdp_usd")
    assert list(pop.columns) == reference.WORLD_COLUMNS
    assert pop["year"].max() == 2024 and gdp["year"].max() == 2023
    kaz = pop[(pop["iso3"] == "KAZ") & (pop["year"] == 2024)]
    assert kaz["is_country"].all() and 19e6 < float(kaz["value"].iloc[0]) < 22e6
    aggregates = set(pop.loc[~pop["is_country"], "iso3"])
    assert {"WLD", "EUU", "ARB", "HIC"} <= aggregates and "USA" not in aggregates
    assert (pop["value"] > 0).all() and set(gdp["indicator"]) == {"NY.GDP.MKTP.CD"}


def _copy(tmp_path, text: str):
    (tmp_path / "world").mkdir()
    (tmp_path / "world" / "population.csv").write_text(text, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    "body, problem",
    [
        ("Country,Code,Year,Value\nX,KAZ,2020,1\n", "columns"),
        ("Country Name,Country Code,Year,Value\nKazakhstan,KZ,2020,1\n", "row 2, column 'Country Code'"),
        ("Country Name,Country Code,Year,Value\nKazakhstan,KAZ,20x0,1\n", "column 'Year'"),
        ("Country Name,Country Code,Year,Value\nKazakhstan,KAZ,2020,-5\n", "is not positive"),
        ("Country Name,Country Code,Year,Value\nKazakhstan,KAZ,2020,abc\n", "is not a number"),
        ("Country Name,Country Code,Year,Value\nK,KAZ,2020,1\nK,KAZ,2020,2\n", "row 3, column 'Year'"),
    ],
)
def test_bad_world_files_name_the_file_row_and_problem(tmp_path, body, problem):
    folder = _copy(tmp_path, body)
    with pytest.raises(ReferenceDataError, match="population.csv") as exc:
        load_world("population", folder)
    assert problem in str(exc.value)


def test_missing_world_file_and_unknown_metric(tmp_path):
    with pytest.raises(ReferenceDataError, match="file not found"):
        load_world("population", tmp_path)
    with pytest.raises(reference.InputError, match="no World Bank series"):
        load_world("inflation")


def test_world_copy_matches_the_shared_series_when_present():
    shared = reference.paths.PROJECT_ROOT.parent / "shared" / "reference" / "world"
    if not shared.exists():
        pytest.skip("../shared not present")
    for name in ("population.csv", "gdp.csv", "README.md"):
        ours = (reference.world_dir() / name).read_bytes()
        assert ours.startswith((shared / name).read_bytes().rstrip(b"\n")), name
