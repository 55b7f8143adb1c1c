"""Intervals, margins of error, tests and differences against closed-form results."""

from __future__ import annotations

import math
from statistics import NormalDist

import pytest

from analysis.polls import stats

Z95 = NormalDist().inv_cdf(0.975)


def wilson(p: float, n: float, z: float) -> tuple[float, float]:
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z / (1 + z * z / n) * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return (centre - half) * 100, (centre + half) * 100


def test_wilson_71_percent_at_1000_matches_closed_form():
    low, high = stats.interval(71, 1000, 0.95, "wilson")
    exp_low, exp_high = wilson(0.71, 1000, Z95)
    assert low == pytest.approx(exp_low, abs=1e-9)
    assert high == pytest.approx(exp_high, abs=1e-9)
    assert (round(low, 2), round(high, 2)) == (68.11, 73.73)


def test_wilson_at_other_confidence_uses_its_critical_value():
    z99 = NormalDist().inv_cdf(0.995)
    assert stats.interval(40, 300, 0.99) == pytest.approx(wilson(0.40, 300, z99), abs=1e-9)


def test_normal_margin_of_error_is_z_sqrt_pq_over_n():
    assert stats.margin_of_error(71, 1000) == pytest.approx(Z95 * math.sqrt(0.71 * 0.29 / 1000) * 100)
    assert stats.margin_of_error(50, 1000) == pytest.approx(3.099, abs=1e-3)  # the familiar +-3.1
    low, high = stats.interval(71, 1000, 0.95, "normal")
    assert (high - low) / 2 == pytest.approx(stats.margin_of_error(71, 1000), abs=1e-9)


def test_design_effect_scales_n_and_margin():
    assert stats.interval(71, 1000, design_effect=2.0) == pytest.approx(stats.interval(71, 500))
    assert stats.margin_of_error(71, 1000, design_effect=2.0) == pytest.approx(
        stats.margin_of_error(71, 1000) * math.sqrt(2)
    )
    assert stats.effective_n(1000, 1.5) == pytest.approx(666.6667, abs=1e-3)


def test_clopper_pearson_matches_beta_quantiles():
    from scipy.stats import beta

    low, high = stats.interval(30, 100, 0.95, "beta")
    assert low == pytest.approx(beta.ppf(0.025, 30, 71) * 100, abs=1e-9)
    assert high == pytest.approx(beta.ppf(0.975, 31, 70) * 100, abs=1e-9)


def test_intervals_table_has_every_method():
    table = stats.intervals(71, 1000)
    assert list(table["method"]) == list(stats.CI_METHODS)
    assert (table["ci_low"] < 71).all() and (table["ci_high"] > 71).all()
    assert table.loc[table["method"] == "wilson", "width"].iloc[0] == pytest.approx(
        wilson(0.71, 1000, Z95)[1] - wilson(0.71, 1000, Z95)[0]
    )


def test_threshold_test_is_the_score_test():
    result = stats.threshold_test(71, 1000, 70, "larger")
    z = (0.71 - 0.70) / math.sqrt(0.70 * 0.30 / 1000)
    assert result.z == pytest.approx(z)
    assert result.p_value == pytest.approx(1 - NormalDist().cdf(z))
    assert not result.significant  # 71% at n = 1000 is not clearly above 70%
    assert stats.threshold_test(76, 1000, 70, "larger").significant
    smaller = stats.threshold_test(33, 1000, 30, "smaller")
    assert smaller.p_value == pytest.approx(NormalDist().cdf((0.33 - 0.30) / math.sqrt(0.21 / 1000)))


@pytest.mark.parametrize("threshold", [60, 67, 68, 68.2, 73.6, 73.8, 80])
def test_test_rejects_exactly_when_threshold_outside_wilson(threshold):
    low, high = stats.interval(71, 1000)
    alternative = "larger" if threshold < 71 else "smaller"
    significant = stats.threshold_test(71, 1000, threshold, alternative).significant
    assert significant == (threshold < low or threshold > high)


def test_n_for_significance_is_the_boundary():
    n = stats.n_for_significance(71, 70)
    assert not stats.threshold_test(71, n * 0.99, 70).significant
    assert stats.threshold_test(71, n * 1.01, 70).significant
    assert stats.n_for_significance(70, 70) == math.inf


def test_difference_wald_matches_closed_form():
    d = stats.difference(71, 1000, 49, 1000, ci_method="wald", test_method="wald")
    se = math.sqrt(0.71 * 0.29 / 1000 + 0.49 * 0.51 / 1000)
    assert d.difference == pytest.approx(22)
    assert d.ci_low == pytest.approx((0.22 - Z95 * se) * 100)
    assert d.ci_high == pytest.approx((0.22 + Z95 * se) * 100)
    assert d.statistic == pytest.approx(0.22 / se)
    assert d.significant


def test_difference_newcomb_is_wider_at_higher_design_effect():
    narrow = stats.difference(76, 1000, 71, 1000)
    wide = stats.difference(76, 1000, 71, 1000, design_effect=2.0)
    assert wide.ci_high - wide.ci_low > narrow.ci_high - narrow.ci_low
    assert wide.p_value > narrow.p_value


@pytest.mark.parametrize("args", [(120, 1000), (50, 0), (50, 100, 0.95, "wilson", 0.0)])
def test_bad_arguments_raise(args):
    with pytest.raises(ValueError):
        stats.interval(*args)


def test_unknown_method_raises():
    with pytest.raises(ValueError, match="unknown interval method"):
        stats.interval(50, 100, method="bayes")


def test_format_p_floors_tiny_values_and_keeps_two_digits():
    assert stats.format_p(0.0) == "<1e-10" and stats.format_p(2e-267, "p") == "p < 1e-10"
    assert stats.format_p(0.01234) == "0.012" and stats.format_p(0.0451, "p") == "p = 0.045"
    assert stats.format_p(3e-7) == "3e-07" and stats.format_p(float("nan")) == ""
