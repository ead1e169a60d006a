"""A small TCP proxy in front of the test server that can cut every connection through it once it has
forwarded a number of bytes towards the server: a connection dropped in the middle of a call, as a
flaky network or a restarting load balancer drops it. New connections go through afterwards."""

from __future__ import annotations

import math
import socket
import threading


class CuttingProxy:
    def __init__(self, target: str) -> None:
        host, port = target.rsplit(":", 1)
        self._target = (host, int(port))
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.target = f"127.0.0.1:{self._listener.getsockname()[1]}"
        """ "host:port" of the proxy, to connect to instead of the server."""
        self.connections = 0
        self.cuts = 0
        self._remaining = math.inf
        self._open: set[socket.socket] = set()
        self._lock = threading.Lock()
        threading.Thread(target=self._accept, daemon=True).start()

    def cut_after(self, count: int) -> None:
        """Cuts every open connection once ``count`` more bytes have gone towards the server."""
        with self._lock:
            self._remaining = count

    def close(self) -> None:
        self._listener.close()
        self._cut_all(count=False)

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return  # closed
            upstream = socket.create_connection(self._target)
            with self._lock:
                self.connections += 1
                self._open.update((client, upstream))
            threading.Thread(target=self._pump, args=(client, upstream, True), daemon=True).start()
            threading.Thread(target=self._pump, args=(upstream, client, False), daemon=True).start()

    def _pump(self, source: socket.socket, destination: socket.socket, towards_server: bool) -> None:
        try:
            while data := source.recv(65536):
                destination.sendall(data)
                if towards_server:
                    with self._lock:
                        self._remaining -= len(data)
                        cut = self._remaining <= 0
                    if cut:
                        self._cut_all(count=True)
                        return
        except OSError:
            pass
        for sock in (source, destination):
            self._close(sock)

    def _cut_all(self, count: bool) -> None:
        with self._lock:
            if count:
                self.cuts += 1
                self._remaining = math.inf
            sockets, self._open = self._open, set()
        for sock in sockets:
            self._close(sock)

    @staticmethod
    def _close(sock: socket.socket) -> None:
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        sock.close()
