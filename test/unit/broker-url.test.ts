import { MESSAGES } from '../../src/i18n/messages';
import { checkBrokerUrl } from '../../src/session/broker-url';

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
