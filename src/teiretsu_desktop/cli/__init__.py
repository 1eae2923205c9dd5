"""The headless face: `teiretsu-admin` for IT, migration and tests."""
