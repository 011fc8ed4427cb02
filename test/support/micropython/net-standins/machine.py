# machine for the networked board: the strict stand-in's unique_id and reset (which reboots the
# board: net-board.mjs runs boot.py again) plus Timer, fired during time.sleep_ms.
import board_harness as h
import board_timers


def unique_id():
    h.record('machine.unique_id')
    return bytes(h.scenario.get('unique_id', [0x24, 0x6f, 0x28, 0xa1, 0xb2, 0xc3]))


def reset():
    # A reset called from a scheduled callback (the loader's poll) would only be printed there:
    # the flag makes the next sleep or socket call raise it in the main program too.
    h.record('machine.reset')
    board_timers.reset_requested = True
    raise h.StopProgram('machine.reset')


class Timer:
    ONE_SHOT = 0
    PERIODIC = 1

    def __init__(self, timer_id):
        if not isinstance(timer_id, int):
            h.fail('Timer() takes an int id')
        self.period = 0
        self.callback = None
        self.due = 0

    def init(self, *, period=-1, mode=PERIODIC, callback=None, freq=None):
        if mode != Timer.PERIODIC or not callable(callback) or not isinstance(period, int) or period <= 0:
            h.fail('this stand-in supports periodic timers with a period in ms and a callback')
        self.period = period
        self.callback = callback
        self.due = board_timers.now() + period
        board_timers.timers.append(self)

    def deinit(self):
        self.period = 0
        if self in board_timers.timers:
            board_timers.timers.remove(self)
