# umqtt.simple for CPython (see README.md): umqtt_core's client (test/support/umqtt-core: the
# packets and umqtt.simple's rules, shared with the test boards) over a CPython TCP socket.
import socket
import umqtt_core
from umqtt_core import MQTTException  # noqa: F401 (part of umqtt.simple's API)


class _StreamSocket:
    """A CPython socket with MicroPython's stream methods, which umqtt_core's client uses."""

    def __init__(self, sock):
        self._sock = sock

    def write(self, data):
        self._sock.sendall(data)
        return len(data)

    def read(self, n):
        # Non-blocking: None when nothing waits. Blocking: n bytes unless the stream ends first.
        data = b''
        while len(data) < n:
            try:
                chunk = self._sock.recv(n - len(data))
            except BlockingIOError:
                return data or None
            if not chunk:
                break
            data += chunk
        return data

    def setblocking(self, flag):
        self._sock.setblocking(flag)

    def close(self):
        self._sock.close()


class MQTTClient(umqtt_core.MQTTClient):
    def _open_socket(self):
        if self.ssl:
            umqtt_core.fail('the CPython stand-in has no TLS')
        return _StreamSocket(socket.create_connection((self.server, self.port)))
