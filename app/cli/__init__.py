"""The command line: ``merit``."""

from app.cli.core import main

__all__ = ["main"]
