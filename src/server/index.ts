/** Public API of the classroom server (used by the CLI and by tests). */
export {
  startClassroomServer,
  DEFAULT_HTTP_PORT,
  DEFAULT_TCP_PORT,
  WEBSOCKET_PATH,
  type ClassroomServer,
  type ClassroomServerOptions,
} from './classroom-server';
export { ListenError } from './port-errors';
export type { BrokerInfo } from './http-app';
export type { MonitoredMessage } from './monitor';
