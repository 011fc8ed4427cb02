/** Texts of the live extension's host glue: the TurboWarp entry and the classroom server's Scratch page. */
import type { Message } from '../../blocks/types';

export const HOST_TEXT = {
  noProjectServer: {
    id: 'mqtt.page.scratch.noProjectServer',
    default: 'No project server here: use File > Save to your computer.',
    description: 'Scratch page: saving to a project server was asked for; the menu names are Scratch\'s own (File > Save to your computer), use its translation.',
  },
  sandboxed: {
    id: 'mqtt.extension.sandboxed',
    default: 'The MQTT extension must be loaded unsandboxed (tick "Run without sandbox").',
    description: 'Error when TurboWarp loads the extension in its sandbox. "Run without sandbox" is TurboWarp\'s checkbox; use its translation.',
  },
} as const satisfies Record<string, Message>;
