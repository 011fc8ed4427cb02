import type { BlockSpec } from '../types';
import { CONNECTION_STATE_MENU } from '../menus';
import { sameOnBoth } from '../codegen';

export const whenConnectionChanged: BlockSpec = {
  opcode: 'whenConnectionChanged',
  shape: 'hat',
  text: {
    id: 'mqtt.whenConnectionChanged',
    default: 'when [STATE]',
    description: 'Text of the "when [STATE]" hat block (starts a script). Keep each [NAME] (an input of the block) and place them where your language reads best.',
  },
  args: { STATE: { kind: 'menu', menu: CONNECTION_STATE_MENU, default: 'connected' } },
  faces: ['scratch', 'board'],
  help: {
    id: 'mqtt.whenConnectionChanged.help',
    default: 'Runs when the connection is made (also after an automatic reconnect) or lost.',
    description: 'Tooltip of the "when [STATE]" block and its line in the block reference.',
  },
  codegen: sameOnBoth((ctx) => {
    ctx.require('client');
    const state = ctx.menu('STATE') === 'disconnected' ? 'disconnected' : 'connected';
    ctx.registerHat(state, `on_${state}`);
    return '';
  }),
};
