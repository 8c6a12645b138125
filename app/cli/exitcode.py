"""The exit codes of ``merit``, in one place.

A command returns one of these; an expected error (:class:`app.models.errors.MeritError`)
ends the run with its ``exit_code``, which is one of these too (tests/cli/test_exitcode.py).
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    # An expected error without a more precise code; also: ``merit verify`` found the document
    # not genuine, or the user answered "no" to a question (delete, trust a peer).
    FAILED = 1
    # Bad input (argparse's usage errors too), nothing written; also: ``merit nip --json`` on an
    # invalid NIP, ``merit import`` rejected rows.
    INVALID = 2
    NOT_FOUND = 3
    STORAGE = 4  # the database file cannot be used (in use, read-only, full, corrupt, too new)
    # ``merit check`` found a problem; ``merit audit verify``: the trail is broken now, or a break
    # was found and recorded earlier
    INTEGRITY = 5
    DENIED = 6  # access refused, sign-in failed; a restore from another agency not confirmed
    # ``merit verify`` (0: ASLI, ISI SAMA, or a typed code TERDAFTAR; 2: not a readable PDF):
    VERIFY_CHANGED = 10  # BERUBAH: a page, the text or the code differs from what was issued
    VERIFY_CANCELLED = 11  # DIBATALKAN: issued, then cancelled in the register
    # TIDAK TERDAFTAR / TANPA KODE / PENERBIT TIDAK DIKENAL: nothing here to compare with
    VERIFY_UNKNOWN = 12
    VERIFY_FORGED = 13  # PALSU: the register entry does not check (HMAC, issuer's signature)
    UNEXPECTED = 70  # a bug: the crash log names the file (sysexits EX_SOFTWARE)
    INTERRUPTED = 130  # Ctrl-C, or a long job cancelled (128 + SIGINT)
