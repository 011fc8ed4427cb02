# Shared state of the stand-in board modules: records every call, plays the test's scenario and
# stops the program (StopProgram, a BaseException no generated "except Exception" can swallow).
import json


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


def fail(message):
    raise TypeError('stand-in: ' + message)


def require_type(name, value, types):
    if not isinstance(value, types):
        fail('%s must be %s, got %s' % (name, ' or '.join(t.__name__ for t in types), type(value).__name__))


def require_wire_text(name, value, allow_none=False):
    # umqtt.simple sends len(value) as the length: a str with non-ASCII text would be sent wrong.
    if value is None and allow_none:
        return
    require_type(name, value, (bytes, bytearray, str))
    if isinstance(value, str):
        for char in value:
            if ord(char) > 127:
                fail('%s is a str with non-ASCII text; umqtt.simple would send a wrong length (encode it)' % name)


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
