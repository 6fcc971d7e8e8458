"""No network: shared by in-process tests (``monkeypatch.setattr``) and by processes the tests
start (``python -c "from tests.offline import refuse_network; refuse_network(); ..."``)."""

from __future__ import annotations

import socket
from collections.abc import Callable


def refuse_network(patch: Callable[[object, str, object], None] = setattr) -> None:
    """Make opening a network socket fail loudly: ``patch`` is ``monkeypatch.setattr`` in a
    test, plain ``setattr`` in a process a test starts (``from tests.offline import refuse_network``)."""
    def refuse(*args, **kwargs):
        raise AssertionError("a network socket was opened")

    # connecting, not creating, is refused: ssl (imported late by urllib) subclasses socket.socket
    patch(socket.socket, "connect", refuse)
    patch(socket.socket, "connect_ex", refuse)
    patch(socket, "create_connection", refuse)
    patch(socket, "getaddrinfo", refuse)
