"""A typed face for qasync, which ships no type information."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import ParamSpec

import qasync

P = ParamSpec("P")


def async_slot(*types: type) -> Callable[[Callable[P, Awaitable[None]]], Callable[P, None]]:
    """Like ``qasync.asyncSlot``, but keeps the decorated method's signature for mypy.

    An exception in the coroutine reaches ``sys.excepthook``; the app's hook logs
    it and returns the kiosk to the attract screen.
    """
    decorator: Callable[[Callable[P, Awaitable[None]]], Callable[P, None]] = qasync.asyncSlot(
        *types
    )
    return decorator
