import type { MenuSpec } from './types';

/** QoS levels 0, 1, 2. Boards cap 2 at 1 (umqtt.simple has no QoS 2); the generators say so. */
export const QOS_MENU: MenuSpec = {
  name: 'QOS',
  items: ['0', '1', '2'].map((level) => ({ value: level, text: { en: level, 'zh-cn': level } })),
};

export const RETAIN_MENU: MenuSpec = {
  name: 'RETAIN',
  items: [
    { value: 'no', text: { en: 'no', 'zh-cn': '否' } },
    { value: 'yes', text: { en: 'yes', 'zh-cn': '是' } },
  ],
};

export const CONNECTION_STATE_MENU: MenuSpec = {
  name: 'STATE',
  items: [
    { value: 'connected', text: { en: 'connected', 'zh-cn': '连接成功' } },
    { value: 'disconnected', text: { en: 'disconnected', 'zh-cn': '连接断开' } },
  ],
};
