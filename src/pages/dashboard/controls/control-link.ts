/**
 * The dashboard's own MQTT connection, used only to publish what the teacher's controls send.
 * It is the project's MqttSession (bounded connect, no reconnect storm after a refusal, automatic
 * reconnects), so the controls behave exactly like a pupil's publish block.
 */
import mqtt from 'mqtt';
import type { PendingMessage } from '../../../i18n/translate';
import { MqttSession } from '../../../session/mqtt-session';
import type { QoS } from './control-config';

export type LinkState = 'offline' | 'connecting' | 'live';

export class ControlLink {
  state: LinkState = 'offline';
  private readonly session: MqttSession;

  constructor(private readonly onChange: () => void) {
    this.session = new MqttSession(
      { message: () => {}, connectionChanged: (connected) => this.setState(connected ? 'live' : 'connecting') },
      { connect: mqtt.connect, pageProtocol: location.protocol, clientIdPrefix: 'dashboard' },
    );
  }

  get lastError(): PendingMessage | null {
    return this.session.lastError;
  }

  async connect(url: string, username: string, password: string): Promise<void> {
    this.setState('connecting');
    await this.session.connect(url, username, password);
    this.setState(this.session.connected ? 'live' : 'offline');
  }

  /** Returns the problem, if the message could not be handed to the broker. */
  publish(topic: string, payload: string, qos: QoS, retain: boolean): PendingMessage | null {
    this.session.lastError = null;
    this.session.publish(topic, payload, qos, retain);
    return this.session.lastError;
  }

  close(): void {
    void this.session.disconnect();
  }

  private setState(state: LinkState): void {
    this.state = state;
    this.onChange();
  }
}
