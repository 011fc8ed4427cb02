import type { BlockSpec } from '../types';
import { call, sameOnBoth } from '../codegen';

export const jsonValue: BlockSpec = {
  opcode: 'jsonValue',
  shape: 'reporter',
  text: { en: '[PATH] of JSON [JSON]', 'zh-cn': 'JSON [JSON] 中的 [PATH]' },
  args: {
    PATH: { kind: 'text', default: 'temp' },
    JSON: { kind: 'text', default: '{"temp": 21.5}' },
  },
  faces: ['scratch', 'board'],
  help: {
    en: 'Reads a value out of a JSON message. Dotted paths reach inside: sensors.0.value. Not JSON, or no such path: empty.',
    'zh-cn': '从 JSON 消息中取值，用点号逐层深入：sensors.0.value。不是 JSON 或没有这个路径时为空。',
  },
  codegen: sameOnBoth((ctx) => {
    ctx.require('json_value');
    return call(`json_value(${ctx.text('PATH')}, ${ctx.text('JSON')})`);
  }),
};
