# CPython's TCP socket with MicroPython's stream methods (read/write), which umqtt.simple calls:
# used by our umqtt.simple stand-in and, when the bench is given it, micropython-lib's real one.
import socket


class StreamSocket(socket.socket):
    def write(self, data, length=None):
        # A MicroPython stream writes a str as its UTF-8 bytes (the library's client id is one).
        view = memoryview(data.encode() if isinstance(data, str) else data)
        if length is not None:
            view = view[:length]
        self.sendall(view)
        return len(view)

    def read(self, n):
        # A non-blocking socket gives what has come (None when nothing has); a blocking one
        # n bytes unless the stream ends first.
        data = b''
        while len(data) < n:
            try:
                chunk = self.recv(n - len(data))
            except BlockingIOError:
                return data or None
            if not chunk:
                break
            data += chunk
        return data
