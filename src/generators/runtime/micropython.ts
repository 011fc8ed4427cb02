/**
 * The runtime a MicroPython program carries (umqtt.simple on ESP32/ESP8266). Only the pieces a
 * program uses are emitted. Design points, each a mistake seen in other block tools:
 * - the client id comes from machine.unique_id(), so a class of boards never kick each other off;
 * - messages are dispatched by a topic-filter matcher, never by eval;
 * - payloads arrive as bytes and are decoded once, without ever raising on bad UTF-8;
 * - retain and qos are always passed by keyword (umqtt's third positional argument is retain);
 * - after a dropped connection the runtime reconnects AND subscribes again (umqtt.robust does not).
 */
import { connectUrlHelper } from './connect-url';
import type { Runtime } from './runtime-types';

const CLIENT = `MQTT_KEEPALIVE = 60  # seconds; we ping well within it
MQTT_PING_EVERY_MS = 20000
MQTT_RETRY_EVERY_MS = 5000
MQTT_TICK_MS = 10

mqtt_client = None
mqtt_connected = False
mqtt_wanted = False  # between "connect" and "disconnect": reconnect whenever the link drops
mqtt_last_error = ''
mqtt_message = ''
mqtt_topic = ''
mqtt_last_messages = {}
mqtt_subscriptions = []  # [topic filter, qos], subscribed again after every reconnect
mqtt_will = None
mqtt_busy = False  # True while a hat runs: a loop inside it must not start another hat
mqtt_last_ping = 0
mqtt_next_retry = 0


def mqtt_client_id():
    # Unique per board, so boards in the same classroom never knock each other off the broker.
    return 'mqtt-blocks-' + ''.join('%02x' % b for b in machine.unique_id())


def mqtt_bytes(text):
    # umqtt.simple sends len() of what it gets: as bytes, Chinese text has the right length.
    return str(text).encode()


def mqtt_text(data):
    # Messages arrive as bytes; invalid UTF-8 must never stop the board.
    try:
        return data.decode()
    except UnicodeError:
        return ''.join(chr(b) if b < 128 else '?' for b in data)


def mqtt_topic_matches(topic_filter, topic):
    # MQTT 3.1.1: '+' is one level, '#' all the rest (and the parent level);
    # a filter starting with a wildcard never matches a topic starting with '$'.
    if topic[:1] == '$' and topic_filter[:1] in ('+', '#'):
        return False
    filter_levels = topic_filter.split('/')
    topic_levels = topic.split('/')
    for i in range(len(filter_levels)):
        if filter_levels[i] == '#':
            return True
        if i >= len(topic_levels):
            return False
        if filter_levels[i] != '+' and filter_levels[i] != topic_levels[i]:
            return False
    return len(filter_levels) == len(topic_levels)


def mqtt_is_subscribed(topic_filter):
    for entry in mqtt_subscriptions:
        if entry[0] == topic_filter:
            return True
    return False


def mqtt_run_hat(callback):
    # One hat at a time; a mistake in one script is printed and the board keeps going.
    global mqtt_busy
    was_busy = mqtt_busy
    mqtt_busy = True
    try:
        callback()
    except Exception as error:
        print('Error in', callback.__name__, ':', repr(error))
    finally:
        mqtt_busy = was_busy


def mqtt_on_message(topic, msg):
    # umqtt.simple calls this from check_msg() with bytes.
    global mqtt_message, mqtt_topic
    topic = mqtt_text(topic)
    text = mqtt_text(msg)
    mqtt_last_messages[topic] = text
    mqtt_topic = topic
    mqtt_message = text
    for topic_filter, callback in MQTT_MESSAGE_HATS:
        if mqtt_is_subscribed(topic_filter) and mqtt_topic_matches(topic_filter, topic):
            mqtt_run_hat(callback)


def mqtt_set_connected(now_connected):
    global mqtt_connected
    if now_connected == mqtt_connected:
        return
    mqtt_connected = now_connected
    for callback in MQTT_CONNECTED_HATS if now_connected else MQTT_DISCONNECTED_HATS:
        mqtt_run_hat(callback)


def mqtt_refusal(code):
    words = {
        1: 'the broker does not speak this MQTT version',
        2: 'the broker rejected the client id',
        3: 'the broker is unavailable',
        4: 'wrong username or password',
        5: 'not authorised: check the username and password',
    }
    return 'The broker refused the connection: ' + words.get(code, 'code %s' % code)


def mqtt_open():
    # One connection attempt (first connect and every reconnect).
    global mqtt_wanted, mqtt_last_error, mqtt_last_ping, mqtt_next_retry
    if mqtt_will is not None and mqtt_will[0]:
        mqtt_client.set_last_will(mqtt_will[0], mqtt_will[1], retain=False, qos=0)
    try:
        mqtt_client.connect(clean_session=True)
    except MQTTException as error:
        # A refusal (bad password...) would only repeat itself: no retry storm.
        mqtt_wanted = False
        mqtt_last_error = mqtt_refusal(error.args[0] if error.args else '?')
        print(mqtt_last_error)
        return False
    except OSError as error:
        mqtt_last_error = 'Cannot reach the broker (%s). Is it running, and is the board on its network?' % error
        mqtt_next_retry = time.ticks_add(time.ticks_ms(), MQTT_RETRY_EVERY_MS)
        print(mqtt_last_error)
        return False
    mqtt_last_error = ''
    for topic_filter, qos in mqtt_subscriptions:
        mqtt_client.subscribe(mqtt_bytes(topic_filter), qos=qos)
    mqtt_last_ping = time.ticks_ms()
    mqtt_set_connected(True)
    return True


def mqtt_drop(reason):
    # The link is gone: note why, close the socket, reconnect on the next turn of the loop.
    global mqtt_last_error, mqtt_next_retry
    mqtt_last_error = reason
    print(reason)
    sock = getattr(mqtt_client, 'sock', None)
    if sock is not None:
        try:
            sock.close()
        except OSError:
            pass
    mqtt_next_retry = time.ticks_ms()
    mqtt_set_connected(False)


def mqtt_connect(host, port, user, password):
    global mqtt_client, mqtt_wanted
    if mqtt_client is not None and mqtt_connected:
        mqtt_disconnect()
    mqtt_client = MQTTClient(
        mqtt_client_id(),
        host,
        port=port,
        user=mqtt_bytes(user) if user else None,
        password=mqtt_bytes(password) if user else None,
        keepalive=MQTT_KEEPALIVE,
    )
    mqtt_client.set_callback(mqtt_on_message)
    mqtt_wanted = True
    mqtt_open()


def mqtt_disconnect():
    global mqtt_wanted
    mqtt_wanted = False
    if mqtt_client is not None and mqtt_connected:
        try:
            mqtt_client.disconnect()
        except OSError:
            pass
    mqtt_set_connected(False)


def mqtt_set_last_will(topic, message):
    # Sent with every CONNECT from now on (use it before "connect").
    global mqtt_will
    mqtt_will = (mqtt_bytes(topic), mqtt_bytes(message))


def mqtt_publish(topic, message, qos=0, retain=False):
    global mqtt_last_error
    if not mqtt_connected:
        mqtt_last_error = 'Not connected: a message to %s was not sent.' % topic
        return
    try:
        mqtt_client.publish(mqtt_bytes(topic), mqtt_bytes(message), retain=retain, qos=qos)
    except OSError as error:
        mqtt_drop('Lost the connection while publishing (%s); reconnecting.' % error)


def mqtt_subscribe(topic_filter, qos=0):
    topic_filter = str(topic_filter)
    for entry in mqtt_subscriptions:
        if entry[0] == topic_filter:
            entry[1] = qos
            break
    else:
        mqtt_subscriptions.append([topic_filter, qos])
    if mqtt_connected:
        try:
            mqtt_client.subscribe(mqtt_bytes(topic_filter), qos=qos)
        except OSError as error:
            mqtt_drop('Lost the connection while subscribing (%s); reconnecting.' % error)


def mqtt_unsubscribe(topic_filter):
    # umqtt.simple cannot send UNSUBSCRIBE: stop delivering now, leave it out when reconnecting.
    for entry in mqtt_subscriptions:
        if entry[0] == str(topic_filter):
            mqtt_subscriptions.remove(entry)
            return


def mqtt_subscribe_hats():
    for topic_filter, callback in MQTT_MESSAGE_HATS:
        if not mqtt_is_subscribed(topic_filter):
            mqtt_subscriptions.append([topic_filter, 0])


def mqtt_service():
    # One turn of the MQTT loop: take one waiting packet (running its hat), ping, reconnect.
    global mqtt_last_ping
    if mqtt_busy or mqtt_client is None or not mqtt_wanted:
        return
    now = time.ticks_ms()
    if not mqtt_connected:
        if time.ticks_diff(now, mqtt_next_retry) >= 0:
            mqtt_open()
        return
    try:
        mqtt_client.check_msg()
        if time.ticks_diff(now, mqtt_last_ping) >= MQTT_PING_EVERY_MS:
            mqtt_client.ping()
            mqtt_last_ping = now
    except OSError as error:
        mqtt_drop('Lost the connection to the broker (%s); reconnecting.' % error)


def mqtt_run_forever():
    # Hats need the board to keep listening; the reset button or Ctrl-C stops it.
    while True:
        mqtt_service()
        time.sleep_ms(MQTT_TICK_MS)


def mqtt_stop():
    # A program that ends (or is stopped) leaves the broker politely.
    if mqtt_connected:
        mqtt_disconnect()`;


function wifi(withClient: boolean): string {
  const noteError = withClient
    ? `        mqtt_last_error = 'Wi-Fi %s did not connect: check its name and password.' % ssid
        print(mqtt_last_error)`
    : `        print('Wi-Fi %s did not connect: check its name and password.' % ssid)`;
  return `def wifi_connect(ssid, password):
    # Joins the network and waits (up to 20 s) for an address: MQTT needs it first.${withClient ? '\n    global mqtt_last_error' : ''}
    wlan = network.WLAN(network.STA_IF)
    wlan.active(True)
    if not wlan.isconnected():
        wlan.connect(ssid, password)
        for _ in range(100):
            if wlan.isconnected():
                break
            time.sleep_ms(200)
    if wlan.isconnected():
        print('Wi-Fi connected:', wlan.ifconfig()[0])
    else:
${noteError}`;
}

export const JSON_VALUE = `def mqtt_json_value(path, text):
    # Dotted path (sensors.0.value); '' when the text is not JSON or the path leads nowhere.
    try:
        value = json.loads(str(text))
        for key in str(path).split('.') if path != '' else []:
            value = value[int(key)] if isinstance(value, list) else value[key]
    except (ValueError, KeyError, IndexError, TypeError):
        return ''
    if isinstance(value, (dict, list)):
        return json.dumps(value)
    return '' if value is None else value`;

function wait(withClient: boolean): string {
  if (!withClient) {
    return `def mqtt_wait(seconds):
    time.sleep(float(seconds))`;
  }
  return `def mqtt_wait(seconds):
    # Waiting still serves MQTT: messages keep arriving and the connection stays alive.
    end = time.ticks_add(time.ticks_ms(), int(float(seconds) * 1000))
    while time.ticks_diff(end, time.ticks_ms()) > 0:
        mqtt_service()
        time.sleep_ms(max(0, min(MQTT_TICK_MS, time.ticks_diff(end, time.ticks_ms()))))`;
}

export const MICROPYTHON_RUNTIME: Runtime = {
  client: { imports: ['import machine', 'import time', 'from umqtt.simple import MQTTClient, MQTTException'], needs: [], code: () => CLIENT },
  url: { imports: [], needs: ['client'], code: () => connectUrlHelper('Boards use') },
  wifi: { imports: ['import network', 'import time'], needs: [], code: (has) => wifi(has('client')) },
  json: { imports: ['import json'], needs: [], code: () => JSON_VALUE },
  wait: { imports: ['import time'], needs: [], code: (has) => wait(has('client')) },
};
