"""Central's listening socket: replies on kept-alive connections are not held back by Nagle.

The sync engine keeps one connection to central open; with Nagle and delayed ACKs each batch
waited ~40 ms for nothing, which capped the drain far below 2 000 events/s (bench/sync_drain.py).
"""

from __future__ import annotations

import asyncio
import socket

from central.cli import listen


def test_connections_accepted_on_centrals_socket_have_tcp_nodelay() -> None:
    async def accepted_nodelay() -> int:
        sock = listen("127.0.0.1", 0)
        seen: asyncio.Future[int] = asyncio.get_running_loop().create_future()

        class Probe(asyncio.Protocol):
            def connection_made(self, transport: asyncio.BaseTransport) -> None:
                accepted = transport.get_extra_info("socket")
                seen.set_result(accepted.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
                transport.close()

        server = await asyncio.get_running_loop().create_server(Probe, sock=sock)
        async with server:
            port = sock.getsockname()[1]
            _reader, writer = await asyncio.open_connection("127.0.0.1", port)
            value = await asyncio.wait_for(seen, 30)
            writer.close()
            await writer.wait_closed()
        return value

    assert asyncio.run(accepted_nodelay()) != 0
