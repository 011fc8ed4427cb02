# A station interface that is connected at once, for CPython (see README.md).
STA_IF = 0
AP_IF = 1


class WLAN:
    def __init__(self, interface_id=STA_IF):
        self._connected = False

    def active(self, *args):
        return True if not args else None

    def connect(self, ssid=None, key=None, **kwargs):
        self._connected = True

    def isconnected(self):
        return self._connected

    def ifconfig(self, *args):
        return ('127.0.0.1', '255.0.0.0', '127.0.0.1', '127.0.0.1')
