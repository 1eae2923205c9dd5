"""The Excel/CSV case ledger: one row per case, for migration from the spreadsheets centers keep today."""
