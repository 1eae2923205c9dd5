"""The automatic lock after a time without input (R-SES, DESIGN §keys): a centre chooses 1–60 minutes;
until its setting is read at an unlock, the default holds."""

from __future__ import annotations

IDLE_LOCK_MINUTES = 5
IDLE_LOCK_RANGE = (1, 60)
