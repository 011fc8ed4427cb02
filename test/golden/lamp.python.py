# main.py made by mqtt-blocks for Python 3 with paho-mqtt (Raspberry Pi). Change the blocks rather than this file.
# mqtt_blocks.py beside it keeps the connection going (reconnecting, Chinese text, + and # topics).

from mqtt_blocks import Client, text

client = Client()

lamp = None

def on_message_home_any_lamp(topic, msg):
    global lamp
    lamp = msg
    if lamp == 'on':
        print('Lamp ON, asked on ' + str(topic))
    else:
        print('Lamp OFF')
    client.publish('home/lamp/state', text(lamp), qos=1, retain=True)

client.message_callback_add('home/+/lamp', on_message_home_any_lamp)

with client:
    pass  # connect Wi-Fi: the Raspberry Pi joins Wi-Fi in its own network settings
    client.connect('192.168.1.2', 1883)
    lamp = 'off'
    client.loop_forever()
