/**
 * MQTT 3.1.1 topic names and topic filters (spec §4.7): validation and matching.
 * `FilterIndex` finds every filter matching a topic by walking a tree of topic levels, so the cost
 * of a message grows with the topic's depth, not with the number of hat scripts.
 */
import { exceedsMqttStringLimit } from './mqtt-string';

/** Why a topic or filter was refused; the caller turns it into a localised message. */
export type TopicProblem =
  | 'empty'
  | 'tooLong'
  | 'nulCharacter'
  | 'tooManyLevels'
  | 'wildcardInTopic'
  | 'reserved'
  | 'misplacedHash'
  | 'misplacedPlus';

/**
 * MQTT sets no limit, brokers do: aedes (the classroom server) drops a client that publishes or
 * subscribes with more than 100 levels, Mosquitto refuses more than 200.
 */
export const MAX_TOPIC_LEVELS = 100;

function commonProblem(text: string): TopicProblem | null {
  if (text.length === 0) return 'empty';
  if (text.includes('\u0000')) return 'nulCharacter';
  if (exceedsMqttStringLimit(text)) return 'tooLong';
  if (levelCountAbove(text, MAX_TOPIC_LEVELS)) return 'tooManyLevels';
  return null;
}

function levelCountAbove(text: string, limit: number): boolean {
  let levels = 1;
  for (let i = text.indexOf('/'); i !== -1; i = text.indexOf('/', i + 1)) if (++levels > limit) return true;
  return false;
}

/** A topic a message is published to: no wildcards. */
export function topicNameProblem(topic: string): TopicProblem | null {
  const problem = commonProblem(topic);
  if (problem) return problem;
  if (topic.includes('+') || topic.includes('#')) return 'wildcardInTopic';
  return null;
}

/**
 * A topic this client may publish to (or name in its last will): a valid topic name outside `$SYS`.
 * §4.7.2: `$SYS` belongs to the broker; aedes drops a client that publishes there.
 */
export function publishTopicProblem(topic: string): TopicProblem | null {
  const problem = topicNameProblem(topic);
  if (problem) return problem;
  if (topic === '$SYS' || topic.startsWith('$SYS/')) return 'reserved';
  return null;
}

/** A subscription filter: `+` fills a whole level, `#` only as the whole last level. */
export function topicFilterProblem(filter: string): TopicProblem | null {
  const problem = commonProblem(filter);
  if (problem) return problem;
  const levels = filter.split('/');
  for (let i = 0; i < levels.length; i++) {
    const level = levels[i];
    if (level.includes('#') && (level !== '#' || i !== levels.length - 1)) return 'misplacedHash';
    if (level.includes('+') && level !== '+') return 'misplacedPlus';
  }
  return null;
}

/** True when `topic` is delivered to a subscription on `filter` (both assumed valid). */
export function topicMatchesFilter(filter: string, topic: string): boolean {
  const filterLevels = filter.split('/');
  const topicLevels = topic.split('/');
  // §4.7.2: wildcards at the first level never match topics starting with `$` (e.g. $SYS).
  if (topic.startsWith('$') && (filterLevels[0] === '+' || filterLevels[0] === '#')) return false;
  for (let i = 0; i < filterLevels.length; i++) {
    const level = filterLevels[i];
    if (level === '#') return true; // also matches the parent level: "sport/#" matches "sport"
    if (i >= topicLevels.length) return false;
    if (level !== '+' && level !== topicLevels[i]) return false;
  }
  return filterLevels.length === topicLevels.length;
}

/** How many topics' answers FilterIndex keeps at most. */
const RECENT_TOPICS = 4096;

interface Node<T> {
  children: Map<string, Node<T>>;
  /** Values whose filter ends exactly here. */
  values: Set<T>;
  /** Values whose filter ends with `#` below this node. */
  hashValues: Set<T>;
}

function newNode<T>(): Node<T> {
  return { children: new Map(), values: new Set(), hashValues: new Set() };
}

/** Filters → values (e.g. hat scripts), matched against topics level by level. */
export class FilterIndex<T> {
  private readonly root: Node<T> = newNode();
  private count = 0;
  /**
   * Answers for recently seen topics. A class sends the same few topics over and over, and walking
   * the tree costs mostly the split of the topic into levels. Bounded: cleared when it fills up.
   */
  private readonly recent = new Map<string, ReadonlySet<T>>();

  get size(): number {
    return this.count;
  }

  add(filter: string, value: T): void {
    this.recent.clear();
    let node = this.root;
    const levels = filter.split('/');
    for (let i = 0; i < levels.length; i++) {
      const level = levels[i];
      if (level === '#' && i === levels.length - 1) {
        if (!node.hashValues.has(value)) this.count++;
        node.hashValues.add(value);
        return;
      }
      let child = node.children.get(level);
      if (!child) {
        child = newNode();
        node.children.set(level, child);
      }
      node = child;
    }
    if (!node.values.has(value)) this.count++;
    node.values.add(value);
  }

  clear(): void {
    this.recent.clear();
    this.root.children.clear();
    this.root.values.clear();
    this.root.hashValues.clear();
    this.count = 0;
  }

  /** Every value whose filter matches `topic`, each once. The set is shared: do not modify it. */
  match(topic: string): ReadonlySet<T> {
    const cached = this.recent.get(topic);
    if (cached) return cached;
    const found = new Set<T>();
    if (this.count > 0) this.collect(this.root, topic.split('/'), 0, topic.startsWith('$'), found);
    if (this.recent.size >= RECENT_TOPICS) this.recent.clear();
    this.recent.set(topic, found);
    return found;
  }

  private collect(node: Node<T>, levels: string[], depth: number, dollarTopic: boolean, found: Set<T>): void {
    // §4.7.2: no wildcard at the first level matches a `$` topic.
    const wildcardsAllowed = depth > 0 || !dollarTopic;
    // `#` at this point matches the remaining levels, including none ("a/#" matches "a").
    // (Size checks first: iterating an empty Set still costs an iterator per node on a hot path.)
    if (wildcardsAllowed && node.hashValues.size > 0) for (const value of node.hashValues) found.add(value);
    if (depth === levels.length) {
      if (node.values.size > 0) for (const value of node.values) found.add(value);
      return;
    }
    if (node.children.size === 0) return;
    const exact = node.children.get(levels[depth]);
    if (exact) this.collect(exact, levels, depth + 1, dollarTopic, found);
    const plus = wildcardsAllowed ? node.children.get('+') : undefined;
    if (plus) this.collect(plus, levels, depth + 1, dollarTopic, found);
  }
}
