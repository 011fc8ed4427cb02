# Simulated network: the browser is already online, so Wi-Fi connects at once (and says so).
import _simcore

STA_IF = 0
AP_IF = 1
STAT_IDLE = 1000
STAT_CONNECTING = 1001
STAT_GOT_IP = 1010


class WLAN:
    def __init__(self, interface_id=STA_IF):
        if interface_id not in (STA_IF, AP_IF):
            raise ValueError('WLAN() takes network.STA_IF or network.AP_IF')
        self._interface = interface_id
        self._active = False
        self._connected = False

    def active(self, *args):
        if not args:
            return self._active
        self._active = bool(args[0])
        if not self._active:
            self._connected = False

    def connect(self, ssid=None, key=None, *, bssid=None):
        if not self._active:
            raise OSError('Wifi Not Started')
        self._connected = True
        _simcore.event('wifi', ssid=str(ssid))

    def disconnect(self):
        self._connected = False

    def isconnected(self):
        return self._connected

    def status(self, *args):
        if args:
            return 0
        return STAT_GOT_IP if self._connected else STAT_IDLE

    def ifconfig(self, *args):
        if args:
            return None
        if not self._connected:
            return ('0.0.0.0', '0.0.0.0', '0.0.0.0', '0.0.0.0')
        return ('192.168.4.2', '255.255.255.0', '192.168.4.1', '192.168.4.1')

    def config(self, *args, **kwargs):
        if args == ('mac',):
            import machine
            return machine.unique_id()
        return None

    def scan(self):
        return []


__getattr__ = _simcore.lacks('network')
