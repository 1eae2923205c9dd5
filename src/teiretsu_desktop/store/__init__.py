"""The encrypted case store: SQLCipher through SQLAlchemy. The only package that writes SQL."""
