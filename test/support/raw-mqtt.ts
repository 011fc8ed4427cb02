/**
 * Hand-built MQTT 3.1.1 packets for tests that must send what no well-behaved client library would:
 * oversized or malformed headers, clients that connect and then stop reading.
 */
import net from 'node:net';

function remainingLength(length: number): Buffer {
  const bytes: number[] = [];
  do {
    let byte = length % 128;
    length = Math.floor(length / 128);
    if (length > 0) byte |= 0x80;
    bytes.push(byte);
  } while (length > 0);
  return Buffer.from(bytes);
}

function mqttString(text: string | Buffer): Buffer {
  const body = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  const length = Buffer.alloc(2);
  length.writeUInt16BE(body.length);
  return Buffer.concat([length, body]);
}

function packet(firstByte: number, body: Buffer): Buffer {
  return Buffer.concat([Buffer.from([firstByte]), remainingLength(body.length), body]);
}

export function connectPacket(clientId: string, login: { username?: string; password?: string } = {}, keepaliveSeconds = 60): Buffer {
  let flags = 0x02; // clean session
  if (login.username !== undefined) flags |= 0x80;
  if (login.password !== undefined) flags |= 0x40;
  const keepalive = Buffer.alloc(2);
  keepalive.writeUInt16BE(keepaliveSeconds);
  const parts = [mqttString('MQTT'), Buffer.from([4, flags]), keepalive, mqttString(clientId)];
  if (login.username !== undefined) parts.push(mqttString(login.username));
  if (login.password !== undefined) parts.push(mqttString(login.password));
  return packet(0x10, Buffer.concat(parts));
}

export function subscribePacket(topic: string, qos = 0, messageId = 1): Buffer {
  const id = Buffer.alloc(2);
  id.writeUInt16BE(messageId);
  return packet(0x82, Buffer.concat([id, mqttString(topic), Buffer.from([qos])]));
}

export function publishPacket(topic: string, payload: Buffer | string): Buffer {
  return packet(0x30, Buffer.concat([mqttString(topic), typeof payload === 'string' ? Buffer.from(payload) : payload]));
}

/** Only the fixed header of a packet that claims `declaredLength` bytes of body. */
export function headerOnly(firstByte: number, declaredLength: number): Buffer {
  return Buffer.concat([Buffer.from([firstByte]), remainingLength(declaredLength)]);
}

/** Opens a raw TCP connection and collects whatever the server sends. */
export function rawConnection(port: number): Promise<RawConnection> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const received: Buffer[] = [];
    let closed = false;
    const closedPromise = new Promise<void>((done) => socket.once('close', () => {
      closed = true;
      done();
    }));
    socket.on('data', (chunk: Buffer) => received.push(chunk));
    socket.on('error', () => {});
    socket.once('connect', () =>
      resolve({
        socket,
        received: () => Buffer.concat(received),
        isClosed: () => closed,
        closed: closedPromise,
      }),
    );
    socket.once('error', reject);
  });
}

export interface RawConnection {
  socket: net.Socket;
  received(): Buffer;
  isClosed(): boolean;
  closed: Promise<void>;
}
