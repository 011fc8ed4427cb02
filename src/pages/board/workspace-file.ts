/**
 * Saved board programs: Blockly's JSON serialization (`serialization.workspaces.save`), the same
 * file `mqtt-blocks generate` reads. Checks a file before anything touches the pupil's workspace,
 * so a wrong file explains itself and costs nothing.
 */
import type { PendingMessage } from '../../../blocks/types';
import { FILE_REFUSALS } from './board-text';

export type WorkspaceState = Record<string, unknown>;

export type ParsedWorkspace = { ok: true; state: WorkspaceState } | { ok: false; reason: PendingMessage };

/** Top-level keys Blockly's workspace serializers write. */
const BLOCKLY_KEYS = new Set(['blocks', 'variables', 'procedures', 'workspaceComments']);

export const SAVE_FILE_NAME = 'mqtt-blocks-program.json';
/** Far above any classroom program; stops a pupil from freezing the tab with a video file. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

const reason = (message: PendingMessage['message'], params?: PendingMessage['params']): ParsedWorkspace => ({ ok: false, reason: { message, params } });

export function serializeWorkspace(state: WorkspaceState): string {
  return `${JSON.stringify(state, null, 2)}\n`;
}

/** Every block type in serialized blocks: top blocks, their inputs (block and shadow) and next chains. */
export function blockTypesOf(state: WorkspaceState): Set<string> {
  const types = new Set<string>();
  const visit = (block: unknown): void => {
    if (block === null || typeof block !== 'object') return;
    const record = block as Record<string, unknown>;
    if (typeof record.type === 'string') types.add(record.type);
    const connections: unknown[] = [record.next, ...Object.values((record.inputs as Record<string, unknown> | undefined) ?? {})];
    for (const connection of connections) {
      if (connection !== null && typeof connection === 'object') {
        const { block: child, shadow } = connection as { block?: unknown; shadow?: unknown };
        visit(child);
        visit(shadow);
      }
    }
  };
  const blocks = state.blocks as { blocks?: unknown } | undefined;
  if (blocks && Array.isArray(blocks.blocks)) blocks.blocks.forEach(visit);
  return types;
}

export function parseWorkspaceFile(text: string, isKnownType: (type: string) => boolean): ParsedWorkspace {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return reason(FILE_REFUSALS.notJson);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return reason(FILE_REFUSALS.notProgram);
  }
  const state = parsed as WorkspaceState;
  const keys = Object.keys(state);
  if ('targets' in state && 'meta' in state) {
    return reason(FILE_REFUSALS.scratchProject);
  }
  if (keys.length > 0 && !keys.some((key) => BLOCKLY_KEYS.has(key))) {
    return reason(FILE_REFUSALS.noBlocks);
  }
  const blocks = state.blocks as { blocks?: unknown } | undefined;
  if (blocks !== undefined && (blocks === null || typeof blocks !== 'object' || !Array.isArray(blocks.blocks ?? []))) {
    return reason(FILE_REFUSALS.damaged);
  }
  const unknown = [...blockTypesOf(state)].filter((type) => !isKnownType(type));
  if (unknown.length > 0) {
    return reason(FILE_REFUSALS.unknownBlocks, { types: unknown.join(', ') });
  }
  return { ok: true, state };
}
