# Real-time clock for the networked board: sleeps really sleep (so brokers and tests see real
# timing), and due machine.Timer callbacks fire during them.
import jsnet
import board_timers
import board_harness as h


def _check(name, value):
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        h.fail('%s() takes a number, got %s' % (name, type(value).__name__))
    if value < 0:
        raise ValueError('negative sleep')


def sleep_ms(ms):
    _check('sleep_ms', ms)
    if not isinstance(ms, int):
        h.fail('sleep_ms() takes an int')
    end = jsnet.ticks() + ms
    while True:
        board_timers.fire_due()
        board_timers.check_reset()
        left = end - jsnet.ticks()
        if left <= 0:
            return
        due = board_timers.next_due()
        step = left if due is None else max(1, min(left, due - jsnet.ticks()))
        jsnet.sleep(step)


def sleep(seconds):
    _check('sleep', seconds)
    sleep_ms(int(seconds * 1000))


def sleep_us(us):
    sleep_ms(us // 1000)


def ticks_ms():
    return jsnet.ticks()


def ticks_diff(a, b):
    if not isinstance(a, int) or not isinstance(b, int):
        h.fail('ticks_diff() takes ints')
    return a - b


def ticks_add(a, b):
    return a + b


def time():
    return jsnet.ticks() // 1000
