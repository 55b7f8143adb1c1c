"""Poll claims in an article set against reference polls, with sampling error made explicit.

Modules: `stats` (intervals, margins of error, tests, differences), `claims` (finding and parsing
poll claims), `evaluate` (matching claims to reference polls, verdicts, sensitivity to n),
`plots` (waves of a poll question with interval bars).
"""
