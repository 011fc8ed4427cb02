# Stand-in for micropython-lib's umqtt.simple with its exact signatures. Stricter than the real
# module where the real one fails late or silently: retain/qos must be keywords (the third
# positional argument is retain, a classic mix-up), QoS 2 is refused (the real module asserts),
# non-ASCII str is refused (the real module would send a wrong length).
import board_harness as h


class MQTTException(Exception):
    pass


class _Socket:
    def close(self):
        h.record('sock.close')


class MQTTClient:
    def __init__(self, client_id, server, port=0, user=None, password=None, keepalive=0, ssl=False, ssl_params={}):
        h.require_wire_text('client_id', client_id)
        if not client_id:
            h.fail('empty client_id')
        h.require_type('server', server, (str,))
        h.require_type('port', port, (int,))
        h.require_wire_text('user', user, allow_none=True)
        h.require_wire_text('password', password, allow_none=True)
        if user and password is None:
            h.fail('umqtt.simple sends a password whenever a user is given: password=None would crash')
        h.require_type('keepalive', keepalive, (int,))
        if not 0 <= keepalive <= 65535:
            h.fail('keepalive out of range')
        if ssl is not False and ssl is not True:
            h.fail('ssl must be a bool')
        h.record('MQTTClient', client_id, server, port=port, user=user, password=password, keepalive=keepalive, ssl=ssl)
        self.sock = None
        self.cb = None
        self._connected = False

    def set_callback(self, f):
        if not callable(f):
            h.fail('set_callback() needs a function')
        h.record('set_callback', f)
        self.cb = f

    def set_last_will(self, topic, msg, retain=False, qos=0):
        assert 0 <= qos <= 2
        assert topic
        h.require_wire_text('topic', topic)
        h.require_wire_text('msg', msg)
        h.record('set_last_will', topic, msg, retain=retain, qos=qos)

    def connect(self, clean_session=True):
        h.record('connect', clean_session=clean_session)
        outcome = h.scenario['connect_results'].pop(0) if h.scenario['connect_results'] else 'ok'
        if outcome == 'oserror':
            raise OSError(113)
        if outcome.startswith('refuse:'):
            raise MQTTException(int(outcome[7:]))
        self.sock = _Socket()
        self._connected = True
        return False

    def _require_connection(self, what):
        if not self._connected:
            raise RuntimeError('stand-in: %s() without a connection (the real client would crash on sock=None)' % what)

    def disconnect(self):
        self._require_connection('disconnect')
        h.record('disconnect')
        self._connected = False

    def ping(self):
        self._require_connection('ping')
        h.record('ping')

    def publish(self, topic, msg, *positional, retain=False, qos=0):
        if positional:
            h.fail('publish(): pass retain and qos by keyword (the third positional argument is retain)')
        self._require_connection('publish')
        h.require_wire_text('topic', topic)
        h.require_wire_text('msg', msg)
        if retain is not False and retain is not True:
            h.fail('retain must be a bool')
        if qos == 2:
            raise AssertionError('umqtt.simple has no QoS 2')
        if qos not in (0, 1):
            h.fail('qos must be 0 or 1')
        h.record('publish', topic, msg, retain=retain, qos=qos)
        # Scenario 'after_publish': {topic: [messages]} arrive on the next check_msg() after the
        # program publishes there (a device answering), each list once.
        answers = h.scenario.get('after_publish', {}).pop(topic.decode() if isinstance(topic, bytes) else topic, None)
        if answers:
            h.state.setdefault('answers', []).extend(answers)

    def subscribe(self, topic, qos=0):
        self._require_connection('subscribe')
        h.require_wire_text('topic', topic)
        if self.cb is None:
            h.fail('subscribe() before set_callback()')
        if qos not in (0, 1):
            h.fail('qos must be 0 or 1 in umqtt.simple')
        h.record('subscribe', topic, qos=qos)
        if bytes(topic).decode() in h.scenario.get('refuse_subscribe', []):
            # The broker's SUBACK says 0x80 (refused): umqtt.simple raises MQTTException(0x80).
            raise MQTTException(0x80)

    def wait_msg(self):
        h.fail('generated code must not block in wait_msg()')

    def check_msg(self):
        self._require_connection('check_msg')
        h.state['check_msg'] += 1
        count = h.state['check_msg']
        if count > h.scenario['max_check_msg']:
            raise h.StopProgram('check_msg limit')
        events = h.scenario['events'].get(str(count), []) + h.state.pop('answers', [])
        for event in events:
            if 'oserror' in event:
                h.record('check_msg:oserror')
                self._connected = False
                raise OSError(-1)
            topic = event['topic'].encode()
            payload = bytes(event['payload_bytes']) if 'payload_bytes' in event else event['payload'].encode()
            h.record('deliver', topic, payload)
            self.cb(topic, payload)
        return None
