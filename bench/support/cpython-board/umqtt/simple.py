# umqtt.simple for CPython (see README.md): umqtt_core's client (test/support/umqtt-core: the
# packets and umqtt.simple's rules, shared with the test boards) over a CPython TCP socket.
import umqtt_core
from stream_socket import StreamSocket
from umqtt_core import MQTTException  # noqa: F401 (part of umqtt.simple's API)


class MQTTClient(umqtt_core.MQTTClient):
    def _open_socket(self):
        if self.ssl:
            umqtt_core.fail('the CPython stand-in has no TLS')
        sock = StreamSocket()
        sock.connect((self.server, self.port))
        return sock
