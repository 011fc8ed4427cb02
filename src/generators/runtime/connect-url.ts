/**
 * The run-time check of a broker address built from other blocks, shared by both targets (the
 * same Python runs under MicroPython and CPython). The WebSocket ports come from the catalogue's
 * board URL rules, so generation time and run time refuse the same addresses.
 */
import { WEBSOCKET_PORTS } from '../../../blocks/board-url';

/** @param who how the messages name the program's machine ("Boards" / "Use"). */
export function connectUrlHelper(who: 'Boards use' | 'Use'): string {
  return `def mqtt_connect_url(url, user, password):
    # The URL came from other blocks, so it is checked here rather than when generating.
    global mqtt_last_error
    address = str(url).strip()
    if address.startswith('ws://') or address.startswith('wss://'):
        mqtt_last_error = address + ' is a WebSocket address (browsers only). ${who} mqtt://HOST:1883.'
        print(mqtt_last_error)
        return
    for prefix in ('mqtt://', 'tcp://'):
        if address.startswith(prefix):
            address = address[len(prefix):]
    host_port = address.split('/')[0].split(':')
    port = 1883
    if len(host_port) == 2 and host_port[1].isdigit():
        port = int(host_port[1])
    if port in (${WEBSOCKET_PORTS.join(', ')}):
        mqtt_last_error = 'Port %d is a WebSocket port (browsers only). ${who} the TCP port, usually 1883.' % port
        print(mqtt_last_error)
        return
    mqtt_connect(host_port[0], port, user, password)`;
}
