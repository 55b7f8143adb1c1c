"""Sampling error of a poll percentage: intervals, margins of error, tests, differences.

Percentages are on the 0..100 scale throughout. A design effect `deff` turns a sample size into
an effective one, `n / deff` (deff = 1 for simple random sampling). statsmodels is imported inside
the functions that need it, so importing this module stays cheap.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass

import pandas as pd

# statsmodels method names -> readable labels ("beta" is the Clopper-Pearson exact interval).
CI_METHODS: dict[str, str] = {
    "wilson": "Wilson",
    "beta": "Clopper-Pearson",
    "agresti_coull": "Agresti-Coull",
    "normal": "normal (Wald)",
}


def _check(percent: float, n: float, design_effect: float, confidence: float = 0.95) -> None:
    if not 0 <= percent <= 100:
        raise ValueError(f"percent must lie in 0..100, got {percent}")
    if not n > 0:
        raise ValueError(f"sample size must be positive, got {n}")
    if not design_effect > 0:
        raise ValueError(f"design effect must be positive, got {design_effect}")
    if not 0 < confidence < 1:
        raise ValueError(f"confidence must lie strictly between 0 and 1, got {confidence}")


def effective_n(n: float, design_effect: float = 1.0) -> float:
    """Effective sample size `n / design_effect`."""
    _check(50.0, n, design_effect)
    return n / design_effect


def z_value(confidence: float = 0.95) -> float:
    """The two-sided critical value of the standard normal for `confidence` (1.96 at 0.95)."""
    from statistics import NormalDist

    return NormalDist().inv_cdf(0.5 + confidence / 2)


def interval(
    percent: float, n: float, confidence: float = 0.95, method: str = "wilson", design_effect: float = 1.0
) -> tuple[float, float]:
    """Two-sided interval (low, high) in percent for a share `percent` observed at size `n`."""
    from statsmodels.stats.proportion import proportion_confint

    _check(percent, n, design_effect, confidence)
    if method not in CI_METHODS:
        raise ValueError(f"unknown interval method {method!r}; one of {sorted(CI_METHODS)}")
    n_eff = n / design_effect
    low, high = proportion_confint(percent / 100 * n_eff, n_eff, alpha=1 - confidence, method=method)
    return max(0.0, float(low) * 100), min(100.0, float(high) * 100)


def intervals(
    percent: float,
    n: float,
    confidence: float = 0.95,
    design_effect: float = 1.0,
    methods: tuple[str, ...] = tuple(CI_METHODS),
) -> pd.DataFrame:
    """One interval per method.

    Columns: method, label, percent, n, n_effective, confidence, ci_low, ci_high, width.
    """
    rows = []
    for method in methods:
        low, high = interval(percent, n, confidence, method, design_effect)
        rows.append(
            {
                "method": method,
                "label": CI_METHODS[method],
                "percent": percent,
                "n": n,
                "n_effective": n / design_effect,
                "confidence": confidence,
                "ci_low": low,
                "ci_high": high,
                "width": high - low,
            }
        )
    return pd.DataFrame(
        rows, columns=["method", "label", "percent", "n", "n_effective", "confidence", "ci_low", "ci_high", "width"]
    )


def margin_of_error(percent: float, n: float, confidence: float = 0.95, design_effect: float = 1.0) -> float:
    """Normal-approximation margin of error in points: z * sqrt(p(1-p) / (n / deff)) * 100.

    At percent = 50 this is the "maximum" margin pollsters usually publish.
    """
    _check(percent, n, design_effect, confidence)
    p = percent / 100
    return z_value(confidence) * math.sqrt(p * (1 - p) / (n / design_effect)) * 100


@dataclass(frozen=True)
class ThresholdTest:
    """One-sided score test of a share against a threshold (both in percent)."""

    percent: float
    threshold: float
    alternative: str  # "larger": H1 share > threshold; "smaller": H1 share < threshold
    n: float
    n_effective: float
    z: float
    p_value: float
    alpha: float
    significant: bool

    def as_dict(self) -> dict:
        return asdict(self)


def threshold_test(
    percent: float,
    n: float,
    threshold: float,
    alternative: str = "larger",
    confidence: float = 0.95,
    design_effect: float = 1.0,
) -> ThresholdTest:
    """Is the population share above (or below) `threshold`, given a poll share at size `n`?

    A one-sided score z-test (statsmodels `proportions_ztest` with the variance taken at the
    threshold). It is judged at alpha = (1 - confidence) / 2, so it rejects exactly when the
    threshold lies outside the Wilson interval of the same confidence.
    """
    from statsmodels.stats.proportion import proportions_ztest

    _check(percent, n, design_effect, confidence)
    if alternative not in ("larger", "smaller"):
        raise ValueError(f"alternative must be 'larger' or 'smaller', got {alternative!r}")
    if not 0 < threshold < 100:
        raise ValueError(f"threshold must lie strictly between 0 and 100, got {threshold}")
    n_eff = n / design_effect
    p0 = threshold / 100
    z, p_value = proportions_ztest(percent / 100 * n_eff, n_eff, value=p0, alternative=alternative, prop_var=p0)
    alpha = (1 - confidence) / 2
    return ThresholdTest(
        percent, threshold, alternative, n, n_eff, float(z), float(p_value), alpha, bool(p_value < alpha)
    )


def n_for_significance(percent: float, threshold: float, confidence: float = 0.95, design_effect: float = 1.0) -> float:
    """Smallest sample size at which `threshold_test` becomes significant (inf if percent == threshold).

    Closed form of the score test: n = deff * z^2 * p0 (1 - p0) / (p - p0)^2.
    """
    if percent == threshold:
        return math.inf
    p, p0 = percent / 100, threshold / 100
    return design_effect * z_value(confidence) ** 2 * p0 * (1 - p0) / (p - p0) ** 2


@dataclass(frozen=True)
class Difference:
    """Difference percent1 - percent2 (points) between two independent samples."""

    percent1: float
    n1: float
    percent2: float
    n2: float
    difference: float
    ci_low: float
    ci_high: float
    statistic: float
    p_value: float
    confidence: float
    significant: bool
    ci_method: str
    test_method: str

    def as_dict(self) -> dict:
        return asdict(self)


def difference(
    percent1: float,
    n1: float,
    percent2: float,
    n2: float,
    confidence: float = 0.95,
    design_effect: float = 1.0,
    ci_method: str = "newcomb",
    test_method: str = "score",
) -> Difference:
    """Two waves or two countries: the difference in points, its interval and a two-sided test.

    Uses statsmodels `confint_proportions_2indep` (default Newcomb's hybrid score interval) and
    `test_proportions_2indep` (default score test); `"wald"` for both gives the textbook
    d +- z * sqrt(p1 q1 / n1 + p2 q2 / n2).
    """
    from statsmodels.stats.proportion import confint_proportions_2indep, test_proportions_2indep

    _check(percent1, n1, design_effect, confidence)
    _check(percent2, n2, design_effect, confidence)
    e1, e2 = n1 / design_effect, n2 / design_effect
    c1, c2 = percent1 / 100 * e1, percent2 / 100 * e2
    low, high = confint_proportions_2indep(c1, e1, c2, e2, method=ci_method, compare="diff", alpha=1 - confidence)
    result = test_proportions_2indep(c1, e1, c2, e2, method=test_method, compare="diff", alternative="two-sided")
    p_value = float(result.pvalue)
    return Difference(
        percent1,
        n1,
        percent2,
        n2,
        percent1 - percent2,
        float(low) * 100,
        float(high) * 100,
        float(result.statistic),
        p_value,
        confidence,
        bool(p_value < 1 - confidence),
        ci_method,
        test_method,
    )


P_FLOOR = 1e-10  # p-values below this are shown as "<1e-10"


def format_p(p: float, label: str = "", floor: float = P_FLOOR) -> str:
    """A p-value for display: two significant digits, "<1e-10" below `floor`, "" for NaN.

    With a label: "p = 0.013" or "p < 1e-10".
    """
    if p is None or math.isnan(p):
        return ""
    if p < floor:
        return f"{label} < {floor:.0e}" if label else f"<{floor:.0e}"
    return f"{label} = {p:.2g}" if label else f"{p:.2g}"
