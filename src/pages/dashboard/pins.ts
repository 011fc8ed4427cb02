/** Topics the teacher pinned to the top of the dashboard, remembered in this browser. */
import { loadList, saveList } from './saved-list';

const STORAGE_KEY = 'mqtt-blocks.dashboard.pins';
export const MAX_PINS = 200;

export class PinStore {
  private readonly pins: Set<string>;

  constructor(private readonly storageKey = STORAGE_KEY) {
    this.pins = new Set(loadList(storageKey, (raw) => (typeof raw === 'string' && raw !== '' ? raw : null), MAX_PINS));
  }

  has(topic: string): boolean {
    return this.pins.has(topic);
  }

  /** Pins or unpins; returns whether the topic is pinned now (false when the limit is reached). */
  toggle(topic: string): boolean {
    if (this.pins.has(topic)) this.pins.delete(topic);
    else if (this.pins.size < MAX_PINS) this.pins.add(topic);
    saveList(this.storageKey, [...this.pins]);
    return this.pins.has(topic);
  }
}
