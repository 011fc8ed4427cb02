# mqtt_blocks: the MQTT part of programs made with mqtt-blocks, for MicroPython boards.
# main.py talks to MQTTClient below in umqtt.simple's own words (connect, set_callback,
# subscribe, publish, check_msg); this file keeps what a lesson leaves out: reconnecting and
# subscribing again, Chinese text, wildcard topics, keep-alive pings, errors in plain words.
import machine
import sys
import time
from umqtt.simple import MQTTClient as _Simple, MQTTException

# Texts a pupil sees, in the language of the editor the program was made in.
_T_WIFI_OK = 'Wi-Fi connected:'
_T_WIFI_FAILED = 'Wi-Fi %s did not connect: check its name and password.'
_T_UNREACHABLE = 'Cannot reach the broker (%s). Is it running, and is the board on its network? Trying again.'
_T_REFUSED = 'The broker refused the connection: %s'
_T_REFUSALS = 'unsupported MQTT version.|client id rejected.|broker unavailable.|wrong username or password.|not authorised: check the username and password.'
_T_LOST = 'Lost the connection to the broker (%s). Reconnecting.'
_T_LOST_AFTER_PUBLISH = 'Lost the connection to the broker just after a message to %s. Reconnecting. If it happens after every message to that topic, the broker does not allow it: ask your teacher.'
_T_NOT_CONNECTED = 'Not connected, so the message to %s was not sent. Use "connect" first.'
_T_SUBSCRIBE_REFUSED = 'The broker refused the subscription to %s: ask your teacher.'
_T_BAD_TOPIC = 'Cannot use the topic "%s": %s'
_T_TOPIC_PROBLEMS = 'it is empty.|it is too long or has a NUL character.|+ and # are only for subscribing.|$SYS topics belong to the broker.|# and + must fill a whole level, like a/+/b or a/#.'
_T_BAD_ADDRESS = '"%s" is not a broker address a board can use. Write it like mqtt://192.168.1.2:1883 (not ws:// or a WebSocket port).'
_T_SCRIPT_ERROR = 'Error in %s: %s'

# What the blocks mean, shared by both targets and kept the same as in Scratch
# (test/generators/parity.test.ts runs the same table here and on the Scratch face).
import json


def text(value):
    # A value as message text, in Scratch's words: true, 2 (not 2.0), a b c.
    if value is True or value is False:
        return 'true' if value else 'false'
    if isinstance(value, float) and value == value and abs(value) < 1e16 and value == int(value):
        return str(int(value))
    if isinstance(value, list):
        # Scratch joins single letters without spaces (abc), anything else with spaces.
        joiner = ''
        for item in value:
            if not isinstance(item, str) or len(item) != 1:
                joiner = ' '
        return joiner.join([text(item) for item in value])
    return '' if value is None else str(value)


def decode(data):
    # Bytes as text; invalid UTF-8 becomes U+FFFD (as in Scratch), never a crash.
    try:
        return data.decode()
    except UnicodeError:
        out = ''
        i = 0
        while i < len(data):
            for size in (1, 2, 3, 4):
                try:
                    out += data[i:i + size].decode()
                    break
                except UnicodeError:
                    pass
            else:
                size = 1
                out += '\ufffd'
            i += size
        return out


def json_value(path, source):
    # [PATH] of JSON [JSON]: sensors.0.value or sensors[0].value; '' when nothing is there.
    try:
        value = json.loads(text(source))
        for key in text(path).replace('[', '.').replace(']', '').split('.'):
            key = key.strip()
            if key:
                if isinstance(value, list) and key.isdigit() and key == str(int(key)):
                    key = int(key)
                value = value[key]
        if isinstance(value, (dict, list)):
            return json.dumps(value, separators=(',', ':'))
        if isinstance(value, float) and value == int(value) and abs(value) < 1e16:
            return int(value)
    except Exception:
        return ''
    return text(value) if value is None or isinstance(value, bool) else value


def topic_problem(topic, is_filter):
    # Why a topic cannot be used (a number for the texts), or None: the Scratch blocks' rules.
    # Only for topics made by other blocks: a typed topic was checked when generating.
    levels = topic.split('/')
    if not topic:
        return 0
    if '\x00' in topic or len(topic.encode()) > 65535 or len(levels) > 100:
        return 1
    if not is_filter:
        return 2 if '+' in topic or '#' in topic else 3 if levels[0] == '$SYS' else None
    for i in range(len(levels)):
        level = levels[i]
        if ('#' in level or '+' in level) and level != '+' and (level != '#' or i < len(levels) - 1):
            return 4


def topic_matches(topic_filter, topic):
    # MQTT 3.1.1: + is one level, # all the rest (and the parent level);
    # a filter starting with a wildcard never matches a topic starting with $.
    if topic[:1] == '$' and topic_filter[:1] in '+#':
        return False
    wanted = topic_filter.split('/')
    levels = topic.split('/')
    for i in range(len(wanted)):
        if wanted[i] == '#':
            return True
        if i >= len(levels) or wanted[i] not in ('+', levels[i]):
            return False
    return len(wanted) == len(levels)


def broker_address(url):
    # (host, port) of a broker URL a board can use (mqtt://, tcp:// or none), else None.
    scheme, _, rest = text(url).strip().rpartition('://')
    hostport = rest.split('/')[0]
    host, colon, port = hostport.rpartition(':')
    if not colon or hostport[-1:] == ']':
        host, port = hostport, '1883'
    if host[:1] + host[-1:] == '[]':
        host = host[1:-1]
    elif ':' in host:
        return None
    if scheme.lower() not in ('', 'mqtt', 'tcp') or not host or ' ' in host or not port.isdigit():
        return None
    port = int(port)
    # WebSocket ports of classroom brokers (blocks/board-url.ts): browsers only.
    return (host, port) if 0 < port < 65536 and port not in (8000, 8080, 8083, 8084, 9001) else None


_client = None  # the program's MQTTClient


def wifi_connect(ssid, password):
    # Joins the network and waits (up to 20 s) for an address: MQTT needs it first.
    import network
    wlan = network.WLAN(network.STA_IF)
    wlan.active(True)
    if not wlan.isconnected():
        wlan.connect(text(ssid), text(password))
        for _ in range(100):
            if wlan.isconnected():
                break
            time.sleep_ms(200)
    if wlan.isconnected():
        print(_T_WIFI_OK, wlan.ifconfig()[0])
    else:
        (_client.say if _client else print)(_T_WIFI_FAILED % ssid)


def wait(seconds):
    # Waits while still serving MQTT: messages arrive and the connection stays alive.
    end = time.ticks_add(time.ticks_ms(), int(float(seconds) * 1000))
    while time.ticks_diff(end, time.ticks_ms()) > 0:
        if _client:
            _client.check_msg()
        time.sleep_ms(max(0, min(10, time.ticks_diff(end, time.ticks_ms()))))


class MQTTClient:
    # umqtt.simple's client, kept connected between "connect" and "disconnect".

    def __init__(self):
        global _client
        _client = self
        self.c = None  # umqtt.simple's client
        self.connected = self.wanted = self.busy = self.said = False
        self.last_error = self.topic = self.message = ''
        self.messages = {}
        self.subs = {}  # topic filter: QoS, subscribed again after every reconnect
        self.hats = []  # (topic filter, or True/False for connected/disconnected; function)
        self.will = self.sent = None
        self.ping_at = self.retry_at = 0

    def __enter__(self):
        return self

    def __exit__(self, kind, *details):
        # The program ended or was stopped (Ctrl-C): leave the broker politely.
        self.disconnect()
        return kind is KeyboardInterrupt

    def say(self, words):
        self.last_error = words
        print(words)

    def ok(self, topic, is_filter):
        # Only topics made by other blocks get here: a typed topic was checked when generating.
        why = topic_problem(topic, is_filter)
        if why is not None:
            self.say(_T_BAD_TOPIC % (topic, _T_TOPIC_PROBLEMS.split('|')[why]))
        return why is None

    def set_callback(self, f, topic):
        # f(topic, msg) runs for every message on topic (+ and # allowed), one at a time.
        self.hats.append((topic, f))
        if not self.ok(topic, True):
            return
        self.subs.setdefault(topic, 0)

    def when_connected(self, f):
        self.hats.append((True, f))

    def when_disconnected(self, f):
        self.hats.append((False, f))

    def set_last_will(self, topic, msg):
        # Sent with every CONNECT from now on: use it before "connect".
        topic = text(topic)
        self.will = (topic.encode(), text(msg).encode())
        if not self.ok(topic, False):
            self.will = None

    def connect_url(self, url, user='', password=''):
        # The address came from other blocks, so it is checked now rather than when generating.
        address = broker_address(url)
        if address:
            self.connect(address[0], address[1], user, password)
        else:
            self.say(_T_BAD_ADDRESS % text(url))

    def connect(self, server, port=1883, user='', password=''):
        self.disconnect()
        user = text(user).encode() or None
        self.c = _Simple('mqtt-blocks-' + machine.unique_id().hex(), server, port=port, user=user, password=user and text(password).encode(), keepalive=60)
        self.c.set_callback(self.arrived)
        self.wanted = True
        self.open()

    def open(self):
        # One attempt: the first connect and every reconnect.
        if self.will:
            self.c.set_last_will(self.will[0], self.will[1], retain=False, qos=0)
        try:
            self.c.connect(clean_session=True)
            for topic in list(self.subs):
                self.sub(topic)
        except MQTTException as error:
            # A refusal (wrong password...) would only repeat itself: no retry storm.
            self.wanted = False
            code = error.args[0]
            self.say(_T_REFUSED % (_T_REFUSALS.split('|')[code - 1] if 0 < code < 6 else code))
            return
        except OSError as error:
            self.retry_at = time.ticks_add(time.ticks_ms(), 5000)
            self.say(_T_UNREACHABLE % error)
            return
        self.last_error = ''
        self.said = False
        self.ping_at = time.ticks_add(time.ticks_ms(), 20000)
        self.state(True)

    def sub(self, topic):
        try:
            self.c.subscribe(topic.encode(), qos=self.subs[topic])
        except MQTTException:
            # Refused (SUBACK 0x80): said once, and left out of later reconnects.
            del self.subs[topic]
            self.say(_T_SUBSCRIBE_REFUSED % topic)

    def state(self, connected):
        if connected != self.connected:
            self.connected = connected
            for key, f in self.hats:
                if key is connected:
                    self.run(f)

    def run(self, f, *args):
        # One script at a time; a mistake in one is printed and the board keeps going.
        busy = self.busy
        self.busy = True
        try:
            f(*args)
        except Exception as error:
            print(_T_SCRIPT_ERROR % (f.__name__, repr(error)))
            # The standard traceback names main.py's line (the simulator highlights its block).
            sys.print_exception(error)
        self.busy = busy

    def arrived(self, topic, msg):
        # umqtt.simple hands over bytes: decoded once, never raising on bad UTF-8.
        self.topic = topic = decode(topic)
        self.message = self.messages[topic] = msg = decode(msg)
        for key, f in self.hats:
            if key in self.subs and topic_matches(key, topic):
                self.run(f, topic, msg)

    def drop(self, error, sent):
        # The link is gone: close it, say why, reconnect on the next turn.
        try:
            self.c.sock.close()
        except Exception:
            pass
        # sent is only ever set by publish, so its text is only needed (and kept) with publish.
        self.say(_T_LOST_AFTER_PUBLISH % sent if sent else _T_LOST % error)
        self.retry_at = time.ticks_ms()
        self.state(False)

    def disconnect(self):
        self.wanted = False
        if self.connected:
            try:
                self.c.disconnect()
            except OSError:
                pass
        self.state(False)

    def subscribe(self, topic, qos=0):
        topic = text(topic)
        if not self.ok(topic, True):
            return
        self.subs[topic] = qos
        if self.connected:
            try:
                self.sub(topic)
            except OSError as error:
                self.drop(error, None)

    def unsubscribe(self, topic):
        # umqtt.simple has no UNSUBSCRIBE: its scripts stop now, and reconnects leave it out.
        self.subs.pop(text(topic), None)

    def publish(self, topic, msg, retain=False, qos=0):
        topic = text(topic)
        if not self.ok(topic, False):
            return
        if not self.connected:
            if not self.said:
                self.said = True
                self.say(_T_NOT_CONNECTED % topic)
            return
        self.sent = topic
        try:
            # As bytes, Chinese text has the right length (umqtt.simple sends len() of what it gets).
            self.c.publish(topic.encode(), text(msg).encode(), retain=retain, qos=qos)
        except OSError as error:
            self.drop(error, topic)

    def check_msg(self):
        # One turn of MQTT: a waiting message (running its script), a ping, a reconnect.
        if self.busy or not self.wanted:
            return
        now = time.ticks_ms()
        if not self.connected:
            if time.ticks_diff(now, self.retry_at) >= 0:
                self.open()
            return
        sent = self.sent  # a broker drops a client that publishes where it may not
        self.sent = None
        try:
            self.c.check_msg()
            if time.ticks_diff(now, self.ping_at) >= 0:
                self.ping_at = time.ticks_add(now, 20000)
                self.c.ping()
        except OSError as error:
            self.drop(error, sent)

    def wait_msg(self):
        # Listens for a moment (main.py calls it forever).
        self.check_msg()
        time.sleep_ms(10)
