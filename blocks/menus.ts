import type { MenuSpec } from './types';

/** QoS levels 0, 1, 2 (shown as the numbers in every language). Boards cap 2 at 1 (umqtt.simple has no QoS 2); the generators say so. */
export const QOS_MENU: MenuSpec = {
  name: 'QOS',
  items: ['0', '1', '2'].map((level) => ({ value: level })),
};

export const RETAIN_MENU: MenuSpec = {
  name: 'RETAIN',
  items: [
    { value: 'no', text: { id: 'mqtt.menu.retain.no', default: 'no', description: 'Choice in the "retain" menu of the publish block: the broker does not keep the message.' } },
    { value: 'yes', text: { id: 'mqtt.menu.retain.yes', default: 'yes', description: 'Choice in the "retain" menu of the publish block: the broker keeps the message for later subscribers.' } },
  ],
};

export const CONNECTION_STATE_MENU: MenuSpec = {
  name: 'STATE',
  items: [
    {
      value: 'connected',
      text: { id: 'mqtt.menu.state.connected', default: 'connected', description: 'Choice of the "when [STATE]" hat block: runs when the connection is made.' },
    },
    {
      value: 'disconnected',
      text: { id: 'mqtt.menu.state.disconnected', default: 'disconnected', description: 'Choice of the "when [STATE]" hat block: runs when the connection is lost.' },
    },
  ],
};
