/**
 * The board and monitor pages' DOM-free logic: what a workspace file may be, where boards
 * connect, and what the monitor's filter box means. (The pages themselves: test/e2e.)
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { translatePending } from '../../src/i18n/translate';
import { boardBrokerFrom } from '../../src/pages/board/broker-info';
import { toolboxWithBroker } from '../../src/pages/board/toolbox-broker';
import { blockTypesOf, parseWorkspaceFile, serializeWorkspace } from '../../src/pages/board/workspace-file';
import { topicPredicate } from '../../src/pages/monitor/topic-filter-box';

const fixture = readFileSync(path.resolve(__dirname, '..', 'fixtures', 'workspaces', 'lamp.json'), 'utf8');
const known = (type: string): boolean => !type.startsWith('unknown_');

describe('workspace files', () => {
  test('a saved classroom workspace is accepted as it is, and saving is stable', () => {
    const parsed = parseWorkspaceFile(fixture, known);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parseWorkspaceFile(serializeWorkspace(parsed.state), known)).toEqual(parsed);
  });

  test('block types are found in inputs, shadows and next chains', () => {
    const types = blockTypesOf(JSON.parse(fixture) as Parameters<typeof blockTypesOf>[0]);
    expect([...types]).toEqual(expect.arrayContaining(['mqtt_wifiConnect', 'mqtt_connect', 'variables_set', 'text', 'mqtt_whenMessage']));
  });

  test.each([
    ['not JSON', 'hello', /not JSON/],
    ['a list', '[]', /not a saved block program/],
    ['null', 'null', /not a saved block program/],
    ['a Scratch project', '{"targets": [], "meta": {}}', /Scratch project/],
    ['something else', '{"name": "x"}', /does not contain any blocks/],
    ['damaged blocks', '{"blocks": {"blocks": 3}}', /damaged/],
    ['unknown blocks', '{"blocks": {"blocks": [{"type": "unknown_robot", "next": {"block": {"type": "unknown_arm"}}}]}}', /unknown_robot, unknown_arm/],
  ])('%s is refused with a reason in both languages', (_name, text, reason) => {
    const parsed = parseWorkspaceFile(text, known);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(translatePending(parsed.reason, 'en')).toMatch(reason);
    expect(translatePending(parsed.reason, 'zh-cn')).toMatch(/[\u4e00-\u9fff]/);
  });

  test('an empty program and a byte-order mark are fine', () => {
    expect(parseWorkspaceFile('{}', known).ok).toBe(true);
    expect(parseWorkspaceFile(`\uFEFF${fixture}`, known).ok).toBe(true);
  });
});

describe('broker address for boards', () => {
  test('TCP host and port become an mqtt:// URL; IPv6 gets brackets; nonsense gives nothing', () => {
    expect(boardBrokerFrom({ tcp: { host: '192.168.1.5', port: 1883 }, lan: true })).toEqual({ url: 'mqtt://192.168.1.5:1883', lan: true });
    expect(boardBrokerFrom({ tcp: { host: 'localhost', port: 41883 }, lan: false })).toEqual({ url: 'mqtt://localhost:41883', lan: false });
    expect(boardBrokerFrom({ tcp: { host: 'fe80::1', port: 1883 }, lan: true })?.url).toBe('mqtt://[fe80::1]:1883');
    expect(boardBrokerFrom({ tcp: { host: '', port: 1883 }, lan: true })).toBeNull();
    expect(boardBrokerFrom({ tcp: { host: 'x', port: 0 }, lan: true })).toBeNull();
  });

  test('only the connect block in the toolbox gets the address', () => {
    const toolbox = toolboxWithBroker('en', 'mqtt://10.0.0.2:1883');
    const blocks = toolbox.contents.flatMap((category) => category.contents ?? []);
    const connect = blocks.find((block) => block.type === 'mqtt_connect');
    expect(connect?.inputs?.URL?.shadow.fields.TEXT).toBe('mqtt://10.0.0.2:1883');
    const untouched = toolboxWithBroker('en', null).contents.flatMap((category) => category.contents ?? []);
    expect(JSON.stringify(blocks.filter((b) => b.type !== 'mqtt_connect'))).toBe(JSON.stringify(untouched.filter((b) => b.type !== 'mqtt_connect')));
  });
});

describe('monitor filter box', () => {
  test.each([
    ['', 'any/topic', true],
    ['lamp', 'home/Kitchen/LAMP', true],
    ['lamp', 'home/door', false],
    ['home/+/lamp', 'home/kitchen/lamp', true],
    ['home/+/lamp', 'home/kitchen/lamp/x', false],
    ['home/#', 'home', true],
    ['#', '$SYS/x', false],
    // Not a valid filter: plain text search instead of an error.
    ['a#b', 'xa#by', true],
  ])('"%s" on %s → %s', (typed, topic, expected) => {
    expect(topicPredicate(typed)(topic)).toBe(expected);
  });
});
