# main.py made by mqtt-blocks for MicroPython boards (umqtt.simple). Change the blocks rather than this file.
# mqtt_blocks.py beside it keeps the connection going (reconnecting, Chinese text, + and # topics).

from mqtt_blocks import MQTTClient, wifi_connect, text

client = MQTTClient()

lamp = None

def on_message_home_any_lamp(topic, msg):
    global lamp
    lamp = msg
    if lamp == 'on':
        print('Lamp ON, asked on ' + str(topic))
    else:
        print('Lamp OFF')
    client.publish('home/lamp/state', text(lamp), retain=True, qos=1)

client.set_callback(on_message_home_any_lamp, 'home/+/lamp')

with client:
    wifi_connect('classroom', 'secret-password')
    client.connect('192.168.1.2', port=1883)
    lamp = 'off'
    while True:
        client.wait_msg()
