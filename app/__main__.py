"""``python -m app``: the same as the ``merit`` command (opens the desktop app)."""

from app.cli.main import main

if __name__ == "__main__":
    raise SystemExit(main())
