# main.py made by mqtt-blocks for MicroPython boards (umqtt.simple). Change the blocks rather than this file.
# mqtt_blocks.py beside it keeps the connection going (reconnecting, Chinese text, + and # topics).

from mqtt_blocks import MQTTClient, wifi_connect

client = MQTTClient()

def on_message_classroom_all(topic, msg):
    print(''.join([str(x) for x in [topic, ': ', msg]]))

client.set_callback(on_message_classroom_all, 'classroom/#')

with client:
    wifi_connect('classroom', 'secret-password')
    client.connect('192.168.1.2', port=1883)
    while True:
        client.wait_msg()
