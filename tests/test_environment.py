"""environment.yml agrees with pyproject.toml, the one list of Python dependencies."""

from __future__ import annotations

import re
import tomllib

import yaml

from analysis import paths


def _load():
    pyproject = tomllib.loads((paths.PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    env = yaml.safe_load((paths.PROJECT_ROOT / "environment.yml").read_text(encoding="utf-8"))
    return pyproject, env


def test_environment_uses_conda_forge_and_the_projects_python():
    pyproject, env = _load()
    assert env["channels"] == ["conda-forge"]
    pythons = [d for d in env["dependencies"] if isinstance(d, str) and d.startswith("python")]
    assert len(pythons) == 1
    version = pythons[0].split("=")[-1]
    low, high = re.findall(r"[<>]=?\s*([\d.]+)", pyproject["project"]["requires-python"])
    as_tuple = lambda v: tuple(int(x) for x in v.split("."))  # noqa: E731
    assert as_tuple(low) <= as_tuple(version) < as_tuple(high)


def test_pip_section_installs_the_package_with_every_extra():
    pyproject, env = _load()
    pip_sections = [d["pip"] for d in env["dependencies"] if isinstance(d, dict) and "pip" in d]
    assert len(pip_sections) == 1
    extras = sorted(pyproject["project"]["optional-dependencies"])
    assert pip_sections[0] == [f"-e .[{','.join(extras)}]"]


def test_no_python_package_is_listed_twice():
    """Conda lists only Python, pip and make; every library comes from pyproject.toml."""
    _, env = _load()
    conda = {re.split(r"[=<>]", d)[0] for d in env["dependencies"] if isinstance(d, str)}
    assert conda == {"python", "pip", "make"}


def test_makefile_and_ci_use_the_readme_commands():
    readme = (paths.PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    assert "make run" in readme and "make test" in readme
    assert "make test" in (paths.PROJECT_ROOT / ".ci" / "run").read_text(encoding="utf-8")
