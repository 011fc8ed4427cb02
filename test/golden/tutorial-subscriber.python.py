# main.py made by mqtt-blocks for Python 3 with paho-mqtt (Raspberry Pi). Change the blocks rather than this file.
# mqtt_blocks.py beside it keeps the connection going (reconnecting, Chinese text, + and # topics).

from mqtt_blocks import Client

client = Client()

def on_message_classroom_all(topic, msg):
    print(''.join([str(x) for x in [topic, ': ', msg]]))

client.message_callback_add('classroom/#', on_message_classroom_all)

with client:
    pass  # connect Wi-Fi: the Raspberry Pi joins Wi-Fi in its own network settings
    client.connect('192.168.1.2', 1883)
    client.loop_forever()
