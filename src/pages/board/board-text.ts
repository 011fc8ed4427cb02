/** Texts of the board editor page itself (Blockly's and the blocks' texts come from src/blockly/). */
import type { LocalizedText } from '../../../blocks/types';
import type { TextTable } from '../common/page-text';

export type BoardTextKey =
  | 'pageTitle'
  | 'heading'
  | 'home'
  | 'monitorPage'
  | 'save'
  | 'saveTitle'
  | 'open'
  | 'openTitle'
  | 'codeTabs'
  | 'tabMicropython'
  | 'tabPython'
  | 'copy'
  | 'download'
  | 'hintMicropython'
  | 'hintPython'
  | 'codeErrorTitle'
  | 'loading';

export const BOARD_TEXT: TextTable<BoardTextKey> = {
  pageTitle: { en: 'MQTT board editor', 'zh-cn': 'MQTT 开发板编辑器' },
  heading: { en: 'Board editor', 'zh-cn': '开发板编辑器' },
  home: { en: 'Classroom server', 'zh-cn': '课堂服务器' },
  monitorPage: { en: 'Big monitor', 'zh-cn': '大屏监视器' },
  save: { en: 'Save', 'zh-cn': '保存' },
  saveTitle: { en: 'Save your blocks to a .json file', 'zh-cn': '把积木保存为 .json 文件' },
  open: { en: 'Open', 'zh-cn': '打开' },
  openTitle: { en: 'Open blocks saved in a .json file', 'zh-cn': '打开保存过的 .json 积木文件' },
  codeTabs: { en: 'Generated code', 'zh-cn': '生成的代码' },
  tabMicropython: { en: 'MicroPython', 'zh-cn': 'MicroPython' },
  tabPython: { en: 'Python (Raspberry Pi)', 'zh-cn': 'Python（树莓派）' },
  copy: { en: 'Copy', 'zh-cn': '复制' },
  download: { en: 'Download main.py', 'zh-cn': '下载 main.py' },
  hintMicropython: {
    en: 'For ESP32 / ESP8266 boards: save it on the board as main.py (for example with Thonny).',
    'zh-cn': '用于 ESP32 / ESP8266 开发板：保存到开发板上，文件名为 main.py（例如用 Thonny）。',
  },
  hintPython: {
    en: 'For a Raspberry Pi: install paho-mqtt (sudo apt install python3-paho-mqtt), then run python3 main.py.',
    'zh-cn': '用于树莓派：先安装 paho-mqtt（sudo apt install python3-paho-mqtt），再运行 python3 main.py。',
  },
  codeErrorTitle: { en: 'The code cannot be made yet:', 'zh-cn': '暂时无法生成代码：' },
  loading: {
    en: 'Loading the editor… If this message stays, the editor has not been built: run "npm run build" in the mqtt-blocks folder, then reload.',
    'zh-cn': '正在加载编辑器…如果一直显示这条消息，说明编辑器还没有生成：请在 mqtt-blocks 文件夹中运行 "npm run build"，然后刷新页面。',
  },
};

/** Messages with details in them (file names, addresses, error text). */
export const BOARD_MESSAGES = {
  copied: { en: 'Copied!', 'zh-cn': '已复制！' },
  copyFailed: { en: 'Could not copy: select the code and press Ctrl+C.', 'zh-cn': '无法复制：请选中代码后按 Ctrl+C。' },
  opened: (name: string): LocalizedText => ({ en: `Opened "${name}".`, 'zh-cn': `已打开“${name}”。` }),
  notOpened: (name: string, reason: LocalizedText): LocalizedText => ({
    en: `Could not open "${name}": ${reason.en} Your blocks were not changed.`,
    'zh-cn': `无法打开“${name}”：${reason['zh-cn']} 你的积木没有被改动。`,
  }),
  tooBig: { en: 'the file is too big to be a block program.', 'zh-cn': '文件太大，不是积木程序。' },
  restoreFailed: {
    en: 'The blocks from your last visit could not be restored; a copy was kept in this browser. Starting with an empty workspace.',
    'zh-cn': '无法恢复上次的积木（已在浏览器中保留一份副本）。现在从空白工作区开始。',
  },
  autosaveFailed: {
    en: 'This browser cannot keep your blocks automatically: use Save to keep them in a file.',
    'zh-cn': '此浏览器无法自动保存积木：请用“保存”把它们存成文件。',
  },
  brokerLan: (url: string): LocalizedText => ({
    en: `Boards connect to ${url} (already filled in the connect block).`,
    'zh-cn': `开发板连接到 ${url}（已填入“连接”积木）。`,
  }),
  brokerLocal: (url: string): LocalizedText => ({
    en: `The classroom server only accepts this computer (${url}). For boards, start it with --lan.`,
    'zh-cn': `课堂服务器目前只接受本机连接（${url}）。要让开发板连接，请用 --lan 启动。`,
  }),
  generatorBug: (detail: string): LocalizedText => ({
    en: `Something went wrong while making the code (${detail}). Please tell your teacher.`,
    'zh-cn': `生成代码时出错（${detail}）。请告诉老师。`,
  }),
} as const;
