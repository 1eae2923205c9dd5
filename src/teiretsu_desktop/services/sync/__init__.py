"""One center, several devices (issue 18): set-up, packets, conflicts. See docs/sync.md."""
