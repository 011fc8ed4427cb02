/**
 * One project, three places, one trace: each .sb3 fixture runs on the stage (headless scratch-vm
 * with the extension), as generated Python under Debian's python3 + paho-mqtt, and as generated
 * MicroPython in the real interpreter (WebAssembly) on the networked test board, whose umqtt.simple
 * speaks MQTT over real TCP. All three talk to a live aedes broker, where the same test device
 * sends the same messages once the project says t/ready; every t/ topic must carry the same
 * messages in the same order everywhere, and what Scratch's rules say they must be.
 *
 * There is no run against the recording (no-network) stand-ins any more: it replayed the device's
 * messages without a broker and saw nothing this run does not, since the networked board's
 * umqtt.simple is the same core (test/support/umqtt-core) with the same argument checks (retain and
 * qos by keyword, no QoS 2, no str with non-ASCII text), over real TCP.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import mqtt from 'mqtt';
import { selfContained } from '../../src/generators/program';
import { readProject } from '../../src/sb3/read-project';
import { translateProject } from '../../src/sb3/translate';
import type { ScratchProject } from '../../src/sb3/project-types';
import type { Target } from '../../blocks/codegen';
import { SB3_FIXTURES, type Sb3Fixture } from '../fixtures/sb3/make-sb3-fixtures';
import { BOOT_THEN_MAIN, startNetBoard } from '../support/micropython/networked-board';
import { PythonProgram } from '../support/python-program';
import { loadProject } from '../support/scratch-harness';
import { describeWithTool, PAHO2_SITE, paho2Check, pahoCheck } from '../support/system-tool';
import { startTestBroker, type TestBroker } from '../support/test-broker';

jest.setTimeout(60000);

type Trace = Record<string, string[]>;

const NAMES = Object.keys(SB3_FIXTURES);

async function fixtureProject(name: string): Promise<ScratchProject> {
  return readProject(readFileSync(path.join(__dirname, '..', 'fixtures', 'sb3', `${name}.sb3`)), `${name}.sb3`);
}

function program(project: ScratchProject, name: string, target: Target, broker: string): string {
  const result = translateProject(project, { target, locale: 'en', projectName: name, broker });
  if (!result.program) throw new Error(`${name} has unsupported blocks: ${result.unsupported.map((u) => u.opcode).join(', ')}`);
  return selfContained(result.program);
}

function count(trace: Trace): number {
  return Object.values(trace).reduce((sum, list) => sum + list.length, 0);
}

/** Watches t/# on the broker; sends the fixture's messages once t/ready arrives. */
async function device(broker: TestBroker, fixture: Sb3Fixture): Promise<{ trace: Trace; done: () => boolean; close: () => Promise<void> }> {
  const client = await mqtt.connectAsync(broker.tcpUrl);
  const trace: Trace = {};
  const wanted = count(fixture.expected);
  client.on('message', (topic, payload) => {
    (trace[topic] ??= []).push(payload.toString('utf8'));
    if (topic === 't/ready') {
      void (async () => {
        for (const message of fixture.send) await client.publishAsync(message.topic, message.payload);
      })();
    }
  });
  await client.subscribeAsync('t/#');
  return { trace, done: () => count(trace) >= wanted, close: () => client.endAsync(true) };
}

async function until(done: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!done() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
}

async function onStage(name: string): Promise<Trace> {
  const broker = await startTestBroker();
  const watcher = await device(broker, SB3_FIXTURES[name]);
  const harness = await loadProject(await fixtureProject(name));
  try {
    harness.setVariable('broker', broker.wsUrl);
    harness.greenFlag();
    await harness.stepUntil(watcher.done, { maxMs: 10000 });
    await harness.stepFrames(20); // nothing more may come
    return watcher.trace;
  } finally {
    harness.dispose();
    await watcher.close();
    await broker.close();
  }
}

/** A program that talks to the broker by itself (Python, a networked board): what it printed, and how to end it. */
interface RunningProgram {
  output(): string;
  /** Why the program is known to have failed already (a Python error), or null. */
  failure(): string | null;
  stop(): Promise<void>;
}

/** Runs a generated program against a fresh aedes broker with the test device; returns the device's trace. */
async function onBroker(name: string, start: (brokerTcpUrl: string) => RunningProgram): Promise<Trace> {
  const broker = await startTestBroker();
  const watcher = await device(broker, SB3_FIXTURES[name]);
  const running = start(`mqtt://127.0.0.1:${broker.tcpPort}`);
  try {
    await until(() => watcher.done() || running.failure() !== null, 15000);
    await new Promise((resolve) => setTimeout(resolve, 300)); // nothing more may come
    const failure = running.failure();
    if (failure !== null || !watcher.done()) {
      throw new Error(`${failure ?? 'trace incomplete'}: ${JSON.stringify(watcher.trace)}\n${running.output()}`);
    }
    return watcher.trace;
  } finally {
    await running.stop();
    await watcher.close();
    await broker.close();
  }
}

async function onPython(name: string, pythonPath?: string): Promise<Trace> {
  const project = await fixtureProject(name);
  return onBroker(name, (brokerUrl) => {
    const python = new PythonProgram(program(project, name, 'python', brokerUrl), { pythonPath });
    return {
      output: () => `${python.lines.join('\n')}\n${python.errors}`,
      failure: () => (/Traceback/.test(python.errors) ? 'Python raised an error' : null),
      stop: () => python.kill(),
    };
  });
}

/** The generated main.py on the networked MicroPython board (real interpreter, real TCP to the broker). */
async function onMicroPython(name: string): Promise<Trace> {
  const project = await fixtureProject(name);
  return onBroker(name, (brokerUrl) => {
    const board = startNetBoard({ 'main.py': program(project, name, 'micropython', brokerUrl) }, { boot: BOOT_THEN_MAIN });
    return {
      output: () => board.lines.join('\n'),
      // The program runs forever: a board that stopped or printed a traceback has failed.
      failure: () => board.lines.find((line) => /^BOARD: |Traceback/.test(line)) ?? null,
      stop: () => board.stop(),
    };
  });
}

describe.each(NAMES)('%s', (name) => {
  test('on the stage (scratch-vm + broker) the trace is what Scratch\'s rules say', async () => {
    expect(await onStage(name)).toEqual(SB3_FIXTURES[name].expected);
  });

  test('generated MicroPython (WebAssembly board, TCP to the broker) gives the same trace', async () => {
    expect(await onMicroPython(name)).toEqual(SB3_FIXTURES[name].expected);
  });
});

describeWithTool(pahoCheck(), 'generated Python (paho-mqtt) + broker', () => {
  test.each(NAMES)('%s gives the same trace as the stage', async (name) => {
    expect(await onPython(name)).toEqual(SB3_FIXTURES[name].expected);
  });
});

describeWithTool(paho2Check(), 'generated Python on paho-mqtt 2.x + broker', () => {
  test.each(['thermostat', 'concurrent-loops'])('%s gives the same trace as the stage', async (name) => {
    expect(await onPython(name, PAHO2_SITE)).toEqual(SB3_FIXTURES[name].expected);
  });
});
