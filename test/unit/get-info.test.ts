import { blocksFor, placeholdersOf } from '../../blocks';
import { LOCALES, type Locale } from '../../src/i18n/locales';
import { translate } from '../../src/i18n/translate';
import { scratchExtensionInfo } from '../../src/scratch/get-info';

const SCRATCH_TYPE: Record<string, string> = { command: 'command', reporter: 'reporter', boolean: 'Boolean', hat: 'hat' };

describe.each(LOCALES)('scratchExtensionInfo(%s)', (locale: Locale) => {
  const info = scratchExtensionInfo(locale);
  const scratchBlocks = blocksFor('scratch');

  test('identity and colours', () => {
    expect(info.id).toBe('mqtt');
    expect(info.name).toMatch(/MQTT/);
    for (const colour of [info.color1, info.color2, info.color3]) expect(colour).toMatch(/^#[0-9a-fA-F]{6}$/);
    expect(info.blockIconURI).toMatch(/^data:image\//);
    expect(info.menuIconURI).toMatch(/^data:image\//);
  });

  test('every scratch block of the catalogue is there, in catalogue order, with its text in this locale', () => {
    expect(info.blocks.map((b) => b.opcode)).toEqual(scratchBlocks.map((b) => b.opcode));
    for (const spec of scratchBlocks) {
      const block = info.blocks.find((b) => b.opcode === spec.opcode)!;
      expect(block.text).toBe(translate(spec.text, locale));
      expect(block.blockType).toBe(SCRATCH_TYPE[spec.shape]);
      expect(Object.keys(block.arguments).sort()).toEqual(placeholdersOf(block.text).sort());
    }
  });

  test('board-only blocks (Wi-Fi) are not in the Scratch palette', () => {
    const opcodes = info.blocks.map((b) => b.opcode);
    expect(opcodes).not.toContain('wifiConnect');
    expect(opcodes).not.toContain('wait');
  });

  test('the contract blocks are all there', () => {
    const opcodes = info.blocks.map((b) => b.opcode);
    for (const opcode of [
      'connect',
      'disconnect',
      'isConnected',
      'subscribe',
      'unsubscribe',
      'publish',
      'publishWithOptions',
      'whenMessage',
      'message',
      'topic',
      'lastMessageOn',
      'jsonValue',
      'whenConnectionChanged',
      'setLastWill',
      'lastError',
    ]) {
      expect(opcodes).toContain(opcode);
    }
  });

  test('hats are started by the extension, never edge-activated polling', () => {
    const hats = info.blocks.filter((b) => b.blockType === 'hat');
    expect(hats.map((h) => h.opcode).sort()).toEqual(['whenConnectionChanged', 'whenMessage']);
    for (const hat of hats) expect(hat.isEdgeActivated).toBe(false);
  });

  test('menu arguments point at declared menus and default to one of their values', () => {
    for (const block of info.blocks) {
      for (const [name, arg] of Object.entries(block.arguments)) {
        if (!arg.menu) continue;
        const menu = info.menus[arg.menu];
        expect({ block: block.opcode, name, menu: Boolean(menu) }).toEqual({ block: block.opcode, name, menu: true });
        expect(menu.items.map((item) => item.value)).toContain(arg.defaultValue);
      }
    }
  });

  test('text and number arguments have defaults of the right kind', () => {
    for (const block of info.blocks) {
      for (const arg of Object.values(block.arguments)) {
        expect(['string', 'number']).toContain(arg.type);
        expect(typeof arg.defaultValue).toBe(arg.type === 'number' && !arg.menu ? 'number' : 'string');
      }
    }
    expect(info.blocks.find((b) => b.opcode === 'connect')!.arguments.URL.defaultValue).toBe('ws://localhost:8000/mqtt');
  });
});

describe('menus', () => {
  const en = scratchExtensionInfo('en').menus;
  const zh = scratchExtensionInfo('zh-cn').menus;

  test('QOS is 0, 1, 2', () => {
    expect(en.QOS.items).toEqual([
      { text: '0', value: '0' },
      { text: '1', value: '1' },
      { text: '2', value: '2' },
    ]);
    expect(zh.QOS.items.map((i) => i.value)).toEqual(['0', '1', '2']);
  });

  test('RETAIN is no/yes, with Chinese texts', () => {
    expect(en.RETAIN.items).toEqual([
      { text: 'no', value: 'no' },
      { text: 'yes', value: 'yes' },
    ]);
    expect(zh.RETAIN.items).toEqual([
      { text: '否', value: 'no' },
      { text: '是', value: 'yes' },
    ]);
  });

  test('STATE is connected/disconnected, with Chinese texts', () => {
    expect(en.STATE.items).toEqual([
      { text: 'connected', value: 'connected' },
      { text: 'disconnected', value: 'disconnected' },
    ]);
    expect(zh.STATE.items.map((i) => i.value)).toEqual(['connected', 'disconnected']);
    for (const item of zh.STATE.items) expect(item.text).toMatch(/[\u4e00-\u9fff]/);
  });

  test('menus do not accept reporters (values are fixed)', () => {
    for (const menu of Object.values(en)) expect(menu.acceptReporters).toBe(false);
  });

  test('Chinese block texts are Chinese', () => {
    const info = scratchExtensionInfo('zh-cn');
    for (const block of info.blocks) expect({ opcode: block.opcode, text: block.text }).toEqual({ opcode: block.opcode, text: expect.stringMatching(/[\u4e00-\u9fff]/) });
  });
});
