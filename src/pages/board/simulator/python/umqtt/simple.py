# Simulated umqtt.simple: the same class and methods as micropython-lib's, but the connection is the
# page's MQTT-over-WebSocket link to the classroom broker (a browser cannot open TCP). The page keeps
# receiving while the program sleeps; check_msg()/wait_msg() hand the waiting messages over one by
# one, as bytes, to the callback. umqtt.simple's own rules are kept: retain is the third positional
# argument of publish, QoS 2 is not supported, and a str with non-ASCII text is refused (the real
# module would send a wrong length: encode it first).
import binascii
import json
import _simboard
import _simcore


class MQTTException(Exception):
    pass


def _wire(name, value, allow_none=False):
    if value is None and allow_none:
        return None
    if isinstance(value, str):
        data = value.encode()
        if len(data) != len(value):
            raise ValueError(
                '%s is a str with non-ASCII text: umqtt.simple on a board would send a broken packet. '
                'Pass bytes instead (for example text.encode()).' % name
            )
        return data
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value)
    raise TypeError('%s must be bytes or str, not %s' % (name, type(value).__name__))


def _hex(data):
    return binascii.hexlify(data).decode() if data is not None else None


def _raise_for(reply):
    error = reply.get('error')
    if error == 'refused':
        raise MQTTException(reply['code'])
    if error == 'oserror':
        raise OSError(reply.get('code', -1))
    if error:
        raise OSError(-1)


class _LinkSocket:
    # Stands for the board's TCP socket: closing it drops the link without DISCONNECT, like a board does.
    def __init__(self, client):
        self._client = client

    def close(self):
        _simcore.call('close')
        self._client._up = False

    def setblocking(self, flag):
        pass

    def settimeout(self, seconds):
        pass


class MQTTClient:
    def __init__(self, client_id, server, port=0, user=None, password=None, keepalive=0, ssl=False, ssl_params={}):
        if port == 0:
            port = 8883 if ssl else 1883
        self.client_id = _wire('client_id', client_id)
        self.sock = None
        self.server = server
        self.port = port
        self.ssl = ssl
        self.ssl_params = ssl_params
        self.pid = 0
        self.cb = None
        self.user = _wire('user', user, True)
        self.pswd = _wire('password', password, True)
        self.keepalive = keepalive
        self.lw_topic = None
        self.lw_msg = None
        self.lw_qos = 0
        self.lw_retain = False
        self._up = False
        self._queue = []

    def set_callback(self, f):
        self.cb = f

    def set_last_will(self, topic, msg, retain=False, qos=0):
        assert 0 <= qos <= 2
        assert topic
        self.lw_topic = _wire('topic', topic)
        self.lw_msg = _wire('msg', msg)
        self.lw_qos = qos
        self.lw_retain = retain

    def connect(self, clean_session=True, timeout=None):
        if not isinstance(self.keepalive, int) or not 0 <= self.keepalive < 65536:
            raise ValueError('keepalive must be 0 to 65535 seconds')
        will = None
        if self.lw_topic:
            will = {'topic': _hex(self.lw_topic), 'msg': _hex(self.lw_msg), 'qos': self.lw_qos, 'retain': bool(self.lw_retain)}
        reply = _simcore.call('connect', {
            'clientId': _hex(self.client_id),
            'server': str(self.server),
            'port': self.port,
            'user': _hex(self.user),
            'password': _hex(self.pswd),
            'keepalive': self.keepalive,
            'clean': bool(clean_session),
            'will': will,
        })
        _raise_for(reply)
        self._up = True
        self._queue = []
        self.sock = _LinkSocket(self)
        return bool(reply.get('sessionPresent'))

    def _require_link(self):
        if not self._up or not _simboard.link_up():
            self._up = False
            raise OSError(-1)

    def disconnect(self):
        self._require_link()
        _simcore.call('disconnect')
        self._up = False

    def ping(self):
        self._require_link()
        _raise_for(_simcore.call('ping'))

    def publish(self, topic, msg, retain=False, qos=0):
        if qos == 2:
            raise AssertionError('umqtt.simple does not support QoS 2')
        if qos not in (0, 1):
            raise ValueError('qos must be 0 or 1')
        topic = _wire('topic', topic)
        msg = _wire('msg', msg)
        self._require_link()
        _raise_for(_simcore.call('publish', {'topic': _hex(topic), 'msg': _hex(msg), 'qos': qos, 'retain': bool(retain)}))

    def subscribe(self, topic, qos=0):
        assert self.cb is not None, 'Subscribe callback is not set'
        topic = _wire('topic', topic)
        if qos not in (0, 1):
            raise ValueError('qos must be 0 or 1 in umqtt.simple')
        self._require_link()
        reply = _simcore.call('subscribe', {'topic': _hex(topic), 'qos': qos})
        _raise_for(reply)
        if reply.get('granted') == 0x80:
            raise MQTTException(0x80)

    def _take(self, wait):
        # Fills the local queue from the shared inbox; with wait, blocks (no CPU) until something arrives.
        while not self._queue:
            seen = _simboard.inbox_seq()
            batch = _simboard.take()
            if batch:
                for topic, payload in json.loads(batch):
                    self._queue.append((topic.encode(), binascii.unhexlify(payload)))
                continue
            if not _simboard.link_up():
                self._up = False
                raise OSError(-1)
            if not wait:
                return False
            if _simboard.wait_inbox(seen, 1000):
                raise KeyboardInterrupt
        return True

    def wait_msg(self):
        self._require_link()
        self._take(True)
        return self._deliver()

    def check_msg(self, attempts=2):
        if not self._queue:
            self._require_link()
            if not self._take(False):
                return None
        return self._deliver()

    def _deliver(self):
        topic, msg = self._queue.pop(0)
        if self.cb is not None:
            self.cb(topic, msg)
        return None
