# main.py made by mqtt-blocks for MicroPython boards (umqtt.simple). Change the blocks rather than this file.
# mqtt_blocks.py beside it keeps the connection going (reconnecting, Chinese text, + and # topics).

from mqtt_blocks import MQTTClient, wifi_connect, json_value

client = MQTTClient()

reading = None

def on_message_classroom_any_status(topic, msg):
    print(''.join([str(x) for x in [topic, ' is ', msg]]))

def on_connected():
    print('connected')

def on_message_sensors_all(topic, msg):
    global reading
    reading = json_value('sensors.0.value', msg)
    print('reading: ' + str(reading))

def on_disconnected():
    print('lost: ' + str(client.last_error))

client.set_callback(on_message_classroom_any_status, 'classroom/+/status')
client.set_callback(on_message_sensors_all, 'sensors/#')
client.when_connected(on_connected)
client.when_disconnected(on_disconnected)

with client:
    wifi_connect('classroom', 'secret-password')
    client.set_last_will('classroom/pupil1/status', 'offline')
    client.connect('192.168.1.2', port=1883, user='pupil1', password='let-me-in')
    # QoS 2 is not available in umqtt.simple: sent with QoS 1 (at least once) instead
    client.publish('classroom/pupil1/status', 'online', retain=True, qos=1)
    # QoS 2 is not available in umqtt.simple: sent with QoS 1 (at least once) instead
    client.subscribe('sensors/#', qos=1)
    while True:
        client.wait_msg()
