/**
 * The controls a teacher adds to the dashboard (button, switch, slider, text box): what each one
 * publishes, where, and with which QoS and retain flag. Pure data, checked on the way in from the
 * form and from localStorage alike.
 */
import type { PendingMessage } from '../../../i18n/translate';
import { topicProblemMessage } from '../../../session/topic-problem-messages';
import { publishTopicProblem } from '../../../session/topic-filter';

export type ControlKind = 'button' | 'switch' | 'slider' | 'text';
export const CONTROL_KINDS: readonly ControlKind[] = ['button', 'switch', 'slider', 'text'];
export type QoS = 0 | 1 | 2;

export interface ControlConfig {
  id: string;
  kind: ControlKind;
  label: string;
  topic: string;
  qos: QoS;
  retain: boolean;
  /** Button: the message it sends. */
  payload: string;
  /** Switch: the messages for on and off. */
  on: string;
  off: string;
  /** Slider: range and step. */
  min: number;
  max: number;
  step: number;
}

export const MAX_CONTROLS = 50;
/** Labels and stored messages are short things typed by a teacher; longer is a paste gone wrong. */
export const MAX_CONTROL_TEXT = 1000;

export const CONTROL_DEFAULTS: Omit<ControlConfig, 'id' | 'kind' | 'topic' | 'label'> = {
  qos: 0,
  retain: false,
  payload: 'pressed',
  on: 'on',
  off: 'off',
  min: 0,
  max: 100,
  step: 1,
};

const text = (value: unknown, fallback: string): string => (typeof value === 'string' ? value.slice(0, MAX_CONTROL_TEXT) : fallback);
const finite = (value: unknown, fallback: number): number => (typeof value === 'number' && Number.isFinite(value) ? value : fallback);

/** A stored control, or null when it is not one (or no longer a valid one). */
export function acceptControl(raw: unknown): ControlConfig | null {
  if (raw === null || typeof raw !== 'object') return null;
  const value = raw as Record<string, unknown>;
  if (!CONTROL_KINDS.includes(value.kind as ControlKind) || typeof value.topic !== 'string' || typeof value.id !== 'string') return null;
  const qos = value.qos === 1 || value.qos === 2 ? value.qos : 0;
  const config: ControlConfig = {
    id: value.id.slice(0, 40),
    kind: value.kind as ControlKind,
    label: text(value.label, ''),
    topic: value.topic,
    qos,
    retain: value.retain === true,
    payload: text(value.payload, CONTROL_DEFAULTS.payload),
    on: text(value.on, CONTROL_DEFAULTS.on),
    off: text(value.off, CONTROL_DEFAULTS.off),
    min: finite(value.min, CONTROL_DEFAULTS.min),
    max: finite(value.max, CONTROL_DEFAULTS.max),
    step: finite(value.step, CONTROL_DEFAULTS.step),
  };
  return controlProblem(config) === null ? config : null;
}

/** What is wrong with a control: a topic problem (the blocks' own message) or a bad slider range. */
export type ControlProblem = { topic: PendingMessage } | { sliderRange: true };

/** Null when the control can be used. */
export function controlProblem(config: ControlConfig): ControlProblem | null {
  const topicProblem = publishTopicProblem(config.topic);
  if (topicProblem !== null) return { topic: topicProblemMessage(topicProblem, config.topic) };
  if (config.kind === 'slider' && !(config.min < config.max && config.step > 0 && config.step <= config.max - config.min)) {
    return { sliderRange: true };
  }
  return null;
}

/** The text a slider sends: the number as typed in blocks (`25`, `0.5`), never `0.30000000000000004`. */
export function sliderPayload(value: number, step: number): string {
  const decimals = Math.min(10, (String(step).split('.')[1] ?? '').length);
  return String(Number(value.toFixed(decimals)));
}
