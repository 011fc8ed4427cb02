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
    state?.modes.forEach((mode, pin) => {
      if (mode === PinMode.output) nodes.push(this.led(pin, state.levels[pin] === 1));
      else if (mode !== PinMode.unused) nodes.push(this.button(pin));
    });
    if (nodes.length === 0) {
      const empty = document.createElement('p');
      empty.className = 'simulator-pins-empty';
      empty.textContent = translate(SIMULATOR_TEXT.pinsEmpty, this.locale);
      nodes.push(empty);
    }
    this.root.replaceChildren(...nodes);
  }

  private led(pin: number, lit: boolean): HTMLElement {
    const led = document.createElement('span');
    led.className = `simulator-led${lit ? ' is-on' : ''}`;
    led.setAttribute('role', 'img');
    const state = translate(lit ? SIMULATOR_TEXT.on : SIMULATOR_TEXT.off, this.locale);
    led.setAttribute('aria-label', translate(SIMULATOR_TEXT.led, this.locale, { pin, state }));
    led.textContent = `GPIO ${pin}`;
    return led;
  }

  private button(pin: number): HTMLElement {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = `button simulator-pin-button${this.pressed.has(pin) ? ' is-pressed' : ''}`;
    button.textContent = translate(SIMULATOR_TEXT.button, this.locale, { pin });
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
