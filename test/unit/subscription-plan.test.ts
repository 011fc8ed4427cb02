import { filterCovers, planSubscriptions, type QoS } from '../../src/session/subscription-plan';
import { topicMatchesFilter } from '../../src/session/topic-filter';

describe('filterCovers', () => {
  test.each([
    ['#', 'sensors/+/temp'],
    ['#', 'a'],
    ['sensors/#', 'sensors/+/temp'],
    ['sensors/#', 'sensors'],
    ['sensors/#', 'sensors/#'],
    ['sensors/#', 'sensors/a/#'],
    ['sensors/+/temp', 'sensors/room1/temp'],
    ['+/+', 'a/b'],
    ['+/+', '/b'],
    ['a/+', 'a/'],
    ['$SYS/#', '$SYS/monitor/+'],
    ['$SYS/+/Clients', '$SYS/monitor/Clients'],
    ['a/b', 'a/b'],
  ])('%j covers %j', (outer, inner) => {
    expect(filterCovers(outer, inner)).toBe(true);
  });

  test.each([
    ['#', '$SYS/#'],
    ['#', '$SYS/monitor/Clients'],
    ['+/#', '$SYS/monitor'],
    ['+/monitor/Clients', '$SYS/monitor/Clients'],
    ['sensors/+/temp', 'sensors/#'],
    ['sensors/+', 'sensors/+/temp'],
    ['sensors/+', 'sensors'],
    ['sensors/+/temp', 'sensors/+'],
    ['a/+/#', 'a/#'], // "a/#" also matches "a", which "a/+/#" does not
    ['a/b', 'a/+'],
    ['a/b', 'a/c'],
    ['a/b', 'a/b/c'],
    ['sensors/room1/temp', 'sensors/+/temp'],
  ])('%j does not cover %j', (outer, inner) => {
    expect(filterCovers(outer, inner)).toBe(false);
  });

  test('never claims to cover when a topic matches the inner filter but not the outer one', () => {
    const levels = ['a', 'b', '', '$SYS', '+'];
    const filters = new Set<string>();
    for (const x of [...levels, '#']) {
      filters.add(x);
      for (const y of [...levels, '#']) {
        filters.add(`${x}/${y}`);
        for (const z of ['a', '+', '#']) filters.add(`${x}/${y}/${z}`);
      }
    }
    const valid = [...filters].filter((f) => f !== '' && !/#./.test(f));
    const names = ['a', 'b', '', '$SYS'];
    const topics: string[] = [];
    for (const x of names) {
      topics.push(x);
      for (const y of names) {
        topics.push(`${x}/${y}`);
        for (const z of names) {
          topics.push(`${x}/${y}/${z}`);
          topics.push(`${x}/${y}/${z}/a`);
        }
      }
    }
    const sampleTopics = topics.filter((t) => t !== '');
    let claimed = 0;
    for (const outer of valid) {
      for (const inner of valid) {
        if (!filterCovers(outer, inner)) continue;
        claimed++;
        const counterexample = sampleTopics.find((t) => topicMatchesFilter(inner, t) && !topicMatchesFilter(outer, t));
        expect({ outer, inner, counterexample }).toEqual({ outer, inner, counterexample: undefined });
      }
    }
    expect(claimed).toBeGreaterThan(valid.length); // more than the trivial outer === inner pairs
  });
});

describe('planSubscriptions', () => {
  const plan = (entries: Array<[string, QoS]>) => planSubscriptions(new Map(entries));

  test('a hat under an explicit wildcard subscription is subscribed once, through the wildcard', () => {
    expect(plan([
      ['sensors/+/temp', 0],
      ['sensors/#', 0],
    ])).toEqual(new Map([['sensors/#', 0]]));
  });

  test('the covering filter gets the highest QoS asked for by anything it covers', () => {
    expect(plan([
      ['sensors/room1/temp', 2],
      ['sensors/+/temp', 1],
      ['sensors/#', 0],
    ])).toEqual(new Map([['sensors/#', 2]]));
    expect(plan([
      ['a/b', 0],
      ['a/+', 1],
    ])).toEqual(new Map([['a/+', 1]]));
  });

  test('"#" does not swallow $SYS subscriptions', () => {
    expect(plan([
      ['#', 0],
      ['$SYS/#', 1],
      ['classroom/test', 2],
    ])).toEqual(new Map<string, QoS>([
      ['#', 2],
      ['$SYS/#', 1],
    ]));
  });

  test('unrelated filters are all kept with their own QoS', () => {
    expect(plan([
      ['a/b', 0],
      ['c/+', 1],
      ['d/#', 2],
    ])).toEqual(new Map<string, QoS>([
      ['a/b', 0],
      ['c/+', 1],
      ['d/#', 2],
    ]));
  });

  test('nothing wanted, nothing subscribed', () => {
    expect(plan([]).size).toBe(0);
  });

  test('every wanted filter is received through exactly the plan, at no lower QoS, each topic once', () => {
    const wanted = new Map<string, QoS>([
      ['classroom/#', 0],
      ['classroom/+/light', 1],
      ['classroom/desk1/light', 2],
      ['+/desk1/+', 0],
      ['other/x', 1],
      ['$SYS/broker/clients/+', 0],
      ['$SYS/#', 1],
      ['#', 0],
    ]);
    const planned = planSubscriptions(wanted);
    for (const [filter, qos] of wanted) {
      const coverers = [...planned.keys()].filter((p) => filterCovers(p, filter));
      expect({ filter, covered: coverers.length > 0 }).toEqual({ filter, covered: true });
      expect(Math.max(...coverers.map((p) => planned.get(p) as number))).toBeGreaterThanOrEqual(qos);
    }
    // No planned filter is covered by another planned filter (that would deliver twice).
    for (const a of planned.keys()) {
      for (const b of planned.keys()) if (a !== b) expect(filterCovers(a, b)).toBe(false);
    }
    expect(planned).toEqual(new Map<string, QoS>([
      ['$SYS/#', 1],
      ['#', 2],
    ]));
  });
});
