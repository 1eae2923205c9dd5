"""Pure domain: value types, code lists, rules. Imports nothing outside domain/."""
