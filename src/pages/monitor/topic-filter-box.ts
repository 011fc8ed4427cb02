/**
 * What the monitor's filter box means: an MQTT filter when it has a wildcard (`home/+/lamp`,
 * `sensors/#`), otherwise any topic containing the typed text, ignoring case (pupils type `lamp`).
 */
import { topicFilterProblem, topicMatchesFilter } from '../../session/topic-filter';

export function topicPredicate(typed: string): (topic: string) => boolean {
  const filter = typed.trim();
  if (filter === '') return () => true;
  if (/[+#]/.test(filter) && topicFilterProblem(filter) === null) {
    return (topic) => topicMatchesFilter(filter, topic);
  }
  const needle = filter.toLowerCase();
  return (topic) => topic.toLowerCase().includes(needle);
}
