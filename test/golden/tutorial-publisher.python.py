# main.py made by mqtt-blocks for Python 3 with paho-mqtt (Raspberry Pi). Change the blocks rather than this file.
# mqtt_blocks.py beside it keeps the connection going (reconnecting, Chinese text, + and # topics).

from mqtt_blocks import Client

client = Client()

def text_prompt(msg):
    try:
        return raw_input(msg)
    except NameError:
        return input(msg)

with client:
    pass  # connect Wi-Fi: the Raspberry Pi joins Wi-Fi in its own network settings
    client.connect('192.168.1.2', 1883)
    while True:
        client.loop()  # keep MQTT going
        client.publish('classroom/chat', text_prompt('Message to send: '), qos=1, retain=False)
