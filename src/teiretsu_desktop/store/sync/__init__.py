"""One center, several devices: change capture, the change log, merge and packets (issue 18, ADR 0018)."""
