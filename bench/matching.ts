/**
 * Topic matching cost per message with 10, 100 and 1,000 hat filters: our level tree
 * (FilterIndex) next to the naive matcher peers use (one regular expression per hat, all tested).
 *
 *   npx tsx bench/matching.ts
 */
import { FilterIndex } from '../src/session/topic-filter';

const SIZES = [10, 100, 1000];
const MESSAGES = 200000;

/** A classroom-like mix: per-pupil exact topics, per-pupil wildcards and a few broad ones. */
function filtersFor(count: number): string[] {
  const filters: string[] = [];
  for (let i = 0; filters.length < count; i++) {
    const pupil = `pupil${i}`;
    filters.push(`class/${pupil}/sensor/temp`);
    if (filters.length < count) filters.push(`class/${pupil}/+/light`);
    if (filters.length < count && i % 10 === 0) filters.push(`class/${pupil}/#`);
  }
  return filters.slice(0, count);
}

function topicsFor(count: number): string[] {
  const topics: string[] = [];
  for (let i = 0; i < 1000; i++) {
    const pupil = `pupil${i % Math.max(1, count / 2)}`;
    const topic = i % 3 === 0 ? `class/${pupil}/sensor/temp` : i % 3 === 1 ? `class/${pupil}/desk/light` : `class/${pupil}/other/thing`;
    topics.push(Buffer.from(topic).toString());
  }
  return topics;
}

/** What peers do: turn every filter into a RegExp and test each one per message. */
function naiveRegex(filter: string): RegExp {
  const pattern = filter
    .split('/')
    .map((level) => (level === '+' ? '[^/]*' : level === '#' ? '.*' : level.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/')
    .replace(/\/\.\*$/, '(/.*)?');
  return new RegExp(`^${pattern}$`);
}

function measure(run: () => number): number {
  const start = process.hrtime.bigint();
  const checksum = run();
  const elapsed = Number(process.hrtime.bigint() - start);
  if (checksum < 0) console.log(checksum); // keeps the work observable
  return elapsed / MESSAGES;
}

export function runMatchingBenchmark(): void {
  console.log(`topic matching (${MESSAGES} messages per size, ns per message)`);
  const rows: Array<{ size: number; tree: number; treeUncached: number; naive: number }> = [];
  for (const size of SIZES) {
    const filters = filtersFor(size);
    const topics = topicsFor(size);
    const index = new FilterIndex<number>();
    filters.forEach((filter, i) => index.add(filter, i));
    const regexes = filters.map(naiveRegex);
    // Same answers first: a fast wrong matcher would be worthless.
    for (const topic of topics) {
      const fromTree = Array.from(index.match(topic)).sort((a, b) => a - b).join(',');
      const fromNaive = regexes.flatMap((regex, i) => (regex.test(topic) ? [i] : [])).join(',');
      if (fromTree !== fromNaive) throw new Error(`matchers disagree on ${topic}: ${fromTree} vs ${fromNaive}`);
    }
    measure(() => topics.length); // warm-up of the timer path
    const tree = measure(() => {
      let hits = 0;
      for (let i = 0; i < MESSAGES; i++) hits += index.match(topics[i % topics.length]).size;
      return hits;
    });
    // Every topic new (a sensor id in the topic): no answer can come from the recent-topics cache.
    // Decoded from bytes, as mqtt.js hands topics over (flat strings, not concatenations).
    const uniqueTopics = Array.from({ length: MESSAGES }, (_, i) => Buffer.from(`class/pupil${i % size}/desk${i}/light`).toString());
    const treeUncached = measure(() => {
      let hits = 0;
      for (let i = 0; i < MESSAGES; i++) hits += index.match(uniqueTopics[i]).size;
      return hits;
    });
    const naive = measure(() => {
      let hits = 0;
      for (let i = 0; i < MESSAGES; i++) {
        const topic = topics[i % topics.length];
        for (const regex of regexes) if (regex.test(topic)) hits++;
      }
      return hits;
    });
    rows.push({ size, tree, treeUncached, naive });
    console.log(
      `  ${String(size).padStart(5)} hats: ours ${tree.toFixed(0).padStart(5)} ns (every topic new: ${treeUncached.toFixed(0).padStart(5)} ns), ` +
        `one regex per hat ${naive.toFixed(0).padStart(6)} ns, ratio ours/naive ${(tree / naive).toFixed(3)} (new topics ${(treeUncached / naive).toFixed(3)})`,
    );
  }
  const first = rows[0];
  const last = rows[rows.length - 1];
  console.log(
    `  growth from ${first.size} to ${last.size} hats: ours x${(last.tree / first.tree).toFixed(2)} (new topics x${(last.treeUncached / first.treeUncached).toFixed(2)}), naive x${(last.naive / first.naive).toFixed(2)}`,
  );
}

if (require.main === module) runMatchingBenchmark();
