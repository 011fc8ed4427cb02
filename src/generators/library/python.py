# mqtt_blocks: the MQTT part of programs made with mqtt-blocks, for a Raspberry Pi or any
# computer with Python 3 and paho-mqtt 1.6 or 2.x. main.py talks to Client below in paho-mqtt's
# own words (username_pw_set, will_set, connect, subscribe, message_callback_add, publish,
# loop_forever); this file keeps the rest: one network thread that only queues what arrives,
# the scripts run one at a time on the program's thread, plain-words errors, subscribing again.
import queue
import time
import traceback
import uuid

import paho.mqtt.client as mqtt

# Texts a pupil sees, in the language of the editor the program was made in.
_T_PI_UNREACHABLE = 'Cannot reach the broker at %s yet (still trying). Is it running?'
_T_REFUSED = 'The broker refused the connection: %s'
_T_REFUSALS = 'unsupported MQTT version.|client id rejected.|broker unavailable.|wrong username or password.|not authorised: check the username and password.'
_T_LOST = 'Lost the connection to the broker (%s). Reconnecting.'
_T_LOST_AFTER_PUBLISH = 'Lost the connection to the broker just after a message to %s. Reconnecting. If it happens after every message to that topic, the broker does not allow it: ask your teacher.'
_T_NOT_CONNECTED = 'Not connected, so the message to %s was not sent. Use "connect" first.'
_T_NOT_CONFIRMED = 'The broker did not confirm the message to %s.'
_T_SUBSCRIBE_REFUSED = 'The broker refused the subscription to %s: ask your teacher.'
_T_BAD_TOPIC = 'Cannot use the topic "%s": %s'
_T_TOPIC_PROBLEMS = 'it is empty.|it is too long or has a NUL character.|+ and # are only for subscribing.|$SYS topics belong to the broker.|# and + must fill a whole level, like a/+/b or a/#.'
# part: connect_url
_T_BAD_ADDRESS = '"%s" is not a broker address a board can use. Write it like mqtt://192.168.1.2:1883 (not ws:// or a WebSocket port).'
_T_SCRIPT_ERROR = 'Error in %s: %s'
_T_STOPPED = 'Stopped.'

# (the helpers shared by both targets go here: common.py)

KEEPALIVE = 60  # seconds
CONNECT_WAIT = 10  # seconds "connect" waits before the program goes on
PUBLISH_WAIT = 5  # seconds a QoS 1/2 message waits for the broker's acknowledgement
# paho-mqtt 2.x reports MQTT 3.1.1 refusals 1 to 5 as these MQTT 5 reason codes.
_REFUSAL_CODES = (132, 133, 136, 134, 135)
_client = None  # the program's Client, for wait()


# part: wait
def wait(seconds):
    # Waiting still runs the scripts for messages that arrive meanwhile.
    end = time.monotonic() + float(seconds)
    while True:
        left = end - time.monotonic()
        if left <= 0:
            return
        if _client:
            _client.loop(min(left, 0.1))
        else:
            time.sleep(left)


def _code(reason):
    # paho 1.6 passes an int, paho 2.x a ReasonCode.
    return reason if isinstance(reason, int) else reason.value


class Client:
    # One paho-mqtt client, one network thread; the scripts run on the program's own thread.

    def __init__(self):
        global _client
        _client = self
        self.paho = None
        self.connected = False
        self.refused = False
        self.last_error = ''
        self.topic = ''
        self.message = ''
        self.messages = {}
        self.subscriptions = {}  # topic filter: QoS, subscribed again after every reconnect
        self.pending = {}  # SUBSCRIBE message id: topic filter, to name a refused one (until its SUBACK)
        self.hats = []  # (topic filter, or True/False for connected/disconnected; function)
        self.user = None
        self.will = None
        self.busy = False  # a script is running: loops inside it must not start another
        self.offline_said = False
        self.sent = (None, 0)  # topic and time of the last message, to explain a broker that drops us
        self.inbox = queue.Queue()  # network thread -> program thread

    def __enter__(self):
        return self

    def __exit__(self, kind, error, trace):
        # The program ended or was stopped: leave the broker politely.
        if kind is KeyboardInterrupt:
            print(_T_STOPPED)
        self.disconnect()
        return kind is KeyboardInterrupt

    def say(self, words):
        self.last_error = words
        print(words)

    def ok(self, topic, is_filter):
        why = topic_problem(topic, is_filter)
        if why is not None:
            self.say(_T_BAD_TOPIC % (topic, _T_TOPIC_PROBLEMS.split('|')[why]))
        return why is None

    def message_callback_add(self, sub, callback):
        # callback(topic, msg) runs for each message on sub (wildcards allowed), one at a time.
        self.hats.append((sub, callback))
        if sub not in self.subscriptions and self.ok(sub, True):
            self.subscriptions[sub] = 0

    def when_connected(self, f):
        self.hats.append((True, f))

    def when_disconnected(self, f):
        self.hats.append((False, f))

    def username_pw_set(self, username, password=''):
        username = text(username)
        self.user = (username, text(password)) if username else None

    def will_set(self, topic, payload):
        # Sent with every CONNECT from now on: use it before "connect".
        topic = text(topic)
        self.will = (topic, text(payload)) if self.ok(topic, False) else None

    # part: connect_url
    def connect_url(self, url, username='', password=''):
        # The address came from other blocks, so it is checked now rather than when generating.
        address = broker_address(url)
        if address:
            self.username_pw_set(username, password)
            self.connect(address[0], address[1])
        else:
            self.say(_T_BAD_ADDRESS % text(url))

    def connect(self, host, port=1883):
        # Waits until connected or refused (at most CONNECT_WAIT s); paho keeps trying after that.
        self.stop()
        client_id = 'mqtt-blocks-' + uuid.uuid4().hex[:12]
        if hasattr(mqtt, 'CallbackAPIVersion'):
            self.paho = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2, client_id=client_id)
        else:
            self.paho = mqtt.Client(client_id=client_id)
        self.paho.on_connect = self.paho_connected
        self.paho.on_disconnect = self.paho_disconnected
        self.paho.on_message = self.paho_message
        self.paho.on_subscribe = self.paho_subscribed
        if self.user:
            self.paho.username_pw_set(self.user[0], self.user[1])
        if self.will:
            self.paho.will_set(self.will[0], self.will[1], qos=0, retain=False)
        self.refused = False
        self.paho.connect_async(host, port, keepalive=KEEPALIVE)
        self.paho.loop_start()
        deadline = time.monotonic() + CONNECT_WAIT
        while not self.connected and not self.refused and time.monotonic() < deadline:
            time.sleep(0.05)
        if not self.connected and not self.refused:
            self.say(_T_PI_UNREACHABLE % ('%s:%d' % (host, port)))
        self.loop()

    # paho's network thread calls these four: they only note what happened.
    def paho_connected(self, client, userdata, flags, reason, properties=None):
        code = _code(reason)
        if code != 0:
            # A refusal (wrong password...) would only repeat itself: stop instead of retrying.
            code = _REFUSAL_CODES.index(code) + 1 if code in _REFUSAL_CODES else code
            self.say(_T_REFUSED % (_T_REFUSALS.split('|')[code - 1] if 0 < code < 6 else reason))
            self.refused = True
            client.disconnect()
            return
        self.last_error = ''
        self.offline_said = False
        self.connected = True
        for topic_filter, qos in list(self.subscriptions.items()):
            self.send_subscribe(topic_filter, qos)
        self.inbox.put(('connected',))

    def paho_disconnected(self, client, userdata, *details):
        # paho 1.6 passes (rc), paho 2.x (flags, reason_code, properties); 0 = we asked for it.
        was_connected = self.connected
        self.connected = False
        reason = details[1] if len(details) >= 2 else details[0] if details else 0
        if _code(reason) != 0 and not self.refused:
            if time.monotonic() - self.sent[1] < 0.3:
                self.say(_T_LOST_AFTER_PUBLISH % self.sent[0])
            else:
                self.say(_T_LOST % reason)
        if was_connected:
            self.inbox.put(('disconnected',))

    def paho_message(self, client, userdata, message):
        self.inbox.put(('message', message.topic, decode(message.payload)))

    def paho_subscribed(self, client, userdata, mid, granted, properties=None):
        # The SUBACK can arrive before subscribe() has returned its message id: the program
        # thread matches the two up when it handles this.
        self.inbox.put(('suback', mid, any(_code(qos) >= 0x80 for qos in granted)))

    def send_subscribe(self, topic_filter, qos):
        result, mid = self.paho.subscribe(topic_filter, qos)
        self.pending[mid] = topic_filter

    def run(self, f, *args):
        # One script at a time; a mistake in one is printed and the program keeps going.
        self.busy = True
        try:
            f(*args)
        except Exception as error:
            print(_T_SCRIPT_ERROR % (f.__name__, repr(error)))
            # The standard traceback names main.py's line; on stdout, so it stays right under that line.
            print(traceback.format_exc(), end='')
        finally:
            self.busy = False

    def handle(self, event):
        if event[0] == 'message':
            self.topic, self.message = topic, msg = event[1], event[2]
            self.messages[topic] = msg
            for key, f in self.hats:
                if key in self.subscriptions and topic_matches(key, topic):
                    self.run(f, topic, msg)
        elif event[0] == 'suback':
            topic_filter = self.pending.pop(event[1], None)
            if event[2] and topic_filter is not None:
                # Said once, and not asked again after reconnecting.
                self.subscriptions.pop(topic_filter, None)
                self.say(_T_SUBSCRIBE_REFUSED % topic_filter)
        else:
            for key, f in self.hats:
                if key is (event[0] == 'connected'):
                    self.run(f)

    def loop(self, timeout=0):
        # Runs the scripts for what the network thread received, here on the program's thread.
        if self.busy:
            time.sleep(timeout)
            return
        block = timeout > 0
        while True:
            try:
                event = self.inbox.get(block, timeout if block else None)
            except queue.Empty:
                return
            self.handle(event)
            block = False

    def loop_forever(self):
        # Listening: the scripts run as their messages arrive; Ctrl-C stops it.
        while True:
            self.loop(1.0)

    def stop(self):
        # Leaves the broker politely (no last will) and stops the network thread.
        if self.paho is not None:
            self.paho.disconnect()
            self.paho.loop_stop()
            self.paho = None
            self.connected = False

    def disconnect(self):
        self.stop()
        self.loop()

    def subscribe(self, topic, qos=0):
        topic = text(topic)
        if self.ok(topic, True):
            self.subscriptions[topic] = qos
            if self.connected:
                self.send_subscribe(topic, qos)

    def unsubscribe(self, topic):
        topic = text(topic)
        self.subscriptions.pop(topic, None)
        if self.connected:
            self.paho.unsubscribe(topic)

    def publish(self, topic, payload, qos=0, retain=False):
        topic = text(topic)
        if not self.ok(topic, False):
            return
        if not self.connected:
            if not self.offline_said:
                self.offline_said = True
                self.say(_T_NOT_CONNECTED % topic)
            return
        self.sent = (topic, time.monotonic())
        info = self.paho.publish(topic, text(payload).encode(), qos=qos, retain=retain)
        if qos > 0 and info.rc == mqtt.MQTT_ERR_SUCCESS:
            try:
                info.wait_for_publish(PUBLISH_WAIT)
            except (RuntimeError, ValueError):
                pass
            if not info.is_published():
                self.say(_T_NOT_CONFIRMED % topic)
