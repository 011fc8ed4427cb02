/**
 * Entry of `dist/mqtt-blocks.js`: the file TurboWarp (and other editors that load unsandboxed
 * custom extensions by URL) evaluates with a global `Scratch`. webpack wraps it in an IIFE.
 */
import { onOneLine } from '../i18n/terminal-text';
import { HOST_TEXT } from './host-text';
import { classroomAddressOfExtensionUrl } from '../session/classroom-address';
import { MqttExtension } from './extension';
import type { ScratchRuntime } from './scratch-types';

interface ScratchGlobal {
  extensions: { register(extension: object): void; unsandboxed?: boolean };
  vm: { runtime: ScratchRuntime; getLocale?: () => string };
  translate?: { language?: string };
  canFetch?: (url: string) => Promise<boolean> | boolean;
}

declare const Scratch: ScratchGlobal;

/**
 * This file's own URL, readable only while it runs for the first time (TurboWarp loads unsandboxed
 * extensions with a <script> tag): from the classroom server, it names the server's port.
 */
const ownUrl = (globalThis.document?.currentScript as HTMLScriptElement | null | undefined)?.src;

function register(scratch: ScratchGlobal): void {
  if (scratch.extensions.unsandboxed === false) {
    // In a sandbox there is no VM to start hat scripts from: say how to load it instead.
    throw new Error(onOneLine(HOST_TEXT.sandboxed));
  }
  const extension = new MqttExtension(scratch.vm.runtime, {
    // TurboWarp's translate knows the editor language; older hosts expose it on the VM.
    locale: () => scratch.translate?.language ?? scratch.vm.getLocale?.() ?? 'en',
    mayConnect: scratch.canFetch ? (url) => scratch.canFetch!(url) : undefined,
    pageProtocol: globalThis.location?.protocol,
    classroom: classroomAddressOfExtensionUrl(ownUrl),
  });
  scratch.extensions.register(extension);
}

register(Scratch);
