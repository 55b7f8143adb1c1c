"""The sources the claim verdicts rest on: the reference sources table cut to cited rows."""
from __future__ import annotations

import pandas as pd

from .verify import claim_sort_key

SOURCE_COLUMNS = ["source_org", "source_title", "url", "via", "tables", "n_rows", "ids", "claim_ids"]


def cited_sources(sources: pd.DataFrame, claims: pd.DataFrame) -> pd.DataFrame:
    """Rows of `sources` (`analysis.reference.load_sources`) holding a fact_id cited in `claims`.

    Columns: source_org, source_title, url, via, tables, n_rows, ids (as in load_sources: all
    reference rows of the source, space-separated), claim_ids (the claims citing it, ';'-joined
    in claim order). Sorted by source_org, then url.
    """
    cited: dict[str, list[str]] = {}
    for _, c in claims[claims["fact_id"].notna() & (claims["fact_id"] != "")].iterrows():
        cited.setdefault(str(c["fact_id"]), []).append(str(c["claim_id"]))
    rows = []
    for _, s in sources.iterrows():
        ids = [cid for fid in str(s["ids"]).split() for cid in cited.get(fid, [])]
        if ids:
            rows.append({**s.to_dict(), "claim_ids": ";".join(sorted(dict.fromkeys(ids), key=claim_sort_key))})
    df = pd.DataFrame(rows, columns=SOURCE_COLUMNS)
    return df.sort_values(["source_org", "url"], kind="stable").reset_index(drop=True)
