# main.py made by mqtt-blocks for Python 3 with paho-mqtt (Raspberry Pi). Change the blocks rather than this file.
# mqtt_blocks.py beside it keeps the connection going (reconnecting, Chinese text, + and # topics).

import random
from mqtt_blocks import Client, wait

client = Client()

temperature = None

with client:
    pass  # connect Wi-Fi: the Raspberry Pi joins Wi-Fi in its own network settings
    client.connect('192.168.1.2', 1883)
    while True:
        client.loop()  # keep MQTT going
        temperature = random.randint(18, 26)
        client.publish('classroom/sensor/temperature', ''.join([str(x) for x in ['{"temp": ', temperature, '}']]))
        wait(2)
