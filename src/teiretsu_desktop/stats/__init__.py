"""Fiscal-year statistics, disclosure control, the signed bundle and the prefecture's workspace."""
