/**
 * Builds Scratch 3 project JSON (the project.json inside an .sb3) from readable script outlines,
 * in the exact serialized form scratch-gui saves: compressed primitives, extension menus as fields,
 * parent/next links. Fixture files in test/fixtures/projects are written with it.
 */

type Primitive = { kind: 'text'; value: string } | { kind: 'number'; value: number };
type VariableRef = { kind: 'variable'; name: string };
type BroadcastRef = { kind: 'broadcast'; name: string };
export interface BlockNode {
  kind: 'block';
  opcode: string;
  inputs: Record<string, Input>;
  fields: Record<string, FieldValue>;
  /** Substacks (C-blocks) by input name. */
  stacks: Record<string, BlockNode[]>;
  shadow?: boolean;
  /** My blocks: procedures_prototype and procedures_call carry their signature here. */
  mutation?: Record<string, string>;
}
type Input = Primitive | VariableRef | BroadcastRef | BlockNode;
type FieldValue = string | { variable: string } | { list: string } | { broadcast: string };

export const text = (value: string): Primitive => ({ kind: 'text', value });
export const num = (value: number): Primitive => ({ kind: 'number', value });
export const variable = (name: string): VariableRef => ({ kind: 'variable', name });
/** A broadcast menu as Scratch stores it in "broadcast" blocks: [11, name, id]. */
export const broadcastRef = (name: string): BroadcastRef => ({ kind: 'broadcast', name });
export const block = (
  opcode: string,
  inputs: Record<string, Input> = {},
  fields: Record<string, FieldValue> = {},
  stacks: Record<string, BlockNode[]> = {},
): BlockNode => ({ kind: 'block', opcode, inputs, fields, stacks });
/** A menu block that Scratch keeps as a shadow (the dropdown inside an input). */
export const shadow = (node: BlockNode): BlockNode => ({ ...node, shadow: true });
// Our extension's menus (QOS, RETAIN, STATE) do not accept reporters, so the editor saves them as
// fields of the block itself (scratch-vm makes them field_dropdown arguments), not as shadow blocks:
// pass them in `block`'s fields.

interface SerializedBlock {
  opcode: string;
  next: string | null;
  parent: string | null;
  inputs: Record<string, unknown>;
  fields: Record<string, unknown>;
  shadow: boolean;
  topLevel: boolean;
  mutation?: Record<string, unknown>;
  x?: number;
  y?: number;
}

export class ProjectBuilder {
  private nextId = 1;
  private readonly variables = new Map<string, [string, string | number]>();
  private readonly lists = new Map<string, [string, Array<string | number>]>();
  private readonly spriteBlocks: Record<string, SerializedBlock> = {};
  private scriptCount = 0;
  private readonly broadcasts = new Set<string>();

  variable(name: string, value: string | number = ''): this {
    this.variables.set(name, [`var-${name}`, value]);
    return this;
  }

  list(name: string): this {
    this.lists.set(name, [`list-${name}`, []]);
    return this;
  }

  /** Adds a script to the sprite; the first block is its top (usually a hat). */
  script(...blocks: BlockNode[]): this {
    this.writeStack(blocks, null, 100 * this.scriptCount++);
    return this;
  }

  private id(): string {
    return `b${this.nextId++}`;
  }

  private writeStack(blocks: BlockNode[], parent: string | null, y?: number): string | null {
    let previous: string | null = null;
    let first: string | null = null;
    for (const node of blocks) {
      const id = this.writeBlock(node, previous ?? parent, previous === null && parent === null, y);
      if (previous) this.spriteBlocks[previous].next = id;
      first ??= id;
      previous = id;
    }
    return first;
  }

  private writeBlock(node: BlockNode, parent: string | null, topLevel: boolean, y?: number): string {
    const id = this.id();
    const serialized: SerializedBlock = {
      opcode: node.opcode,
      next: null,
      parent,
      inputs: {},
      fields: {},
      shadow: node.shadow === true,
      topLevel,
      ...(topLevel ? { x: 0, y: y ?? 0 } : {}),
      ...(node.mutation ? { mutation: { tagName: 'mutation', children: [], ...node.mutation } } : {}),
    };
    this.spriteBlocks[id] = serialized;
    for (const [name, value] of Object.entries(node.fields)) {
      if (typeof value === 'string') serialized.fields[name] = [value, null];
      else if ('variable' in value) serialized.fields[name] = [value.variable, this.variableId(value.variable)];
      else if ('broadcast' in value) serialized.fields[name] = [value.broadcast, this.broadcastId(value.broadcast)];
      else serialized.fields[name] = [value.list, this.listId(value.list)];
    }
    for (const [name, input] of Object.entries(node.inputs)) serialized.inputs[name] = this.writeInput(input, id);
    for (const [name, stack] of Object.entries(node.stacks)) serialized.inputs[name] = [2, this.writeStack(stack, id)];
    return id;
  }

  private writeInput(input: Input, parent: string): unknown {
    switch (input.kind) {
      case 'text':
        return [1, [10, input.value]];
      case 'number':
        return [1, [4, String(input.value)]];
      case 'variable':
        return [3, [12, input.name, this.variableId(input.name)], [10, '']];
      case 'broadcast':
        return [1, [11, input.name, this.broadcastId(input.name)]];
      case 'block': {
        const childId = this.writeBlock(input, parent, false);
        if (input.shadow) return [1, childId];
        // A reporter dropped on a text input keeps an (obscured) empty text shadow, as Scratch saves it.
        return [3, childId, [10, '']];
      }
    }
  }

  private variableId(name: string): string {
    const entry = this.variables.get(name);
    if (!entry) throw new Error(`declare variable ${name} first`);
    return entry[0];
  }

  private broadcastId(name: string): string {
    this.broadcasts.add(name);
    return `broadcast-${name}`;
  }

  private listId(name: string): string {
    const entry = this.lists.get(name);
    if (!entry) throw new Error(`declare list ${name} first`);
    return entry[0];
  }

  build(): object {
    const costume = {
      name: 'blank',
      dataFormat: 'svg',
      assetId: 'cd21514d0531fdffb22204e0ec5ed84a',
      md5ext: 'cd21514d0531fdffb22204e0ec5ed84a.svg',
      rotationCenterX: 0,
      rotationCenterY: 0,
    };
    const variables = Object.fromEntries(Array.from(this.variables.entries(), ([name, [id, value]]) => [id, [name, value]]));
    const lists = Object.fromEntries(Array.from(this.lists.entries(), ([name, [id, value]]) => [id, [name, value]]));
    return {
      targets: [
        {
          isStage: true, name: 'Stage', variables, lists, broadcasts: Object.fromEntries(Array.from(this.broadcasts, (name) => [`broadcast-${name}`, name])), blocks: {}, comments: {},
          currentCostume: 0, costumes: [costume], sounds: [], volume: 100, layerOrder: 0,
          tempo: 60, videoTransparency: 50, videoState: 'on', textToSpeechLanguage: null,
        },
        {
          isStage: false, name: 'Sprite1', variables: {}, lists: {}, broadcasts: {}, blocks: this.spriteBlocks,
          comments: {}, currentCostume: 0, costumes: [costume], sounds: [], volume: 100, layerOrder: 1,
          visible: true, x: 0, y: 0, size: 100, direction: 90, draggable: false, rotationStyle: 'all around',
        },
      ],
      monitors: [],
      extensions: ['mqtt'],
      meta: { semver: '3.0.0', vm: '5.0.300', agent: 'mqtt-blocks tests' },
    };
  }
}
