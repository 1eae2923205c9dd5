"""Use cases: each takes a StaffSession, checks permissions, audits, and returns plain values."""
