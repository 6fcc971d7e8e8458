"""``python -m normalize``: the same as the ``normalize`` command."""

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
