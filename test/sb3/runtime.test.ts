/**
 * The library's Scratch section on its own, in MicroPython (WebAssembly) and CPython: a busy
 * "when message received" script keeps the newest 1000 waiting messages and counts the dropped
 * ones; a broadcast restarts a running receiver from the top in its place; "stop all" ends every
 * task and forgets waiting messages; a mistake in one script is printed and the others go on.
 */
import { spawnSync } from 'node:child_process';
import { scratchSection } from '../../src/sb3/library/runtime-section';
import { runMicroPython } from '../support/micropython/run';
import { checkTool, DEBIAN_PYTHON, describeWithTool } from '../support/system-tool';

const PROGRAM = `
import time
_client = None
${scratchSection('en')}
seen = []

def slow(topic, msg):
    seen.append(msg)
    yield
    yield

script = Script(slow, 'Sprite1', QUEUE_BOUND)
_message_scripts.append(script)
for i in range(1003):
    script.deliver('t', str(i))
print('queued', len(script.queue), 'dropped', dropped_messages())

def step():
    global _tasks
    i = 0
    while i < len(_tasks):
        task = _tasks[i]
        i += 1
        if not task.done:
            _turn(task)
        if task.done and task.script.queue and task.script.task is task:
            task.script.next_message()
    _tasks = [t for t in _tasks if not t.done]

for _ in range(30):
    step()
print('first', seen[:3])

rounds = []
def counting():
    for n in range(5):
        rounds.append(n)
        yield
when_broadcast('go', counting)
broadcast('go')
step(); step()
broadcast('GO')
step()
print('restarted', rounds, len(_tasks))

def broken():
    return 1 / 0
when_broadcast('bad', broken)
broadcast('bad')
step()
try:
    stop_all()
except Exception as stop:
    print('stop', type(stop).__name__, len(script.queue), all(t.done for t in _tasks))
`;

function check(stdout: string): void {
  // The first message started the script; 1,000 wait; the two oldest waiting (1 and 2) were dropped.
  expect(stdout).toContain('queued 1000 dropped 2.0');
  expect(stdout).toContain("first ['0', '3', '4']");
  // Restarted from the top after two rounds (0, 1), then 0 again; still one task for it.
  expect(stdout).toMatch(/restarted \[0, 1, 0\] \d+/);
  expect(stdout).toContain('Error in broken: ZeroDivisionError');
  expect(stdout).toContain('stop _StopAll 0 True');
}

test('MicroPython', async () => {
  const result = await runMicroPython(PROGRAM, { max_check_msg: 1 });
  expect(result.error).toBeNull();
  check(result.stdout.join('\n'));
});

describeWithTool(checkTool('python3', DEBIAN_PYTHON, ['--version'], 'apt-get install -y python3'), 'CPython', () => {
  test('CPython', () => {
    const run = spawnSync(DEBIAN_PYTHON, ['-'], { input: PROGRAM, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    check(run.stdout);
  });
});
