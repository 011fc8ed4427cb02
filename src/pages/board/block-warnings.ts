/**
 * Puts a generator's complaint on the block that caused it (Blockly's warning icon), so the pupil
 * sees which connect block has the WebSocket address. Only changes icons whose text changed:
 * setting an icon may itself fire workspace events, and re-setting the same text must not start
 * another round of code generation.
 */
import type * as Blockly from 'blockly';

export class BlockWarnings {
  private readonly shown = new Map<string, string>();

  constructor(private readonly workspace: Blockly.WorkspaceSvg) {}

  /** `wanted`: block id → warning text; every other warning we set is removed. */
  show(wanted: ReadonlyMap<string, string>): void {
    for (const [id, text] of this.shown) {
      if (wanted.get(id) === text) continue;
      this.workspace.getBlockById(id)?.setWarningText(null);
      this.shown.delete(id);
    }
    for (const [id, text] of wanted) {
      if (this.shown.get(id) === text) continue;
      const block = this.workspace.getBlockById(id);
      if (block === null) continue;
      block.setWarningText(text);
      this.shown.set(id, text);
    }
  }
}
