# umqtt.simple's API over a TCP socket, for CPython (see README.md): same methods, same wire
# behaviour as the board library, written for this project.
import socket
import struct


class MQTTException(Exception):
    pass


class MQTTClient:
    def __init__(self, client_id, server, port=0, user=None, password=None, keepalive=0, ssl=False, ssl_params={}):
        if port == 0:
            port = 8883 if ssl else 1883
        self.client_id = client_id
        self.sock = None
        self.server = server
        self.port = port
        self.pid = 0
        self.cb = None
        self.user = user
        self.pswd = password
        self.keepalive = keepalive
        self.lw_topic = None
        self.lw_msg = None
        self.lw_qos = 0
        self.lw_retain = False

    def _read(self, n):
        data = b''
        while len(data) < n:
            chunk = self.sock.recv(n - len(data))
            if not chunk:
                raise OSError(-1)
            data += chunk
        return data

    def _recv_len(self):
        value = 0
        shift = 0
        while True:
            byte = self._read(1)[0]
            value |= (byte & 0x7F) << shift
            if not byte & 0x80:
                return value
            shift += 7

    @staticmethod
    def _length(n):
        out = bytearray()
        while True:
            byte = n & 0x7F
            n >>= 7
            out.append(byte | (0x80 if n else 0))
            if not n:
                return bytes(out)

    @staticmethod
    def _str(data):
        # Like the board's socket write, a str goes out as is (ASCII: the generated code encodes the rest).
        if isinstance(data, str):
            data = data.encode()
        return struct.pack('!H', len(data)) + data

    def set_callback(self, f):
        self.cb = f

    def set_last_will(self, topic, msg, retain=False, qos=0):
        assert 0 <= qos <= 2
        assert topic
        self.lw_topic = topic
        self.lw_msg = msg
        self.lw_qos = qos
        self.lw_retain = retain

    def connect(self, clean_session=True):
        self.sock = socket.create_connection((self.server, self.port))
        flags = 0x02 if clean_session else 0
        payload = self._str(self.client_id)
        if self.lw_topic:
            flags |= 0x04 | (self.lw_qos & 1) << 3 | (self.lw_qos & 2) << 3 | int(bool(self.lw_retain)) << 5
            payload += self._str(self.lw_topic) + self._str(self.lw_msg)
        if self.user is not None:
            flags |= 0xC0
            payload += self._str(self.user) + self._str(self.pswd)
        body = b'\x00\x04MQTT\x04' + bytes([flags]) + struct.pack('!H', self.keepalive) + payload
        self.sock.sendall(b'\x10' + self._length(len(body)) + body)
        reply = self._read(4)
        assert reply[0] == 0x20 and reply[1] == 0x02
        if reply[3] != 0:
            raise MQTTException(reply[3])
        return reply[2] & 1

    def disconnect(self):
        self.sock.sendall(b'\xe0\x00')
        self.sock.close()

    def ping(self):
        self.sock.sendall(b'\xc0\x00')

    def publish(self, topic, msg, retain=False, qos=0):
        assert qos != 2, 'umqtt.simple has no QoS 2'
        body = self._str(topic)
        msg = msg.encode() if isinstance(msg, str) else msg
        if qos > 0:
            self.pid += 1
            pid = self.pid
            body += struct.pack('!H', pid)
        body += msg
        self.sock.sendall(bytes([0x30 | qos << 1 | int(bool(retain))]) + self._length(len(body)) + body)
        if qos == 1:
            while True:
                op = self.wait_msg()
                if op == 0x40:
                    self._read(1)
                    if struct.unpack('!H', self._read(2))[0] == pid:
                        return

    def subscribe(self, topic, qos=0):
        assert self.cb is not None, 'Subscribe callback is not set'
        self.pid += 1
        body = struct.pack('!H', self.pid) + self._str(topic) + bytes([qos])
        self.sock.sendall(b'\x82' + self._length(len(body)) + body)
        while True:
            op = self.wait_msg()
            if op == 0x90:
                reply = self._read(4)
                if reply[3] == 0x80:
                    raise MQTTException(reply[3])
                return

    def _handle(self, op):
        if op == 0xD0:  # PINGRESP
            self._read(1)
            return None
        if op & 0xF0 != 0x30:
            return op
        size = self._recv_len()
        topic_length = struct.unpack('!H', self._read(2))[0]
        topic = self._read(topic_length)
        size -= topic_length + 2
        if op & 6:
            pid = struct.unpack('!H', self._read(2))[0]
            size -= 2
        msg = self._read(size)
        self.cb(topic, msg)
        if op & 6 == 2:
            self.sock.sendall(b'\x40\x02' + struct.pack('!H', pid))
        return None

    def wait_msg(self):
        first = self.sock.recv(1)
        if not first:
            raise OSError(-1)
        return self._handle(first[0])

    def check_msg(self):
        # One waiting packet, or nothing: only the first byte is read without blocking.
        self.sock.setblocking(False)
        try:
            first = self.sock.recv(1)
        except BlockingIOError:
            return None
        finally:
            self.sock.setblocking(True)
        if not first:
            raise OSError(-1)
        return self._handle(first[0])
