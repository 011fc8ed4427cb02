# Simulated machine: a unique id per browser tab, pins shown on the page's LED panel and buttons,
# and reset() restarting the program as a board restarts main.py.
import _simboard
import _simcore


def unique_id():
    # Six bytes like an ESP32's MAC address, different in every tab: several tabs are several boards.
    return bytes.fromhex(_simboard.unique_id_hex())


def reset():
    raise _simcore.BoardReset()


def soft_reset():
    raise _simcore.BoardReset()


def freq(*args):
    return 240000000


def idle():
    _simcore.sleep_ms(1)


class Pin:
    IN = 1
    OUT = 3
    OPEN_DRAIN = 7
    PULL_UP = 2
    PULL_DOWN = 1
    IRQ_RISING = 1
    IRQ_FALLING = 2

    def __init__(self, id, mode=-1, pull=-1, value=None):
        if isinstance(id, bool) or not isinstance(id, int):
            raise TypeError('Pin() takes a pin number, for example Pin(2, Pin.OUT)')
        if not 0 <= id < 40:
            raise ValueError('invalid pin %d: the simulated board has GPIO 0 to 39' % id)
        self._id = id
        self._mode = None
        self._pull = None
        self.init(mode, pull, value)

    def init(self, mode=-1, pull=-1, value=None):
        if mode != -1:
            self._mode = mode
        if pull != -1:
            self._pull = pull
        if value is not None:
            self.value(value)
        self._publish_mode()

    def _publish_mode(self):
        if self._mode in (Pin.OUT, Pin.OPEN_DRAIN):
            _simboard.pin_mode(self._id, 1)
        elif self._mode == Pin.IN or self._mode is None and self._pull is not None:
            _simboard.pin_mode(self._id, 3 if self._pull == Pin.PULL_UP else 4 if self._pull == Pin.PULL_DOWN else 2)

    def value(self, *args):
        if not args:
            return _simboard.pin_read(self._id)
        if len(args) > 1:
            raise TypeError('value() takes at most one argument')
        _simboard.pin_write(self._id, 1 if args[0] else 0)

    def __call__(self, *args):
        return self.value(*args)

    def on(self):
        _simboard.pin_write(self._id, 1)

    def off(self):
        _simboard.pin_write(self._id, 0)

    def irq(self, *args, **kwargs):
        raise _simcore.SimulatorLacks('machine.Pin.irq')

    def __repr__(self):
        return 'Pin(%d)' % self._id


__getattr__ = _simcore.lacks('machine')
