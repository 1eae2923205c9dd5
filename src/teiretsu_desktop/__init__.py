"""Teiretsu Desktop: case management for 地域生活定着支援センター."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("teiretsu-desktop")
except PackageNotFoundError:  # running from a source tree or a frozen build without metadata
    __version__ = "0.1.0"
