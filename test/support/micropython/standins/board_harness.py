# Shared state of the stand-in board modules: records every call, plays the test's scenario and
# stops the program (StopProgram, a BaseException no generated "except Exception" can swallow).
import json
from umqtt_core import fail, require_type  # noqa: F401 (the board modules' argument checks, one set)


class StopProgram(BaseException):
    pass


calls = []
scenario = {'max_check_msg': 50, 'max_virtual_ms': 3600000, 'inputs': [], 'events': {}, 'connect_results': []}
state = {'now': 0, 'check_msg': 0}


def encode(value):
    if isinstance(value, (bytes, bytearray)):
        return {'bytes': ''.join('%02x' % b for b in value)}
    if isinstance(value, (list, tuple)):
        return [encode(item) for item in value]
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if callable(value):
        return {'callable': getattr(value, '__name__', '?')}
    return repr(value)


def record(name, *args, **kwargs):
    entry = {'call': name, 'args': [encode(a) for a in args], 'kwargs': {}, 't': state['now']}
    for key in kwargs:
        entry['kwargs'][key] = encode(kwargs[key])
    calls.append(entry)


def configure(text):
    scenario.update(json.loads(text))


def advance(ms):
    state['now'] += ms
    if state['now'] > scenario['max_virtual_ms']:
        raise StopProgram('virtual time limit')


def next_input(prompt):
    record('input', prompt)
    if not scenario['inputs']:
        raise StopProgram('no more input')
    return scenario['inputs'].pop(0)


def result():
    return json.dumps({'calls': calls, 'now': state['now'], 'check_msg': state['check_msg']})
