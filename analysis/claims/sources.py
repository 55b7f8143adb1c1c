"""The sources the claim verdicts rest on: the reference sources table cut to cited rows."""

from __future__ import annotations

import pandas as pd

from .verify import claim_sort_key

SOURCE_COLUMNS = ["source_org", "source_title", "url", "via", "tables", "n_rows", "ids", "claim_ids"]


def cited_sources(sources: pd.DataFrame, claims: pd.DataFrame) -> pd.DataFrame:
    """Rows of `sources` (`analysis.reference.load_sources`) holding a fact_id cited in `claims`.

    Columns: source_org, source_title, url, via, tables, n_rows, ids (as in load_sources: all
    reference rows of the source, space-separated), claim_ids (the claims citing it, ';'-joined
    in claim order). Sorted by source_org, then url. Verdicts resting on the World Bank series
    (fact ids `wb-...`, `analysis.claims.world`) add one row per indicator and country page.
    """
    cited: dict[str, list[str]] = {}
    for fid, cid in zip(claims["fact_id"], claims["claim_id"]) if not claims.empty else ():
        if pd.notna(fid) and fid != "":
            cited.setdefault(str(fid), []).append(str(cid))
    rows = []
    for _, s in sources.iterrows() if cited else ():  # no fact cited: no row to look at
        ids = [cid for fid in str(s["ids"]).split() for cid in cited.get(fid, [])]
        if ids:
            rows.append({**s.to_dict(), "claim_ids": ";".join(sorted(dict.fromkeys(ids), key=claim_sort_key))})
    rows += _world_bank_sources(claims) if not claims.empty else []
    df = pd.DataFrame(rows, columns=SOURCE_COLUMNS)
    return df.sort_values(["source_org", "url"], kind="stable").reset_index(drop=True)


def _world_bank_sources(claims: pd.DataFrame) -> list[dict]:
    """Source rows for the claims whose verdicts rest on World Bank rows."""
    wb = claims[claims["fact_id"].fillna("").astype(str).str.startswith("wb-")]
    rows = []
    for (org, url), group in wb.groupby(["source_org", "url"], sort=True):
        ids = sorted(set(group["fact_id"]))
        rows.append(
            {
                "source_org": org,
                "source_title": "World Development Indicators",
                "url": url,
                "via": "data/reference/world (Frictionless Data core datasets)",
                "tables": "world",
                "n_rows": len(ids),
                "ids": " ".join(ids),
                "claim_ids": ";".join(sorted(dict.fromkeys(group["claim_id"]), key=claim_sort_key)),
            }
        )
    return rows
