"""The base of every screen in the main window's sidebar.

A page is built with the window's database, the signed-in actor and the window's one
:class:`~app.ui.tasks.TaskRunner` (pages never make their own: a private runner would be a
private thread pool). Its title, the rights it needs and its place in the sidebar are declared
in :mod:`app.ui.pages.registry`, so that the window can list the pages without importing them.
"""

from __future__ import annotations

from typing import ClassVar, Protocol

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from app.models.storage.db import Database
from app.ui.tasks import TaskRunner


class Page(QWidget):
    """A screen of the main window.

    ``recordsChanged`` says that this page wrote records other pages show (an import applied, a
    sync package imported, a clash resolved); the window then calls :meth:`records_changed` on
    every other page already built. ``navTitleChanged`` carries a new sidebar text for pages
    whose entry shows their state (the number of open clashes).
    """

    recordsChanged = Signal()
    navTitleChanged = Signal(str)
    # The rights the page needs: shown when the actor has every right of at least one group
    # (no group: shown to everyone). The registry repeats them (it lists the pages without
    # importing them); tests/ui/test_registry.py checks that the two agree. The domain checks
    # every read and action again: hiding a page is not the check.
    rights: ClassVar[tuple[tuple[str, ...], ...]] = ()

    def __init__(self, db: Database, *, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.runner = runner

    def nav_title(self) -> str | None:
        """The sidebar text when it depends on the page's state; None: the registry's title."""
        return None

    def records_changed(self) -> None:
        """Another page changed records this page may show. Default: nothing to do."""

    def open_target(self, target: object) -> None:
        """Show ``target`` when another page (the Beranda) sends the user here: a recap kind,
        a KP period... Default: the page as it is."""


class PageClass(Protocol):
    """How the main window builds every page: its database, the actor (a Sesi when accounts
    exist, see app/models/access/akses.py; each page keeps it as ``actor``) and the runner."""

    def __call__(self, db: Database, *, actor: str, runner: TaskRunner) -> Page: ...
