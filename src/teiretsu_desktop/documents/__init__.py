"""Printable forms: declarative definitions in the top-level forms/ folder, rendered with reportlab."""
