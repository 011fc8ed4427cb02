# Runs main.py (in the folder given as argument) as a board would, under CPython: MicroPython's
# time.sleep_ms/ticks_* are added to CPython's time module first (see README.md).
import os
import runpy
import sys
import time

_START = time.monotonic()
_PERIOD = 1 << 30


def _ticks_ms():
    return int((time.monotonic() - _START) * 1000) & (_PERIOD - 1)


time.ticks_ms = _ticks_ms
time.ticks_us = lambda: int((time.monotonic() - _START) * 1000000) & (_PERIOD - 1)
time.ticks_add = lambda ticks, delta: (ticks + delta) & (_PERIOD - 1)
time.ticks_diff = lambda a, b: ((a - b + _PERIOD // 2) & (_PERIOD - 1)) - _PERIOD // 2
time.sleep_ms = lambda ms: time.sleep(ms / 1000)
time.sleep_us = lambda us: time.sleep(us / 1000000)

program = os.path.abspath(sys.argv[1])
_HERE = os.path.dirname(os.path.abspath(__file__))

# UMQTT_SIMPLE_DIR names a folder holding micropython-lib's real umqtt/simple.py (e.g. a
# micropython-lib checkout's micropython/umqtt.simple). It is not shipped with this project, so
# it is used only when given; then CPython's socket learns MicroPython's stream methods, which
# that file calls, and `umqtt` is that folder's package instead of our stand-in.
_REAL_UMQTT = os.environ.get('UMQTT_SIMPLE_DIR')
if _REAL_UMQTT:
    import socket
    import types

    sys.path.insert(0, _HERE)
    from stream_socket import StreamSocket

    socket.socket = StreamSocket
    package = types.ModuleType('umqtt')
    package.__path__ = [os.path.join(os.path.abspath(_REAL_UMQTT), 'umqtt')]
    sys.modules['umqtt'] = package
    if not os.path.isfile(os.path.join(package.__path__[0], 'simple.py')):
        sys.exit('UMQTT_SIMPLE_DIR has no umqtt/simple.py: ' + _REAL_UMQTT)
sys.path.insert(0, os.path.join(_HERE, '..', '..', '..', 'test', 'support', 'umqtt-core'))  # umqtt.simple's packets and rules
sys.path.insert(0, _HERE)
sys.path.insert(0, program)
os.chdir(program)
runpy.run_path('main.py', run_name='__main__')
