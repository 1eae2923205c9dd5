"""unlock."""
