/**
 * The bad-input table (issue 5): every argument of every live Scratch block, taken from the
 * catalogue (so a new block or argument is covered without editing this file), called with every
 * value class below against a connected aedes broker.
 *
 * For each case: no exception and no rejected promise, a bounded answer, and the documented result
 * (docs/bad-input.md): a clear error in `connection error` (checked in English and in Chinese), a
 * message published or received intact, or a reporter value. After each block × argument group the
 * connection must still be the same one (no drop, no reconnect) and a publish/receive round trip must
 * still work. A few cases then run as real blocks in the VM, so values pass through Scratch itself.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import mqtt, { type MqttClient } from 'mqtt';
import { blocksFor, type ArgumentSpec, type BlockSpec } from '../../blocks';
import { MESSAGES, type MessageName as MessageId } from '../../src/i18n/messages';
import { messageTemplate, textIn } from '../../src/i18n/translate';
import { loadProject, type ScratchHarness } from '../support/scratch-harness';
import { startTestBroker, type TestBroker } from '../support/test-broker';
import { ProjectBuilder, block, num, text, variable } from '../support/sb3-builder';
import { waitFor } from '../support/ports';

// ---------------------------------------------------------------------------------------------
// The value classes. `text` is what the value reads as in Scratch (what gets published).

const MB = 1024 * 1024;
const HUGE = 'x'.repeat(MB);
/** 21,846 three-byte characters: 65,538 bytes, though only 21,846 characters long. */
const TOPIC_OVER_LIMIT = '主'.repeat(21846);
const DEEP_JSON = '['.repeat(5000) + ']'.repeat(5000);
/** aedes drops a client that uses more than 100 levels; the extension refuses them first. */
const DEEP_TOPIC = 'a/'.repeat(100) + 'a';

interface ValueClass {
  readonly name: string;
  readonly value: unknown;
  /** What the value reads as in Scratch. */
  readonly text: string;
}

const VALUE_CLASSES: readonly ValueClass[] = [
  { name: 'empty', value: '', text: '' },
  { name: 'whitespace', value: ' \t\n ', text: ' \t\n ' },
  { name: 'huge (1 MB)', value: HUGE, text: HUGE },
  { name: 'number', value: 42, text: '42' },
  { name: 'decimal', value: -3.5, text: '-3.5' },
  { name: 'boolean', value: true, text: 'true' },
  { name: 'list of letters', value: ['a', 'b', 'c'], text: 'abc' },
  { name: 'list of words', value: ['hello', 2, false], text: 'hello 2 false' },
  { name: 'Chinese', value: '教室/温度', text: '教室/温度' },
  { name: 'NUL character', value: 'a\u0000b', text: 'a\u0000b' },
  { name: 'wildcard +', value: 'room/+/temp', text: 'room/+/temp' },
  { name: 'wildcard #', value: 'room/#', text: 'room/#' },
  { name: 'misplaced #', value: 'room/#/temp', text: 'room/#/temp' },
  { name: 'misplaced +', value: 'room+/temp', text: 'room+/temp' },
  { name: 'topic over 65,535 bytes', value: TOPIC_OVER_LIMIT, text: TOPIC_OVER_LIMIT },
  { name: 'topic of 101 levels', value: DEEP_TOPIC, text: DEEP_TOPIC },
  { name: '$SYS topic', value: '$SYS/broker/uptime', text: '$SYS/broker/uptime' },
  { name: 'malformed JSON', value: '{"temp": 21.5', text: '{"temp": 21.5' },
  { name: 'deeply nested JSON', value: DEEP_JSON, text: DEEP_JSON },
  { name: 'missing (undefined)', value: undefined, text: '' },
];

// ---------------------------------------------------------------------------------------------
// What each argument means, and so what a pupil sees for each value class.

type Outcome =
  /** `connection error` shows one of these messages (English and Chinese are both checked). */
  | { kind: 'error'; ids: readonly MessageId[] }
  /** No error; the watcher receives exactly this message. */
  | { kind: 'published'; topic: string; payload: string }
  /** No error; a message the watcher publishes on `probe` reaches the extension (null: nothing to probe). */
  | { kind: 'subscribed'; probe: string | null }
  /** The block reports this value; no error. */
  | { kind: 'returns'; value: unknown }
  /** No error and nothing else happens. */
  | { kind: 'nothing' }
  /** Connected with these values; no error. */
  | { kind: 'connected' };

type Role =
  | 'url'
  | 'credential'
  | 'publishTopic'
  | 'publishMessage'
  | 'willTopic'
  | 'willMessage'
  | 'filter'
  | 'unsubscribeFilter'
  | 'hatFilter'
  | 'lookupTopic'
  | 'jsonPath'
  | 'json'
  | 'qos'
  | 'retain'
  | 'state';

/** Every argument of every live block; a new one fails the "every argument has a role" test until added. */
const ROLES: Record<string, Role> = {
  'connect.URL': 'url',
  'connect.USERNAME': 'credential',
  'connect.PASSWORD': 'credential',
  'setLastWill.MESSAGE': 'willMessage',
  'setLastWill.TOPIC': 'willTopic',
  'subscribe.TOPIC': 'filter',
  'subscribe.QOS': 'qos',
  'unsubscribe.TOPIC': 'unsubscribeFilter',
  'whenMessage.TOPIC': 'hatFilter',
  'lastMessageOn.TOPIC': 'lookupTopic',
  'publish.MESSAGE': 'publishMessage',
  'publish.TOPIC': 'publishTopic',
  'publishWithOptions.MESSAGE': 'publishMessage',
  'publishWithOptions.TOPIC': 'publishTopic',
  'publishWithOptions.QOS': 'qos',
  'publishWithOptions.RETAIN': 'retain',
  'jsonValue.PATH': 'jsonPath',
  'jsonValue.JSON': 'json',
  'whenConnectionChanged.STATE': 'state',
};

/** Why a topic a message is published to is refused, or null when it is published. */
function publishTopicProblem(v: ValueClass): MessageId | null {
  if (v.text === '') return 'topicEmpty';
  if (v.text.includes('\u0000')) return 'topicNulCharacter';
  if (Buffer.byteLength(v.text) > 65535) return 'topicTooLong';
  if (v.text.split('/').length > 100) return 'topicTooManyLevels';
  if (v.text.startsWith('$SYS')) return 'topicReserved';
  if (/[+#]/.test(v.text)) return 'topicWildcardInTopic';
  return null;
}

/** Why a subscription filter is refused, or null when it is subscribed. */
function filterProblem(v: ValueClass): MessageId | null {
  if (v.text === '') return 'topicEmpty';
  if (v.text.includes('\u0000')) return 'topicNulCharacter';
  if (Buffer.byteLength(v.text) > 65535) return 'topicTooLong';
  if (v.text.split('/').length > 100) return 'topicTooManyLevels';
  const levels = v.text.split('/');
  if (levels.some((level, i) => level.includes('#') && (level !== '#' || i !== levels.length - 1))) return 'topicMisplacedHash';
  if (levels.some((level) => level.includes('+') && level !== '+')) return 'topicMisplacedPlus';
  return null;
}

/** A topic the watcher can publish that the filter matches (null for $SYS, which clients cannot publish). */
function probeTopicFor(filter: string): string | null {
  if (filter.startsWith('$')) return null;
  return filter.replace(/\+/g, 'kitchen').replace(/#$/, 'x/y');
}

/** Topics the lookup group receives before it starts: "last message on" these is not empty. */
const KNOWN_TOPICS: Record<string, string> = { '教室/温度': '21', '42': 'answer', true: 'yes', abc: 'letters' };

const DEFAULT_JSON = '{"temp": 21.5}';

function outcomeOf(role: Role, v: ValueClass): Outcome {
  switch (role) {
    case 'url': {
      const typed = v.text.trim();
      if (typed === '') return { kind: 'error', ids: ['urlEmpty'] };
      // What cannot be an address at all; everything else is tried (and not reached).
      if (v.name === 'NUL character' || v.name === 'malformed JSON' || v.name === 'deeply nested JSON') return { kind: 'error', ids: ['urlInvalid'] };
      return { kind: 'error', ids: ['unreachable', 'connectTimeout', 'urlInvalid'] };
    }
    case 'credential':
      // MQTT strings carry a 2-byte length; anything shorter is sent as typed (a password alone with an empty username).
      return Buffer.byteLength(v.text) > 65535 ? { kind: 'error', ids: ['credentialTooLong'] } : { kind: 'connected' };
    case 'publishTopic': {
      const problem = publishTopicProblem(v);
      return problem ? { kind: 'error', ids: [problem] } : { kind: 'published', topic: v.text, payload: 'hello' };
    }
    case 'publishMessage':
      return { kind: 'published', topic: 'classroom/test', payload: v.text };
    case 'willTopic': {
      const problem = publishTopicProblem(v);
      return { kind: 'error', ids: [problem ?? 'willAfterConnect'] };
    }
    case 'willMessage':
      // A notice, not an error: the will goes to the broker with the next connect. It is a 2-byte-length string.
      return { kind: 'error', ids: [Buffer.byteLength(v.text) > 65535 ? 'willTooLong' : 'willAfterConnect'] };
    case 'filter': {
      const problem = filterProblem(v);
      return problem ? { kind: 'error', ids: [problem] } : { kind: 'subscribed', probe: probeTopicFor(v.text) };
    }
    case 'unsubscribeFilter':
      return { kind: 'nothing' };
    case 'hatFilter':
      // Outside a delivery thread the hat's condition is false: the topic is read from the block itself.
      return { kind: 'returns', value: false };
    case 'lookupTopic':
      return { kind: 'returns', value: KNOWN_TOPICS[v.text] ?? '' };
    case 'jsonPath':
      // No path (or only spaces) is the whole JSON; any other of these paths is not in it.
      return { kind: 'returns', value: v.text.trim() === '' ? JSON.stringify(JSON.parse(DEFAULT_JSON)) : '' };
    case 'json':
      return { kind: 'returns', value: '' };
    case 'qos':
    case 'retain':
      // Anything that is not a menu value means QoS 0 / not retained: the default publish or subscribe happens.
      return { kind: 'nothing' };
    case 'state':
      return { kind: 'returns', value: true };
  }
}

// ---------------------------------------------------------------------------------------------
// Helpers.

interface Received {
  topic: string;
  payload: Buffer;
}

let broker: TestBroker;
let harness: ScratchHarness | undefined;
let watcher: MqttClient | undefined;
const received: Received[] = [];
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeAll(() => process.on('unhandledRejection', onUnhandled));
afterAll(() => process.off('unhandledRejection', onUnhandled));

beforeEach(async () => {
  broker = await startTestBroker();
  received.length = 0;
  unhandled.length = 0;
});
afterEach(async () => {
  // The editor language lives in format-message's shared setup: put it back for the next test.
  await harness?.vm.setLocale('en', {});
  harness?.dispose();
  harness = undefined;
  await watcher?.endAsync(true);
  watcher = undefined;
  await broker.close();
});

type Ext = Record<string, (args: Record<string, unknown>, util: object) => unknown>;
const methods = (h: ScratchHarness) => h.extension as unknown as Ext;

/** Test-only reach-in: forget the last error so each case shows only its own. */
function clearError(h: ScratchHarness): void {
  (h.extension as unknown as { session: { lastError: unknown } }).session.lastError = null;
}

async function connectedHarness(project: object = new ProjectBuilder().build()): Promise<ScratchHarness> {
  const h = await loadProject(project, { connectTimeoutMs: 2000 });
  harness = h;
  await h.extension.connect({ URL: broker.wsUrl, USERNAME: '', PASSWORD: '' });
  expect(h.extension.isConnected()).toBe(true);
  await startWatcher();
  return h;
}

/** A plain mqtt.js client (TCP) that records every message except $SYS ones. */
async function startWatcher(): Promise<MqttClient> {
  const client = await mqtt.connectAsync(broker.tcpUrl, { clientId: `watcher-${Date.now()}` });
  watcher = client;
  client.on('message', (topic, payload) => received.push({ topic, payload }));
  await client.subscribeAsync('#', { qos: 1 });
  return client;
}

function defaultArgs(spec: BlockSpec): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const [name, arg] of Object.entries(spec.args)) args[name] = defaultOf(arg);
  if (spec.opcode === 'connect') args.URL = broker.wsUrl;
  return args;
}

function defaultOf(arg: ArgumentSpec): string | number {
  if (arg.kind === 'text') return textIn(arg.default, 'en');
  return arg.default;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A message template as a pattern: its `{placeholders}` may be anything. */
function templatePattern(template: string): RegExp {
  return new RegExp(`^${template.split(/\{\w+\}/).map(escapeRegExp).join('[\\s\\S]*')}$`);
}

async function withBound<T>(value: T | Promise<T>, ms: number): Promise<{ settled: true; value: T } | { settled: false }> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<{ settled: false }>((resolve) => {
    timer = setTimeout(() => resolve({ settled: false }), ms);
  });
  try {
    return await Promise.race([Promise.resolve(value).then((v) => ({ settled: true as const, value: v })), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** `connection error` shows one of `ids`, in English and after switching the editor to Chinese. */
async function checkError(h: ScratchHarness, ids: readonly MessageId[]): Promise<string | null> {
  const en = h.extension.lastError();
  const enOk = ids.some((id) => templatePattern(messageTemplate(MESSAGES[id], 'en')).test(en));
  if (!enOk) return `expected ${ids.join(' or ')} in English, got ${JSON.stringify(en.slice(0, 200))}`;
  // A clear message: a sentence, not a screenful of the pupil's input echoed back.
  if (en.length > 400) return `error is ${en.length} characters long`;
  await h.vm.setLocale('zh-cn', {});
  const zh = h.extension.lastError();
  await h.vm.setLocale('en', {});
  const zhOk = ids.some((id) => templatePattern(messageTemplate(MESSAGES[id], 'zh-cn')).test(zh));
  if (!zhOk) return `expected ${ids.join(' or ')} in Chinese, got ${JSON.stringify(zh.slice(0, 200))}`;
  return null;
}

function receivedOn(topic: string): Received | undefined {
  return received.find((message) => message.topic === topic);
}

async function checkOutcome(h: ScratchHarness, outcome: Outcome, result: unknown): Promise<string | null> {
  switch (outcome.kind) {
    case 'error':
      return checkError(h, outcome.ids);
    case 'published': {
      if (h.extension.lastError() !== '') return `unexpected error: ${h.extension.lastError().slice(0, 200)}`;
      const arrived = await waitFor(() => receivedOn(outcome.topic) !== undefined, 5000);
      if (!arrived) return `nothing arrived on ${JSON.stringify(outcome.topic.slice(0, 40))}`;
      const payload = receivedOn(outcome.topic)!.payload;
      if (!payload.equals(Buffer.from(outcome.payload))) return `payload ${JSON.stringify(payload.toString().slice(0, 40))} (${payload.length} bytes) is not ${JSON.stringify(outcome.payload.slice(0, 40))} (${Buffer.byteLength(outcome.payload)} bytes)`;
      return null;
    }
    case 'subscribed': {
      if (h.extension.lastError() !== '') return `unexpected error: ${h.extension.lastError().slice(0, 200)}`;
      if (outcome.probe === null) return null;
      const token = `probe-${Math.random()}`;
      await watcher!.publishAsync(outcome.probe, token, { qos: 1 });
      const arrived = await waitFor(() => h.extension.lastMessageOn({ TOPIC: outcome.probe }) === token, 3000);
      return arrived ? null : `a message on ${JSON.stringify(outcome.probe)} did not arrive`;
    }
    case 'returns':
      if (h.extension.lastError() !== '') return `unexpected error: ${h.extension.lastError().slice(0, 200)}`;
      return Object.is(result, outcome.value) ? null : `returned ${JSON.stringify(String(result).slice(0, 60))}, expected ${JSON.stringify(outcome.value)}`;
    case 'nothing':
      return h.extension.lastError() === '' ? null : `unexpected error: ${h.extension.lastError().slice(0, 200)}`;
    case 'connected':
      if (!h.extension.isConnected()) return `not connected: ${h.extension.lastError().slice(0, 200)}`;
      return h.extension.lastError() === '' ? null : `unexpected error: ${h.extension.lastError().slice(0, 200)}`;
  }
}

let roundTrips = 0;
/** The connection still carries messages both ways. */
async function expectRoundTrip(h: ScratchHarness): Promise<void> {
  const token = `round-trip-${++roundTrips}`;
  h.extension.publish({ MESSAGE: token, TOPIC: 'check/out' });
  expect(await waitFor(() => received.some((m) => m.topic === 'check/out' && m.payload.toString() === token), 3000)).toBe(true);
  await h.extension.subscribe({ TOPIC: 'check/in', QOS: '1' });
  await watcher!.publishAsync('check/in', token, { qos: 1 });
  expect(await waitFor(() => h.extension.lastMessageOn({ TOPIC: 'check/in' }) === token, 3000)).toBe(true);
}

// ---------------------------------------------------------------------------------------------
// The table: every (block, argument) of the live face, every value class.

const LIVE_BLOCKS = blocksFor('scratch');
const ARGUMENT_GROUPS = LIVE_BLOCKS.flatMap((spec) => Object.keys(spec.args).map((arg) => ({ spec, arg, key: `${spec.opcode}.${arg}` })));
const ARGUMENTLESS = LIVE_BLOCKS.filter((spec) => Object.keys(spec.args).length === 0);

test('every argument of every live block has a role in this table (and so a documented result)', () => {
  expect(ARGUMENT_GROUPS.map((g) => g.key).filter((key) => !(key in ROLES))).toEqual([]);
  expect(Object.keys(ROLES).filter((key) => !ARGUMENT_GROUPS.some((g) => g.key === key))).toEqual([]);
});

test('docs/bad-input.md documents every argument of every live block', () => {
  const rows = readFileSync(join(__dirname, '..', '..', 'docs', 'bad-input.md'), 'utf8').split('\n').filter((line) => line.startsWith('|'));
  const undocumented = ARGUMENT_GROUPS.filter(({ spec, arg }) => !rows.some((row) => row.includes(`\`${spec.opcode}\``) && row.includes(`\`${arg}\``)));
  expect(undocumented.map((g) => g.key)).toEqual([]);
  const argumentless = ARGUMENTLESS.filter((spec) => !rows.some((row) => row.includes(`\`${spec.opcode}\``)));
  expect(argumentless.map((spec) => spec.opcode)).toEqual([]);
});

describe.each(ARGUMENT_GROUPS.map((g) => [g.key, g] as const))('%s', (_key, { spec, arg, key }) => {
  const role = ROLES[key];
  const changesConnection = spec.opcode === 'connect';

  test(
    `every value class: no exception, the documented result, connection kept (${VALUE_CLASSES.length} cases)`,
    async () => {
      const h = await connectedHarness();
      const call = methods(h)[spec.opcode];
      expect(typeof call).toBe('function');
      if (role === 'lookupTopic') {
        await h.extension.subscribe({ TOPIC: '#', QOS: '1' });
        for (const [topic, payload] of Object.entries(KNOWN_TOPICS)) await watcher!.publishAsync(topic, payload, { qos: 1 });
        expect(await waitFor(() => h.extension.lastMessageOn({ TOPIC: 'abc' }) === 'letters', 3000)).toBe(true);
      }
      const attemptsBefore = broker.connectAttempts;
      const failures: string[] = [];
      for (const v of VALUE_CLASSES) {
        const label = `${key} = ${v.name}`;
        clearError(h);
        received.length = 0;
        let result: unknown;
        try {
          const answer = await withBound(call.call(h.extension, { ...defaultArgs(spec), [arg]: v.value }, {}), 8000);
          if (!answer.settled) {
            failures.push(`${label}: did not finish within 8 s`);
            continue;
          }
          result = answer.value;
        } catch (error) {
          failures.push(`${label}: threw ${String(error).slice(0, 200)}`);
          continue;
        }
        const problem = await checkOutcome(h, outcomeOf(role, v), result);
        if (problem) failures.push(`${label}: ${problem}`);
        if (changesConnection) {
          // A failed connect replaced the connection (that is what connect does): connect back.
          if (!h.extension.isConnected()) await h.extension.connect({ URL: broker.wsUrl, USERNAME: '', PASSWORD: '' });
        } else if (!h.extension.isConnected()) {
          failures.push(`${label}: the connection was lost`);
          await h.extension.connect({ URL: broker.wsUrl, USERNAME: '', PASSWORD: '' });
        }
      }
      expect(failures).toEqual([]);
      expect(unhandled).toEqual([]);
      expect(h.extension.isConnected()).toBe(true);
      // The same connection all along: nothing was dropped and silently reconnected.
      if (!changesConnection) expect(broker.connectAttempts).toBe(attemptsBefore);
      await expectRoundTrip(h);
    },
    120000,
  );
});

describe.each(ARGUMENTLESS.map((spec) => [spec.opcode, spec] as const))('%s (no arguments)', (_opcode, spec) => {
  test(`stray arguments of every value class change nothing (${VALUE_CLASSES.length} cases)`, async () => {
    const h = await connectedHarness();
    const call = methods(h)[spec.opcode];
    const expected: Record<string, unknown> = { isConnected: true, lastError: '', message: '', topic: '', droppedMessages: 0 };
    const failures: string[] = [];
    for (const v of VALUE_CLASSES) {
      clearError(h);
      try {
        const answer = await withBound(call.call(h.extension, { EXTRA: v.value }, {}), 5000);
        if (!answer.settled) failures.push(`${spec.opcode} with ${v.name}: did not finish`);
        else if (spec.opcode in expected && !Object.is(answer.value, expected[spec.opcode])) failures.push(`${spec.opcode} with ${v.name}: returned ${String(answer.value)}`);
      } catch (error) {
        failures.push(`${spec.opcode} with ${v.name}: threw ${String(error)}`);
      }
      if (spec.opcode === 'disconnect') {
        if (h.extension.isConnected()) failures.push('disconnect did not disconnect');
        await h.extension.connect({ URL: broker.wsUrl, USERNAME: '', PASSWORD: '' });
      }
      if (h.extension.lastError() !== '') failures.push(`${spec.opcode} with ${v.name}: error ${h.extension.lastError()}`);
    }
    expect(failures).toEqual([]);
    expect(unhandled).toEqual([]);
    expect(h.extension.isConnected()).toBe(true);
    await expectRoundTrip(h);
  });
});

// ---------------------------------------------------------------------------------------------
// Through Scratch itself: values made by real blocks, hats fed by another client.

type Input = NonNullable<Parameters<typeof block>[1]>[string];
const setVar = (name: string, value: Input) => block('data_setvariableto', { VALUE: value }, { VARIABLE: { variable: name } });
const addToList = (list: string, item: Input) => block('data_addtolist', { ITEM: item }, { LIST: { list } });
const publishBlock = (message: Input, topic: Input) =>
  block('mqtt_publish', { MESSAGE: message, TOPIC: topic });

test('in the VM: reporters as messages publish as Scratch shows them; a wildcard topic explains itself in Chinese', async () => {
  const project = new ProjectBuilder()
    .variable('broker')
    .variable('error')
    .variable('json')
    .variable('done', 0)
    .list('letters')
    .list('words')
    .script(
      block('event_whenflagclicked'),
      block('mqtt_connect', { URL: variable('broker'), USERNAME: text(''), PASSWORD: text('') }),
      block('data_deletealloflist', {}, { LIST: { list: 'letters' } }),
      block('data_deletealloflist', {}, { LIST: { list: 'words' } }),
      ...['a', 'b', 'c'].map((item) => addToList('letters', text(item))),
      ...['hello', '2', 'false'].map((item) => addToList('words', text(item))),
      publishBlock(block('operator_add', { NUM1: num(1), NUM2: num(2) }), text('vm/number')),
      publishBlock(block('operator_divide', { NUM1: num(1), NUM2: num(0) }), text('vm/infinity')),
      publishBlock(block('operator_lt', { OPERAND1: text('1'), OPERAND2: text('2') }), text('vm/boolean')),
      publishBlock(block('data_listcontents', {}, { LIST: { list: 'letters' } }), text('vm/letters')),
      publishBlock(block('data_listcontents', {}, { LIST: { list: 'words' } }), text('vm/words')),
      publishBlock(text('你好，世界'), block('operator_join', { STRING1: text('教室/'), STRING2: text('温度') })),
      publishBlock(num(7), text('vm/number-input')),
      block('mqtt_publishWithOptions', { MESSAGE: text('x'), TOPIC: text('room/+/temp') }, { QOS: '1', RETAIN: 'no' }),
      setVar('error', block('mqtt_lastError')),
      setVar('json', block('mqtt_jsonValue', { PATH: text('temp'), JSON: text('{"temp": 21.5') })),
      publishBlock(text('still here'), text('vm/end')),
      setVar('done', text('1')),
    )
    .build();
  harness = await loadProject(project, { connectTimeoutMs: 2000 });
  const h = harness;
  watcher = await mqtt.connectAsync(broker.tcpUrl, { clientId: 'watcher-vm' });
  watcher.on('message', (topic, payload) => received.push({ topic, payload }));
  await watcher.subscribeAsync('#', { qos: 1 });
  await h.vm.setLocale('zh-cn', {});
  h.setVariable('broker', broker.wsUrl);
  h.greenFlag();
  expect(await h.stepUntil(() => String(h.variable('done')) === '1', { maxMs: 8000 })).toBe(true);
  expect(await waitFor(() => receivedOn('vm/end') !== undefined, 3000)).toBe(true);
  const got = (topic: string) => receivedOn(topic)?.payload.toString();
  expect(got('vm/number')).toBe('3');
  expect(got('vm/infinity')).toBe('Infinity');
  expect(got('vm/boolean')).toBe('true');
  expect(got('vm/letters')).toBe('abc');
  expect(got('vm/words')).toBe('hello 2 false');
  expect(got('教室/温度')).toBe('你好，世界');
  expect(got('vm/number-input')).toBe('7');
  expect(received.some((m) => m.topic.includes('+'))).toBe(false);
  expect(h.variable('error')).toMatch(templatePattern(messageTemplate(MESSAGES.topicWildcardInTopic, 'zh-cn')));
  expect(h.variable('error')).toContain('room/+/temp');
  expect(h.variable('json')).toBe('');
  expect(h.extension.isConnected()).toBe(true);
});

test('in the VM: invalid UTF-8 reaches "message" as text with U+FFFD; invalid hat topics never run and are explained; the hats keep running', async () => {
  const project = new ProjectBuilder()
    .variable('broker')
    .list('received')
    .list('chinese')
    .list('ignored')
    .script(block('event_whenflagclicked'), block('mqtt_connect', { URL: variable('broker'), USERNAME: text(''), PASSWORD: text('') }))
    .script(block('mqtt_whenMessage', { TOPIC: text('bytes/in') }), addToList('received', block('mqtt_message')))
    .script(block('mqtt_whenMessage', { TOPIC: text('教室/+') }), addToList('chinese', block('operator_join', { STRING1: block('mqtt_topic'), STRING2: block('mqtt_message') })))
    // Hats a pupil may type that MQTT does not allow: they are never subscribed and never run.
    .script(block('mqtt_whenMessage', { TOPIC: text('') }), addToList('ignored', text('empty')))
    .script(block('mqtt_whenMessage', { TOPIC: text('bytes/#/in') }), addToList('ignored', text('misplaced #')))
    .script(block('mqtt_whenMessage', { TOPIC: text('bytes+') }), addToList('ignored', text('misplaced +')))
    .script(block('mqtt_whenMessage', { TOPIC: text('bytes\u0000in') }), addToList('ignored', text('NUL')))
    .build();
  harness = await loadProject(project, { connectTimeoutMs: 2000 });
  const h = harness;
  h.setVariable('broker', broker.wsUrl);
  h.greenFlag();
  expect(await h.stepUntil(() => h.extension.isConnected(), { maxMs: 5000 })).toBe(true);
  await h.stepFrames(5);
  watcher = await mqtt.connectAsync(broker.tcpUrl, { clientId: 'raw-bytes' });
  const payloads = [
    Buffer.from([0xff, 0xfe, 0xc3]),
    Buffer.from([0x68, 0x69, 0xc3, 0x28, 0x21]), // "hi", a broken two-byte sequence, "!"
    Buffer.from([0xe4, 0xbd]), // the first two bytes of 你, cut off
    Buffer.from([0xed, 0xa0, 0x80]), // a UTF-16 surrogate written as UTF-8 (forbidden)
    Buffer.alloc(0),
    Buffer.from('after the bad ones', 'utf8'),
  ];
  for (const payload of payloads) await watcher.publishAsync('bytes/in', payload, { qos: 1 });
  await watcher.publishAsync('教室/温度', Buffer.from('热', 'utf8'), { qos: 1 });
  await watcher.publishAsync('bytes/x/in', 'not for a misplaced-# hat', { qos: 1 });
  expect(await h.stepUntil(() => h.list('received').length >= payloads.length && h.list('chinese').length >= 1, { maxMs: 5000 })).toBe(true);
  await h.stepFrames(5);
  expect(h.list('received')).toEqual([
    '\ufffd\ufffd\ufffd',
    'hi\ufffd(!',
    '\ufffd',
    '\ufffd\ufffd\ufffd',
    '',
    'after the bad ones',
  ]);
  expect(h.list('chinese')).toEqual(['教室/温度热']);
  expect(h.list('ignored')).toEqual([]);
  // "connection error" names the problem of one of the broken hats, so the pupil can find it.
  expect(h.extension.lastError()).toMatch(/The topic is empty|must be the last level|must fill a whole level|NUL character/);
  expect(h.extension.isConnected()).toBe(true);
});

test('in the VM: a 1 MB message goes out and comes back intact through a hat', async () => {
  const project = new ProjectBuilder()
    .variable('broker')
    .variable('big')
    .variable('length', 0)
    .script(block('event_whenflagclicked'), block('mqtt_connect', { URL: variable('broker'), USERNAME: text(''), PASSWORD: text('') }))
    .script(block('mqtt_whenMessage', { TOPIC: text('big/back') }), setVar('length', block('operator_length', { STRING: block('mqtt_message') })))
    .script(block('mqtt_whenMessage', { TOPIC: text('big/go') }), publishBlock(variable('big'), text('big/back')))
    .build();
  harness = await loadProject(project, { connectTimeoutMs: 2000 });
  const h = harness;
  const big = '温'.repeat(MB / 3) + 'x'.repeat(MB % 3); // 1 MB of UTF-8, mostly three-byte characters
  h.setVariable('broker', broker.wsUrl);
  h.setVariable('big', big);
  h.greenFlag();
  expect(await h.stepUntil(() => h.extension.isConnected(), { maxMs: 5000 })).toBe(true);
  await h.stepFrames(5);
  watcher = await mqtt.connectAsync(broker.tcpUrl, { clientId: 'big-watcher' });
  watcher.on('message', (topic, payload) => received.push({ topic, payload }));
  await watcher.subscribeAsync('big/back', { qos: 1 });
  await watcher.publishAsync('big/go', 'go', { qos: 1 });
  expect(await h.stepUntil(() => Number(h.variable('length')) > 0, { maxMs: 8000 })).toBe(true);
  expect(Buffer.byteLength(big)).toBe(MB);
  expect(h.variable('length')).toBe(big.length);
  expect(h.extension.lastMessageOn({ TOPIC: 'big/back' })).toBe(big);
  expect(receivedOn('big/back')?.payload.equals(Buffer.from(big))).toBe(true);
  expect(h.extension.isConnected()).toBe(true);
});

test('$SYS: a subscription gets the broker\'s own messages there; # and + hats never do', async () => {
  const h = await connectedHarness();
  await h.extension.subscribe({ TOPIC: '$SYS/+/new/subscribes', QOS: '0' });
  await h.extension.subscribe({ TOPIC: '#', QOS: '0' });
  // aedes announces every new subscription on $SYS/<broker id>/new/subscribes.
  await watcher!.subscribeAsync('any/topic');
  expect(await waitFor(() => h.extension.topic({}, {}).startsWith('$SYS/'), 3000)).toBe(true);
  expect(h.extension.topic({}, {})).toMatch(/^\$SYS\/[^/]+\/new\/subscribes$/);
  expect(h.extension.lastError()).toBe('');
  expect(h.extension.isConnected()).toBe(true);
});

test('topic length is counted in bytes: 65,535 bytes of Chinese is published, one character more is refused', async () => {
  const h = await connectedHarness();
  const atLimit = '主'.repeat(21845);
  expect(Buffer.byteLength(atLimit)).toBe(65535);
  h.extension.publish({ MESSAGE: 'at the limit', TOPIC: atLimit });
  expect(await waitFor(() => receivedOn(atLimit) !== undefined, 3000)).toBe(true);
  expect(h.extension.lastError()).toBe('');
  h.extension.publish({ MESSAGE: 'over', TOPIC: `${atLimit}主` });
  expect(await checkError(h, ['topicTooLong'])).toBeNull();
  expect(h.extension.isConnected()).toBe(true);
  await expectRoundTrip(h);
});
