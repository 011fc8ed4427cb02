# main.py made by mqtt-blocks for MicroPython boards (umqtt.simple). Change the blocks rather than this file.
# mqtt_blocks.py beside it keeps the connection going (reconnecting, Chinese text, + and # topics).

import random
from mqtt_blocks import MQTTClient, wifi_connect, wait

client = MQTTClient()

temperature = None

with client:
    wifi_connect('classroom', 'secret-password')
    client.connect('192.168.1.2', port=1883)
    while True:
        client.check_msg()  # keep MQTT going
        temperature = random.randint(18, 26)
        client.publish('classroom/sensor/temperature', ''.join([str(x) for x in ['{"temp": ', temperature, '}']]))
        wait(2)
