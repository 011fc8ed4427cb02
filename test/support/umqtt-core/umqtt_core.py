# umqtt.simple without its transport, for this project's test and bench stand-ins: the MQTT 3.1.1
# packets it writes and reads, and the rules of its API. Three stand-ins build on it and give only
# the socket their client talks through:
#   test/support/micropython/standins   a scripted broker in memory (no network; records every call)
#   test/support/micropython/net-standins  real TCP from the WebAssembly board
#   bench/support/cpython-board         CPython's sockets
# Runs on MicroPython and CPython. Written for this project from the MQTT 3.1.1 specification and
# umqtt.simple's API (micropython-lib cannot be installed here).
#
# umqtt.simple's rules, checked earlier and louder where the real module fails late or silently:
# retain and qos go by keyword (its third positional argument is retain, unlike paho's qos), QoS 2 is
# refused (the real module asserts), a str with non-ASCII text is refused (the real module sends
# len() of what it is given, so the packet would be wrong: encode it first). Like the real module,
# check_msg() handles at most one packet, and publish() with QoS 1 and subscribe() wait for their
# PUBACK / SUBACK, handing messages that arrive meanwhile to the callback.

CONNECT = 0x10
CONNACK = 0x20
PUBLISH = 0x30
PUBACK = 0x40
SUBSCRIBE = 0x82
SUBACK = 0x90
PINGREQ = 0xC0
PINGRESP = 0xD0
DISCONNECT = 0xE0
SUBACK_REFUSED = 0x80


class MQTTException(Exception):
    pass


def fail(message):
    # A TypeError no generated "except OSError" swallows: a generator mistake stops the program.
    raise TypeError('stand-in: ' + message)


def require_type(name, value, types):
    if not isinstance(value, types):
        fail('%s must be %s, got %s' % (name, ' or '.join(t.__name__ for t in types), type(value).__name__))


def wire(name, value, allow_none=False):
    """The bytes umqtt.simple would send for value (bytes, or a str of ASCII text only)."""
    if value is None and allow_none:
        return None
    require_type(name, value, (bytes, bytearray, str))
    if isinstance(value, str):
        for char in value:
            if ord(char) > 127:
                fail('%s is a str with non-ASCII text; umqtt.simple would send a wrong length (encode it)' % name)
        return value.encode()
    return bytes(value)


# ---- packets -------------------------------------------------------------------------------------

def remaining_length(n):
    if not 0 <= n < 268435456:
        raise ValueError('an MQTT packet holds at most 256 MB')
    out = bytearray()
    while True:
        byte = n & 0x7F
        n >>= 7
        out.append(byte | 0x80 if n else byte)
        if not n:
            return bytes(out)


def field(data):
    if len(data) > 65535:
        raise ValueError('an MQTT string holds at most 65535 bytes, got %d' % len(data))
    return bytes([len(data) >> 8, len(data) & 0xFF]) + data


def packet(first, body):
    return bytes([first]) + remaining_length(len(body)) + body


def two_bytes(n):
    return bytes([n >> 8, n & 0xFF])


def connect_packet(client_id, clean_session, keepalive, will, user, password):
    """will: None or (topic, msg, retain, qos) as bytes, bytes, bool, int."""
    flags = 0x02 if clean_session else 0
    payload = field(client_id)
    if will:
        topic, msg, retain, qos = will
        flags |= 0x04 | (qos & 1) << 3 | (qos & 2) << 3 | (0x20 if retain else 0)
        payload += field(topic) + field(msg)
    if user:
        flags |= 0xC0
        payload += field(user) + field(password)
    return packet(CONNECT, field(b'MQTT') + bytes([4, flags]) + two_bytes(keepalive) + payload)


def connack_packet(code, session_present=False):
    return bytes([CONNACK, 2, 1 if session_present else 0, code])


def publish_packet(topic, msg, retain=False, qos=0, pid=0):
    body = field(topic) + (two_bytes(pid) if qos else b'') + msg
    return packet(PUBLISH | qos << 1 | (1 if retain else 0), body)


def puback_packet(pid):
    return bytes([PUBACK, 2]) + two_bytes(pid)


def subscribe_packet(pid, topic, qos):
    return packet(SUBSCRIBE, two_bytes(pid) + field(topic) + bytes([qos]))


def suback_packet(pid, granted):
    return bytes([SUBACK, 3]) + two_bytes(pid) + bytes([granted])


PINGREQ_PACKET = bytes([PINGREQ, 0])
PINGRESP_PACKET = bytes([PINGRESP, 0])
DISCONNECT_PACKET = bytes([DISCONNECT, 0])


def read_length(read_exactly):
    n = 0
    shift = 0
    while True:
        byte = read_exactly(1)[0]
        n |= (byte & 0x7F) << shift
        if not byte & 0x80:
            return n
        shift += 7
        if shift > 21:
            raise MQTTException('malformed remaining length')


def parse_publish(first, body):
    """(topic, msg, qos, pid) of a PUBLISH packet's first byte and body."""
    topic_len = (body[0] << 8) | body[1]
    topic = bytes(body[2:2 + topic_len])
    at = 2 + topic_len
    qos = (first >> 1) & 3
    pid = 0
    if qos:
        pid = (body[at] << 8) | body[at + 1]
        at += 2
    return topic, bytes(body[at:]), qos, pid


def parse_subscribe(body):
    """(pid, topic, qos) of a SUBSCRIBE with one filter, as umqtt.simple sends it."""
    pid = (body[0] << 8) | body[1]
    topic_len = (body[2] << 8) | body[3]
    return pid, bytes(body[4:4 + topic_len]), body[4 + topic_len]


# ---- the client ----------------------------------------------------------------------------------

class MQTTClient:
    """umqtt.simple's MQTTClient; a stand-in gives _open_socket(), returning an object with
    MicroPython's stream socket methods: write(data), read(n) (n bytes unless the stream ends; None
    when non-blocking and nothing waits), setblocking(flag), close()."""

    def __init__(self, client_id, server, port=0, user=None, password=None, keepalive=0, ssl=False, ssl_params={}):
        self.client_id = wire('client_id', client_id)
        if not self.client_id:
            fail('empty client_id')
        require_type('server', server, (str,))
        require_type('port', port, (int,))
        self.user = wire('user', user, allow_none=True)
        self.pswd = wire('password', password, allow_none=True)
        if user and password is None:
            fail('umqtt.simple sends a password whenever a user is given: password=None would crash')
        require_type('keepalive', keepalive, (int,))
        if not 0 <= keepalive <= 65535:
            fail('keepalive out of range')
        if ssl is not False and ssl is not True:
            fail('ssl must be a bool')
        self.server = server
        self.port = port or (8883 if ssl else 1883)
        self.ssl = ssl
        self.keepalive = keepalive
        self.sock = None
        self.cb = None
        self.pid = 0
        self.lw = None

    def _open_socket(self):
        raise NotImplementedError('each stand-in gives its transport')

    def set_callback(self, f):
        if not callable(f):
            fail('set_callback() needs a function')
        self.cb = f

    def set_last_will(self, topic, msg, retain=False, qos=0):
        assert 0 <= qos <= 2
        assert topic
        self.lw = (wire('topic', topic), wire('msg', msg), retain, qos)

    def connect(self, clean_session=True):
        self.sock = self._open_socket()
        self.sock.write(connect_packet(self.client_id, clean_session, self.keepalive, self.lw, self.user, self.pswd))
        answer = self._read_exactly(4)
        if answer[0] != CONNACK or answer[1] != 2:
            raise MQTTException(-1)
        if answer[3] != 0:
            raise MQTTException(answer[3])
        return answer[2] & 1

    def disconnect(self):
        self.sock.write(DISCONNECT_PACKET)
        self.sock.close()

    def ping(self):
        self.sock.write(PINGREQ_PACKET)

    def _next_pid(self):
        self.pid = self.pid % 65535 + 1
        return self.pid

    def publish(self, topic, msg, *positional, retain=False, qos=0):
        if positional:
            fail('publish(): pass retain and qos by keyword (the third positional argument is retain)')
        topic = wire('topic', topic)
        msg = wire('msg', msg)
        if retain is not False and retain is not True:
            fail('retain must be a bool')
        if qos == 2:
            raise AssertionError('umqtt.simple has no QoS 2')
        if qos not in (0, 1):
            fail('qos must be 0 or 1')
        pid = self._next_pid() if qos else 0
        self.sock.write(publish_packet(topic, msg, retain, qos, pid))
        if qos == 1:
            self._wait_for(PUBACK, pid)

    def subscribe(self, topic, qos=0):
        topic = wire('topic', topic)
        if self.cb is None:
            fail('subscribe() before set_callback()')
        if qos not in (0, 1):
            fail('qos must be 0 or 1 in umqtt.simple')
        pid = self._next_pid()
        self.sock.write(subscribe_packet(pid, topic, qos))
        body = self._wait_for(SUBACK, pid)
        if body[2] == SUBACK_REFUSED:
            raise MQTTException(SUBACK_REFUSED)

    def _wait_for(self, kind, pid):
        # Blocking, as umqtt.simple's wait_msg() loop: messages arriving meanwhile go to the callback.
        while True:
            got = self._receive()
            if got is None:
                continue
            first, body = got
            if first == kind and (body[0] << 8 | body[1]) == pid:
                return body
            self._dispatch(first, body)

    def _read_exactly(self, n):
        data = self.sock.read(n)
        if data is None or len(data) < n:
            raise OSError(-1)
        return data

    def _receive(self):
        """(first byte, body) of the next packet, or None when the socket is non-blocking and idle."""
        try:
            first = self.sock.read(1)
        finally:
            self.sock.setblocking(True)
        if first is None:
            return None
        if first == b'':
            raise OSError(-1)
        size = read_length(self._read_exactly)
        return first[0], (self._read_exactly(size) if size else b'')

    def _dispatch(self, first, body):
        if first == PINGRESP:
            return None
        if first & 0xF0 != PUBLISH:
            return first & 0xF0  # PUBACK, SUBACK, ... for a caller waiting on them
        topic, msg, qos, pid = parse_publish(first, body)
        if qos == 2:
            raise AssertionError('umqtt.simple has no QoS 2')
        self._deliver(topic, msg)
        if qos == 1:
            self.sock.write(puback_packet(pid))
        return None

    def _deliver(self, topic, msg):
        self.cb(topic, msg)

    def _one_packet(self):
        got = self._receive()
        return None if got is None else self._dispatch(*got)

    def wait_msg(self):
        return self._one_packet()

    def check_msg(self):
        self.sock.setblocking(False)
        return self._one_packet()
