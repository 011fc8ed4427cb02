# umqtt.simple for the networked board: umqtt_core's client (test/support/umqtt-core: the packets
# and umqtt.simple's rules) over the board's socket stand-in, real TCP to a real broker.
import socket
import umqtt_core
from umqtt_core import MQTTException  # noqa: F401 (part of umqtt.simple's API)


class MQTTClient(umqtt_core.MQTTClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.ssl:
            umqtt_core.fail('the networked stand-in has no TLS')

    def _open_socket(self):
        sock = socket.socket()
        sock.connect(socket.getaddrinfo(self.server, self.port)[0][-1])
        return sock
