# --- Scratch on a board: the part of mqtt_blocks.py that programs made from a Scratch project use.
# Every script is its own task (a Python generator), run by turns as on the Scratch stage: a loop
# gives the other scripts a turn after every time round, a wait lets them run meanwhile, a
# broadcast starts its receivers, each "when message received" script takes its messages one at a
# time, in order, from its own queue. Values follow Scratch's rules ("10" > "9" as numbers, "A" = "a").
import math
import random

_T_SCRIPT_STOPPED = 'Error in %s: %s. This script stopped; the others go on.'

QUEUE_BOUND = 1000  # messages a busy "when message received" script keeps waiting (as on the stage)
LIST_LIMIT = 200000  # items in a list, as in Scratch
_NAN = float('nan')
_INF = float('inf')
_WAITING = 'waiting'  # what a task yields while it waits for time to pass


class _StopAll(Exception):
    pass


# ---- values, in Scratch's words

_SPACES = ' \t\n\r\x0b\x0c\xa0\u1680\u2028\u2029\u202f\u205f\u3000\ufeff'


def _is_space(char):
    return char in _SPACES or '\u2000' <= char <= '\u200a'


def _trim(s):
    start = 0
    end = len(s)
    while start < end and _is_space(s[start]):
        start += 1
    while end > start and _is_space(s[end - 1]):
        end -= 1
    return s[start:end]


def _digits(s, allowed):
    return len(s) > 0 and all(c in allowed for c in s)


def _parse_number(s):
    # JavaScript's Number(text): NaN when it is not a number, 0 for empty or blank text.
    s = _trim(s)
    if s == '':
        return 0.0
    low = s.lower()
    for prefix, base, allowed in (('0x', 16, '0123456789abcdef'), ('0b', 2, '01'), ('0o', 8, '01234567')):
        if low[:2] == prefix:
            return float(int(low[2:], base)) if _digits(low[2:], allowed) else _NAN
    sign = 1.0
    body = s
    if body[:1] in '+-':
        sign = -1.0 if body[0] == '-' else 1.0
        body = body[1:]
    if body == 'Infinity':
        return sign * _INF
    mantissa, _, exponent = body.replace('E', 'e').partition('e')
    whole, point, fraction = mantissa.partition('.')
    if not (whole or fraction) or (whole and not _digits(whole, '0123456789')) or (fraction and not _digits(fraction, '0123456789')):
        return _NAN
    if 'e' in body.replace('E', 'e'):
        if exponent[:1] in '+-':
            exponent = exponent[1:]
        if not _digits(exponent, '0123456789'):
            return _NAN
    return sign * float(body)


def num(value):
    # A value as a number (Scratch's Cast.toNumber): text that is not a number counts as 0.
    if value is True or value is False:
        return 1.0 if value else 0.0
    if isinstance(value, (int, float)):
        return 0.0 if value != value else float(value)
    n = _parse_number(str(value))
    return 0.0 if n != n else n


def _js_number_text(x):
    # JavaScript's way of writing a number: 2 (not 2.0), 0.1, 1e+21, Infinity.
    if x != x:
        return 'NaN'
    if x in (_INF, -_INF):
        return 'Infinity' if x > 0 else '-Infinity'
    if x == 0:
        return '0'
    if x == int(x) and abs(x) < 9007199254740992:  # 2 ** 53: every digit is exact
        return '%d' % int(x)
    for places in range(17):
        written = ('%.' + str(places) + 'e') % x
        if float(written) == x:
            break
    mantissa, _, exponent = written.partition('e')
    sign = '-' if mantissa[0] == '-' else ''
    digits = mantissa.lstrip('-').replace('.', '').rstrip('0') or '0'
    n = int(exponent) + 1  # where the point goes
    k = len(digits)
    if k <= n <= 21:
        return sign + digits + '0' * (n - k)
    if 0 < n <= 21:
        return sign + digits[:n] + '.' + digits[n:]
    if -6 < n <= 0:
        return sign + '0.' + '0' * -n + digits
    e = n - 1
    return sign + digits[0] + ('.' + digits[1:] if k > 1 else '') + 'e' + ('+' if e >= 0 else '-') + str(abs(e))


def to_text(value):
    # A value as text (Scratch's Cast.toString): numbers as Scratch writes them, true/false.
    if value is True or value is False:
        return 'true' if value else 'false'
    if isinstance(value, (int, float)):
        return _js_number_text(float(value))
    return str(value)


def to_bool(value):
    # Scratch's Cast.toBoolean: '', '0' and 'false' (any case) are false, other text is true.
    if value is True or value is False:
        return value
    if isinstance(value, (int, float)):
        return value == value and value != 0
    value = str(value)
    return not (value == '' or value == '0' or value.lower() == 'false')


def _compare_number(value):
    if value is True or value is False:
        return 1.0 if value else 0.0
    if isinstance(value, (int, float)):
        return float(value)
    return _parse_number(str(value))


def compare(a, b):
    # Scratch's Cast.compare: as numbers when both are numbers, otherwise as text ignoring case.
    n1 = _compare_number(a)
    n2 = _compare_number(b)
    if n1 == 0 and isinstance(a, str) and _trim(a) == '':
        n1 = _NAN
    elif n2 == 0 and isinstance(b, str) and _trim(b) == '':
        n2 = _NAN
    if n1 != n1 or n2 != n2:
        s1 = to_text(a).lower()
        s2 = to_text(b).lower()
        return -1 if s1 < s2 else 1 if s1 > s2 else 0
    if n1 == n2:
        return 0
    return -1 if n1 < n2 else 1


def equals(a, b):
    return compare(a, b) == 0


def less(a, b):
    return compare(a, b) < 0


def greater(a, b):
    return compare(a, b) > 0


def divide(a, b):
    a = num(a)
    b = num(b)
    if b == 0:
        return _NAN if a == 0 or a != a else math.copysign(_INF, a) * math.copysign(1.0, b)
    return a / b


def modulo(a, b):
    a = num(a)
    b = num(b)
    if b == 0 or a in (_INF, -_INF):
        return _NAN
    if b in (_INF, -_INF):
        return a  # JavaScript keeps a, and Scratch's sign fix-up does not apply
    return a % b


def round_number(value):
    # Scratch rounds halves up (2.5 -> 3, -2.5 -> -2), like JavaScript's Math.round.
    value = num(value)
    if value != value or value in (_INF, -_INF):
        return value
    return float(math.floor(value + 0.5))


def _clean(value):
    # Scratch rounds the trigonometry results to 10 places, so sin(180) is 0.
    return round(value * 1e10) / 1e10


def math_of(operator, value):
    # The "[abs] of ()" block.
    n = num(value)
    try:
        if operator == 'abs':
            return abs(n)
        if operator == 'floor':
            return float(math.floor(n)) if n == n and abs(n) != _INF else n
        if operator == 'ceiling':
            return float(math.ceil(n)) if n == n and abs(n) != _INF else n
        if operator == 'sqrt':
            return math.sqrt(n) if n >= 0 else _NAN
        if operator == 'sin':
            return _clean(math.sin(math.radians(n)))
        if operator == 'cos':
            return _clean(math.cos(math.radians(n)))
        if operator == 'tan':
            angle = n % 360
            if angle in (90, -270):
                return _INF
            if angle in (-90, 270):
                return -_INF
            return _clean(math.tan(math.radians(n)))
        if operator == 'asin':
            return math.asin(n) * 180 / math.pi if -1 <= n <= 1 else _NAN
        if operator == 'acos':
            return math.acos(n) * 180 / math.pi if -1 <= n <= 1 else _NAN
        if operator == 'atan':
            return math.atan(n) * 180 / math.pi
        if operator == 'ln':
            return math.log(n) if n > 0 else -_INF if n == 0 else _NAN
        if operator == 'log':
            return math.log(n) / math.log(10) if n > 0 else -_INF if n == 0 else _NAN
        if operator == 'e ^':
            return math.exp(n)
        if operator == '10 ^':
            return math.pow(10, n)
    except (OverflowError, ValueError):
        return _INF if n > 0 else _NAN
    return 0.0


def pick_random(a, b):
    # Whole numbers give a whole number; a decimal point in either gives any number between.
    low = num(a)
    high = num(b)
    if low > high:
        low, high = high, low
    if low == high:
        return low
    if high - low == _INF:
        # An infinite end: the stage's sum is Infinity, or NaN when it starts at -Infinity.
        return high if low > -_INF else _NAN
    if low == int(low) and high == int(high) and '.' not in to_text(a) + to_text(b):
        return float(random.randint(int(low), int(high)))
    return low + random.random() * (high - low)


def join(a, b):
    return to_text(a) + to_text(b)


def letter_of(index, value):
    value = to_text(value)
    index = num(index)
    if index != index or index < 1 or index >= len(value) + 1:
        return ''
    return value[int(index) - 1]


def length_of(value):
    return float(len(to_text(value)))


def contains(a, b):
    return to_text(b).lower() in to_text(a).lower()


# ---- lists

def _list_index(index, length, accept_all=False):
    if isinstance(index, str):
        if index == 'all':
            return 'all' if accept_all else 0
        if index == 'last':
            return length
        if index in ('random', 'any'):
            return random.randint(1, length) if length > 0 else 0
    index = num(index)
    if index != index or index < 1 or index >= length + 1:
        return 0
    return int(math.floor(index))


def list_text(items):
    # A list in a text (Scratch's list reporter): letters run together, anything else with spaces.
    if all(isinstance(item, str) and len(item) == 1 for item in items):
        return ''.join(items)
    return ' '.join(to_text(item) for item in items)


def list_add(items, item):
    if len(items) < LIST_LIMIT:
        items.append(item)


def list_delete(items, index):
    index = _list_index(index, len(items), True)
    if index == 'all':
        del items[:]
    elif index:
        del items[index - 1]


def list_insert(items, index, item):
    index = _list_index(index, len(items) + 1)
    if index and len(items) < LIST_LIMIT:
        items.insert(index - 1, item)


def list_replace(items, index, item):
    index = _list_index(index, len(items))
    if index:
        items[index - 1] = item


def list_item(items, index):
    index = _list_index(index, len(items))
    return items[index - 1] if index else ''


def list_find(items, item):
    for i in range(len(items)):
        if compare(items[i], item) == 0:
            return float(i + 1)
    return 0.0


def list_contains(items, item):
    return list_find(items, item) > 0


# ---- time: the timer and waits that let the other scripts run

_clock = time.ticks_ms if hasattr(time, 'ticks_ms') else lambda: int(time.monotonic() * 1000)
_timer_start = _clock()


def _since(start):
    now = _clock()
    return time.ticks_diff(now, start) if hasattr(time, 'ticks_diff') else now - start


def timer():
    return _since(_timer_start) / 1000


def reset_timer():
    global _timer_start
    _timer_start = _clock()


def wait_seconds(seconds):
    # Scratch's wait: at least one turn for the others, then until the time has passed.
    start = _clock()
    ms = max(0, num(seconds)) * 1000
    yield _WAITING
    while _since(start) < ms:
        yield _WAITING


def wait_until(condition):
    # Scratch's wait until: checks once per turn; the board rests between checks like a wait.
    while not condition():
        yield _WAITING


def ask(question):
    # On a board the question is asked on the serial console; the other scripts wait for the answer.
    global answer_text
    answer_text = input(to_text(question) + ' ')


answer_text = ''


def answer():
    return answer_text


# ---- scripts as tasks

class Task:
    # One running script (Scratch's thread). It starts on its first turn, not when it is started:
    # a broadcast's receivers run after the script that broadcast has had its turn, as on the stage.
    def __init__(self, script, args):
        self.script = script
        self.args = args
        self.steps = None
        self.done = False


class Script:
    # One script under a hat; at most one task of it runs at a time, as on the stage.
    def __init__(self, f, owner, queue_bound=0):
        self.f = f
        self.owner = owner
        self.task = None
        self.queue = [] if queue_bound else None
        self.dropped = 0

    def running(self):
        return self.task is not None and not self.task.done

    def start(self, args=(), restart=False):
        # A running script is left alone, or started again from the top (broadcasts, green flag).
        if self.running():
            if not restart:
                return self.task
            self.task.done = True
        old = self.task
        task = self.task = Task(self, args)
        if old in _tasks:
            _tasks[_tasks.index(old)] = task  # a restarted script keeps its turn, as in Scratch
        else:
            _tasks.append(task)
        return task

    def deliver(self, topic, msg):
        # The MQTT library hands over each matching message; the script takes them in order.
        if len(self.queue) >= QUEUE_BOUND:
            self.queue.pop(0)
            self.dropped += 1
        self.queue.append((topic, msg))
        self.next_message()

    def next_message(self):
        if self.queue and not self.running():
            self.start(self.queue.pop(0))


_tasks = []  # running tasks, in the order they take turns
_flag_scripts = []
_receivers = {}  # broadcast name in capitals: scripts
_message_scripts = []
_current = None


def when_flag(f, owner=''):
    _flag_scripts.append(Script(f, owner))


def when_broadcast(name, f, owner=''):
    _receivers.setdefault(name.upper(), []).append(Script(f, owner))


def when_message(topic_filter, f, owner=''):
    script = Script(f, owner, QUEUE_BOUND)
    _message_scripts.append(script)
    if hasattr(_client, 'set_callback'):
        _client.set_callback(script.deliver, topic_filter)
    else:
        _client.message_callback_add(topic_filter, script.deliver)


def when_connection(connected, f, owner=''):
    script = Script(f, owner)
    (_client.when_connected if connected else _client.when_disconnected)(lambda: script.start())


def broadcast(name):
    # Starts every "when I receive" script for the message (from the top if it was running).
    return [script.start((), True) for script in _receivers.get(to_text(name).upper(), ())]


def broadcast_and_wait(name):
    started = broadcast(name)
    if started:
        yield
    while any(not task.done for task in started):
        yield


def times(count):
    # How many rounds "repeat" makes: rounded, as in Scratch.
    count = round_number(count)
    if count == _INF:
        while True:
            yield
    for i in range(int(count) if count == count else 0):
        yield i


def dropped_messages():
    return float(sum(script.dropped for script in _message_scripts))


def stop_all():
    # The stop sign: every script ends and waiting messages are forgotten; the board keeps listening.
    for task in _tasks:
        task.done = True
    for script in _message_scripts:
        script.queue = []
    raise _StopAll()


def stop_other_scripts(owner):
    for task in _tasks:
        if task is not _current and task.script.owner == owner:
            task.done = True


def _report(script, error):
    # A mistake in one script is printed, with the traceback naming main.py's line (imported only
    # then; MicroPython has sys.print_exception); that script stops and the others go on.
    print(_T_SCRIPT_STOPPED % (script.f.__name__, repr(error)))
    import sys
    if hasattr(sys, 'print_exception'):
        sys.print_exception(error)
    else:
        import traceback
        print(traceback.format_exc(), end='')


def _turn(task):
    # Runs one task until it gives the others a turn; says whether it is only waiting for time.
    global _current
    _current = task
    try:
        if task.steps is None:
            task.steps = task.script.f(*task.args)
            if task.steps is None:
                task.done = True  # a script without waits or loops is finished in one turn
                return False
        return next(task.steps) == _WAITING
    except StopIteration:
        task.done = True
    except _StopAll:
        pass
    except Exception as error:
        task.done = True
        _report(task.script, error)
    finally:
        _current = None
    return False


def _serve(pause_ms):
    # One turn for MQTT: messages arrive (their scripts are queued), pings, reconnects.
    if _client is None:
        time.sleep(pause_ms / 1000)
    elif hasattr(_client, 'check_msg'):
        _client.check_msg()
        if pause_ms:
            time.sleep_ms(pause_ms)
    else:
        _client.loop(pause_ms / 1000)


def run_scripts():
    # The green flag, then every script takes its turns for ever (Ctrl-C stops the program).
    global _tasks
    for script in _flag_scripts:
        script.start((), True)
    while True:
        busy = False
        i = 0
        while i < len(_tasks):  # scripts started meanwhile get their turn in this round too
            task = _tasks[i]
            i += 1
            if not task.done:
                busy = not _turn(task) or busy
            if task.done and task.script.queue and task.script.task is task:
                task.script.next_message()
        _tasks = [task for task in _tasks if not task.done]
        _serve(0 if busy else 10)
