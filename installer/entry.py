"""Entry point of the frozen build: the same as the ``merit`` console script."""

import sys

from app.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
