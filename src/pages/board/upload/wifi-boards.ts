/**
 * The boards the classroom broker knows (their classroom loaders' retained status messages) and
 * sending a program to one of them, from the page, over the broker's WebSocket at /mqtt.
 */
import mqtt, { type MqttClient } from 'mqtt';
import { ALL_STATUS_TOPICS, parseStatus, type BoardStatus } from '../../../ota/ota-protocol';
import { sendProgram, type SendOptions, type SendResult } from '../../../ota/send-program';

export class WifiBoards {
  private client: MqttClient | null = null;
  private readonly boards = new Map<string, BoardStatus>();
  private listener: (boards: BoardStatus[]) => void = () => undefined;
  private failure: (error: Error) => void = () => undefined;

  onChange(listener: (boards: BoardStatus[]) => void): void {
    this.listener = listener;
  }

  onFailure(listener: (error: Error) => void): void {
    this.failure = listener;
  }

  get connected(): boolean {
    return this.client?.connected === true;
  }

  /** Online boards, by name. */
  online(): BoardStatus[] {
    return [...this.boards.values()].filter((status) => status.online).sort((a, b) => a.board.localeCompare(b.board));
  }

  /** Connects (again) with these credentials; the class password when the server asks for one. */
  start(websocketUrl: string, credentials?: { username: string; password: string }): Promise<void> {
    this.stop();
    const client = mqtt.connect(websocketUrl, {
      clientId: `mqtt-blocks-board-page-${Math.random().toString(16).slice(2, 10)}`,
      username: credentials?.username || undefined,
      password: credentials?.password || undefined,
      reconnectPeriod: 5000,
      connectTimeout: 10000,
    });
    this.client = client;
    client.on('message', (topic, payload) => {
      const status = parseStatus(topic, payload);
      if (status === null) return;
      this.boards.set(status.board, status);
      this.listener(this.online());
    });
    return new Promise((resolve, reject) => {
      client.once('connect', () => {
        client.subscribe(ALL_STATUS_TOPICS, { qos: 1 });
        resolve();
      });
      client.once('error', (error) => {
        this.failure(error);
        // A refused login would only be refused again: stop instead of retrying every 5 s.
        client.end(true);
        reject(error);
      });
    });
  }

  stop(): void {
    this.client?.end(true);
    this.client = null;
    this.boards.clear();
  }

  send(board: string, program: Uint8Array, options: SendOptions): Promise<SendResult> {
    if (this.client === null || !this.client.connected) return Promise.reject(new Error('not connected to the classroom broker'));
    return sendProgram(this.client, board, program, options);
  }
}
