"""The ledger import wizard."""
