/**
 * What the dashboard shows for one topic: a card with a live chart for topics that carry numbers,
 * a one-line row for text topics. Both show the last message, who sent it and the message rate,
 * and have a pin button.
 */
import uPlot from 'uplot';
import type { Locale } from '../../i18n/locales';
import type { TopicState } from './dashboard-model';
import { senderText } from '../common/sender-text';
import { say } from './dashboard-text';
import { button, element, setAttribute, setText } from './dom';
import { clockTime, formatRate, formatValue } from './format';
import type { TopicHistory } from './topic-history';

/** Distinct colours for the fields of one chart, readable on white and for most colour-blind eyes. */
const COLOURS = ['#1c7ed6', '#e8590c', '#2f9e44', '#ae3ec9', '#f08c00', '#0c8599', '#c2255c', '#5c940d'];

const CHART_WIDTH = 300;
const CHART_HEIGHT = 120;
const MIN_WINDOW_SECONDS = 60;

export interface ItemContext {
  locale: Locale;
  /** Now, on the server's clock (see DashboardModel.serverNow). */
  now: number;
}

export interface ItemActions {
  togglePin(topic: string): void;
  exportCsv(topic: string): void;
}


function rateText(state: TopicState, context: ItemContext): string {
  return say('rate', context.locale, { rate: formatRate(state.rate.perSecond(context.now)) });
}

function pinButton(topic: string, actions: ItemActions): HTMLButtonElement {
  // A star from the fonts every classroom computer has (emoji fonts are often missing on Linux).
  const pin = button('pin-button', '☆', () => actions.togglePin(topic));
  pin.setAttribute('aria-pressed', 'false');
  return pin;
}

function showPinned(pin: HTMLButtonElement, pinned: boolean, locale: Locale): void {
  setAttribute(pin, 'aria-pressed', String(pinned));
  setText(pin, pinned ? '★' : '☆');
  const label = say(pinned ? 'unpin' : 'pin', locale);
  setAttribute(pin, 'aria-label', label);
  setAttribute(pin, 'title', label);
}

export interface TopicItem {
  readonly topic: string;
  readonly element: HTMLElement;
  readonly kind: 'chart' | 'text';
  /** Whether it is on screen; charts off screen skip drawing until they scroll into view. */
  visible: boolean;
  update(state: TopicState, context: ItemContext): void;
  /** Texts that change each second even without messages (rate). */
  tick(state: TopicState, context: ItemContext): void;
  setPinned(pinned: boolean, locale: Locale): void;
  destroy(): void;
}

export class ChartCard implements TopicItem {
  readonly kind = 'chart';
  readonly element: HTMLElement;
  visible = false;
  private readonly values: HTMLElement;
  private readonly rate: HTMLElement;
  private readonly sender: HTMLElement;
  private readonly time: HTMLElement;
  private readonly plotBox: HTMLElement;
  private readonly pin: HTMLButtonElement;
  private readonly csv: HTMLButtonElement;
  private readonly note: HTMLElement;
  private plot: uPlot | null = null;
  private drawnFields = 0;
  /** The chart does not show the latest data yet (drawn by the view's frame budget, see drawChart). */
  stale = true;
  /** performance.now() of the last chart drawing. */
  lastDrawn = Number.NEGATIVE_INFINITY;

  constructor(
    readonly topic: string,
    actions: ItemActions,
  ) {
    this.element = element('article', 'chart-card');
    this.element.dataset.topic = topic;
    const head = element('header', 'card-head');
    const title = element('h3', 'card-topic', topic);
    this.pin = pinButton(topic, actions);
    this.csv = button('csv-button', 'CSV', () => actions.exportCsv(topic));
    head.append(title, this.pin, this.csv);
    this.values = element('div', 'card-values');
    const meta = element('div', 'card-meta');
    this.rate = element('span', 'card-rate');
    this.sender = element('span', 'card-sender');
    this.time = element('time', 'card-time');
    meta.append(this.rate, this.sender, this.time);
    this.note = element('p', 'card-note');
    this.note.hidden = true;
    this.plotBox = element('div', 'card-chart');
    this.plotBox.setAttribute('role', 'img');
    this.element.append(head, this.values, meta, this.note, this.plotBox);
  }

  update(state: TopicState, context: ItemContext): void {
    const history = state.history;
    if (history === null) return;
    const { locale } = context;
    this.showValues(history);
    this.tick(state, context);
    setText(this.sender, senderText(state.lastSender, locale));
    setText(this.time, clockTime(state.lastTime));
    // A text message on a charted topic ("offline"): show it, the chart keeps the numbers.
    const latest = history.latest();
    this.note.hidden = state.lastWasReading;
    if (!state.lastWasReading) setText(this.note, state.lastPayload);
    const summary = latest.map(([field, value]) => (field === 'value' && latest.length === 1 ? formatValue(value) : `${field} ${formatValue(value)}`)).join(', ');
    setAttribute(this.plotBox, 'aria-label', `${say('chartOf', locale)} ${this.topic}: ${say('lastValue', locale)} ${summary}`);
    this.stale = true;
  }

  tick(state: TopicState, context: ItemContext): void {
    setText(this.rate, rateText(state, context));
  }

  setPinned(pinned: boolean, locale: Locale): void {
    showPinned(this.pin, pinned, locale);
    setAttribute(this.csv, 'title', say('exportCsv', locale));
  }

  destroy(): void {
    this.plot?.destroy();
    this.plot = null;
    this.element.remove();
  }

  private showValues(history: TopicHistory): void {
    const latest = history.latest();
    while (this.values.childElementCount < latest.length) {
      const index = this.values.childElementCount;
      const chip = element('span', 'card-value');
      const swatch = element('span', 'card-swatch');
      swatch.style.background = COLOURS[index % COLOURS.length];
      chip.append(swatch, element('span', 'card-field'), element('strong', 'card-number'));
      this.values.append(chip);
    }
    latest.forEach(([field, value], index) => {
      const chip = this.values.children[index] as HTMLElement;
      const single = latest.length === 1 && field === 'value';
      chip.classList.toggle('is-single', single);
      setText(chip.children[1], single ? '' : field);
      setText(chip.children[2], formatValue(value));
    });
  }

  /** Redraws the chart from the history (uPlot reads the columns as they are, no copy). */
  drawChart(history: TopicHistory): void {
    this.stale = false;
    this.lastDrawn = performance.now();
    // How many points the chart draws, for tests and tools that read the page (not the pixels).
    this.plotBox.dataset.points = String(history.length);
    const data = [history.times, ...history.columns] as uPlot.AlignedData;
    if (this.plot === null) {
      this.plot = new uPlot(this.options(history), data, this.plotBox);
      this.drawnFields = history.fields.length;
      this.fixSinglePoint(history);
      return;
    }
    // Fields that appeared since the chart was made get their own line.
    while (this.drawnFields < history.fields.length) {
      this.plot.addSeries(seriesFor(history.fields[this.drawnFields], this.drawnFields));
      this.drawnFields += 1;
    }
    this.plot.setData(data);
    this.fixSinglePoint(history);
  }

  /** uPlot widens a lone point's time axis to years (without asking the range function): show the last minute. */
  private fixSinglePoint(history: TopicHistory): void {
    const time = history.times[0];
    if (this.plot === null || history.length !== 1 || time === undefined) return;
    this.plot.setScale('x', { min: time - MIN_WINDOW_SECONDS, max: time });
  }

  private options(history: TopicHistory): uPlot.Options {
    return {
      width: CHART_WIDTH,
      height: CHART_HEIGHT,
      legend: { show: false },
      cursor: { drag: { x: false, y: false, setScale: false } },
      // At least the last minute, so a new topic's first points do not stretch across years of axis.
      // From the data rather than uPlot's guess, which spans years around a single point.
      scales: { x: { time: true, range: (plot, min, max) => timeRange(plot.data[0], min, max) } },
      axes: [
        { size: 32, font: '10px system-ui, sans-serif', grid: { stroke: '#eef2f7' }, ticks: { show: false } },
        { size: 44, font: '11px system-ui, sans-serif', grid: { stroke: '#eef2f7' }, ticks: { show: false } },
      ],
      series: [{}, ...history.fields.map((field, index) => seriesFor(field, index))],
    };
  }
}

function seriesFor(field: string, index: number): uPlot.Series {
  // uPlot's default points: dots only while the line is sparse, so a topic's first readings show.
  return { label: field, stroke: COLOURS[index % COLOURS.length], width: 1.5, spanGaps: true };
}

function timeRange(times: ArrayLike<number> | undefined, min: number, max: number): uPlot.Range.MinMax {
  if (times === undefined || times.length === 0) return [min, max];
  const first = times[0];
  const last = times[times.length - 1];
  return [Math.min(first, last - MIN_WINDOW_SECONDS), last];
}

export class TextRow implements TopicItem {
  readonly kind = 'text';
  readonly element: HTMLElement;
  visible = true;
  private readonly payload: HTMLElement;
  private readonly rate: HTMLElement;
  private readonly sender: HTMLElement;
  private readonly time: HTMLElement;
  private readonly pin: HTMLButtonElement;

  constructor(
    readonly topic: string,
    actions: ItemActions,
  ) {
    this.element = element('li', 'text-row');
    this.element.dataset.topic = topic;
    const title = element('span', 'text-topic', topic);
    this.payload = element('span', 'text-payload');
    this.sender = element('span', 'text-sender');
    this.time = element('time', 'text-time');
    this.rate = element('span', 'text-rate');
    this.pin = pinButton(topic, actions);
    this.element.append(title, this.payload, this.sender, this.time, this.rate, this.pin);
  }

  update(state: TopicState, context: ItemContext): void {
    setText(this.payload, state.lastTruncated ? `${state.lastPayload}…` : state.lastPayload);
    setText(this.sender, senderText(state.lastSender, context.locale));
    setText(this.time, clockTime(state.lastTime));
    this.tick(state, context);
  }

  tick(state: TopicState, context: ItemContext): void {
    setText(this.rate, rateText(state, context));
  }

  setPinned(pinned: boolean, locale: Locale): void {
    showPinned(this.pin, pinned, locale);
  }

  destroy(): void {
    this.element.remove();
  }
}
