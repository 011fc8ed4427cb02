# umqtt.simple for the networked board: the API and the argument rules of micropython-lib's
# module (checked as strictly as the recording stand-in: bytes or ASCII str on the wire, since the
# real module sends len() of what it is given; retain and qos by keyword), speaking MQTT 3.1.1
# to a real broker over the socket stand-in. Like the real module: check_msg() handles at most
# one packet, QoS 1 publishes wait for their PUBACK, QoS 2 is refused.
import socket
import board_harness as h


class MQTTException(Exception):
    pass


def _length(n):
    out = bytearray()
    while True:
        byte = n & 0x7F
        n >>= 7
        out.append(byte | 0x80 if n else byte)
        if not n:
            return bytes(out)


def _field(data):
    if isinstance(data, str):
        data = data.encode()
    return bytes([len(data) >> 8, len(data) & 0xFF]) + bytes(data)


class MQTTClient:
    def __init__(self, client_id, server, port=0, user=None, password=None, keepalive=0, ssl=False, ssl_params={}):
        h.require_wire_text('client_id', client_id)
        h.require_type('server', server, (str,))
        h.require_type('port', port, (int,))
        h.require_wire_text('user', user, allow_none=True)
        h.require_wire_text('password', password, allow_none=True)
        if user and password is None:
            h.fail('umqtt.simple sends a password whenever a user is given: password=None would crash')
        if ssl:
            h.fail('the networked stand-in has no TLS')
        self.client_id = client_id
        self.server = server
        self.port = port or 1883
        self.user = user
        self.pswd = password
        self.keepalive = keepalive
        self.sock = None
        self.cb = None
        self.pid = 0
        self.lw = None

    def set_callback(self, f):
        if not callable(f):
            h.fail('set_callback() needs a function')
        self.cb = f

    def set_last_will(self, topic, msg, retain=False, qos=0):
        h.require_wire_text('topic', topic)
        h.require_wire_text('msg', msg)
        assert 0 <= qos <= 2 and topic
        self.lw = (topic, msg, retain, qos)

    def _send(self, packet_type, body):
        self.sock.write(bytes([packet_type]) + _length(len(body)) + body)

    def _read_exactly(self, n):
        data = self.sock.read(n)
        if data is None or len(data) < n:
            raise OSError(-1)
        return data

    def _read_length(self):
        n = 0
        shift = 0
        while True:
            byte = self._read_exactly(1)[0]
            n |= (byte & 0x7F) << shift
            if not byte & 0x80:
                return n
            shift += 7

    def connect(self, clean_session=True):
        self.sock = socket.socket()
        self.sock.connect(socket.getaddrinfo(self.server, self.port)[0][-1])
        flags = 0x02 if clean_session else 0
        payload = _field(self.client_id)
        if self.lw:
            topic, msg, retain, qos = self.lw
            flags |= 0x04 | (qos << 3) | (0x20 if retain else 0)
            payload += _field(topic) + _field(msg)
        if self.user:
            flags |= 0xC0
            payload += _field(self.user) + _field(self.pswd)
        body = _field(b'MQTT') + bytes([4, flags, self.keepalive >> 8, self.keepalive & 0xFF]) + payload
        self._send(0x10, body)
        answer = self._read_exactly(4)
        if answer[0] != 0x20 or answer[1] != 2:
            raise MQTTException(-1)
        if answer[3] != 0:
            raise MQTTException(answer[3])
        return answer[2] & 1

    def disconnect(self):
        self.sock.write(b'\xe0\x00')
        self.sock.close()

    def ping(self):
        self.sock.write(b'\xc0\x00')

    def publish(self, topic, msg, *positional, retain=False, qos=0):
        if positional:
            h.fail('publish(): pass retain and qos by keyword (the third positional argument is retain)')
        h.require_wire_text('topic', topic)
        h.require_wire_text('msg', msg)
        if qos == 2:
            raise AssertionError('umqtt.simple has no QoS 2')
        body = _field(topic)
        if qos:
            self.pid = self.pid % 65535 + 1
            body += bytes([self.pid >> 8, self.pid & 0xFF])
        if isinstance(msg, str):
            msg = msg.encode()
        self._send(0x30 | (qos << 1) | (1 if retain else 0), body + bytes(msg))
        if qos == 1:
            while True:
                op = self.wait_msg()
                if op == 0x40:
                    return

    def subscribe(self, topic, qos=0):
        h.require_wire_text('topic', topic)
        if self.cb is None:
            h.fail('subscribe() before set_callback()')
        self.pid = self.pid % 65535 + 1
        self._send(0x82, bytes([self.pid >> 8, self.pid & 0xFF]) + _field(topic) + bytes([qos]))
        while True:
            op = self.wait_msg()
            if op == 0x90:
                return

    def wait_msg(self):
        first = self.sock.read(1)
        if first is None:
            return None
        if first == b'':
            raise OSError(-1)
        self.sock.setblocking(True)
        kind = first[0]
        size = self._read_length()
        body = self._read_exactly(size) if size else b''
        if kind == 0xD0:  # PINGRESP
            return None
        if kind & 0xF0 != 0x30:
            return kind & 0xF0  # PUBACK, SUBACK, ... for the caller waiting on them
        topic_len = (body[0] << 8) | body[1]
        topic = body[2:2 + topic_len]
        at = 2 + topic_len
        qos = (kind >> 1) & 3
        if qos:
            pid = body[at:at + 2]
            at += 2
        self.cb(topic, body[at:])
        if qos == 1:
            self.sock.write(b'\x40\x02' + pid)
        elif qos == 2:
            raise AssertionError('umqtt.simple has no QoS 2')
        return None

    def check_msg(self):
        self.sock.setblocking(False)
        try:
            return self.wait_msg()
        finally:
            if self.sock is not None:
                self.sock.setblocking(True)
