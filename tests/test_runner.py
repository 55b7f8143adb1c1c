"""The runner: papermill with the article as a parameter, atomic results, clear failures."""

from __future__ import annotations

import re
import subprocess
import sys

import nbformat
import pytest

from analysis import paths
from analysis.runner import RunError, notebook_parameters, run_suite, strip_run_metadata


def _notebook(path, body: str, fail: bool = False):
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    params = nbformat.v4.new_code_cell('article = ""  # article file\nrun_dir = ""  # output folder\nn = 10  # a count')
    params.metadata["tags"] = ["parameters"]
    nb.cells = [params, nbformat.v4.new_code_cell(body)]
    if fail:
        nb.cells.append(nbformat.v4.new_code_cell("raise ValueError('deliberate failure')"))
    nbformat.write(nb, path)
    return path


WRITE_TABLE = (
    "from analysis.outputs import open_run\n"
    "import pandas as pd\n"
    "run = open_run(article, run_dir)\n"
    "run.save_table(pd.DataFrame({'paragraphs': [len(run.article.paragraphs)]}), 'count')"
)


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("One paragraph.\nAnother paragraph.\n", encoding="utf-8")
    return path


def test_run_writes_notebooks_and_tables(tmp_path, article):
    nb = _notebook(tmp_path / "01_count.ipynb", WRITE_TABLE)
    out = run_suite(article, tmp_path / "out", notebooks=[nb], progress=lambda _: None)
    assert (out / "tables" / "count.csv").read_text() == "paragraphs\n2\n"
    assert (out / "notebooks" / "01_count.ipynb").exists()
    assert not [p for p in out.parent.iterdir() if ".staging-" in p.name]


def test_failing_notebook_names_itself_and_keeps_previous_results(tmp_path, article):
    good = _notebook(tmp_path / "01_count.ipynb", WRITE_TABLE)
    out = run_suite(article, tmp_path / "out", notebooks=[good], progress=lambda _: None)
    before = (out / "tables" / "count.csv").read_text()
    article.write_text("Changed.\nText.\nThree.\n", encoding="utf-8")
    bad = _notebook(tmp_path / "02_broken.ipynb", WRITE_TABLE, fail=True)
    with pytest.raises(RunError, match=r"02_broken.ipynb failed in cell .*ValueError: deliberate failure"):
        run_suite(article, out, notebooks=[good, bad], progress=lambda _: None)
    assert (out / "tables" / "count.csv").read_text() == before
    assert not [p for p in out.parent.iterdir() if ".staging-" in p.name]


def test_cli_reports_bad_article_without_traceback(tmp_path):
    missing = tmp_path / "nowhere.txt"
    result = subprocess.run(
        [sys.executable, "-m", "analysis", "run", str(missing)], capture_output=True, text=True, cwd=tmp_path
    )
    assert result.returncode == 2
    assert "nowhere.txt: file not found" in result.stderr and "Traceback" not in result.stderr


def test_committed_notebooks_are_clean():
    """Every suite notebook: one parameters cell, executed outputs, no run metadata left."""
    notebooks = sorted(paths.NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
    assert notebooks, "no notebooks"
    for path in notebooks:
        nb = nbformat.read(path, as_version=4)
        code = [c for c in nb.cells if c.cell_type == "code"]
        tagged = [c for c in code if "parameters" in c.metadata.get("tags", [])]
        assert len(tagged) == 1, f"{path.name}: expected one parameters cell"
        assigned = re.findall(r"^(\w+)\s*=", tagged[0].source, flags=re.M)
        assert sorted(notebook_parameters(path)) == sorted(assigned), (
            f"{path.name}: papermill cannot read every parameter (no '=' in comments)"
        )
        assert all(c.execution_count is not None for c in code), f"{path.name}: not executed"
        copy = nbformat.from_dict(nb)
        strip_run_metadata(copy)
        assert copy == nb, f"{path.name}: papermill metadata left in the committed notebook"


def test_a_table_breaking_the_contract_fails_the_run(tmp_path, article):
    from analysis.errors import InputError

    nb = _notebook(tmp_path / "01_bad.ipynb", WRITE_TABLE.replace("'count'", "'quotes'"))
    with pytest.raises(InputError, match=r"quotes.csv: columns \['paragraphs'\] break the contract"):
        run_suite(article, tmp_path / "out", notebooks=[nb], progress=lambda _: None)
    assert not (tmp_path / "out").exists()


def test_unknown_parameter_is_refused(tmp_path, article):
    from analysis.errors import InputError

    nb = _notebook(tmp_path / "01_count.ipynb", WRITE_TABLE)
    with pytest.raises(InputError, match=r"parameter 'asumed_n' is not declared by any notebook"):
        run_suite(article, tmp_path / "out", parameters={"asumed_n": 5}, notebooks=[nb], progress=lambda _: None)


def test_parameter_of_the_wrong_type_is_refused(tmp_path, article):
    from analysis.errors import InputError

    nb = _notebook(tmp_path / "01_count.ipynb", WRITE_TABLE)
    with pytest.raises(InputError, match=r"01_count.ipynb: parameter 'n' must be int like its default 10, got 'abc'"):
        run_suite(article, tmp_path / "out", parameters={"n": "abc"}, notebooks=[nb], progress=lambda _: None)


def test_executed_notebooks_name_the_final_folder_not_the_staging_one(tmp_path, article):
    nb = _notebook(tmp_path / "01_count.ipynb", WRITE_TABLE + "\nprint(run.run_dir)")
    out = run_suite(article, tmp_path / "out", notebooks=[nb], progress=lambda _: None)
    text = (out / "notebooks" / "01_count.ipynb").read_text(encoding="utf-8")
    assert "staging" not in text and str(out) in text
    assert "start_time" not in text and "duration" not in text


def test_a_number_given_for_a_text_parameter_is_taken_as_text(tmp_path):
    from analysis.runner import check_parameters

    assert check_parameters({"claims": 2024}, {tmp_path / "01.ipynb": {"claims": ""}}) == {"claims": "2024"}


@pytest.mark.parametrize("name", ["article", "run_dir"])
def test_parameters_the_runner_sets_are_refused(tmp_path, name):
    from analysis.errors import InputError
    from analysis.runner import check_parameters

    with pytest.raises(InputError, match=f"parameter '{name}' is set by the runner itself"):
        check_parameters({name: "x"}, {tmp_path / "01.ipynb": {"article": "", "run_dir": ""}})


def test_printed_text_split_into_chunks_is_stored_as_one_output():
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("print('a'); print('b')")
    cell.outputs = [
        nbformat.v4.new_output("stream", name="stdout", text="a"),
        nbformat.v4.new_output("stream", name="stdout", text="\nb\n"),
        nbformat.v4.new_output("stream", name="stderr", text="warn\n"),
        nbformat.v4.new_output("stream", name="stdout", text="c\n"),
    ]
    nb.cells = [cell]
    strip_run_metadata(nb)
    assert [(o["name"], o["text"]) for o in nb.cells[0].outputs] == [
        ("stdout", "a\nb\n"),
        ("stderr", "warn\n"),
        ("stdout", "c\n"),
    ]
