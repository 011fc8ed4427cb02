# Simulated board time: sleeps really wait (Atomics.wait, no CPU) and Stop interrupts them;
# ticks wrap like an ESP32's (period 2**30), so ticks_add/ticks_diff behave as on the board.
from utime import gmtime, localtime, mktime
import _simboard
import _simcore

_PERIOD = 1 << 30
_MASK = _PERIOD - 1
_HALF = _PERIOD >> 1


def _check(name, value):
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError('%s() takes a number, not %s' % (name, type(value).__name__))
    if value < 0:
        raise ValueError('%s() cannot wait a negative time' % name)


def sleep(seconds):
    _check('sleep', seconds)
    _simcore.sleep_ms(seconds * 1000)


def sleep_ms(ms):
    _check('sleep_ms', ms)
    _simcore.sleep_ms(ms)


def sleep_us(us):
    _check('sleep_us', us)
    _simcore.sleep_ms(us / 1000)


def ticks_ms():
    return _simboard.ticks_ms()


def ticks_us():
    return _simboard.ticks_us()


def ticks_cpu():
    return _simboard.ticks_us()


def ticks_add(ticks, delta):
    return (ticks + delta) & _MASK


def ticks_diff(ticks1, ticks2):
    return ((ticks1 - ticks2 + _HALF) & _MASK) - _HALF


def time():
    # Seconds since 2000-01-01, MicroPython's epoch on ESP32.
    return _simboard.time_s()


def time_ns():
    return _simboard.time_s() * 1000000000


__getattr__ = _simcore.lacks('time')
