# main.py made by mqtt-blocks for Python 3 with paho-mqtt (Raspberry Pi). Change the blocks rather than this file.
# mqtt_blocks.py beside it keeps the connection going (reconnecting, Chinese text, + and # topics).

from mqtt_blocks import Client, json_value

client = Client()

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

client.message_callback_add('classroom/+/status', on_message_classroom_any_status)
client.message_callback_add('sensors/#', on_message_sensors_all)
client.when_connected(on_connected)
client.when_disconnected(on_disconnected)

with client:
    pass  # connect Wi-Fi: the Raspberry Pi joins Wi-Fi in its own network settings
    client.will_set('classroom/pupil1/status', 'offline')
    client.username_pw_set('pupil1', 'let-me-in')
    client.connect('192.168.1.2', 1883)
    client.publish('classroom/pupil1/status', 'online', qos=2, retain=True)
    client.subscribe('sensors/#', qos=2)
    client.loop_forever()
