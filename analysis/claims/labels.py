"""Readable metric labels ('bilateral_trade_usd' -> 'bilateral trade') for prose and figures."""

from __future__ import annotations


def metric_label(metric: str, labels: dict[str, str] | None) -> str:
    """The label metrics.csv gives a metric; its words when it has none."""
    return (labels or {}).get(metric) or str(metric).replace("_", " ")


def labels_or_default(labels: dict[str, str] | None) -> dict[str, str]:
    """`labels` itself, or the labels of the default reference folder when None."""
    if labels is not None:
        return labels
    from ..reference import metric_labels

    return metric_labels()
