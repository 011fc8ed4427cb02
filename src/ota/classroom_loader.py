# mqtt-blocks classroom loader for MicroPython boards (ESP32, ESP8266).
#
# Installed once per board (boot.py starts it; settings in classroom_config.json). It joins
# Wi-Fi, connects to the classroom broker, announces the board and runs main.py. While the
# program runs it listens on its own topic only, so the teacher or a pupil can send a new
# program over Wi-Fi (the board page's "Send to board over Wi-Fi", `mqtt-blocks send`):
#
#   mqtt-blocks/boards/<board>/program   in:  a begin message (JSON), then the file in chunks
#   mqtt-blocks/boards/<board>/progress  out: what happened to each message (JSON)
#   mqtt-blocks/boards/<board>/status    out: retained; online with free memory and the program's
#                                        length and SHA-256, or offline (the last will)
#
# A new program is written to main.py.new and checked (length and SHA-256) before it replaces
# main.py; the old one is kept as main.py.prev. If the new program crashes within trial_ms of
# starting, the old one is put back. Programs larger than MAX_PROGRAM_BYTES, or larger than the
# free flash, are refused before anything is written.
import gc
import json
import os
import sys
import time
import binascii
import hashlib
import machine
import micropython
import network
from umqtt.simple import MQTTClient

LOADER_VERSION = 1
MAX_PROGRAM_BYTES = 65536
# The sender's chunk size; with its header an MQTT message stays far below what umqtt.simple
# reads into RAM at once on an ESP8266.
MAX_CHUNK_BYTES = 2048
TRANSFER_IDLE_MS = 30000
POLL_MS = 100
PING_MS = 30000
RECONNECT_MS = 5000
CONFIG = 'classroom_config.json'
MAIN = 'main.py'
NEW = 'main.py.new'
PREV = 'main.py.prev'
TRIAL = 'main.py.trial'

cfg = {}
topics = {}
client = None
started_ms = 0
last_ping = 0
last_attempt = -RECONNECT_MS
busy = False
program_state = 'starting'
transfer = None  # dict: id, bytes, sha256, got, file, last


def ticks():
    return time.ticks_ms()


def since(then):
    return time.ticks_diff(time.ticks_ms(), then)


def exists(path):
    try:
        os.stat(path)
        return True
    except OSError:
        return False


def remove(path):
    try:
        os.remove(path)
    except OSError:
        pass


def digest(path):
    h = hashlib.sha256()
    n = 0
    with open(path, 'rb') as f:
        while True:
            block = f.read(512)
            if not block:
                break
            h.update(block)
            n += len(block)
    return n, binascii.hexlify(h.digest()).decode()


def free_flash():
    try:
        s = os.statvfs('/')
        return s[0] * s[3]
    except Exception:
        return -1


def send(topic, data, retain=False):
    # JSON text may hold Chinese: umqtt.simple needs bytes (it sends len() of what it is given).
    if client is None:
        return
    try:
        client.publish(topic, json.dumps(data).encode(), retain=retain, qos=1 if retain else 0)
    except OSError:
        disconnected()


def report(state, **extra):
    extra['state'] = state
    if transfer is not None:
        extra['id'] = transfer['id']
    elif 'id' not in extra:
        extra['id'] = None
    send(topics['progress'], extra)


def announce():
    program = None
    if exists(MAIN):
        n, h = digest(MAIN)
        program = {'bytes': n, 'sha256': h}
    gc.collect()
    send(topics['status'], {
        'board': cfg['board'], 'client': cfg['client_id'], 'online': True, 'loader': LOADER_VERSION,
        'free_memory': gc.mem_free(), 'free_flash': free_flash(), 'max_bytes': MAX_PROGRAM_BYTES,
        'program': program, 'state': program_state,
    }, retain=True)


def abort_transfer():
    global transfer
    if transfer is not None:
        try:
            transfer['file'].close()
        except Exception:
            pass
        transfer = None
    remove(NEW)


def fail(error, **extra):
    report('error', error=error, **extra)
    abort_transfer()


def begin(msg):
    global transfer
    try:
        head = json.loads(msg)
        tid = head['id']
        size = head['bytes']
        sha = head['sha256']
        ok = isinstance(tid, str) and 0 < len(tid) <= 40 and isinstance(size, int) and isinstance(sha, str) and len(sha) == 64
    except Exception:
        ok = False
    abort_transfer()
    if not ok:
        report('error', error='bad-begin')
        return
    transfer = {'id': tid, 'bytes': size, 'sha256': sha, 'got': 0, 'file': None, 'last': ticks()}
    if size <= 0 or size > MAX_PROGRAM_BYTES:
        fail('too-big', max_bytes=MAX_PROGRAM_BYTES)
        return
    free = free_flash()
    if free >= 0 and size + 4096 > free:
        fail('full', free_flash=free)
        return
    try:
        transfer['file'] = open(NEW, 'wb')
    except OSError:
        fail('full', free_flash=free)
        return
    report('ready', got=0, max_chunk=MAX_CHUNK_BYTES)


def chunk(msg):
    # b'<id> <offset>\n' then the bytes.
    if transfer is None:
        report('error', error='no-transfer')
        return
    end = msg.find(b'\n')
    try:
        tid, offset = msg[:end].decode().split(' ')
        offset = int(offset)
    except Exception:
        fail('bad-chunk')
        return
    if tid != transfer['id']:
        report('error', error='other-transfer', other=tid)
        return
    data = msg[end + 1:]
    if offset < transfer['got']:
        report('got', got=transfer['got'])  # a repeated chunk (QoS 1 redelivery)
        return
    if offset != transfer['got'] or len(data) > MAX_CHUNK_BYTES:
        fail('order', got=transfer['got'])
        return
    if transfer['got'] + len(data) > transfer['bytes']:
        fail('size')
        return
    try:
        transfer['file'].write(data)
    except OSError:
        fail('full', free_flash=free_flash())
        return
    transfer['got'] += len(data)
    transfer['last'] = ticks()
    if transfer['got'] < transfer['bytes']:
        report('got', got=transfer['got'])
        return
    transfer['file'].close()
    transfer['file'] = None
    n, h = digest(NEW)
    if n != transfer['bytes'] or h != transfer['sha256']:
        fail('hash', got_bytes=n, got_sha256=h)
        return
    swap()


def swap():
    global transfer
    remove(PREV)
    if exists(MAIN):
        os.rename(MAIN, PREV)
    os.rename(NEW, MAIN)
    with open(TRIAL, 'w') as f:
        f.write(transfer['id'])
    report('swapped', got=transfer['got'])
    transfer = None
    restart()


def restart():
    try:
        client.disconnect()
    except Exception:
        pass
    time.sleep_ms(200)
    machine.reset()


def on_message(topic, msg):
    if topic != topics['program']:
        return  # only this board's own topic
    if msg[:1] == b'{':
        begin(msg)
    else:
        chunk(msg)


def connect():
    global client, last_ping
    c = MQTTClient(cfg['client_id'], cfg['host'], port=cfg['port'], user=cfg.get('user') or None,
                   password=cfg.get('password') or None, keepalive=60)
    c.set_callback(on_message)
    c.set_last_will(topics['status'], json.dumps({'board': cfg['board'], 'online': False}).encode(), retain=True, qos=1)
    c.connect()
    c.subscribe(topics['program'], qos=1)
    client = c
    last_ping = ticks()
    announce()


def disconnected():
    global client
    if client is not None:
        try:
            client.sock.close()
        except Exception:
            pass
    client = None


def finish_trial():
    if exists(TRIAL):
        with open(TRIAL) as f:
            tid = f.read()
        remove(TRIAL)
        report('started', id=tid)


def poll(_=None):
    global busy, last_ping, last_attempt
    if busy:
        return
    busy = True
    try:
        if client is None:
            if since(last_attempt) >= RECONNECT_MS:
                last_attempt = ticks()
                try:
                    connect()
                except Exception as e:
                    print('classroom loader: broker not reachable:', e)
                    disconnected()
            return
        client.check_msg()
        if transfer is not None and since(transfer['last']) > cfg.get('transfer_idle_ms', TRANSFER_IDLE_MS):
            fail('timeout')
        if program_state == 'running' and since(started_ms) > cfg.get('trial_ms', 10000):
            finish_trial()
        if since(last_ping) > PING_MS:
            client.ping()
            last_ping = ticks()
    except OSError:
        disconnected()
    except Exception as e:
        # Never let a bad message break the pupil's program this poll interrupted.
        sys.print_exception(e)
    finally:
        busy = False


def tick(_timer):
    try:
        micropython.schedule(poll, None)
    except RuntimeError:
        pass  # the schedule queue is full: the next tick tries again


def join_wifi():
    wlan = network.WLAN(network.STA_IF)
    wlan.active(True)
    if wlan.isconnected():
        return True
    wlan.connect(cfg['wifi'], cfg.get('wifi_password', ''))
    for _ in range(100):
        if wlan.isconnected():
            return True
        time.sleep_ms(200)
    return False


def start_timer():
    for timer_id in (-1, 0):
        try:
            timer = machine.Timer(timer_id)
            timer.init(period=POLL_MS, mode=machine.Timer.PERIODIC, callback=tick)
            return timer
        except (ValueError, OSError):
            pass
    return None


def run_program():
    global program_state, started_ms
    trial = exists(TRIAL)
    program_state = 'running'
    started_ms = ticks()
    announce()
    try:
        with open(MAIN) as f:
            code = f.read()
        exec(code, {'__name__': '__main__'})
        program_state = 'ended'
        finish_trial()
    except KeyboardInterrupt:
        raise
    except Exception as e:
        program_state = 'crashed'
        sys.print_exception(e)
        if trial and exists(PREV):
            # The new program crashed at start: put the previous one back and restart with it.
            with open(TRIAL) as f:
                tid = f.read()
            remove(MAIN)
            os.rename(PREV, MAIN)
            remove(TRIAL)
            report('restored', id=tid, error='crash', detail=repr(e)[:200])
            restart()
        remove(TRIAL)
    announce()


def start():
    global cfg, topics
    with open(CONFIG) as f:
        cfg = json.load(f)
    cfg['client_id'] = 'mqtt-blocks-loader-' + binascii.hexlify(machine.unique_id()).decode()
    base = 'mqtt-blocks/boards/' + cfg['board'] + '/'
    topics = {name: (base + name).encode() for name in ('program', 'progress', 'status')}
    if join_wifi():
        poll()
    else:
        print('classroom loader: Wi-Fi', cfg['wifi'], 'not joined; the program runs without updates')
    start_timer()
    if exists(MAIN):
        run_program()
    # The program ended or crashed: keep listening for the next one.
    while True:
        poll()
        time.sleep_ms(POLL_MS)
