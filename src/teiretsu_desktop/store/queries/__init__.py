"""Read queries that need more than a primary-key lookup, tuned for 100,000 persons."""
