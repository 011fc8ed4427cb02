# What the blocks mean, shared by both targets and kept the same as in Scratch
# (test/generators/parity.test.ts runs the same table here and on the Scratch face).
# part: json_value
import json


def text(value):
    # A value as message text, in Scratch's words: true, 2 (not 2.0), a b c.
    if value is True or value is False:
        return 'true' if value else 'false'
    if isinstance(value, float) and value == value and abs(value) < 1e16 and value == int(value):
        return str(int(value))
    # part: lists
    if isinstance(value, list):
        # Scratch joins single letters without spaces (abc), anything else with spaces.
        joiner = ''
        for item in value:
            if not isinstance(item, str) or len(item) != 1:
                joiner = ' '
        return joiner.join([text(item) for item in value])
    return '' if value is None else str(value)


# part: set_callback subscribe
def decode(data):
    # Bytes as text; invalid UTF-8 becomes U+FFFD (as in Scratch), never a crash.
    try:
        return data.decode()
    except UnicodeError:
        out = ''
        i = 0
        while i < len(data):
            for size in (1, 2, 3, 4):
                try:
                    out += data[i:i + size].decode()
                    break
                except UnicodeError:
                    pass
            else:
                size = 1
                out += '\ufffd'
            i += size
        return out


# part: json_value
def json_value(path, source):
    # [PATH] of JSON [JSON]: sensors.0.value or sensors[0].value; '' when nothing is there.
    try:
        value = json.loads(text(source))
        for key in text(path).replace('[', '.').replace(']', '').split('.'):
            key = key.strip()
            if key:
                if isinstance(value, list) and key.isdigit() and key == str(int(key)):
                    key = int(key)
                value = value[key]
        if isinstance(value, (dict, list)):
            return json.dumps(value, separators=(',', ':'))
        if isinstance(value, float) and value == int(value) and abs(value) < 1e16:
            return int(value)
    except Exception:
        return ''
    return text(value) if value is None or isinstance(value, bool) else value


# part: computed_topic
def topic_problem(topic, is_filter):
    # Why a topic cannot be used (a number for the texts), or None: the Scratch blocks' rules.
    # Only for topics made by other blocks: a typed topic was checked when generating.
    levels = topic.split('/')
    if not topic:
        return 0
    if '\x00' in topic or len(topic.encode()) > 65535 or len(levels) > 100:
        return 1
    # part: publish set_last_will
    if not is_filter:
        return 2 if '+' in topic or '#' in topic else 3 if levels[0] == '$SYS' else None
    # part: set_callback subscribe
    for i in range(len(levels)):
        level = levels[i]
        if ('#' in level or '+' in level) and level != '+' and (level != '#' or i < len(levels) - 1):
            return 4


# part: set_callback
def topic_matches(topic_filter, topic):
    # MQTT 3.1.1: + is one level, # all the rest (and the parent level);
    # a filter starting with a wildcard never matches a topic starting with $.
    if topic[:1] == '$' and topic_filter[:1] in '+#':
        return False
    wanted = topic_filter.split('/')
    levels = topic.split('/')
    for i in range(len(wanted)):
        if wanted[i] == '#':
            return True
        if i >= len(levels) or wanted[i] not in ('+', levels[i]):
            return False
    return len(wanted) == len(levels)


# part: connect_url
def broker_address(url):
    # (host, port) of a broker URL a board can use (mqtt://, tcp:// or none), else None.
    scheme, _, rest = text(url).strip().rpartition('://')
    hostport = rest.split('/')[0]
    host, colon, port = hostport.rpartition(':')
    if not colon or hostport[-1:] == ']':
        host, port = hostport, '1883'
    if host[:1] + host[-1:] == '[]':
        host = host[1:-1]
    elif ':' in host:
        return None
    if scheme.lower() not in ('', 'mqtt', 'tcp') or not host or ' ' in host or not port.isdigit():
        return None
    port = int(port)
    # WebSocket ports of classroom brokers (blocks/board-url.ts): browsers only.
    return (host, port) if 0 < port < 65536 and port not in (8000, 8080, 8083, 8084, 9001) else None
