/**
 * The saved-project contract, frozen in the repository (test/contract/saved-project-contract.json):
 * opcodes, shapes, argument names and menu values that saved .sb3 projects and board workspace
 * files depend on. Any rename or removal in the catalogue fails here; new blocks, arguments and
 * menu values are fine (add them to the snapshot when they ship).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CATALOGUE } from '../../blocks';
import { qualifiedOpcode } from '../../blocks/types';
import { scratchExtensionInfo } from '../../src/scratch/get-info';
import { blockJson } from '../../src/blockly/block-json';

interface FrozenArgument {
  kind: 'text' | 'number' | 'menu';
  menu?: string;
  values?: string[];
}
interface FrozenBlock {
  opcode: string;
  shape: string;
  faces: string[];
  args: Record<string, FrozenArgument>;
}

const frozen = JSON.parse(readFileSync(path.join(__dirname, '..', 'contract', 'saved-project-contract.json'), 'utf8')) as {
  extensionId: string;
  blocks: FrozenBlock[];
};

test('the snapshot holds the contract blocks of DESIGN.md', () => {
  const opcodes = frozen.blocks.map((block) => block.opcode);
  for (const opcode of ['connect', 'disconnect', 'isConnected', 'subscribe', 'unsubscribe', 'publish', 'publishWithOptions', 'whenMessage', 'message', 'topic', 'lastMessageOn', 'jsonValue', 'whenConnectionChanged', 'setLastWill', 'lastError', 'wifiConnect']) {
    expect(opcodes).toContain(`mqtt_${opcode}`);
  }
});

test('the Scratch extension id is unchanged', () => {
  expect(scratchExtensionInfo('en').id).toBe(frozen.extensionId);
});

describe.each(frozen.blocks.map((block) => [block.opcode, block] as const))('%s', (opcode, block) => {
  const spec = CATALOGUE.find((entry) => qualifiedOpcode(entry) === opcode);

  test('still exists with the same shape and faces', () => {
    expect(spec).toBeDefined();
    expect(spec!.shape).toBe(block.shape);
    expect([...spec!.faces].sort()).toEqual(expect.arrayContaining([...block.faces].sort()));
  });

  test('keeps every argument name, kind and menu value', () => {
    for (const [name, argument] of Object.entries(block.args)) {
      const now = spec!.args[name];
      expect({ name, kind: now?.kind }).toEqual({ name, kind: argument.kind });
      if (argument.kind === 'menu' && now?.kind === 'menu') {
        expect(now.menu.name).toBe(argument.menu);
        expect(now.menu.items.map((item) => item.value)).toEqual(expect.arrayContaining(argument.values ?? []));
      }
    }
  });

  test('Scratch and Blockly use the same opcode and argument names', () => {
    if (block.faces.includes('scratch')) {
      const info = scratchExtensionInfo('en').blocks.find((entry) => `mqtt_${entry.opcode}` === opcode);
      expect(info).toBeDefined();
      expect(Object.keys(info!.arguments ?? {})).toEqual(expect.arrayContaining(Object.keys(block.args)));
    }
    if (block.faces.includes('board')) {
      const json = blockJson(spec!, 'en') as unknown as { type: string };
      expect(json.type).toBe(opcode);
    }
  });
});
