"""Typed errors of the domain.

Every message is an Indonesian sentence that a clerk understands and that says what to do.
The UI shows it in a dialog; the CLI prints it and exits non-zero.
"""

from __future__ import annotations


class MeritError(Exception):
    """Base of every expected error. ``str(error)`` is the message for the user."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class ValidationError(MeritError):
    """Input that is wrong. ``field`` names the field, ``reasons`` lists every problem found."""

    exit_code = 2

    def __init__(
        self, message: str, *, field: str | None = None, reasons: list[str] | None = None
    ) -> None:
        super().__init__(message)
        self.field = field
        self.reasons = list(reasons or [message])


class NotFoundError(MeritError):
    """A record that was asked for does not exist."""

    exit_code = 3


class StorageError(MeritError):
    """The database file cannot be used (locked, read-only, full, corrupt, not a database)."""

    exit_code = 4


class SchemaTooNewError(StorageError):
    """The database was written by a newer Merit than this one."""


class Cancelled(MeritError):
    """The user cancelled a long job; nothing was written."""

    exit_code = 130


class AccessDenied(MeritError):
    """The signed-in user may not do this (their role does not allow it), or signing in failed."""

    exit_code = 6
