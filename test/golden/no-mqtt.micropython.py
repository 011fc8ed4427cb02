# main.py made by mqtt-blocks for MicroPython boards (umqtt.simple). Change the blocks rather than this file.
# mqtt_blocks.py beside it keeps the connection going (reconnecting, Chinese text, + and # topics).

i = None

for i in range(1, 4):
    print(i)
