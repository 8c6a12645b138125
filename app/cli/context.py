"""What every ``merit`` command runs with: the database, who acts, and where output goes.

:func:`app.cli.main.main` builds one :class:`Context` per run and closes it when the command
ends. The database opens on first use (a command may check its input before), and who the run
acts as is decided then:

* ``--user NAMA`` signs in as that account; the password comes from ``--password-file BERKAS``
  (first line) or is asked for at the terminal. The rights of the account's roles then apply
  to every command, exactly as in the desktop app.
* Without ``--user``, on a database that has **no accounts yet**, the command runs as the
  machine's owner ("cli:<os user>"), the trusted local system: whoever can run it can read the
  database file anyway. This is how an installation is set up and scripted before accounts
  exist (``merit init``, ``merit demo``, ``merit akun add`` for the first admin).
* Signing in first runs the quick check of the audit trail
  (:func:`app.models.access.akun.masuk_diperiksa`); a broken trail is written to the trail and
  shown on stderr as a warning, and the command runs on (nobody is locked out).
* Without ``--user``, on a database that **has accounts**, every command that opens the database
  is refused (exit code 6) with a message that says to use ``--user``.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO, TypeAlias

from app import paths
from app.i18n import tr
from app.models.access import akun
from app.models.access.akses import Sesi
from app.models.errors import AccessDenied, MeritError, ValidationError
from app.models.storage.db import Database


class Context:
    """The database of this run (opened on first use), who acts, and the output stream.

    ``creates_db`` (set by a command with ``set_defaults``): the command may create a new
    database file; other commands refuse a file that does not exist yet.
    """

    def __init__(
        self,
        path: Path,
        out: TextIO,
        *,
        creates_db: bool = False,
        user: str | None = None,
        password_file: Path | None = None,
    ) -> None:
        self.path = path
        self.out = out
        self.creates_db = creates_db
        self.user = user
        self.password_file = password_file
        # The password typed at sign-in (``merit akun passwd`` needs it as the old one).
        self.password: str | None = None
        self._db: Database | None = None
        self._sesi: Sesi | None = None

    @classmethod
    def from_args(cls, args: argparse.Namespace, out: TextIO) -> Context:
        return cls(
            Path(args.db or paths.default_db()),
            out,
            creates_db=getattr(args, "creates_db", False),
            user=args.user,
            password_file=args.password_file,
        )

    @property
    def db(self) -> Database:
        """The database, opened (and signed in to) on first use."""
        return self._open()

    @property
    def actor(self) -> str:
        """Who this run acts as: the signed-in account (a :class:`Sesi`) or, on a database
        without accounts, the machine's owner ("cli:<os user>", trusted). Opens the database:
        signing in needs it."""
        self._open()
        if self._sesi is not None:
            return self._sesi
        return self.actor_name()

    def actor_name(self) -> str:
        """The machine's owner ("cli:<os user>"), without opening the database: who acts on a
        database file that cannot be opened at all (``merit restore`` over a damaged file)."""
        try:
            return f"cli:{getpass.getuser()}"
        except Exception:
            return "cli"

    def close(self) -> None:
        """Close the database, so that no connection (and no -wal/-shm file) outlives the
        command, even when ``main()`` runs inside another program or a test."""
        if self._db is not None:
            self._db.close()
            self._db = None

    def _open(self) -> Database:
        if self._db is None:
            if not self.creates_db and not self.path.exists():
                raise MeritError(
                    tr(
                        "Basis data {path} belum ada. Buat dulu dengan `merit init` atau "
                        "`merit demo`.",
                        path=self.path,
                    )
                )
            db = Database(self.path)
            try:
                self._sign_in(db)
            except BaseException:
                db.close()
                raise
            self._db = db
        return self._db

    def _sign_in(self, db: Database) -> None:
        """Decide who this run acts as (see the module docstring)."""
        if self.user:
            password = read_password(self.password_file, tr("Kata sandi {u}: ", u=self.user))
            signed_in = akun.masuk_diperiksa(db, self.user, password)
            self._sesi = signed_in.sesi
            self.password = password
            if not signed_in.jejak.ok:
                warn_broken_trail(signed_in.jejak.lines())
            return
        if akun.ada_akun(db):
            raise AccessDenied(
                tr(
                    "Basis data ini memakai akun pengguna. Jalankan perintah dengan --user NAMA "
                    "(kata sandi ditanyakan, atau dibaca dari --password-file BERKAS)."
                )
            )


def warn_broken_trail(lines: list[str]) -> None:
    """The check before sign-in found the audit trail broken: say so on stderr (the command
    itself runs on; the finding was written to the trail before the sign-in entry)."""
    print(tr("Peringatan: jejak audit tidak utuh."), file=sys.stderr)
    for line in lines[1:] if lines and lines[0].endswith(":") else lines:
        print(line, file=sys.stderr)
    print(
        tr(
            "Temuan ini sudah dicatat di jejak audit. Periksa dengan `merit audit verify` dan "
            "laporkan ke admin."
        ),
        file=sys.stderr,
    )


# What a command module attaches to its parser with ``set_defaults(handler=...)``: it runs the
# command and returns its exit code.
Handler: TypeAlias = Callable[[Context, argparse.Namespace], int]


def read_password(path: Path | None, prompt: str) -> str:
    """The first line of ``path``, or typed at the terminal (not echoed)."""
    if path is not None:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError as exc:
            raise ValidationError(
                tr("Berkas kata sandi {path} tidak dapat dibaca: {e}", path=path, e=exc.strerror),
                field="password-file",
            ) from exc
        lines = text.splitlines()
        return lines[0] if lines else ""
    if not sys.stdin.isatty():
        raise ValidationError(
            tr("Kata sandi tidak dapat ditanyakan di sini. Pakai --password-file BERKAS."),
            field="password-file",
        )
    return getpass.getpass(prompt)
