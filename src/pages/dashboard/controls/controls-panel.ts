/**
 * The teacher's controls: buttons, switches, sliders and text boxes that publish to a topic, added
 * from a small form and remembered in this browser. Switches and sliders follow the topic's latest
 * message, so they show the lamp's real state even when a pupil's program changed it.
 */
import type { Locale } from '../../../i18n/locales';
import { MESSAGES } from '../../../i18n/messages';
import { translatePending, type PendingMessage } from '../../../i18n/translate';
import { DASHBOARD_TEXT, say, type DashboardTextKey } from '../dashboard-text';
import { applyTexts } from '../../common/page-text';
import { button, element, setText } from '../dom';
import { loadList, saveList } from '../saved-list';
import {
  acceptControl,
  CONTROL_DEFAULTS,
  CONTROL_KINDS,
  controlProblem,
  MAX_CONTROLS,
  sliderPayload,
  type ControlConfig,
  type ControlKind,
  type ControlProblem,
  type QoS,
} from './control-config';
import type { ControlLink } from './control-link';

const STORAGE_KEY = 'mqtt-blocks.dashboard.controls';

const KIND_TEXT: Record<ControlKind, DashboardTextKey> = {
  button: 'kindButton',
  switch: 'kindSwitch',
  slider: 'kindSlider',
  text: 'kindText',
};

interface Widget {
  config: ControlConfig;
  element: HTMLElement;
  feedback: HTMLElement;
  /** Shows the topic's latest message (switch state, slider position). */
  follow(payload: string): void;
}

function labelled(textKey: DashboardTextKey, control: HTMLElement): HTMLLabelElement {
  const label = element('label', 'form-field');
  const caption = element('span', 'form-caption');
  caption.dataset.text = textKey;
  label.append(caption, control);
  return label;
}

function input(type: string, name: string, value: string): HTMLInputElement {
  const node = element('input', 'form-input');
  node.type = type;
  node.name = name;
  node.value = value;
  return node;
}

function randomId(): string {
  const bytes = new Uint8Array(6);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export class ControlsPanel {
  private locale: Locale;
  private configs: ControlConfig[];
  private readonly widgets = new Map<string, Widget>();
  private readonly list: HTMLElement;
  private readonly empty: HTMLElement;
  private readonly status: HTMLElement;
  private readonly form: HTMLFormElement;
  private readonly formError: HTMLElement;
  private readonly addButton: HTMLButtonElement;
  private signInNeeded = false;

  constructor(
    private readonly root: HTMLElement,
    private readonly link: ControlLink,
    locale: Locale,
    /** The topic's latest message, so a new switch starts in the lamp's real state. */
    private readonly latestPayload: (topic: string) => string | undefined,
  ) {
    this.locale = locale;
    this.configs = loadList(STORAGE_KEY, acceptControl, MAX_CONTROLS);
    const heading = element('h2', 'side-title');
    heading.dataset.text = 'controls';
    const help = element('p', 'side-help');
    help.dataset.text = 'controlsHelp';
    this.status = element('p', 'controls-status');
    this.status.setAttribute('role', 'status');
    this.list = element('div', 'controls-list');
    this.empty = element('p', 'side-empty');
    this.empty.dataset.text = 'noControls';
    this.addButton = button('button', '', () => this.openForm());
    this.addButton.dataset.text = 'addControl';
    this.addButton.classList.add('controls-add');
    this.formError = element('p', 'form-error');
    this.formError.setAttribute('role', 'alert');
    this.form = this.buildForm();
    this.form.hidden = true;
    root.append(heading, help, this.status, this.list, this.empty, this.addButton, this.form);
    for (const config of this.configs) this.addWidget(config);
    this.render();
  }

  setLocale(locale: Locale): void {
    this.locale = locale;
    this.render();
  }

  /** The controls cannot publish until the teacher signs in (LAN mode). */
  setSignInNeeded(needed: boolean): void {
    this.signInNeeded = needed;
    this.renderStatus();
  }

  /** A message on some topic: controls on that topic show it. */
  follow(topic: string, payload: string): void {
    for (const widget of this.widgets.values()) {
      if (widget.config.topic === topic) widget.follow(payload);
    }
  }

  renderStatus(): void {
    let text: string;
    const error = this.link.lastError;
    if (this.link.state === 'live') text = say('controlsLive', this.locale);
    else if (this.signInNeeded) text = say('controlsSignIn', this.locale);
    else if (error !== null && (error.message === MESSAGES.refusedBadCredentials || error.message === MESSAGES.refusedNotAuthorized)) {
      text = say('controlsRefused', this.locale);
    } else if (error !== null) text = translatePending(error, this.locale);
    else if (this.link.state === 'connecting') text = say('controlsConnecting', this.locale);
    else text = say('controlsOffline', this.locale);
    setText(this.status, text);
    this.status.dataset.state = this.link.state;
  }

  private render(): void {
    applyTexts(this.root, DASHBOARD_TEXT, this.locale);
    for (const widget of this.widgets.values()) this.describe(widget);
    this.empty.hidden = this.widgets.size > 0;
    this.addButton.disabled = this.widgets.size >= MAX_CONTROLS;
    this.renderStatus();
  }

  private buildForm(): HTMLFormElement {
    const form = element('form', 'controls-form');
    form.noValidate = true;
    const kind = element('select', 'form-input');
    kind.name = 'kind';
    for (const value of CONTROL_KINDS) {
      const option = element('option', '');
      option.value = value;
      option.dataset.text = KIND_TEXT[value];
      kind.append(option);
    }
    const qos = element('select', 'form-input');
    qos.name = 'qos';
    for (const value of ['0', '1', '2']) {
      const option = element('option', '', value);
      option.value = value;
      qos.append(option);
    }
    const retain = input('checkbox', 'retain', '');
    const retainLabel = element('label', 'form-check');
    const retainCaption = element('span', '');
    retainCaption.dataset.text = 'retain';
    retainLabel.append(retain, retainCaption);

    const byKind: Record<ControlKind, HTMLElement[]> = {
      button: [labelled('controlPayload', input('text', 'payload', CONTROL_DEFAULTS.payload))],
      switch: [labelled('controlOn', input('text', 'on', CONTROL_DEFAULTS.on)), labelled('controlOff', input('text', 'off', CONTROL_DEFAULTS.off))],
      slider: [
        labelled('controlMin', input('number', 'min', String(CONTROL_DEFAULTS.min))),
        labelled('controlMax', input('number', 'max', String(CONTROL_DEFAULTS.max))),
        labelled('controlStep', input('number', 'step', String(CONTROL_DEFAULTS.step))),
      ],
      text: [],
    };
    const showKind = (): void => {
      for (const [name, fields] of Object.entries(byKind)) for (const field of fields) field.hidden = name !== kind.value;
    };
    kind.addEventListener('change', showKind);

    const actions = element('div', 'form-actions');
    const submit = element('button', 'button button-primary');
    submit.type = 'submit';
    submit.dataset.text = 'add';
    const cancel = button('button', '', () => this.closeForm());
    cancel.dataset.text = 'cancel';
    actions.append(submit, cancel);

    form.append(
      labelled('controlKind', kind),
      labelled('controlLabel', input('text', 'label', '')),
      labelled('controlTopic', input('text', 'topic', '')),
      ...byKind.button,
      ...byKind.switch,
      ...byKind.slider,
      labelled('qos', qos),
      retainLabel,
      this.formError,
      actions,
    );
    showKind();
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.submitForm();
    });
    return form;
  }

  private openForm(): void {
    this.form.hidden = false;
    this.formError.hidden = true;
    this.addButton.hidden = true;
    (this.form.elements.namedItem('topic') as HTMLInputElement).focus();
  }

  private closeForm(): void {
    this.form.hidden = true;
    this.addButton.hidden = false;
    this.addButton.focus();
  }

  private submitForm(): void {
    const field = (name: string): string => (this.form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement).value;
    const number = (name: string): number => (field(name).trim() === '' ? Number.NaN : Number(field(name)));
    const kind = field('kind') as ControlKind;
    const config: ControlConfig = {
      id: randomId(),
      kind,
      label: field('label').trim(),
      topic: field('topic'),
      qos: Number(field('qos')) as QoS,
      retain: (this.form.elements.namedItem('retain') as HTMLInputElement).checked,
      payload: field('payload'),
      on: field('on'),
      off: field('off'),
      min: number('min'),
      max: number('max'),
      step: number('step'),
    };
    const problem = controlProblem(config);
    if (problem !== null) {
      this.formError.textContent = this.problemText(problem);
      this.formError.hidden = false;
      return;
    }
    // Stored through the same check as anything read back, so what is saved always loads.
    const accepted = acceptControl(config);
    if (accepted === null) return;
    this.configs.push(accepted);
    saveList(STORAGE_KEY, this.configs);
    this.addWidget(accepted);
    this.closeForm();
    this.render();
  }

  private problemText(problem: ControlProblem): string {
    return 'topic' in problem ? translatePending(problem.topic, this.locale) : say('sliderRange', this.locale);
  }

  private removeControl(id: string): void {
    this.configs = this.configs.filter((config) => config.id !== id);
    saveList(STORAGE_KEY, this.configs);
    this.widgets.get(id)?.element.remove();
    this.widgets.delete(id);
    this.render();
  }

  private send(widget: Widget, payload: string): void {
    const { topic, qos, retain } = widget.config;
    const problem: PendingMessage | null = this.link.publish(topic, payload, qos, retain);
    widget.feedback.dataset.state = problem === null ? 'sent' : 'error';
    widget.feedback.textContent = problem === null ? say('sentTo', this.locale, { message: payload }) : translatePending(problem, this.locale);
  }

  private addWidget(config: ControlConfig): void {
    const box = element('div', 'control');
    box.dataset.kind = config.kind;
    box.dataset.topic = config.topic;
    const head = element('div', 'control-head');
    const title = element('span', 'control-label');
    const remove = button('control-remove', '×', () => this.removeControl(config.id));
    head.append(title, remove);
    const caption = element('div', 'control-caption');
    const feedback = element('div', 'control-feedback');
    feedback.setAttribute('aria-live', 'polite');
    const body = element('div', 'control-body');
    const widget: Widget = { config, element: box, feedback, follow: () => {} };
    const name = config.label !== '' ? config.label : config.topic;

    if (config.kind === 'button') {
      body.append(button('button button-primary control-button', name, () => this.send(widget, config.payload)));
    } else if (config.kind === 'switch') {
      const toggle = button('control-switch', '', () => {
        const on = toggle.getAttribute('aria-checked') !== 'true';
        show(on);
        this.send(widget, on ? config.on : config.off);
      });
      toggle.setAttribute('role', 'switch');
      toggle.setAttribute('aria-label', name);
      const show = (on: boolean): void => {
        toggle.setAttribute('aria-checked', String(on));
        toggle.textContent = on ? config.on : config.off;
      };
      show(false);
      widget.follow = (payload) => {
        if (payload === config.on) show(true);
        else if (payload === config.off) show(false);
      };
      body.append(toggle);
    } else if (config.kind === 'slider') {
      const slider = input('range', 'value', String(config.min));
      slider.min = String(config.min);
      slider.max = String(config.max);
      slider.step = String(config.step);
      slider.setAttribute('aria-label', name);
      const output = element('output', 'control-value', sliderPayload(config.min, config.step));
      slider.addEventListener('input', () => setText(output, sliderPayload(Number(slider.value), config.step)));
      // Sent when the pupil lets go, not on every pixel of the drag.
      slider.addEventListener('change', () => this.send(widget, sliderPayload(Number(slider.value), config.step)));
      widget.follow = (payload) => {
        const value = Number(payload.trim());
        if (payload.trim() === '' || !Number.isFinite(value) || document.activeElement === slider) return;
        slider.value = String(value);
        setText(output, sliderPayload(Number(slider.value), config.step));
      };
      body.append(slider, output);
    } else {
      const form = element('form', 'control-text');
      const text = input('text', 'message', '');
      text.setAttribute('aria-label', name);
      const sendButton = element('button', 'button');
      sendButton.type = 'submit';
      sendButton.dataset.text = 'send';
      form.append(text, sendButton);
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        this.send(widget, text.value);
      });
      body.append(form);
    }
    box.append(head, body, caption, feedback);
    this.widgets.set(config.id, widget);
    this.list.append(box);
    const latest = this.latestPayload(config.topic);
    if (latest !== undefined) widget.follow(latest);
    this.describe(widget);
  }

  private describe(widget: Widget): void {
    const { config } = widget;
    const title = widget.element.querySelector('.control-label') as HTMLElement;
    setText(title, `${say(KIND_TEXT[config.kind], this.locale)}${config.label !== '' ? ` · ${config.label}` : ''}`);
    const caption = widget.element.querySelector('.control-caption') as HTMLElement;
    const retained = config.retain ? ` · ${say('retained', this.locale)}` : '';
    setText(caption, `${config.topic} · QoS ${config.qos}${retained}`);
    const remove = widget.element.querySelector('.control-remove') as HTMLElement;
    remove.setAttribute('aria-label', say('remove', this.locale, { name: config.label || config.topic }));
    applyTexts(widget.element, DASHBOARD_TEXT, this.locale);
  }
}
