/**
 * How the dashboard groups topics: by their levels, the way classrooms name them
 * (`class3/group2/temperature`: the group is `class3/group2`). The teacher picks how many leading
 * levels make a group; a topic with fewer levels than that is grouped by all but its last level.
 */

/** "All levels but the last": each device's readings sit together. */
export const GROUP_BY_PARENT = 0;

/** The group a topic belongs to; '' for one-level topics (shown as "Other topics"). */
export function groupOf(topic: string, depth: number = GROUP_BY_PARENT): string {
  const levels = topic.split('/');
  const parentLevels = levels.length - 1;
  const take = depth === GROUP_BY_PARENT ? parentLevels : Math.min(depth, parentLevels);
  return levels.slice(0, take).join('/');
}

/** Whether `topic` is inside `group` (`class3/group2` holds `class3/group2/lamp` and `class3/group2/a/b`). */
export function isInGroup(topic: string, group: string): boolean {
  if (group === '') return !topic.includes('/');
  return topic.startsWith(`${group}/`);
}

/**
 * Sort order of groups and topics: level by level, numbers inside names compared as numbers
 * (`group2` before `group10`), and Chinese sorted by the Chinese collation.
 */
const collator = new Intl.Collator(['zh-CN', 'en'], { numeric: true, sensitivity: 'base' });

export function compareTopics(a: string, b: string): number {
  const left = a.split('/');
  const right = b.split('/');
  for (let i = 0; i < Math.min(left.length, right.length); i += 1) {
    const order = collator.compare(left[i], right[i]);
    if (order !== 0) return order;
  }
  return left.length - right.length;
}
