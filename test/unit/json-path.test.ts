import { jsonValueAt } from '../../src/session/json-path';

const doc = JSON.stringify({
  temp: 21.5,
  name: '教室 1',
  on: true,
  off: false,
  zero: 0,
  empty: '',
  nothing: null,
  sensors: [
    { value: 3, unit: 'C' },
    { value: 'high', tags: ['a', 'b'] },
  ],
  nested: { deeper: { value: 42 } },
  'with space': 'yes',
});

describe('jsonValueAt', () => {
  test.each([
    ['temp', 21.5],
    ['name', '教室 1'],
    ['on', true],
    ['off', false],
    ['zero', 0],
    ['empty', ''],
    ['sensors.0.value', 3],
    ['sensors[0].value', 3],
    ['sensors[1].value', 'high'],
    ['sensors.1.tags.1', 'b'],
    ['sensors[1].tags[0]', 'a'],
    ['nested.deeper.value', 42],
    ['with space', 'yes'],
    [' temp ', 21.5],
  ])('%j → %j (keeping the type)', (path, value) => {
    expect(jsonValueAt(doc, path)).toBe(value);
  });

  test('objects and arrays come back as JSON text', () => {
    expect(jsonValueAt(doc, 'nested.deeper')).toBe('{"value":42}');
    expect(jsonValueAt(doc, 'sensors.1.tags')).toBe('["a","b"]');
    expect(JSON.parse(jsonValueAt(doc, 'sensors') as string)).toEqual((JSON.parse(doc) as { sensors: unknown }).sensors);
  });

  test('null reads as empty', () => {
    expect(jsonValueAt(doc, 'nothing')).toBe('');
    expect(jsonValueAt('null', '')).toBe('');
  });

  test.each(['{not json', '', 'undefined', "{'a': 1}", '{"a":1'])('bad JSON %j reads as empty, never throws', (text) => {
    expect(jsonValueAt(text, 'a')).toBe('');
    expect(jsonValueAt(text, '')).toBe('');
  });

  test.each(['missing', 'temp.x', 'sensors.5.value', 'sensors.0.value.deeper', 'name.0', 'sensors[9]', 'nested.deeper.value.x'])(
    'missing path %j reads as empty',
    (path) => {
      expect(jsonValueAt(doc, path)).toBe('');
    },
  );

  test('an empty path gives the whole value', () => {
    expect(jsonValueAt('42', '')).toBe(42);
    expect(jsonValueAt('"hi"', '')).toBe('hi');
    expect(jsonValueAt('true', '')).toBe(true);
    expect(jsonValueAt('[1, 2]', '')).toBe('[1,2]');
    expect(jsonValueAt('{"a": {"b": 1}}', '')).toBe('{"a":{"b":1}}');
    expect(jsonValueAt('{"a": 1}', '  ')).toBe('{"a":1}');
  });

  test.each([
    '__proto__',
    'constructor',
    'constructor.name',
    '__proto__.constructor',
    'toString',
    'hasOwnProperty',
    'sensors.constructor',
    'sensors.0.__proto__',
    'sensors.map',
    'name.length',
  ])('%j does not leak inherited properties', (path) => {
    expect(jsonValueAt(doc, path)).toBe('');
  });

  test('a key literally named __proto__ in the JSON is read as data', () => {
    expect(jsonValueAt('{"__proto__": {"x": 1}}', '__proto__.x')).toBe(1);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});
