/**
 * The texts the board libraries print and put in `connection error`, in every locale. In the
 * library files (micropython.py, python.py) each is one line `_T_NAME = <English>`; the generator
 * writes those lines in the pupil's language (library.ts). test/generators/library.test.ts keeps
 * the English in the .py files equal to the English here, so the files run as they are.
 *
 * `%s` marks a value (Python's % formatting); a list is a tuple of reasons picked by number.
 * Short on purpose: every byte of text is RAM on the board.
 */
import type { LocalizedText } from '../../../blocks/types';

export type LibraryText = LocalizedText | ReadonlyArray<LocalizedText>;

export const LIBRARY_TEXTS: Readonly<Record<string, LibraryText>> = {
  _T_WIFI_OK: { en: 'Wi-Fi connected:', 'zh-cn': 'Wi-Fi 已连接：' },
  _T_WIFI_FAILED: {
    en: 'Wi-Fi %s did not connect: check its name and password.',
    'zh-cn': 'Wi-Fi %s 没有连上：请检查名称和密码。',
  },
  _T_UNREACHABLE: {
    en: 'Cannot reach the broker (%s). Is it running, and is the board on its network? Trying again.',
    'zh-cn': '无法连接到服务器（%s）。服务器启动了吗？开发板和它在同一个网络吗？正在重试。',
  },
  _T_PI_UNREACHABLE: {
    en: 'Cannot reach the broker at %s yet (still trying). Is it running?',
    'zh-cn': '还连不上服务器 %s（仍在重试）。服务器启动了吗？',
  },
  _T_REFUSED: { en: 'The broker refused the connection: %s', 'zh-cn': '服务器拒绝了连接：%s' },
  _T_REFUSALS: [
    { en: 'unsupported MQTT version.', 'zh-cn': '不支持这个 MQTT 版本。' },
    { en: 'client id rejected.', 'zh-cn': '客户端 ID 被拒绝。' },
    { en: 'broker unavailable.', 'zh-cn': '服务器暂时不可用。' },
    { en: 'wrong username or password.', 'zh-cn': '用户名或密码错误。' },
    { en: 'not authorised: check the username and password.', 'zh-cn': '没有权限：请检查用户名和密码。' },
  ],
  _T_LOST: { en: 'Lost the connection to the broker (%s). Reconnecting.', 'zh-cn': '与服务器的连接断开了（%s）。正在重新连接。' },
  _T_LOST_AFTER_PUBLISH: {
    en: 'Lost the connection to the broker right after a message to %s: it may not allow that topic. Reconnecting.',
    'zh-cn': '刚发布到 %s 就与服务器断开了连接：服务器可能不允许这个主题。正在重新连接。',
  },
  _T_NOT_CONNECTED: {
    en: 'Not connected, so the message to %s was not sent. Use "connect" first.',
    'zh-cn': '还没有连接，发往 %s 的消息没有发送。请先使用 "连接" 积木。',
  },
  _T_NOT_CONFIRMED: { en: 'The broker did not confirm the message to %s.', 'zh-cn': '服务器没有确认发往 %s 的消息。' },
  _T_SUBSCRIBE_REFUSED: {
    en: 'The broker refused the subscription to %s: ask your teacher.',
    'zh-cn': '服务器拒绝了对 %s 的订阅：请问老师。',
  },
  _T_BAD_TOPIC: { en: 'Cannot use the topic "%s": %s', 'zh-cn': '不能使用主题 "%s"：%s' },
  _T_TOPIC_PROBLEMS: [
    { en: 'it is empty.', 'zh-cn': '主题是空的。' },
    { en: 'it is too long or has a NUL character.', 'zh-cn': '主题太长或含有 NUL 字符。' },
    { en: '+ and # are only for subscribing.', 'zh-cn': '+ 和 # 只能用于订阅。' },
    { en: '$SYS topics belong to the broker.', 'zh-cn': '$SYS 主题属于服务器。' },
    { en: '# and + must fill a whole level, like a/+/b or a/#.', 'zh-cn': '# 和 + 必须单独占一整层，例如 a/+/b 或 a/#。' },
  ],
  _T_BAD_ADDRESS: {
    en: '"%s" is not a broker address a board can use. Write it like mqtt://192.168.1.2:1883 (not ws:// or a WebSocket port).',
    'zh-cn': '"%s" 不是开发板可用的服务器地址。请写成 mqtt://192.168.1.2:1883 这样的形式（不能用 ws:// 或 WebSocket 端口）。',
  },
  _T_SCRIPT_ERROR: { en: 'Error in %s: %s', 'zh-cn': '%s 出错了：%s' },
  _T_STOPPED: { en: 'Stopped.', 'zh-cn': '已停止。' },
};
