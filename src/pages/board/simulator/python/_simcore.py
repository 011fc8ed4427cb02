# Shared helpers of the simulated board modules. _simboard is the JavaScript side (the worker):
# every function there is synchronous and blocks with Atomics.wait, never spinning.
import json
import _simboard


class SimulatorLacks(AttributeError):
    # Raised for a board feature the simulator does not have; the runner turns it into one clear line.
    def __init__(self, name):
        super().__init__(name)
        self.name = name


class BoardReset(BaseException):
    # machine.reset(): the runner restarts the program, as a board restarts main.py.
    pass


def lacks(module):
    # A module-level __getattr__: machine.ADC and friends name themselves instead of a bare AttributeError.
    def missing(name):
        if name.startswith('__'):
            raise AttributeError(name)
        raise SimulatorLacks(module + '.' + name)
    return missing


def call(op, args=None):
    # One request to the page (the MQTT link, input); Stop answers with {"stop": true}.
    reply = json.loads(_simboard.call(op, json.dumps(args if args is not None else {})))
    if reply.get('stop'):
        raise KeyboardInterrupt
    return reply


def event(kind, **fields):
    fields['kind'] = kind
    _simboard.event(json.dumps(fields))


def sleep_ms(ms):
    if _simboard.sleep_ms(ms):
        raise KeyboardInterrupt
