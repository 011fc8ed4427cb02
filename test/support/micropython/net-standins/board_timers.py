# Timers of the networked board (machine.Timer): fired by time.sleep_ms when due, as a real
# board's timer interrupts would interrupt a sleep. One registry per boot.
import jsnet

timers = []
reset_requested = False


def now():
    return jsnet.ticks()


def check_reset():
    if reset_requested:
        import board_harness
        raise board_harness.StopProgram('machine.reset')


def fire_due():
    check_reset()
    t = now()
    for timer in list(timers):
        if timer.period > 0 and t >= timer.due:
            timer.due = t + timer.period
            timer.callback(timer)


def next_due():
    due = [timer.due for timer in timers if timer.period > 0]
    return min(due) if due else None
