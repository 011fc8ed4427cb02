# main.py made by mqtt-blocks for Python 3 with paho-mqtt (Raspberry Pi). Change the blocks rather than this file.
# mqtt_blocks.py beside it keeps the connection going (reconnecting, Chinese text, + and # topics).

from mqtt_blocks import Client, wait

client = Client()

with client:
    pass  # connect Wi-Fi: the Raspberry Pi joins Wi-Fi in its own network settings
    client.connect('192.168.1.2', 1883)
    client.subscribe('classroom/news', qos=1)
    wait(1)
    if client.connected:
        print('news: ' + str(client.messages.get('classroom/news', '')))
    client.unsubscribe('classroom/news')
    client.disconnect()
