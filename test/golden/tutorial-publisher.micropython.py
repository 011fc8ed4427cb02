# main.py made by mqtt-blocks for MicroPython boards (umqtt.simple). Change the blocks rather than this file.
# mqtt_blocks.py beside it keeps the connection going (reconnecting, Chinese text, + and # topics).

from mqtt_blocks import MQTTClient, wifi_connect

client = MQTTClient()

def text_prompt(msg):
    try:
        return raw_input(msg)
    except NameError:
        return input(msg)

with client:
    wifi_connect('classroom', 'secret-password')
    client.connect('192.168.1.2', port=1883)
    while True:
        client.check_msg()  # keep MQTT going
        client.publish('classroom/chat', text_prompt('Message to send: '), retain=False, qos=1)
