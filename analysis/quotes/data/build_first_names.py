"""Rebuild first_names.csv from the gender-guesser package's name dictionary (build time only).

Run: pip install gender-guesser==0.4.0 && python analysis/quotes/data/build_first_names.py
Keeps the names gender-guesser calls "male" or "female" outright (not "mostly_", not
"andy"), one word of letters, apostrophes or hyphens; writes name,gender sorted by name.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import gender_guesser.detector as gd

OUT = Path(__file__).with_name("first_names.csv")


def main() -> None:
    det = gd.Detector(case_sensitive=False)
    names = {}
    for name in det.names:
        if not re.fullmatch(r"[a-z][a-z'\-]+", name):
            continue
        g = det.get_gender(name)
        if g in ("male", "female"):
            names[name] = g
    with OUT.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["name", "gender"])
        for name in sorted(names):
            w.writerow([name, names[name]])
    print(f"{len(names)} names -> {OUT}")


if __name__ == "__main__":
    main()
