/**
 * Which filters to actually subscribe on the broker. Pupils' programs overlap (a hat on
 * `sensors/+/temp` beside "subscribe to sensors/#"); many brokers, Mosquitto 2 among them, then send
 * the same message once per matching subscription and a hat would run twice. So we subscribe only
 * filters no other wanted filter already covers, at the highest QoS any covered filter asked for.
 */
/** MQTT delivery guarantee levels. */
export type QoS = 0 | 1 | 2;

/** True when every topic matching `inner` also matches `outer`. */
export function filterCovers(outer: string, inner: string): boolean {
  if (outer === inner) return true;
  const outerLevels = outer.split('/');
  const innerLevels = inner.split('/');
  for (let i = 0; i < outerLevels.length; i++) {
    const o = outerLevels[i];
    const n = innerLevels[i];
    if (o === '#') {
      // `$SYS/...` topics are not matched by a wildcard in the first level.
      return !(i === 0 && n !== undefined && n.startsWith('$'));
    }
    if (n === undefined) return false;
    if (o === '+') {
      if (n === '#') return false;
      if (i === 0 && n.startsWith('$')) return false;
      continue;
    }
    if (o !== n) return false;
  }
  return outerLevels.length === innerLevels.length;
}

/** The smallest set of filters that receives every wanted topic exactly once, with QoS per filter. */
export function planSubscriptions(wanted: ReadonlyMap<string, QoS>): Map<string, QoS> {
  const filters = Array.from(wanted.keys());
  const plan = new Map<string, QoS>();
  for (const filter of filters) {
    const coveredByAnother = filters.some((other) => other !== filter && filterCovers(other, filter));
    if (coveredByAnother) continue;
    let qos = wanted.get(filter) as QoS;
    for (const other of filters) {
      if (other !== filter && filterCovers(filter, other)) qos = Math.max(qos, wanted.get(other) as QoS) as QoS;
    }
    plan.set(filter, qos);
  }
  return plan;
}
