/**
 * One group of topics on the dashboard (`class3/group2`, or the pinned ones): a heading with a
 * CSV export of the whole group, the group's charts in a grid and its text topics as a list.
 * Items are kept in topic order (`sensor2` before `sensor10`) as they arrive.
 */
import type { Locale } from '../../i18n/locales';
import { say } from './dashboard-text';
import { button, element, setText } from './dom';
import { compareTopics } from './topic-groups';
import type { TopicItem } from './topic-items';

export class GroupSection {
  readonly element: HTMLElement;
  private readonly title: HTMLElement;
  private readonly count: HTMLElement;
  private readonly csv: HTMLButtonElement;
  private readonly charts: HTMLElement;
  private readonly texts: HTMLElement;
  private readonly members = new Map<string, TopicItem>();

  constructor(
    /** The group's topic prefix, '' for one-level topics; null for the pinned section. */
    readonly key: string | null,
    exportCsv: (section: GroupSection) => void,
  ) {
    this.element = element('section', key === null ? 'group group-pinned' : 'group');
    if (key !== null) this.element.dataset.group = key;
    const head = element('header', 'group-head');
    this.title = element('h2', 'group-title');
    this.count = element('span', 'group-count');
    this.csv = button('button csv-group', 'CSV', () => exportCsv(this));
    head.append(this.title, this.count, this.csv);
    this.charts = element('div', 'chart-grid');
    this.texts = element('ul', 'text-list');
    this.element.append(head, this.charts, this.texts);
  }

  get size(): number {
    return this.members.size;
  }

  topics(): string[] {
    return [...this.members.keys()];
  }

  add(item: TopicItem): void {
    this.members.set(item.topic, item);
    const list = item.kind === 'chart' ? this.charts : this.texts;
    const before = Array.from(list.children).find((child) => compareTopics((child as HTMLElement).dataset.topic ?? '', item.topic) > 0);
    list.insertBefore(item.element, before ?? null);
  }

  remove(topic: string): void {
    const item = this.members.get(topic);
    if (item === undefined) return;
    this.members.delete(topic);
    if (item.element.parentElement === this.charts || item.element.parentElement === this.texts) item.element.remove();
  }

  /** Hides members that do not match; hides the whole group when none does. Returns how many show. */
  filter(matches: (topic: string) => boolean): number {
    let shown = 0;
    for (const item of this.members.values()) {
      const show = matches(item.topic);
      if (item.element.hidden === show) item.element.hidden = !show;
      if (show) shown += 1;
    }
    this.element.hidden = shown === 0;
    this.count.dataset.shown = String(shown);
    return shown;
  }

  setLocale(locale: Locale): void {
    const label = this.key === null ? say('pinned', locale) : this.key === '' ? say('otherTopics', locale) : this.key.split('/').join(' / ');
    setText(this.title, label);
    setText(this.csv, say('exportGroupCsv', locale));
  }

  showCount(shown: number): void {
    setText(this.count, shown === this.members.size ? String(shown) : `${shown} / ${this.members.size}`);
  }
}
