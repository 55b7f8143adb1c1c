"""Hostile and careless input: each case ends in a clear message naming the file (bounded in
length, no traceback) or in a graceful result, and a previous run is left intact."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from analysis import paths
from analysis.article import load_article, read_metadata
from analysis.errors import InputError
from analysis.runner import RunError, run_suite
from analysis.safe_output import MARKER

MAX_MESSAGE = 1500
ARTICLE_TEXT = "The minister said on Friday, November 7, 2025 that 40% agreed.\n\nA second paragraph.\n"


def _notebook(path: Path, body: str) -> Path:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    params = nbformat.v4.new_code_cell('article = ""\nrun_dir = ""\nlabel = ""')
    params.metadata["tags"] = ["parameters"]
    nb.cells = [params, nbformat.v4.new_code_cell(body)]
    nbformat.write(nb, path)
    return path


WRITE = (
    "from analysis.outputs import open_run\nimport pandas as pd\nrun = open_run(article, run_dir)\n"
    "run.save_table(pd.DataFrame({'n': [len(run.article.paragraphs)]}), 'count')"
)


def _digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def previous(tmp_path_factory):
    """A finished run, an article and two notebooks (one that writes a table, one that fails)."""
    base = tmp_path_factory.mktemp("hostile")
    article = base / "story.txt"
    article.write_text(ARTICLE_TEXT, encoding="utf-8")
    good = _notebook(base / "01_count.ipynb", WRITE)
    bad = _notebook(base / "02_broken.ipynb", "raise ValueError('deliberate failure')")
    out = run_suite(article, base / "prev", notebooks=[good], progress=lambda _: None)
    return {"base": base, "article": article, "good": good, "bad": bad, "out": out, "digest": _digest(out)}


def _clear(exc: BaseException, *names: str) -> str:
    message = str(exc)
    assert len(message) < MAX_MESSAGE, f"message of {len(message)} characters"
    assert "Traceback" not in message
    for name in names:
        assert name in message, f"{name!r} not named in {message!r}"
    return message


# ---------------------------------------------------------------- articles
ARTICLES = {
    "empty": (b"", "empty"),
    "whitespace": (b"  \n\t\n ", "empty"),
    "nul at start": (b"\x00\x01binary", "NUL byte"),
    "nul after 8 KB": (b"word " * 2000 + b"\x00 tail\n", "NUL byte at offset 10000"),
    "utf-16 le with bom": ("\ufeffA story.\n".encode("utf-16-le"), "UTF-16"),
    "utf-16 be with bom": ("A story.\n".encode("utf-16"), "UTF-16"),
    "utf-16 without bom": ("A story about many things.\n".encode("utf-16-le"), "UTF-16"),
    "utf-32": ("A story.\n".encode("utf-32"), "UTF-32"),
    "latin-1": ("Caf\u00e9 society.\n".encode("latin-1"), "not valid UTF-8"),
    "lone surrogate bytes": (b"A \xed\xa0\x80 story\n", "not valid UTF-8"),
}


@pytest.mark.parametrize("case", sorted(ARTICLES))
def test_bad_article_bytes_are_refused_clearly(tmp_path, case):
    data, expected = ARTICLES[case]
    path = tmp_path / "mine.txt"
    path.write_bytes(data)
    with pytest.raises(InputError) as info:
        load_article(path)
    assert expected in _clear(info.value, "mine.txt")


def test_missing_article_and_a_folder_and_a_device(tmp_path):
    for path, expected in (
        (tmp_path / "nowhere.txt", "file not found"),
        (tmp_path, "is a directory"),
        (Path("/dev/zero"), "not a regular file"),
    ):
        with pytest.raises(InputError) as info:
            load_article(path)
        assert expected in _clear(info.value, path.name)


def test_an_article_over_the_size_limit_is_refused_at_once(tmp_path, monkeypatch):
    monkeypatch.setenv("ANALYSIS_MAX_ARTICLE_MB", "0.01")
    path = tmp_path / "big.txt"
    path.write_text("Word. " * 5000, encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_article(path)
    assert "limit" in _clear(info.value, "big.txt", "ANALYSIS_MAX_ARTICLE_MB")


@pytest.mark.parametrize(
    "text",
    [
        "!!!\n",
        "1 2 3 4 5\n",
        "\u200b\u200b word\n",
        "x" * 50_000 + "\n",
        "\u201cUnclosed quote\n",
        "On Friday, February 30, 2025.\n",
    ],
)
def test_odd_but_valid_text_gives_a_result(tmp_path, text):
    from analysis.pipeline import article_tables

    path = tmp_path / "odd.txt"
    path.write_text(text, encoding="utf-8")
    tables = article_tables(load_article(path))
    assert set(tables) >= {"quotes", "numbers", "claims", "poll_claims"}


# ---------------------------------------------------------------- metadata, registers, speaker files
BOMB = (
    "a: &a [x, x, x, x, x, x, x, x, x]\n"
    + "".join(
        f"{k}: &{k} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n" for p, k in zip("abcdefgh", "bcdefghi")
    )
    + "title: *i\n"
)
METADATA = {
    "impossible date": ("published: 2025-02-30\n", "not a real date"),
    "year zero": ("published: 0000-01-01\n", "not a real date"),
    "year one": ("published: 0001-01-01\n", "outside the years"),
    "year 9999": ("published: 9999-12-31\n", "outside the years"),
    "quoted impossible date": ("published: '2025-02-30'\n", "ISO date"),
    "anchor bomb": (BOMB, "aliases"),
    "duplicate key": ("title: One\ntitle: Two\n", "given twice"),
    "a list, not a mapping": ("- title\n- outlet\n", "must be a mapping"),
    "unknown key": ("titel: A\n", "unknown metadata key"),
    "number as title": ("title: 12\n", "'title' must be text"),
    "huge title value": ("title: [" + ", ".join(["long" * 50] * 2000) + "]\n", "'title' must be text"),
    "malformed": ("title: [unclosed\n", "malformed YAML"),
    "deep nesting": ("title: " + "[" * 5000 + "]" * 5000 + "\n", "nested"),
    "tab indentation": ("title:\n\t- x\n", "malformed YAML"),
}


@pytest.mark.parametrize("case", sorted(METADATA))
def test_bad_metadata_is_refused_clearly(tmp_path, case):
    text, expected = METADATA[case]
    path = tmp_path / "mine.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_metadata(path)
    assert expected in _clear(info.value, "mine.yaml")


def test_metadata_that_is_not_utf8(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_bytes("title: Caf\u00e9\n".encode("latin-1"))
    with pytest.raises(InputError) as info:
        read_metadata(path)
    assert "not valid UTF-8" in _clear(info.value, "mine.yaml")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("- id: a\n  published: 2025-02-30\n", "not a real date"),
        (BOMB, "aliases"),
        ("a: 1\na: 2\n", "given twice"),
    ],
)
def test_bad_claim_register_is_refused_clearly(tmp_path, text, expected):
    from analysis.claims.register import load_register

    path = tmp_path / "register.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_register(path)
    assert expected in _clear(info.value, "register.yaml")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Jane Doe:\n  since: 2025-13-01\n", "not a real date"),
        (BOMB, "aliases"),
        ("Jane Doe: {}\nJane Doe: {}\n", "given twice"),
    ],
)
def test_bad_speaker_file_is_refused_clearly(tmp_path, text, expected):
    from analysis.quotes.speaker_file import load_speakers

    path = tmp_path / "speakers.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_speakers(path)
    assert expected in _clear(info.value, "speakers.yaml")


# ---------------------------------------------------------------- reference tables
def _polls_with(tmp_path: Path, column: str, value: str) -> Path:
    import csv

    src = paths.REFERENCE / "polls.csv"
    with src.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    rows[1][rows[0].index(column)] = value
    folder = tmp_path / "reference"
    folder.mkdir()
    with (folder / "polls.csv").open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)
    return folder


@pytest.mark.parametrize(
    "column, value, expected",
    [
        ("percent", "nan", "not a finite number"),
        ("percent", "inf", "not a finite number"),
        ("percent", "-Infinity", "not a finite number"),
        ("margin_of_error", "NaN", "not a finite number"),
        ("n", "100000000000000000000000", "too large"),
        ("n", "1e3", "not a whole number"),
        ("percent", "forty", "not a plain number"),
        ("poll_id", "bad\x00id", "NUL byte"),
        ("percent", "1" * 100_000, "not a finite number"),
    ],
    ids=["nan", "inf", "-inf", "nan moe", "n 1e23", "n float", "text", "nul", "huge number"],
)
def test_bad_reference_values_name_file_row_and_column(tmp_path, column, value, expected):
    from analysis.reference import load_polls

    folder = _polls_with(tmp_path, column, value)
    with pytest.raises(InputError) as info:
        load_polls(folder)
    message = _clear(info.value, "polls.csv", "row 2")
    assert expected in message


# ---------------------------------------------------------------- parameters
@pytest.mark.parametrize(
    "parameters, expected",
    [
        ({"run_dir": "elsewhere"}, "set by the runner itself"),
        ({"article": "other.txt"}, "set by the runner itself"),
        ({"labl": "x"}, "not declared by any notebook"),
        ({"x" * 10_000: 1}, "not declared by any notebook"),
        ({"label": ["a"] * 100_000}, "must be str"),
    ],
    ids=["run_dir", "article", "unknown", "huge name", "huge value"],
)
def test_bad_parameters_are_refused_and_the_previous_run_stays(previous, parameters, expected):
    with pytest.raises(InputError) as info:
        run_suite(
            previous["article"],
            previous["out"],
            parameters=parameters,
            notebooks=[previous["good"]],
            progress=lambda _: None,
        )
    assert expected in _clear(info.value)
    assert _digest(previous["out"]) == previous["digest"]


# ---------------------------------------------------------------- output folders
def _user_folder(base: Path) -> Path:
    folder = base / "my-files"
    folder.mkdir(exist_ok=True)
    (folder / "thesis.txt").write_text("years of work\n", encoding="utf-8")
    return folder


def _user_file(base: Path) -> Path:
    path = base / "notes.txt"
    path.write_text("my notes\n", encoding="utf-8")
    return path


def _other_kind(base: Path) -> Path:
    folder = base / "batch-out"
    folder.mkdir(exist_ok=True)
    (folder / MARKER).write_text("batch\n", encoding="utf-8")
    return folder


OUT_FOLDERS = {
    "project root": (lambda base: paths.PROJECT_ROOT, "project folder"),
    "folder holding the project": (lambda base: paths.PROJECT_ROOT.parent, "project folder"),
    "data": (lambda base: paths.DATA, "data/"),
    "data/articles": (lambda base: paths.ARTICLES, "data/"),
    "notebooks": (lambda base: paths.NOTEBOOKS, "notebooks/"),
    "analysis": (lambda base: paths.PROJECT_ROOT / "analysis", "analysis/"),
    ".git": (lambda base: paths.PROJECT_ROOT / ".git", ".git/"),
    "figures": (lambda base: paths.FIGURES, "figures/"),
    "a folder of the user's files": (_user_folder, "not written by a run"),
    "a file": (_user_file, "is a file"),
    "another command's output": (_other_kind, "output of a batch"),
}


@pytest.mark.parametrize("case", sorted(OUT_FOLDERS))
def test_output_folders_that_are_not_runs_are_refused_untouched(previous, case):
    make, expected = OUT_FOLDERS[case]
    target = make(previous["base"])
    before = target.stat().st_mtime_ns, sorted(os.listdir(target)) if target.is_dir() else target.read_bytes()
    # the failing notebook: even if the check let the run through, it would stop before replacing
    with pytest.raises(InputError) as info:
        run_suite(previous["article"], target, notebooks=[previous["bad"]], progress=lambda _: None)
    assert expected in _clear(info.value)
    assert (target.stat().st_mtime_ns, sorted(os.listdir(target)) if target.is_dir() else target.read_bytes()) == before
    assert _digest(previous["out"]) == previous["digest"]


def test_a_failed_run_keeps_the_previous_results_and_the_failed_notebook(previous):
    with pytest.raises(RunError) as info:
        run_suite(
            previous["article"], previous["out"], notebooks=[previous["good"], previous["bad"]], progress=lambda _: None
        )
    message = _clear(info.value, "02_broken.ipynb", "prev.failed", "untouched")
    assert message.count("cell") == 1
    assert _digest(previous["out"]) == previous["digest"]
    kept = previous["out"].with_name("prev.failed") / "02_broken.ipynb"
    assert "deliberate failure" in kept.read_text(encoding="utf-8")
    assert not list(previous["base"].glob(".prev.staging-*"))


def test_a_killed_runs_staging_folder_is_removed_by_the_next_run(previous, tmp_path):
    out = tmp_path / "run"
    stale = tmp_path / ".run.staging-killed"
    (stale / "tables").mkdir(parents=True)
    run_suite(previous["article"], out, notebooks=[previous["good"]], progress=lambda _: None)
    assert not stale.exists() and (out / MARKER).is_file()


def test_a_second_run_to_a_locked_folder_is_refused(previous, tmp_path):
    from analysis.runner import output_lock

    out = tmp_path / "run"
    with output_lock(out):
        with pytest.raises(InputError) as info:
            run_suite(previous["article"], out, notebooks=[previous["good"]], progress=lambda _: None)
    assert "another run is writing" in _clear(info.value, "run")


def test_a_read_only_output_folder_is_a_clear_message(previous, tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root ignores folder permissions")
    parent = tmp_path / "locked"
    parent.mkdir()
    parent.chmod(0o500)
    try:
        with pytest.raises(InputError) as info:
            run_suite(previous["article"], parent / "run", notebooks=[previous["good"]], progress=lambda _: None)
        assert "cannot be written" in _clear(info.value)
    finally:
        parent.chmod(0o700)


def test_outputs_follow_the_umask(previous, tmp_path):
    out = run_suite(previous["article"], tmp_path / "run", notebooks=[previous["good"]], progress=lambda _: None)
    mask = os.umask(0)
    os.umask(mask)
    assert (out.stat().st_mode & 0o777) == 0o777 & ~mask
    assert ((out / "tables" / "count.csv").stat().st_mode & 0o777) == 0o666 & ~mask


# ---------------------------------------------------------------- the command line
def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "analysis", *args], capture_output=True, text=True, cwd=cwd, timeout=300
    )


def test_cli_reads_paths_from_the_current_folder(tmp_path):
    (tmp_path / "mine.txt").write_bytes(b"\xff\xfeA\x00")
    result = _cli("run", "mine.txt", cwd=tmp_path)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert str(tmp_path / "mine.txt") in result.stderr and "UTF-16" in result.stderr


@pytest.mark.parametrize(
    "args, expected",
    [
        (["run", "--out", "."], "project folder"),
        (["run", "-p", "run_dir=elsewhere"], "set by the runner itself"),
        (["run", "-p", "article=data/articles/other.txt"], "set by the runner itself"),
    ],
)
def test_cli_refuses_data_loss_without_a_traceback(args, expected):
    result = _cli(*args, cwd=paths.PROJECT_ROOT)
    assert result.returncode == 2, result.stderr
    assert expected in result.stderr and "Traceback" not in result.stderr
    assert (paths.PROJECT_ROOT / ".git").exists() and paths.DEFAULT_ARTICLE.is_file()


def test_cli_quotes_with_a_folder_as_out_and_deeply_nested_json(tmp_path):
    deep = tmp_path / "deep.jsonl"
    deep.write_text('{"id": "a", "text": ' + "[" * 100_000 + "]" * 100_000 + "}\n", encoding="utf-8")
    result = _cli("quotes", "deep.jsonl", "--out", ".", cwd=tmp_path)
    assert result.returncode == 2 and "is a folder" in result.stderr and "Traceback" not in result.stderr
    result = _cli("quotes", "deep.jsonl", "--out", "pred.jsonl", cwd=tmp_path)
    assert result.returncode in (1, 2) and "deep.jsonl" in result.stderr and "Traceback" not in result.stderr


def test_cli_quotes_to_a_full_device_is_a_clear_message(tmp_path):
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    (tmp_path / "one.jsonl").write_text(
        '{"doc_id": "a", "text": "He said \\"hello there\\" today."}\n', encoding="utf-8"
    )
    result = _cli("quotes", "one.jsonl", "--out", "/dev/full", cwd=tmp_path)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "/dev/full: cannot be written: No space left on device" in result.stderr
