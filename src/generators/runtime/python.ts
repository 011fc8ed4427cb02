/**
 * The runtime a Raspberry Pi program carries (CPython 3 with paho-mqtt 1.6 or 2.x). One client, one
 * network loop (paho's loop_start thread). That thread only queues what arrives; the hats run on the
 * program's own thread, one at a time, so a hat can publish with QoS 1 and wait for the broker's
 * acknowledgement without blocking the very loop that would deliver it.
 */
import { connectUrlHelper } from './connect-url';
import type { Runtime } from './runtime-types';
import { JSON_VALUE } from './micropython';

const CLIENT = `MQTT_KEEPALIVE = 60  # seconds
MQTT_CONNECT_WAIT = 10  # seconds "connect" waits before the program goes on
MQTT_PUBLISH_WAIT = 5  # seconds a QoS 1/2 publish waits for the broker's acknowledgement

mqtt_client = None
mqtt_connected = False
mqtt_refused = False
mqtt_last_error = ''
mqtt_message = ''
mqtt_topic = ''
mqtt_last_messages = {}
mqtt_subscriptions = {}  # topic filter -> qos, subscribed again after every reconnect
mqtt_will = None
mqtt_busy = False  # True while a hat runs: a loop inside it must not start another hat
mqtt_inbox = queue.Queue()  # network thread -> program thread


def mqtt_on_connect(client, userdata, flags, reason_code, properties=None):
    # paho 1.6 passes an int, paho 2.x a ReasonCode; both compare equal to 0 on success.
    global mqtt_connected, mqtt_refused, mqtt_last_error
    if reason_code != 0:
        # A refusal (bad password...) would only repeat itself: stop instead of retrying forever.
        words = mqtt.connack_string(reason_code) if isinstance(reason_code, int) else str(reason_code)
        mqtt_last_error = 'The broker refused the connection: ' + words
        mqtt_refused = True
        print(mqtt_last_error)
        client.disconnect()
        return
    mqtt_last_error = ''
    mqtt_connected = True
    for topic_filter, qos in list(mqtt_subscriptions.items()):
        client.subscribe(topic_filter, qos)
    mqtt_inbox.put(('connected',))


def mqtt_on_disconnect(client, userdata, *details):
    # paho 1.6 passes (rc), paho 2.x (flags, reason_code, properties); 0 / success = we asked for it.
    global mqtt_connected, mqtt_last_error
    was_connected = mqtt_connected
    mqtt_connected = False
    reason = details[1] if len(details) >= 2 else details[0] if details else 0
    if reason != 0 and not mqtt_refused:
        mqtt_last_error = 'Lost the connection to the broker; reconnecting.'
        print(mqtt_last_error)
    if was_connected:
        mqtt_inbox.put(('disconnected',))


def mqtt_on_message(client, userdata, message):
    mqtt_inbox.put(('message', message.topic, message.payload.decode('utf-8', 'replace')))


def mqtt_run_hat(callback):
    # One hat at a time; a mistake in one script is printed and the program keeps going.
    global mqtt_busy
    mqtt_busy = True
    try:
        callback()
    except Exception as error:
        print('Error in', callback.__name__, ':', repr(error))
    finally:
        mqtt_busy = False


def mqtt_handle(event):
    global mqtt_message, mqtt_topic
    if event[0] == 'message':
        mqtt_topic, mqtt_message = event[1], event[2]
        mqtt_last_messages[mqtt_topic] = mqtt_message
        for topic_filter, callback in MQTT_MESSAGE_HATS:
            if topic_filter in mqtt_subscriptions and mqtt.topic_matches_sub(topic_filter, mqtt_topic):
                mqtt_run_hat(callback)
    else:
        for callback in MQTT_CONNECTED_HATS if event[0] == 'connected' else MQTT_DISCONNECTED_HATS:
            mqtt_run_hat(callback)


def mqtt_service(timeout=0):
    # Runs the hats for what the network thread received, here on the program's thread.
    if mqtt_busy:
        time.sleep(timeout)
        return
    block = timeout > 0
    while True:
        try:
            event = mqtt_inbox.get(block, timeout if block else None)
        except queue.Empty:
            return
        mqtt_handle(event)
        block = False


def mqtt_new_client():
    # A fresh id per run: two programs (or two pupils) never knock each other off the broker.
    client_id = 'mqtt-blocks-' + uuid.uuid4().hex[:12]
    if hasattr(mqtt, 'CallbackAPIVersion'):
        # paho-mqtt 2.x: the callbacks above accept the VERSION2 arguments.
        client = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2, client_id=client_id)
    else:
        client = mqtt.Client(client_id=client_id)
    client.on_connect = mqtt_on_connect
    client.on_disconnect = mqtt_on_disconnect
    client.on_message = mqtt_on_message
    return client


def mqtt_connect(host, port, user, password):
    # Waits until connected or refused (at most MQTT_CONNECT_WAIT s); paho keeps retrying after that.
    global mqtt_client, mqtt_refused, mqtt_last_error
    mqtt_stop()
    mqtt_client = mqtt_new_client()
    if user:
        mqtt_client.username_pw_set(user, password)
    if mqtt_will is not None:
        mqtt_client.will_set(mqtt_will[0], mqtt_will[1], qos=0, retain=False)
    mqtt_refused = False
    mqtt_client.connect_async(host, port, keepalive=MQTT_KEEPALIVE)
    mqtt_client.loop_start()
    deadline = time.monotonic() + MQTT_CONNECT_WAIT
    while not mqtt_connected and not mqtt_refused and time.monotonic() < deadline:
        time.sleep(0.05)
    if not mqtt_connected and not mqtt_refused:
        mqtt_last_error = 'Cannot reach the broker at %s:%d yet (still trying). Is it running?' % (host, port)
        print(mqtt_last_error)
    mqtt_service()


def mqtt_disconnect():
    mqtt_stop()
    mqtt_service()


def mqtt_set_last_will(topic, message):
    # Sent with every CONNECT from now on (use it before "connect").
    global mqtt_will
    mqtt_will = (topic, message)
    if mqtt_client is not None:
        mqtt_client.will_set(topic, message, qos=0, retain=False)


def mqtt_publish(topic, message, qos=0, retain=False):
    global mqtt_last_error
    if mqtt_client is None or not mqtt_connected:
        mqtt_last_error = 'Not connected: a message to %s was not sent.' % topic
        return
    try:
        info = mqtt_client.publish(topic, message, qos=qos, retain=retain)
    except ValueError as error:
        mqtt_last_error = 'Cannot publish to %r: %s' % (topic, error)
        print(mqtt_last_error)
        return
    if qos > 0 and info.rc == mqtt.MQTT_ERR_SUCCESS:
        try:
            info.wait_for_publish(MQTT_PUBLISH_WAIT)
        except (RuntimeError, ValueError):
            pass
        if not info.is_published():
            mqtt_last_error = 'The broker did not confirm a message to %s.' % topic


def mqtt_subscribe(topic_filter, qos=0):
    global mqtt_last_error
    mqtt_subscriptions[str(topic_filter)] = qos
    if mqtt_client is not None and mqtt_connected:
        try:
            mqtt_client.subscribe(str(topic_filter), qos)
        except ValueError as error:
            mqtt_last_error = 'Cannot subscribe to %r: %s' % (topic_filter, error)


def mqtt_unsubscribe(topic_filter):
    mqtt_subscriptions.pop(str(topic_filter), None)
    if mqtt_client is not None and mqtt_connected:
        mqtt_client.unsubscribe(str(topic_filter))


def mqtt_subscribe_hats():
    for topic_filter, callback in MQTT_MESSAGE_HATS:
        mqtt_subscriptions.setdefault(topic_filter, 0)


def mqtt_run_forever():
    # Hats need the program to keep listening; Ctrl-C stops it.
    while True:
        mqtt_service(1.0)


def mqtt_stop():
    # Leaves the broker politely (no last will) and stops the network thread.
    global mqtt_client, mqtt_connected
    if mqtt_client is not None:
        mqtt_client.disconnect()
        mqtt_client.loop_stop()
        mqtt_client = None
        mqtt_connected = False`;


function wait(withClient: boolean): string {
  if (!withClient) {
    return `def mqtt_wait(seconds):
    time.sleep(float(seconds))`;
  }
  return `def mqtt_wait(seconds):
    # Waiting still runs the hats for messages that arrive meanwhile.
    end = time.monotonic() + float(seconds)
    while True:
        left = end - time.monotonic()
        if left <= 0:
            return
        mqtt_service(min(left, 0.1))`;
}

export const PYTHON_RUNTIME: Runtime = {
  client: { imports: ['import queue', 'import time', 'import uuid', 'import paho.mqtt.client as mqtt'], needs: [], code: () => CLIENT },
  url: { imports: [], needs: ['client'], code: () => connectUrlHelper('Use') },
  // A Raspberry Pi joins Wi-Fi itself; the block generates a comment, never this piece.
  wifi: { imports: [], needs: [], code: () => '' },
  json: { imports: ['import json'], needs: [], code: () => JSON_VALUE },
  wait: { imports: ['import time'], needs: [], code: (has) => wait(has('client')) },
};
