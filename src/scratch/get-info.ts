/**
 * Derives Scratch's getInfo() from the block catalogue: the palette, texts and menus in the
 * editor's language. Nothing about a block is written here; only the mapping to Scratch's format.
 */
import {
  blocksFor,
  EXTENSION_COLOURS,
  EXTENSION_ID,
  EXTENSION_NAME,
  type ArgumentSpec,
  type BlockShape,
  type MenuSpec,
} from '../../blocks';
import { textIn, translate, type Locale } from '../i18n/translate';
import { ScratchArgumentType, ScratchBlockType } from './scratch-types';
import { MQTT_ICON_URI } from './icon';

const SHAPES: Record<BlockShape, string> = {
  command: ScratchBlockType.command,
  reporter: ScratchBlockType.reporter,
  boolean: ScratchBlockType.boolean,
  hat: ScratchBlockType.hat,
};

export interface ScratchArgumentInfo {
  type: string;
  defaultValue: string | number;
  menu?: string;
}

export interface ScratchBlockInfo {
  opcode: string;
  blockType: string;
  text: string;
  arguments: Record<string, ScratchArgumentInfo>;
  isEdgeActivated?: boolean;
}

export interface ScratchExtensionInfo {
  id: string;
  name: string;
  color1: string;
  color2: string;
  color3: string;
  menuIconURI: string;
  blockIconURI: string;
  blocks: ScratchBlockInfo[];
  menus: Record<string, { acceptReporters: boolean; items: Array<{ text: string; value: string }> }>;
}

function argumentInfo(arg: ArgumentSpec, locale: Locale): ScratchArgumentInfo {
  switch (arg.kind) {
    case 'text':
      return { type: ScratchArgumentType.string, defaultValue: textIn(arg.default, locale) };
    case 'number':
      return { type: ScratchArgumentType.number, defaultValue: arg.default };
    case 'menu':
      return { type: ScratchArgumentType.string, defaultValue: arg.default, menu: arg.menu.name };
  }
}

/** Defaults the host page can override (only the broker address, for now). */
export interface InfoOverrides {
  readonly brokerUrl?: string;
}

export function scratchExtensionInfo(locale: Locale, overrides: InfoOverrides = {}): ScratchExtensionInfo {
  const blocks = blocksFor('scratch');
  const menus: ScratchExtensionInfo['menus'] = {};
  const addMenu = (menu: MenuSpec) => {
    menus[menu.name] = {
      acceptReporters: false,
      items: menu.items.map((item) => ({ text: item.text ? translate(item.text, locale) : item.value, value: item.value })),
    };
  };
  return {
    id: EXTENSION_ID,
    name: translate(EXTENSION_NAME, locale),
    color1: EXTENSION_COLOURS.primary,
    color2: EXTENSION_COLOURS.secondary,
    color3: EXTENSION_COLOURS.tertiary,
    menuIconURI: MQTT_ICON_URI,
    blockIconURI: MQTT_ICON_URI,
    blocks: blocks.map((block) => {
      const args: Record<string, ScratchArgumentInfo> = {};
      for (const [name, arg] of Object.entries(block.args)) {
        args[name] = argumentInfo(arg, locale);
        if (block.opcode === 'connect' && name === 'URL' && overrides.brokerUrl) args[name].defaultValue = overrides.brokerUrl;
        if (arg.kind === 'menu') addMenu(arg.menu);
      }
      const info: ScratchBlockInfo = { opcode: block.opcode, blockType: SHAPES[block.shape], text: translate(block.text, locale), arguments: args };
      // Our hats are started by the extension once per message/state change, never polled.
      if (block.shape === 'hat') info.isEdgeActivated = false;
      return info;
    }),
    menus,
  };
}
