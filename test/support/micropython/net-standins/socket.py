# MicroPython's socket for the networked board, over real TCP (jsnet, see net-board.mjs).
import binascii
import jsnet
import board_timers

AF_INET = 2
SOCK_STREAM = 1
BLOCKING_LIMIT_MS = 30000


def getaddrinfo(host, port, af=0, type=0, proto=0, flags=0):
    return [(AF_INET, SOCK_STREAM, 0, '', (host, port))]


class socket:
    def __init__(self, af=AF_INET, type=SOCK_STREAM, proto=0):
        self._handle = None
        self._timeout_ms = None  # None: blocking

    def connect(self, address):
        handle = jsnet.connect(address[0], address[1])
        if handle < 0:
            raise OSError(-handle)
        self._handle = handle

    def setblocking(self, flag):
        self._timeout_ms = None if flag else 0

    def settimeout(self, value):
        self._timeout_ms = None if value is None else int(value * 1000)

    def _need(self):
        board_timers.check_reset()
        if self._handle is None:
            raise OSError(9)  # EBADF

    def write(self, data):
        self._need()
        if jsnet.send(self._handle, binascii.hexlify(bytes(data)).decode()) < 0:
            raise OSError(104)  # ECONNRESET
        return len(data)

    send = write

    def read(self, n):
        # Stream semantics: a blocking read returns n bytes unless the stream ends first.
        self._need()
        if self._timeout_ms == 0:
            got = jsnet.recv(self._handle, n, 0)
            if got == '-':
                return None
            return binascii.unhexlify(got)
        parts = []
        left = n
        limit = BLOCKING_LIMIT_MS if self._timeout_ms is None else self._timeout_ms
        while left > 0:
            got = jsnet.recv(self._handle, left, limit)
            if got == '-':
                raise OSError(110)  # ETIMEDOUT
            if got == '':
                break
            piece = binascii.unhexlify(got)
            parts.append(piece)
            left -= len(piece)
        return b''.join(parts)

    recv = read

    def close(self):
        if self._handle is not None:
            jsnet.close(self._handle)
            self._handle = None
