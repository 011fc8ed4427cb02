# Stand-in for network (ESP32/ESP8266 station interface), strict about arguments and order.
import board_harness as h

STA_IF = 0
AP_IF = 1


class WLAN:
    def __init__(self, interface_id):
        if interface_id not in (STA_IF, AP_IF):
            h.fail('WLAN() takes network.STA_IF or network.AP_IF')
        h.record('WLAN', interface_id)
        self._active = False
        self._connected = False
        self._polls = h.scenario.get('wifi_polls', 2)

    def active(self, *args):
        if len(args) > 1:
            h.fail('active() takes at most one argument')
        if not args:
            return self._active
        h.record('WLAN.active', args[0])
        self._active = bool(args[0])

    def connect(self, ssid=None, key=None, *, bssid=None):
        if not self._active:
            raise OSError('Wifi Not Started')
        h.require_type('ssid', ssid, (str,))
        h.require_type('key', key, (str,))
        h.record('WLAN.connect', ssid, key)
        self._connecting = True

    def isconnected(self):
        if getattr(self, '_connecting', False) and not self._connected:
            self._polls -= 1
            if self._polls <= 0 and h.scenario.get('wifi_ok', True):
                self._connected = True
        return self._connected

    def ifconfig(self, *args):
        if args:
            h.fail('generated code only reads ifconfig()')
        return ('192.168.1.50', '255.255.255.0', '192.168.1.1', '192.168.1.1')

    def status(self, *args):
        return 1010 if self._connected else 1001

    def disconnect(self):
        h.record('WLAN.disconnect')
        self._connected = False
