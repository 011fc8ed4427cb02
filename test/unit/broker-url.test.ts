import { MESSAGES } from '../../src/i18n/messages';
import { translatePending } from '../../src/i18n/translate';
import { checkBrokerUrl } from '../../src/session/broker-url';
import { classroomAddressOf, classroomAddressOfExtensionUrl } from '../../src/session/classroom-address';

function accepted(typed: string, page?: string): string {
  const result = checkBrokerUrl(typed, page);
  if (!result.ok) throw new Error(`expected ${JSON.stringify(typed)} to be accepted, got ${result.problem.message.id}`);
  return result.url;
}

function refused(typed: string, page?: string) {
  const result = checkBrokerUrl(typed, page);
  if (result.ok) throw new Error(`expected ${JSON.stringify(typed)} to be refused, got ${result.url}`);
  return result.problem;
}

describe('checkBrokerUrl: WebSocket addresses', () => {
  test.each([
    ['ws://localhost:8000/mqtt', 'ws://localhost:8000/mqtt'],
    ['wss://broker.example.com:8084/mqtt', 'wss://broker.example.com:8084/mqtt'],
    ['ws://192.168.1.2:9001', 'ws://192.168.1.2:9001/'],
    ['  ws://localhost:8000/mqtt  ', 'ws://localhost:8000/mqtt'],
    ['WS://LocalHost:8000/mqtt', 'ws://localhost:8000/mqtt'],
    ['wss://Broker.Example.com/mqtt', 'wss://broker.example.com/mqtt'],
  ])('%j is accepted as %j', (typed, url) => {
    expect(accepted(typed)).toBe(url);
  });

  test('wss:// is accepted on an https page', () => {
    expect(accepted('wss://broker.example.com:8084/mqtt', 'https:')).toBe('wss://broker.example.com:8084/mqtt');
  });
});

describe('checkBrokerUrl: bare host[:port][/path]', () => {
  test.each([
    ['localhost', 'ws://localhost/mqtt'],
    ['localhost:8000', 'ws://localhost:8000/mqtt'],
    ['192.168.1.2:9001', 'ws://192.168.1.2:9001/mqtt'],
    ['broker.example.com:8083/mqtt', 'ws://broker.example.com:8083/mqtt'],
    ['192.168.1.2:9001/ws', 'ws://192.168.1.2:9001/ws'],
  ])('%j on an http page becomes %j', (typed, url) => {
    expect(accepted(typed, 'http:')).toBe(url);
    expect(accepted(typed)).toBe(url);
  });

  test.each([
    ['broker.example.com', 'wss://broker.example.com/mqtt'],
    ['broker.example.com:8084', 'wss://broker.example.com:8084/mqtt'],
    ['broker.example.com:8084/ws', 'wss://broker.example.com:8084/ws'],
  ])('%j on an https page becomes %j', (typed, url) => {
    expect(accepted(typed, 'https:')).toBe(url);
  });
});

describe('checkBrokerUrl: TCP addresses are explained, not tried', () => {
  test.each([
    ['mqtt://192.168.1.2:1883', 'mqtt', '192.168.1.2'],
    ['mqtt://broker.example.com', 'mqtt', 'broker.example.com'],
    ['tcp://localhost:1883', 'tcp', 'localhost'],
    ['mqtts://broker.example.com:8883', 'mqtts', 'broker.example.com'],
    ['ssl://broker.example.com:8883', 'ssl', 'broker.example.com'],
    // The scheme is reported in lower case; the host as typed (host names are case-insensitive).
    ['MQTT://Broker.example.com:1883', 'mqtt', 'Broker.example.com'],
  ])('%j → urlTcpScheme', (typed, scheme, host) => {
    expect(refused(typed)).toEqual({ message: MESSAGES.urlTcpScheme, params: { scheme, host, classroomUrl: `ws://${host}:8000/mqtt` } });
  });

  test.each([
    ['ws://localhost:1883', '1883', 'localhost'],
    ['ws://192.168.1.2:1883/mqtt', '1883', '192.168.1.2'],
    ['wss://broker.example.com:8883/mqtt', '8883', 'broker.example.com'],
    ['localhost:1883', '1883', 'localhost'],
    ['192.168.1.2:8883', '8883', '192.168.1.2'],
  ])('%j → urlTcpPort', (typed, port, host) => {
    expect(refused(typed)).toEqual({ message: MESSAGES.urlTcpPort, params: { port, host, classroomUrl: `ws://${host}:8000/mqtt` } });
  });

  test('a TCP port is reported even on an https page', () => {
    expect(refused('broker.example.com:8883', 'https:').message).toBe(MESSAGES.urlTcpPort);
  });
});

describe('checkBrokerUrl: other schemes', () => {
  test.each([
    ['http://localhost:8000/mqtt', 'http'],
    ['https://broker.example.com/mqtt', 'https'],
    ['ftp://broker.example.com', 'ftp'],
  ])('%j → urlUnsupportedScheme', (typed, scheme) => {
    expect(refused(typed)).toEqual({ message: MESSAGES.urlUnsupportedScheme, params: { scheme } });
  });
});

describe('checkBrokerUrl: mixed content on https pages', () => {
  test('ws:// to another machine from an https page is refused with the mixed-content explanation', () => {
    expect(refused('ws://192.168.1.2:8000/mqtt', 'https:')).toEqual({
      message: MESSAGES.mixedContent,
      params: { url: 'ws://192.168.1.2:8000/mqtt', host: '192.168.1.2', classroomEditorUrl: 'http://192.168.1.2:8000/scratch/' },
    });
    expect(refused('ws://broker.example.com:8083/mqtt', 'https:').message).toBe(MESSAGES.mixedContent);
  });

  test.each(['ws://localhost:8000/mqtt', 'ws://127.0.0.1:8000/mqtt', 'ws://[::1]:8000/mqtt', 'ws://127.0.0.2:8000/mqtt'])(
    'loopback %j is allowed from an https page',
    (typed) => {
      expect(accepted(typed, 'https:')).toBe(typed);
    },
  );

  test('the same ws:// address is fine from an http page', () => {
    expect(accepted('ws://192.168.1.2:8000/mqtt', 'http:')).toBe('ws://192.168.1.2:8000/mqtt');
  });
});

describe('checkBrokerUrl: empty and garbage', () => {
  test.each(['', '   ', '\t\n'])('%j → urlEmpty', (typed) => {
    expect(refused(typed)).toEqual({ message: MESSAGES.urlEmpty });
  });

  test.each(['hello world', 'ws://', 'ws://exa mple.com', '::::', 'ws://host:99999/mqtt'])('%j → urlInvalid', (typed) => {
    expect(refused(typed)).toEqual({ message: MESSAGES.urlInvalid, params: { url: typed.trim() } });
  });
});

describe('address hints name the classroom server the page came from', () => {
  const classroom = { port: 8123, websocketPath: '/mqtt' };

  test('mqtt:// and port 1883 suggest the server\'s real WebSocket port, in both languages', () => {
    for (const typed of ['mqtt://192.168.1.2:1883', 'ws://192.168.1.2:1883/mqtt']) {
      const result = checkBrokerUrl(typed, 'http:', classroom);
      if (result.ok) throw new Error(`${typed} should be refused`);
      for (const locale of ['en', 'zh-cn'] as const) {
        const shown = translatePending(result.problem, locale);
        expect(shown).toContain('ws://192.168.1.2:8123/mqtt');
        expect(shown).not.toContain(':8000');
      }
    }
  });

  test('the mixed-content explanation points at the server\'s own editor on its real port', () => {
    const result = checkBrokerUrl('ws://192.168.1.2:8123/mqtt', 'https:', classroom);
    if (result.ok) throw new Error('should be refused');
    expect(translatePending(result.problem, 'en')).toContain('http://192.168.1.2:8123/scratch/');
  });

  test('without a classroom server to ask, the hint keeps the usual port 8000', () => {
    const result = checkBrokerUrl('mqtt://192.168.1.2:1883');
    if (result.ok) throw new Error('should be refused');
    expect(translatePending(result.problem, 'en')).toContain('ws://192.168.1.2:8000/mqtt');
  });

  test.each([
    ['ws://teacher-pc:8123/mqtt', { port: 8123, websocketPath: '/mqtt' }],
    ['ws://127.0.0.1:40111/mqtt', { port: 40111, websocketPath: '/mqtt' }],
    ['ws://teacher-pc/broker', { port: 80, websocketPath: '/broker' }],
    ['not a url', undefined],
    ['http://teacher-pc:8123/', undefined],
  ])('the page\'s broker URL %j → %j', (url, address) => {
    expect(classroomAddressOf(url)).toEqual(address);
  });

  test.each([
    ['http://teacher-pc:8123/mqtt-blocks.js', { port: 8123, websocketPath: '/mqtt' }],
    ['http://192.168.1.2/mqtt-blocks.js', { port: 80, websocketPath: '/mqtt' }],
    // The same file on an https site or under another path says nothing about a classroom broker.
    ['https://extensions.example.org/mqtt-blocks.js', undefined],
    ['http://example.org/ext/mqtt-blocks.js', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('the extension file loaded from %j → %j', (url, address) => {
    expect(classroomAddressOfExtensionUrl(url)).toEqual(address);
  });
});
