"""The two ways a year's tables are released, and the smallest count each publishes (k): a
prefecture's own use sees real counts; a public table hides counts below 10 (ADR 0009). Kept apart
from the disclosure audit so that the command line can offer the names without loading it."""

from __future__ import annotations

POLICIES = {"prefecture": 1, "public": 10}
HANDLING = {"prefecture": "取扱注意 (都道府県内限り・実数)", "public": "公表用 (10未満秘匿)"}
