"""Python's cycle collector paused while an import reads, previews or writes.

An import holds every row of the file (100,000 rows: millions of small dicts and lists) and
allocates as many again while it normalises, compares and writes; the collector, triggered by
every 700 new containers, walks the ones still young and, now and then, the whole heap, none of
which is garbage. Pausing it made a 20,000-row import a third faster (issue 20). Nothing an
import makes is a cycle that must be freed early; the collector runs again as soon as the
step ends (on error too), and reference counting frees everything else as usual.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cycle collector for the block (nested blocks: the outermost resumes it)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
