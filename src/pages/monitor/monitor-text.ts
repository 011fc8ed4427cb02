/** Texts of the message monitor panel, in both page languages. */
import type { TextTable } from '../common/page-text';

export type MonitorTextKey =
  | 'title'
  | 'filterPlaceholder'
  | 'filterLabel'
  | 'pause'
  | 'resume'
  | 'clear'
  | 'empty'
  | 'statusConnecting'
  | 'statusLive'
  | 'statusOffline'
  | 'retained'
  | 'time'
  | 'topic'
  | 'payload';

export const MONITOR_TEXT: TextTable<MonitorTextKey> = {
  title: { en: 'Messages', 'zh-cn': '消息监视器' },
  filterPlaceholder: { en: 'Filter, e.g. home/#', 'zh-cn': '筛选，例如 home/#' },
  filterLabel: { en: 'Show only topics', 'zh-cn': '只显示主题' },
  pause: { en: 'Pause', 'zh-cn': '暂停' },
  resume: { en: 'Resume', 'zh-cn': '继续' },
  clear: { en: 'Clear', 'zh-cn': '清空' },
  empty: {
    en: 'No messages yet. Every message sent to the classroom broker shows up here.',
    'zh-cn': '还没有消息。发送到课堂服务器的每条消息都会显示在这里。',
  },
  statusConnecting: { en: 'Connecting…', 'zh-cn': '正在连接…' },
  statusLive: { en: 'Live', 'zh-cn': '实时' },
  statusOffline: { en: 'Server not reachable', 'zh-cn': '无法连接服务器' },
  retained: { en: 'retained', 'zh-cn': '保留' },
  time: { en: 'Time', 'zh-cn': '时间' },
  topic: { en: 'Topic', 'zh-cn': '主题' },
  payload: { en: 'Message', 'zh-cn': '消息' },
};

/** Texts with a number in them. */
export const MONITOR_COUNTS = {
  waiting: (n: number) => ({ en: `Paused: ${n} new message${n === 1 ? '' : 's'} waiting`, 'zh-cn': `已暂停：${n} 条新消息等待显示` }),
  skipped: (n: number) => ({
    en: `${n} message${n === 1 ? ' was' : 's were'} skipped (too many at once)`,
    'zh-cn': `有 ${n} 条消息因为太多太快而被跳过`,
  }),
  truncated: (bytes: number) => ({ en: `… (cut, ${bytes} bytes in all)`, 'zh-cn': `…（已截断，共 ${bytes} 字节）` }),
} as const;
