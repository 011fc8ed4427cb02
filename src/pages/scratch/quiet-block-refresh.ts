/**
 * Keeps the editor from redefining our blocks when nothing about them changed.
 *
 * The editor (scratch-gui 15 on Blockly 12) defines every block of an extension again on each
 * BLOCKSINFO_UPDATE, and the VM sends one for every language set-up and every project load or sprite
 * switch, identical each time; Blockly then logs "Block definition "mqtt_…" overwrites previous
 * definition" for each of our blocks. We pass our extension's update on only when its content
 * changed (another language) or the editor built a new workspace, which needs our category's colours
 * again; identical repeats are dropped. Other extensions' updates pass untouched.
 */
import type { ScratchVm } from './gui-types';

type Emit = (event: string | symbol, ...args: unknown[]) => boolean;

export function passOnlyChangedBlockInfo(vm: ScratchVm, extensionId: string): void {
  const emitter = vm as unknown as { emit: Emit };
  const emit: Emit = emitter.emit.bind(vm);
  let lastContent: string | null = null;
  let lastWorkspace: Element | null = null;
  emitter.emit = (event, ...args) => {
    if (event === 'BLOCKSINFO_UPDATE' && (args[0] as { id?: unknown } | undefined)?.id === extensionId) {
      const content = JSON.stringify(args[0]);
      const workspace = document.querySelector('.injectionDiv');
      if (content === lastContent && workspace !== null && workspace === lastWorkspace) return false;
      lastContent = content;
      lastWorkspace = workspace;
    }
    return emit(event, ...args);
  };
}
