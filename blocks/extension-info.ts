import type { LocalizedText } from './types';

/** Identity shared by every face: the extension id and category name are part of saved projects. */
export const EXTENSION_ID = 'mqtt';
export const EXTENSION_NAME: LocalizedText = { en: 'MQTT', 'zh-cn': 'MQTT 物联网' };
/** MQTT's purple, in the three shades Scratch needs (block, border, menu); Blockly uses the first. */
export const EXTENSION_COLOURS = { primary: '#7A3DB8', secondary: '#6A2FA6', tertiary: '#53228A' } as const;
