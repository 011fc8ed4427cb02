# umqtt.simple for the no-network board: umqtt_core's client (test/support/umqtt-core: the packets
# and umqtt.simple's rules, shared with the networked board and the CPython bench) whose socket is a
# broker scripted by the test's scenario, in memory. Every call is recorded (board_harness), time is
# virtual, and the scenario decides what the broker answers. Stricter than the real module where a
# generated program would be wrong: it must not block in wait_msg(), nor use the client without a
# connection (the real one would crash on sock=None or write to a dead socket).
import board_harness as h
import umqtt_core
from umqtt_core import MQTTException  # noqa: F401 (part of umqtt.simple's API)

_DROP = object()  # the connection breaks here (scenario event {'oserror': true})


class _ScriptedBroker:
    """The client's socket: takes the client's packets and answers them as the scenario says."""

    def __init__(self, connect_result):
        self.up = True
        self._connect_result = connect_result
        self._outbox = b''  # from the client, until a whole packet is there
        self._replies = []  # to the client: answers to its own packets, which come first
        self._inbox = []  # to the client: the scenario's messages (packets) and _DROP
        self._waiting = b''
        self._blocking = True

    # -- what the client sees: MicroPython's stream socket --
    def write(self, data):
        if not self.up:
            raise OSError(104)  # ECONNRESET
        self._outbox += bytes(data)
        while self._answer_one():
            pass
        return len(data)

    def read(self, n):
        if not self._waiting and (self._replies or self._inbox):
            item = (self._replies or self._inbox).pop(0)
            if item is _DROP:
                h.record('check_msg:oserror')
                self.up = False
                self._replies = []
                self._inbox = []
                return b''
            self._waiting = item
        if not self._waiting:
            if not self.up:
                return b''
            if not self._blocking:
                return None
            h.fail('the program would wait forever for a packet the broker never sends')
        data, self._waiting = self._waiting[:n], self._waiting[n:]
        return data

    def setblocking(self, flag):
        self._blocking = bool(flag)

    def close(self):
        h.record('sock.close')
        self.up = False

    # -- the scripted broker --
    def waiting(self):
        return bool(self._waiting or self._replies or self._inbox)

    def arrive(self, events):
        for event in events:
            if 'oserror' in event:
                self._inbox.append(_DROP)
                return
            topic = event['topic'].encode()
            payload = bytes(event['payload_bytes']) if 'payload_bytes' in event else event['payload'].encode()
            self._inbox.append(umqtt_core.publish_packet(topic, payload))

    def _answer_one(self):
        if len(self._outbox) < 2:
            return False
        at = 1
        size = 0
        shift = 0
        while True:
            if at >= len(self._outbox):
                return False
            byte = self._outbox[at]
            at += 1
            size |= (byte & 0x7F) << shift
            shift += 7
            if not byte & 0x80:
                break
        if len(self._outbox) < at + size:
            return False
        first = self._outbox[0]
        body = self._outbox[at:at + size]
        self._outbox = self._outbox[at + size:]
        self._answer(first, body)
        return True

    def _answer(self, first, body):
        kind = first & 0xF0
        if first == umqtt_core.CONNECT:
            code = int(self._connect_result[7:]) if self._connect_result.startswith('refuse:') else 0
            self._replies.append(umqtt_core.connack_packet(code))
            self.up = code == 0  # a broker closes the connection after refusing it
        elif kind == umqtt_core.PUBLISH:
            topic, _msg, qos, pid = umqtt_core.parse_publish(first, body)
            if qos == 1:
                self._replies.append(umqtt_core.puback_packet(pid))
            # Scenario 'after_publish': {topic: [messages]} arrive on the next check_msg() after the
            # program publishes there (a device answering), each list once.
            answers = h.scenario.get('after_publish', {}).pop(topic.decode(), None)
            if answers:
                h.state.setdefault('answers', []).extend(answers)
        elif first == umqtt_core.SUBSCRIBE:
            pid, topic, _qos = umqtt_core.parse_subscribe(body)
            # The broker's SUBACK says 0x80 (refused) for the filters the scenario names.
            refused = topic.decode() in h.scenario.get('refuse_subscribe', [])
            self._replies.append(umqtt_core.suback_packet(pid, umqtt_core.SUBACK_REFUSED if refused else 0))
        elif first == umqtt_core.PINGREQ:
            self._replies.append(umqtt_core.PINGRESP_PACKET)
        elif first == umqtt_core.DISCONNECT:
            self.up = False
        else:
            h.fail('umqtt.simple never sends packet type 0x%02x' % first)


class MQTTClient(umqtt_core.MQTTClient):
    def __init__(self, client_id, server, port=0, user=None, password=None, keepalive=0, ssl=False, ssl_params={}):
        super().__init__(client_id, server, port, user, password, keepalive, ssl, ssl_params)
        h.record('MQTTClient', client_id, server, port=port, user=user, password=password, keepalive=keepalive, ssl=ssl)

    def _open_socket(self):
        outcome = h.scenario['connect_results'].pop(0) if h.scenario['connect_results'] else 'ok'
        if outcome == 'oserror':
            raise OSError(113)  # EHOSTUNREACH
        return _ScriptedBroker(outcome)

    def _require_connection(self, what):
        if self.sock is None or not self.sock.up:
            raise RuntimeError('stand-in: %s() without a connection (the real client would crash on sock=None)' % what)

    def set_callback(self, f):
        super().set_callback(f)
        h.record('set_callback', f)

    def set_last_will(self, topic, msg, retain=False, qos=0):
        super().set_last_will(topic, msg, retain, qos)
        h.record('set_last_will', topic, msg, retain=retain, qos=qos)

    def connect(self, clean_session=True):
        h.record('connect', clean_session=clean_session)
        return super().connect(clean_session)

    def disconnect(self):
        self._require_connection('disconnect')
        super().disconnect()
        h.record('disconnect')

    def ping(self):
        self._require_connection('ping')
        h.record('ping')
        super().ping()

    def publish(self, topic, msg, *positional, retain=False, qos=0):
        if positional:
            umqtt_core.fail('publish(): pass retain and qos by keyword (the third positional argument is retain)')
        self._require_connection('publish')
        super().publish(topic, msg, retain=retain, qos=qos)
        h.record('publish', topic, msg, retain=retain, qos=qos)

    def subscribe(self, topic, qos=0):
        self._require_connection('subscribe')
        h.record('subscribe', topic, qos=qos)
        super().subscribe(topic, qos)

    def _deliver(self, topic, msg):
        h.record('deliver', topic, msg)
        super()._deliver(topic, msg)

    def wait_msg(self):
        h.fail('generated code must not block in wait_msg()')

    def check_msg(self):
        # The scenario's unit is a check_msg() call: its events (and the answers to what the program
        # published) arrive now, and every packet waiting is handled before it returns.
        self._require_connection('check_msg')
        h.state['check_msg'] += 1
        count = h.state['check_msg']
        if count > h.scenario['max_check_msg']:
            raise h.StopProgram('check_msg limit')
        self.sock.arrive(h.scenario['events'].get(str(count), []) + h.state.pop('answers', []))
        while self.sock.waiting():
            super().check_msg()
        return None
