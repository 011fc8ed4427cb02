import type { BlockSpec } from '../types';
import { CONNECTION_STATE_MENU } from '../menus';
import { sameOnBoth } from '../codegen';

export const whenConnectionChanged: BlockSpec = {
  opcode: 'whenConnectionChanged',
  shape: 'hat',
  text: { en: 'when [STATE]', 'zh-cn': '当 [STATE] 时' },
  args: { STATE: { kind: 'menu', menu: CONNECTION_STATE_MENU, default: 'connected' } },
  faces: ['scratch', 'board'],
  help: {
    en: 'Runs when the connection is made (also after an automatic reconnect) or lost.',
    'zh-cn': '连接成功（包括自动重连成功）或连接断开时运行。',
  },
  codegen: sameOnBoth((ctx) => {
    ctx.require('client');
    const state = ctx.menu('STATE') === 'disconnected' ? 'disconnected' : 'connected';
    ctx.registerHat(state, `on_${state}`);
    return '';
  }),
};
