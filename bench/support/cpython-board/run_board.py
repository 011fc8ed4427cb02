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
sys.path.insert(0, os.path.join(_HERE, '..', '..', '..', 'test', 'support', 'umqtt-core'))  # umqtt.simple's packets and rules
sys.path.insert(0, _HERE)
sys.path.insert(0, program)
os.chdir(program)
runpy.run_path('main.py', run_name='__main__')
