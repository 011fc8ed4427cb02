/**
 * The simulated board's pins: an LED for every pin the program drives (Pin.OUT) and a push button
 * for every pin it reads (Pin.IN), wired as on a board (a pulled-up pin reads 0 while pressed).
 * Redrawn only when a pin changes, from the levels in shared memory.
 */
import { translate, type Locale } from '../../../i18n/translate';
import { PinMode } from './shared-memory';
import type { PinState } from './simulator-host';
import { SIMULATOR_TEXT } from './simulator-text';

export class PinPanel {
  private shown = '';
  private state: PinState | null = null;
  private readonly pressed = new Set<number>();
  /** The LED or button of each pin in use, by `pin:kind`. */
  private nodes = new Map<string, HTMLElement>();

  constructor(
    private readonly root: HTMLElement,
    private locale: Locale,
    private readonly press: (pin: number, pressed: boolean) => void,
  ) {
    root.setAttribute('role', 'group');
    this.render();
  }

  show(state: PinState): void {
    const signature = state.modes.map((mode, pin) => (mode === PinMode.unused ? '' : `${pin}:${mode}:${state.levels[pin]}`)).join(',');
    if (signature === this.shown) return;
    this.shown = signature;
    this.state = state;
    this.render();
  }

  /** A new run starts with no pins in use. */
  reset(): void {
    this.pressed.clear();
    this.nodes.clear();
    this.shown = '';
    this.state = null;
    this.render();
  }

  setLocale(locale: Locale): void {
    this.locale = locale;
    this.render();
  }

  private render(): void {
    this.root.setAttribute('aria-label', translate(SIMULATOR_TEXT.pinsLabel, this.locale));
    const state = this.state;
    const nodes: HTMLElement[] = [];
    const kept = new Map<string, HTMLElement>();
    state?.modes.forEach((mode, pin) => {
      if (mode === PinMode.unused) return;
      const key = `${pin}:${mode === PinMode.output ? 'led' : 'button'}`;
      // A held button keeps its element (a new one under the pointer would lose the press).
      const node = this.nodes.get(key) ?? (mode === PinMode.output ? this.led(pin) : this.button(pin));
      if (mode === PinMode.output) this.showLed(node, pin, state.levels[pin] === 1);
      else node.textContent = translate(SIMULATOR_TEXT.button, this.locale, { pin });
      kept.set(key, node);
      nodes.push(node);
    });
    this.nodes = kept;
    if (nodes.length === 0) {
      const empty = document.createElement('p');
      empty.className = 'simulator-pins-empty';
      empty.textContent = translate(SIMULATOR_TEXT.pinsEmpty, this.locale);
      nodes.push(empty);
    }
    const current = Array.from(this.root.children);
    if (current.length !== nodes.length || current.some((node, i) => node !== nodes[i])) this.root.replaceChildren(...nodes);
  }

  private showLed(led: HTMLElement, pin: number, lit: boolean): void {
    led.classList.toggle('is-on', lit);
    const state = translate(lit ? SIMULATOR_TEXT.on : SIMULATOR_TEXT.off, this.locale);
    led.setAttribute('aria-label', translate(SIMULATOR_TEXT.led, this.locale, { pin, state }));
  }

  private led(pin: number): HTMLElement {
    const led = document.createElement('span');
    led.className = 'simulator-led';
    led.setAttribute('role', 'img');
    led.textContent = `GPIO ${pin}`;
    return led;
  }

  private button(pin: number): HTMLElement {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'button simulator-pin-button';
    const set = (down: boolean): void => {
      if (down === this.pressed.has(pin)) return;
      if (down) this.pressed.add(pin);
      else this.pressed.delete(pin);
      button.classList.toggle('is-pressed', down);
      this.press(pin, down);
    };
    button.addEventListener('pointerdown', () => set(true));
    for (const end of ['pointerup', 'pointerleave', 'pointercancel']) button.addEventListener(end, () => set(false));
    button.addEventListener('keydown', (event) => {
      if (event.key === ' ' || event.key === 'Enter') set(true);
    });
    button.addEventListener('keyup', () => set(false));
    return button;
  }
}
