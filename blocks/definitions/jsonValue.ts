import type { BlockSpec } from '../types';
import { call, sameOnBoth } from '../codegen';

export const jsonValue: BlockSpec = {
  opcode: 'jsonValue',
  shape: 'reporter',
  text: {
    id: 'mqtt.jsonValue',
    default: '[PATH] of JSON [JSON]',
    description: 'Text of the "[PATH] of JSON [JSON]" reporter block. Keep each [NAME] (an input of the block) and place them where your language reads best.',
  },
  args: {
    PATH: { kind: 'text', default: 'temp' },
    JSON: { kind: 'text', default: '{"temp": 21.5}' },
  },
  faces: ['scratch', 'board'],
  help: {
    id: 'mqtt.jsonValue.help',
    default:
      'Reads a value out of a JSON message. Dotted paths reach inside: sensors.0.value (or sensors[0].value). Not JSON, or no such path: empty. On a MicroPython board an object read out keeps its keys but maybe not their order (MicroPython does not keep it).',
    description: 'Tooltip of the "[PATH] of JSON [JSON]" block and its line in the block reference.',
  },
  codegen: sameOnBoth((ctx) => {
    ctx.require('json_value');
    return call(`json_value(${ctx.text('PATH')}, ${ctx.text('JSON')})`);
  }),
};
