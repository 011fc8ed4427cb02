import type { Message } from './types';

/** Identity shared by every face: the extension id and category name are part of saved projects. */
export const EXTENSION_ID = 'mqtt';
export const EXTENSION_NAME: Message = {
  id: 'mqtt.categoryName',
  default: 'MQTT',
  description: 'Name of the MQTT block category in the Scratch and board editors (may add a word such as "IoT").',
};
/** MQTT's purple, in the three shades Scratch needs (block, border, menu); Blockly uses the first. */
export const EXTENSION_COLOURS = { primary: '#7A3DB8', secondary: '#6A2FA6', tertiary: '#53228A' } as const;
