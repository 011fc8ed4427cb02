import { FilterIndex, publishTopicProblem, topicFilterProblem, topicMatchesFilter, topicNameProblem } from '../../src/session/topic-filter';

describe('topicMatchesFilter: MQTT 3.1.1 §4.7 examples', () => {
  const cases: Array<[filter: string, topic: string, matches: boolean]> = [
    // §4.7.1.2 multi-level wildcard
    ['sport/tennis/player1/#', 'sport/tennis/player1', true],
    ['sport/tennis/player1/#', 'sport/tennis/player1/ranking', true],
    ['sport/tennis/player1/#', 'sport/tennis/player1/score/wimbledon', true],
    ['sport/tennis/player1/#', 'sport/tennis/player2', false],
    ['sport/tennis/player1/#', 'sport/tennis', false],
    ['sport/#', 'sport', true],
    ['sport/#', 'sport/', true],
    ['sport/#', 'sports', false],
    ['#', 'sport/tennis/player1', true],
    ['#', 'sport', true],
    ['#', '/', true],
    // §4.7.1.3 single-level wildcard
    ['sport/tennis/+', 'sport/tennis/player1', true],
    ['sport/tennis/+', 'sport/tennis/player2', true],
    ['sport/tennis/+', 'sport/tennis/player1/ranking', false],
    ['sport/+', 'sport', false],
    ['sport/+', 'sport/', true],
    ['+/+', '/finance', true],
    ['/+', '/finance', true],
    ['+', '/finance', false],
    ['+', 'finance', true],
    ['+/tennis/#', 'sport/tennis/player1', true],
    ['+/tennis/#', 'sport/tennis', true],
    ['+/tennis/#', 'sport/football', false],
    // §4.7.2 topics beginning with $
    ['#', '$SYS/monitor/Clients', false],
    ['+/monitor/Clients', '$SYS/monitor/Clients', false],
    ['+/#', '$SYS/monitor/Clients', false],
    ['+', '$SYS', false],
    ['$SYS/#', '$SYS/monitor/Clients', true],
    ['$SYS/#', '$SYS', true],
    ['$SYS/monitor/+', '$SYS/monitor/Clients', true],
    ['$SYS/+/Clients', '$SYS/monitor/Clients', true],
    // `$` only matters at the start of the topic
    ['a/+', 'a/$b', true],
    ['a/#', 'a/$b/c', true],
    // §4.7.3 topic semantic: case sensitive, spaces significant, empty levels are levels
    ['ACCOUNTS', 'accounts', false],
    ['Accounts payable', 'Accounts payable', true],
    ['Accounts payable', 'Accountspayable', false],
    ['Accounts payable', 'Accounts  payable', false],
    ['/finance', 'finance', false],
    ['finance', '/finance', false],
    ['a//b', 'a//b', true],
    ['a//b', 'a/b', false],
    ['a/+/b', 'a//b', true],
    ['a/b/', 'a/b', false],
    ['a/b', 'a/b/', false],
    ['classroom/test', 'classroom/test', true],
    ['classroom/test', 'classroom/test2', false],
    ['教室/+', '教室/温度', true],
  ];
  test.each(cases)('filter %j vs topic %j → %s', (filter, topic, matches) => {
    expect(topicFilterProblem(filter)).toBeNull();
    expect(topicNameProblem(topic)).toBeNull();
    expect(topicMatchesFilter(filter, topic)).toBe(matches);
  });
});

describe('topicFilterProblem', () => {
  test.each([
    'sport/tennis/#',
    'sport/#',
    '#',
    '+',
    '+/+',
    '/+',
    'sport/+/player1',
    'sport/tennis/+',
    '$SYS/#',
    '/',
    '//',
    'a b/c d',
    '+/tennis/#',
  ])('accepts the valid filter %j', (filter) => {
    expect(topicFilterProblem(filter)).toBeNull();
  });

  test.each([
    ['sport/tennis#', 'misplacedHash'],
    ['sport/tennis/#/ranking', 'misplacedHash'],
    ['#/a', 'misplacedHash'],
    ['##', 'misplacedHash'],
    ['a/#b', 'misplacedHash'],
    ['sport+', 'misplacedPlus'],
    ['sport/+tennis', 'misplacedPlus'],
    ['a/++', 'misplacedPlus'],
    ['', 'empty'],
    ['a\u0000b', 'nulCharacter'],
  ])('refuses %j as %s', (filter, problem) => {
    expect(topicFilterProblem(filter)).toBe(problem);
  });

  test('a filter longer than 65535 UTF-8 bytes is refused, one at the limit is not', () => {
    expect(topicFilterProblem('a'.repeat(65535))).toBeNull();
    expect(topicFilterProblem('a'.repeat(65536))).toBe('tooLong');
    // 3 bytes per character: 21845 characters are exactly 65535 bytes.
    expect(topicFilterProblem('温'.repeat(21845))).toBeNull();
    expect(topicFilterProblem('温'.repeat(21846))).toBe('tooLong');
  });
});

describe('topicNameProblem', () => {
  test.each(['sport/tennis/player1', '/finance', 'finance/', '$SYS/monitor', 'a b', '教室/温度', '/', 'a//b'])(
    'accepts the topic %j',
    (topic) => {
      expect(topicNameProblem(topic)).toBeNull();
    },
  );

  test.each([
    ['sport/#', 'wildcardInTopic'],
    ['sport/+/x', 'wildcardInTopic'],
    ['a+b', 'wildcardInTopic'],
    ['c#', 'wildcardInTopic'],
    ['', 'empty'],
    ['x\u0000', 'nulCharacter'],
  ])('refuses %j as %s', (topic, problem) => {
    expect(topicNameProblem(topic)).toBe(problem);
  });

  test('length is counted in UTF-8 bytes, not characters', () => {
    expect(topicNameProblem('温'.repeat(21845))).toBeNull();
    expect(topicNameProblem('温'.repeat(21846))).toBe('tooLong');
    // 4-byte characters (2 UTF-16 units each)
    expect(topicNameProblem('😀'.repeat(16383))).toBeNull(); // 65532 bytes
    expect(topicNameProblem('😀'.repeat(16384))).toBe('tooLong'); // 65536 bytes
  });
});

describe('FilterIndex', () => {
  test('returns every hat whose filter matches, including $SYS rules', () => {
    const index = new FilterIndex<string>();
    index.add('sport/tennis/player1/#', 'player1-all');
    index.add('sport/+', 'sport-one-level');
    index.add('#', 'everything');
    index.add('$SYS/#', 'sys');
    index.add('+/monitor/Clients', 'plus-monitor');
    index.add('sport/tennis/player1', 'exact');

    expect(index.match('sport/tennis/player1')).toEqual(new Set(['player1-all', 'everything', 'exact']));
    expect(index.match('sport/tennis/player1/score/wimbledon')).toEqual(new Set(['player1-all', 'everything']));
    expect(index.match('sport')).toEqual(new Set(['everything']));
    expect(index.match('sport/')).toEqual(new Set(['sport-one-level', 'everything']));
    expect(index.match('$SYS/monitor/Clients')).toEqual(new Set(['sys']));
    expect(index.match('x/monitor/Clients')).toEqual(new Set(['plus-monitor', 'everything']));
  });

  test('one value under two matching filters comes back once; size counts filter/value pairs', () => {
    const index = new FilterIndex<number>();
    index.add('a/#', 1);
    index.add('a/+', 1);
    index.add('a/b', 1);
    index.add('a/b', 1); // same pair again: no change
    expect(index.size).toBe(3);
    const found = index.match('a/b');
    expect([...found]).toEqual([1]);
  });

  test('clear forgets every filter', () => {
    const index = new FilterIndex<string>();
    index.add('#', 'x');
    index.add('a/b', 'y');
    index.clear();
    expect(index.size).toBe(0);
    expect(index.match('a/b').size).toBe(0);
    index.add('a/+', 'z');
    expect(index.match('a/b')).toEqual(new Set(['z']));
  });

  test('agrees with topicMatchesFilter for many random filters and topics (fixed seed)', () => {
    // mulberry32: deterministic, so a failure reproduces.
    let seed = 0x5eed1234;
    const random = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = seed;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
    const names = ['a', 'b', '', '$SYS', '$x', 'a b', '温'];
    // A single empty level would be the empty string, which is not a valid topic or filter.
    const nonEmpty = (text: string) => (text === '' ? 'a' : text);
    const topicOf = () => nonEmpty(Array.from({ length: 1 + Math.floor(random() * 4) }, () => pick(names)).join('/'));
    const filterOf = () => {
      const depth = 1 + Math.floor(random() * 4);
      const levels = Array.from({ length: depth }, () => pick([...names, '+', '+']));
      if (random() < 0.35) levels[depth - 1] = '#';
      return nonEmpty(levels.join('/'));
    };

    let comparisons = 0;
    let nonEmptyMatches = 0;
    for (let round = 0; round < 60; round++) {
      const index = new FilterIndex<string>();
      const filters = Array.from({ length: 1 + Math.floor(random() * 25) }, filterOf);
      for (const filter of filters) {
        expect(topicFilterProblem(filter)).toBeNull();
        index.add(filter, filter);
      }
      for (let t = 0; t < 60; t++) {
        const topic = topicOf();
        expect(topicNameProblem(topic)).toBeNull();
        const expected = new Set(filters.filter((filter) => topicMatchesFilter(filter, topic)));
        const got = index.match(topic);
        expect({ topic, matches: [...got].sort() }).toEqual({ topic, matches: [...expected].sort() });
        comparisons++;
        if (expected.size > 0) nonEmptyMatches++;
      }
    }
    expect(comparisons).toBe(3600);
    // The generator must exercise real matches, not only empty sets.
    expect(nonEmptyMatches).toBeGreaterThan(1000);
  });

  test('values shared across filters are deduplicated in random tables too', () => {
    const index = new FilterIndex<string>();
    const filters = ['#', '+/+', 'a/#', 'a/+', 'a/b', '+/b', 'a/b/#'];
    for (const filter of filters) index.add(filter, 'hat');
    index.add('a/b', 'other');
    expect([...index.match('a/b')].sort()).toEqual(['hat', 'other']);
    expect([...index.match('$SYS/b')]).toEqual([]);
  });
});

describe('publishTopicProblem', () => {
  test.each(['$SYS', '$SYS/broker/uptime'])('refuses the broker\'s own topic %j (aedes drops a client publishing there)', (topic) => {
    expect(publishTopicProblem(topic)).toBe('reserved');
  });

  test.each(['$SYSTEM/x', '$share/x', 'a/$SYS', '教室/温度'])('accepts %j', (topic) => {
    expect(publishTopicProblem(topic)).toBeNull();
  });

  test('other problems come first', () => {
    expect(publishTopicProblem('$SYS/#')).toBe('wildcardInTopic');
    expect(publishTopicProblem('')).toBe('empty');
  });
});

describe('topic levels', () => {
  test('100 levels are fine, 101 are refused in names and filters (aedes drops the client otherwise)', () => {
    const hundred = Array.from({ length: 100 }, () => 'a').join('/');
    expect(topicNameProblem(hundred)).toBeNull();
    expect(topicFilterProblem(`${hundred.slice(2)}/#`)).toBeNull();
    expect(topicNameProblem(`${hundred}/a`)).toBe('tooManyLevels');
    expect(topicFilterProblem(`${hundred}/#`)).toBe('tooManyLevels');
    expect(topicFilterProblem('/'.repeat(100))).toBe('tooManyLevels');
  });
});
