"""Pause the cyclic garbage collector while a large document is read, checked or written.

Reading a large file creates millions of dicts, lists and models, none of them in a reference
cycle; CPython's cyclic collector would walk the growing heap again and again meanwhile, which
more than doubles the time. :func:`collection_paused` pauses it for the duration of a block.
Reference counting still frees memory as usual, and the collector runs again as soon as the
last such block ends.
"""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterator

__all__ = ["collection_paused"]

_pause_lock = threading.Lock()
_pauses = 0
_was_enabled = False


@contextlib.contextmanager
def collection_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for the duration of the block.

    Blocks may nest and run in several threads at once: the collector is paused when the first
    begins and restored, if it was enabled, when the last ends.

    Example:
        >>> with collection_paused():
        ...     gc.isenabled()
        False
        >>> gc.isenabled()
        True
    """
    global _pauses, _was_enabled
    with _pause_lock:
        if _pauses == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _pause_lock:
            _pauses -= 1
            if _pauses == 0 and _was_enabled:
                gc.enable()
