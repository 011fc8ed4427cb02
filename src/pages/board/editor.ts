/**
 * The Blockly workspace of the board editor: injection, language switch, loading and saving.
 * Blockly's CSS is injected by Blockly itself; its media (sounds, cursors, sprites) is served from
 * /dist/blockly-media/ (copied there by the webpack build), so nothing is fetched from the internet.
 */
import * as Blockly from 'blockly';
import type { Locale } from '../../i18n/locales';
import { setBoardLocale } from '../../blockly/locale';
import { BLOCKLY_MESSAGES } from './blockly-messages';
import { toolboxWithBroker } from './toolbox-broker';
import type { WorkspaceState } from './workspace-file';

export const BLOCKLY_MEDIA_PATH = '/dist/blockly-media/';

export class BoardEditor {
  readonly workspace: Blockly.WorkspaceSvg;
  private locale: Locale;
  private brokerUrl: string | null = null;

  constructor(host: HTMLElement, locale: Locale) {
    this.locale = locale;
    setBoardLocale(Blockly, locale, BLOCKLY_MESSAGES[locale]);
    host.replaceChildren();
    this.workspace = Blockly.inject(host, {
      toolbox: this.toolbox(),
      media: BLOCKLY_MEDIA_PATH,
      renderer: 'zelos',
      trashcan: true,
      sounds: true,
      zoom: { controls: true, wheel: true, startScale: 0.8, maxScale: 2, minScale: 0.4 },
      grid: { spacing: 24, length: 2, colour: '#dde3ea', snap: true },
      move: { scrollbars: true, drag: true, wheel: false },
    });
  }

  /** Calls `listener` after every change to the program (not for selection, scrolling and other UI events). */
  onProgramChange(listener: () => void): void {
    this.workspace.addChangeListener((event: Blockly.Events.Abstract) => {
      if (!event.isUiEvent) listener();
    });
  }

  isKnownBlockType(type: string): boolean {
    return Blockly.Blocks[type] !== undefined;
  }

  save(): WorkspaceState {
    return Blockly.serialization.workspaces.save(this.workspace);
  }

  /**
   * Replaces the program with `state`. It is first loaded into an invisible workspace: if Blockly
   * refuses it there, the pupil's blocks are never touched. Throws Blockly's error in that case.
   */
  load(state: WorkspaceState): void {
    const trial = new Blockly.Workspace();
    try {
      Blockly.serialization.workspaces.load(state, trial);
    } finally {
      trial.dispose();
    }
    const previous = this.save();
    try {
      Blockly.serialization.workspaces.load(state, this.workspace);
    } catch (error) {
      Blockly.serialization.workspaces.load(previous, this.workspace);
      throw error;
    }
  }

  /** Redraws blocks, toolbox and Blockly's menus in `locale`; the program itself is unchanged. */
  setLocale(locale: Locale): void {
    if (locale === this.locale) return;
    const state = this.save();
    const scroll = { x: this.workspace.scrollX, y: this.workspace.scrollY, scale: this.workspace.scale };
    this.locale = locale;
    setBoardLocale(Blockly, locale, BLOCKLY_MESSAGES[locale]);
    this.workspace.updateToolbox(this.toolbox());
    // Blocks take their text when they are created: recreate them from the saved program.
    Blockly.serialization.workspaces.load(state, this.workspace, { recordUndo: false });
    this.workspace.setScale(scroll.scale);
    this.workspace.scroll(scroll.x, scroll.y);
  }

  /** Puts the classroom broker's address into the toolbox's connect block. */
  setBrokerUrl(url: string): void {
    this.brokerUrl = url;
    this.workspace.updateToolbox(this.toolbox());
  }

  private toolbox(): Blockly.utils.toolbox.ToolboxDefinition {
    return toolboxWithBroker(this.locale, this.brokerUrl);
  }
}
