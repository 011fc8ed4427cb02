/**
 * Puts the editor's VM and our extension on `window.mqttBlocksScratch`, for the browser tests and
 * for a teacher poking around in DevTools. Nothing in the page reads it back.
 */
import type { MqttExtension } from '../../scratch/extension';
import type { ScratchVm } from './gui-types';

export interface ScratchPageHandle {
  readonly vm: ScratchVm;
  readonly extension: MqttExtension;
}

declare global {
  interface Window {
    mqttBlocksScratch?: ScratchPageHandle;
  }
}

export function exposeHandle(handle: ScratchPageHandle): void {
  window.mqttBlocksScratch = handle;
}
