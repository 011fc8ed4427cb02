# main.py made by mqtt-blocks for MicroPython boards (umqtt.simple). Change the blocks rather than this file.
# mqtt_blocks.py beside it keeps the connection going (reconnecting, Chinese text, + and # topics).

from mqtt_blocks import MQTTClient, wifi_connect, wait

client = MQTTClient()

with client:
    wifi_connect('classroom', 'secret-password')
    client.connect('192.168.1.2', port=1883)
    client.subscribe('classroom/news', qos=1)
    wait(1)
    if client.connected:
        print('news: ' + str(client.messages.get('classroom/news', '')))
    client.unsubscribe('classroom/news')
    client.disconnect()
