/**
 * The dashboard's topics on screen: one section per group, pinned topics in their own section on
 * top, a search box that hides what does not match. Chart cards off screen are not drawn until
 * they scroll into view, so sixty busy charts cost only the ones the teacher can see.
 */
import type { Locale } from '../../i18n/locales';
import { downloadText } from '../common/browser-file';
import { topicPredicate } from '../monitor/topic-filter-box';
import { csvFileName, topicsToCsv, type ExportedTopic } from './csv';
import type { DashboardModel, TopicState } from './dashboard-model';
import { GroupSection } from './group-section';
import type { PinStore } from './pins';
import { compareTopics, GROUP_BY_PARENT, groupOf } from './topic-groups';
import { ChartCard, TextRow, type ItemActions, type ItemContext, type TopicItem } from './topic-items';

/**
 * A chart is redrawn at most this often: a line moving five times a second looks live, and it
 * leaves the frame time for the big numbers, which change on every message.
 */
export const MIN_REDRAW_MS = 200;
/** Chart drawing per animation frame stops after this much time; the rest waits for the next frame. */
export const FRAME_BUDGET_MS = 8;

export interface ViewElements {
  /** Where the pinned section and the groups go. */
  groups: HTMLElement;
  /** "No messages yet". */
  empty: HTMLElement;
  /** "Nothing matches the search". */
  nothingMatches: HTMLElement;
}

export class DashboardView {
  private readonly items = new Map<string, TopicItem>();
  private readonly sections = new Map<string, GroupSection>();
  private readonly pinnedSection: GroupSection;
  private readonly actions: ItemActions;
  private readonly observer: IntersectionObserver | null;
  /** Charts to redraw, oldest request first; a chart drawn leaves it and rejoins at the end. */
  private readonly chartQueue = new Set<ChartCard>();
  private depth = GROUP_BY_PARENT;
  private matches: (topic: string) => boolean = () => true;
  private locale: Locale;

  constructor(
    private readonly elements: ViewElements,
    private readonly model: DashboardModel,
    private readonly pins: PinStore,
    locale: Locale,
    /** Asks for an animation frame: charts scrolled into view need drawing. */
    onChartsWaiting: () => void,
  ) {
    this.locale = locale;
    this.actions = {
      togglePin: (topic) => this.togglePin(topic),
      exportCsv: (topic) => this.exportTopics([topic], topic),
    };
    this.pinnedSection = new GroupSection(null, (section) => this.exportTopics(section.topics(), 'pinned'));
    this.pinnedSection.setLocale(locale);
    this.elements.groups.append(this.pinnedSection.element);
    this.observer =
      typeof IntersectionObserver === 'function'
        ? new IntersectionObserver((entries) => {
            this.onVisibility(entries);
            onChartsWaiting();
          }, { rootMargin: '200px' })
        : null;
    this.refreshVisibility();
  }

  /** Draws the topics that changed since the last frame. */
  drawTopics(topics: ReadonlySet<string>): void {
    const context = this.context();
    let structureChanged = false;
    for (const topic of topics) {
      const state = this.model.topics.get(topic);
      if (state === undefined) continue;
      let item = this.items.get(topic);
      // A text topic that starts carrying numbers becomes a chart.
      if (item !== undefined && item.kind === 'text' && state.history !== null) {
        this.removeItem(item);
        item = undefined;
      }
      const isNew = item === undefined;
      if (item === undefined) {
        item = this.createItem(state);
        structureChanged = true;
      }
      if (item instanceof ChartCard) {
        // Texts and chart are refreshed together by drawCharts, at most every MIN_REDRAW_MS.
        if (isNew) item.update(state, context);
        item.stale = true;
        this.chartQueue.add(item);
      } else {
        item.update(state, context);
      }
    }
    if (structureChanged) this.refreshVisibility();
  }

  /**
   * Redraws waiting charts that are on screen, each at most every MIN_REDRAW_MS, within
   * FRAME_BUDGET_MS. Returns whether some are still waiting (ask for another frame).
   */
  drawCharts(now: number = performance.now()): boolean {
    const context = this.context();
    for (const card of this.chartQueue) {
      // Off screen: stays stale and rejoins the queue when it scrolls into view.
      if (!card.visible || !card.stale) {
        this.chartQueue.delete(card);
        continue;
      }
      if (now - card.lastDrawn < MIN_REDRAW_MS) continue;
      const state = this.model.topics.get(card.topic);
      if (state?.history) {
        card.update(state, context);
        card.drawChart(state.history);
      }
      this.chartQueue.delete(card);
      if (performance.now() - now > FRAME_BUDGET_MS) break;
    }
    return this.chartQueue.size > 0;
  }

  /** Once a second: rates fall when messages stop. */
  tick(): void {
    const context = this.context();
    for (const [topic, item] of this.items) {
      const state = this.model.topics.get(topic);
      if (state === undefined || item.element.hidden) continue;
      // Charts off screen are not drawn, but their texts (and accessible names) stay current.
      if (item instanceof ChartCard && !item.visible && item.stale) item.update(state, context);
      else item.tick(state, context);
    }
  }

  setSearch(text: string): void {
    this.matches = topicPredicate(text);
    this.refreshVisibility();
  }

  /** Regroups every topic by `depth` leading levels (GROUP_BY_PARENT: all but the last). */
  setDepth(depth: number): void {
    if (depth === this.depth) return;
    this.depth = depth;
    for (const section of this.sections.values()) section.element.remove();
    this.sections.clear();
    for (const item of this.items.values()) this.place(item);
    this.refreshVisibility();
  }

  setLocale(locale: Locale): void {
    this.locale = locale;
    this.pinnedSection.setLocale(locale);
    for (const section of this.sections.values()) section.setLocale(locale);
    const context = this.context();
    for (const [topic, item] of this.items) {
      item.setPinned(this.pins.has(topic), locale);
      const state = this.model.topics.get(topic);
      if (state !== undefined) item.update(state, context);
    }
  }

  private context(): ItemContext {
    return { locale: this.locale, now: this.model.serverNow() };
  }

  private createItem(state: TopicState): TopicItem {
    const item: TopicItem = state.history !== null ? new ChartCard(state.topic, this.actions) : new TextRow(state.topic, this.actions);
    item.setPinned(this.pins.has(state.topic), this.locale);
    this.items.set(state.topic, item);
    this.place(item);
    if (item instanceof ChartCard) this.observer?.observe(item.element);
    // Without IntersectionObserver every chart is treated as on screen.
    if (this.observer === null) item.visible = true;
    return item;
  }

  private removeItem(item: TopicItem): void {
    this.observer?.unobserve(item.element);
    if (item instanceof ChartCard) this.chartQueue.delete(item);
    this.sectionOf(item.topic).remove(item.topic);
    this.items.delete(item.topic);
    item.destroy();
  }

  private sectionOf(topic: string): GroupSection {
    if (this.pins.has(topic)) return this.pinnedSection;
    const key = groupOf(topic, this.depth);
    let section = this.sections.get(key);
    if (section === undefined) {
      section = new GroupSection(key, (chosen) => this.exportTopics(chosen.topics(), chosen.key === '' ? 'mqtt' : (chosen.key as string)));
      section.setLocale(this.locale);
      this.sections.set(key, section);
      // Groups in topic order, after the pinned section.
      const after = [...this.sections.values()]
        .filter((other) => other !== section && compareTopics(other.key as string, key) > 0)
        .sort((a, b) => compareTopics(a.key as string, b.key as string))[0];
      this.elements.groups.insertBefore(section.element, after?.element ?? null);
    }
    return section;
  }

  private place(item: TopicItem): void {
    this.sectionOf(item.topic).add(item);
  }

  private togglePin(topic: string): void {
    const item = this.items.get(topic);
    const wasPinned = this.pins.has(topic);
    if (item !== undefined) this.sectionOf(topic).remove(topic);
    const pinned = this.pins.toggle(topic);
    if (item === undefined) return;
    if (!wasPinned && !pinned) {
      // Limit reached: back where it was.
      this.place(item);
      return;
    }
    this.place(item);
    item.setPinned(pinned, this.locale);
    this.dropEmptySections();
    this.refreshVisibility();
    const state = this.model.topics.get(topic);
    if (state !== undefined) item.update(state, this.context());
  }

  private dropEmptySections(): void {
    for (const [key, section] of this.sections) {
      if (section.size > 0) continue;
      section.element.remove();
      this.sections.delete(key);
    }
  }

  private refreshVisibility(): void {
    let shown = 0;
    for (const section of [this.pinnedSection, ...this.sections.values()]) {
      const count = section.filter(this.matches);
      section.showCount(count);
      shown += count;
    }
    this.elements.empty.hidden = this.items.size > 0;
    this.elements.nothingMatches.hidden = this.items.size === 0 || shown > 0;
  }

  private onVisibility(entries: IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      const topic = (entry.target as HTMLElement).dataset.topic ?? '';
      const item = this.items.get(topic);
      if (!(item instanceof ChartCard)) continue;
      item.visible = entry.isIntersecting;
      if (item.visible && item.stale) this.chartQueue.add(item);
    }
  }

  private exportTopics(topics: string[], name: string): void {
    const exported: ExportedTopic[] = [];
    for (const topic of [...topics].sort(compareTopics)) {
      const history = this.model.topics.get(topic)?.history;
      if (history) exported.push({ topic, history });
    }
    if (exported.length === 0) return;
    downloadText(csvFileName(name), topicsToCsv(exported), 'text/csv;charset=utf-8');
  }
}
