# Stand-in for MicroPython's time: a virtual clock, so sleeps take no real time.
import board_harness as h


def _number(name, value):
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        h.fail('%s() takes a number, got %s' % (name, type(value).__name__))
    if value < 0:
        raise ValueError('negative sleep')


def sleep(seconds):
    _number('sleep', seconds)
    h.advance(int(seconds * 1000))


def sleep_ms(ms):
    _number('sleep_ms', ms)
    if not isinstance(ms, int):
        h.fail('sleep_ms() takes an int')
    h.advance(ms)


def sleep_us(us):
    _number('sleep_us', us)
    h.advance(us // 1000)


def ticks_ms():
    return h.state['now']


def ticks_us():
    return h.state['now'] * 1000


def ticks_add(ticks, delta):
    if not isinstance(ticks, int) or not isinstance(delta, int):
        h.fail('ticks_add() takes ints')
    return ticks + delta


def ticks_diff(ticks1, ticks2):
    if not isinstance(ticks1, int) or not isinstance(ticks2, int):
        h.fail('ticks_diff() takes ints')
    return ticks1 - ticks2


def time():
    return h.state['now'] // 1000
