# main.py made by mqtt-blocks for Python 3 with paho-mqtt (Raspberry Pi). Change the blocks rather than this file.
# mqtt_blocks.py beside it keeps the connection going (reconnecting, Chinese text, + and # topics).

i = None

for i in range(1, 4):
    print(i)
