"""A real HTTP server on localhost that receives webhooks: it answers as scripted and keeps
every request (headers and body) for the test to read."""

import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Received:
    headers: dict[str, str]
    body: bytes
    at: float


class Receiver:
    """`answers` is a list of (status, delay seconds) used in order; the last one repeats."""

    def __init__(self) -> None:
        self.answers: list[tuple[int, float]] = [(200, 0.0)]
        self.received: list[Received] = []
        self._lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                with receiver._lock:
                    receiver.received.append(Received(dict(self.headers), body, time.monotonic()))
                    index = min(len(receiver.received), len(receiver.answers)) - 1
                    status, delay = receiver.answers[index]
                if delay:
                    time.sleep(delay)
                try:
                    self.send_response(status)
                    self.send_header("Content-Length", "2")
                    self.end_headers()
                    self.wfile.write(b"ok")
                except OSError:
                    pass  # the client gave up waiting: that is the point of a delay

            def log_message(self, *args):
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._server.block_on_close = False
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}/hooks"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def answer(self, *answers: tuple[int, float] | int) -> None:
        self.answers = [a if isinstance(a, tuple) else (a, 0.0) for a in answers]

    def start(self) -> "Receiver":
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
