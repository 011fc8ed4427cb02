/**
 * Keeps the editor from defining our blocks twice, so Blockly never logs "Block definition "mqtt_…"
 * overwrites previous definition" for them.
 *
 * The editor (scratch-gui 15 on Blockly 12) defines every block of an extension again on each
 * BLOCKSINFO_UPDATE, through a Blockly call that warns when a block type is already defined. The VM
 * sends one for every extension on every language set-up, project load and sprite switch; a language
 * switch also builds a new workspace. The editor's own Pen and Music blocks warn the same way there.
 *
 * Once our blocks are defined:
 * - an identical repeat on the same workspace (project load, sprite switch) is dropped;
 * - anything else (another language, a new workspace) is passed on without block definitions, so the
 *   editor still gives the workspace our category's colours and refreshes the palette. The new
 *   language reaches the blocks another way: Blockly builds each block from the JSON object it was
 *   defined with, read anew every time a block is made, so the new JSON is written into those
 *   objects first. The editor's language switch then builds the scripts and the palette from them.
 * An update with a different set of blocks is passed on as it is. Other extensions' updates pass
 * untouched.
 */
import type { ScratchVm } from './gui-types';

type Emit = (event: string | symbol, ...args: unknown[]) => boolean;

/** A Blockly JSON block definition, as the VM builds it for the editor. */
type BlockJson = Record<string, unknown>;

/** The part of the VM's category info (BLOCKSINFO_UPDATE's argument) that defines blocks. */
interface CategoryInfo {
  id?: unknown;
  blocks?: Array<{ json?: BlockJson | null }>;
  menus?: Array<{ json?: BlockJson | null }>;
}

/** Every block definition the editor makes from this update (blocks and menus), by block type. */
function definitionsIn(info: CategoryInfo): Map<string, BlockJson> {
  const definitions = new Map<string, BlockJson>();
  for (const entry of [...(info.blocks ?? []), ...(info.menus ?? [])]) {
    const type = entry.json?.type;
    if (entry.json && typeof type === 'string') definitions.set(type, entry.json);
  }
  return definitions;
}

function sameTypes(a: Map<string, BlockJson>, b: Map<string, BlockJson>): boolean {
  return a.size === b.size && [...a.keys()].every((type) => b.has(type));
}

/** Makes `target` hold exactly what `source` holds, keeping `target` the same object. */
function overwriteInPlace(target: BlockJson, source: BlockJson): void {
  for (const key of Object.keys(target)) {
    if (!(key in source)) delete target[key];
  }
  Object.assign(target, source);
}

export function passOnlyChangedBlockInfo(vm: ScratchVm, extensionId: string): void {
  const emitter = vm as unknown as { emit: Emit; listenerCount(event: string): number };
  const emit: Emit = emitter.emit.bind(vm);
  let lastContent: string | null = null;
  let lastWorkspace: Element | null = null;
  /** The JSON objects the editor defined our blocks with (Blockly keeps a reference to each). */
  let defined = new Map<string, BlockJson>();
  emitter.emit = (event, ...args) => {
    const info = args[0] as CategoryInfo | undefined;
    if (event !== 'BLOCKSINFO_UPDATE' || info?.id !== extensionId) return emit(event, ...args);
    const content = JSON.stringify(info);
    const workspace = document.querySelector('.injectionDiv');
    const sameWorkspace = workspace !== null && workspace === lastWorkspace;
    if (sameWorkspace && content === lastContent) return false;
    lastContent = content;
    lastWorkspace = workspace;
    const fresh = definitionsIn(info);
    // Only an update the editor hears defines blocks: before it has a workspace, nothing is kept.
    if (workspace === null || emitter.listenerCount('BLOCKSINFO_UPDATE') === 0) {
      defined = new Map();
      return emit(event, ...args);
    }
    if (!sameTypes(defined, fresh)) {
      defined = fresh;
      return emit(event, ...args);
    }
    for (const [type, json] of fresh) overwriteInPlace(defined.get(type) ?? json, json);
    return emit(event, { ...info, blocks: [], menus: [] }, ...args.slice(1));
  };
}
