/** Texts of the dashboard page, in both page languages. */
import type { TextTable } from '../common/page-text';

export type DashboardTextKey =
  | 'pageTitle'
  | 'home'
  | 'monitor'
  | 'board'
  | 'searchPlaceholder'
  | 'searchLabel'
  | 'groupByLabel'
  | 'groupByParent'
  | 'groupByOne'
  | 'groupByTwo'
  | 'statusConnecting'
  | 'statusLive'
  | 'statusOffline'
  | 'empty'
  | 'nothingMatches'
  | 'pinned'
  | 'otherTopics'
  | 'pin'
  | 'unpin'
  | 'exportCsv'
  | 'exportGroupCsv'
  | 'textTopics'
  | 'from'
  | 'fromBroker'
  | 'controls'
  | 'controlsHelp'
  | 'addControl'
  | 'controlKind'
  | 'kindButton'
  | 'kindSwitch'
  | 'kindSlider'
  | 'kindText'
  | 'controlLabel'
  | 'controlTopic'
  | 'controlPayload'
  | 'controlOn'
  | 'controlOff'
  | 'controlMin'
  | 'controlMax'
  | 'controlStep'
  | 'qos'
  | 'retain'
  | 'retained'
  | 'skipped'
  | 'tooManyTopics'
  | 'add'
  | 'cancel'
  | 'remove'
  | 'send'
  | 'controlsOffline'
  | 'controlsConnecting'
  | 'controlsLive'
  | 'sentTo'
  | 'connections'
  | 'connectionsHelp'
  | 'connected'
  | 'refused'
  | 'noConnections'
  | 'noRefusals'
  | 'username'
  | 'password'
  | 'signIn'
  | 'signInHelp'
  | 'viewerCode'
  | 'sliderRange'
  | 'controlsSignIn'
  | 'controlsRefused'
  | 'noControls'
  | 'lastValue'
  | 'rate'
  | 'chartOf';

export const DASHBOARD_TEXT: TextTable<DashboardTextKey> = {
  pageTitle: { en: 'Classroom dashboard', 'zh-cn': '课堂仪表板' },
  home: { en: 'Classroom server', 'zh-cn': '课堂服务器' },
  monitor: { en: 'Message monitor', 'zh-cn': '消息监视器' },
  board: { en: 'Board editor', 'zh-cn': '开发板编辑器' },
  searchPlaceholder: { en: 'Search topics, e.g. class3 or class3/+/temp', 'zh-cn': '搜索主题，例如 class3 或 class3/+/temp' },
  searchLabel: { en: 'Show only topics', 'zh-cn': '只显示主题' },
  groupByLabel: { en: 'Group by', 'zh-cn': '分组方式' },
  groupByParent: { en: 'device (all but the last level)', 'zh-cn': '设备（除最后一层外的所有层）' },
  groupByOne: { en: 'first level (class)', 'zh-cn': '第一层（班级）' },
  groupByTwo: { en: 'first two levels (group)', 'zh-cn': '前两层（小组）' },
  statusConnecting: { en: 'Connecting…', 'zh-cn': '正在连接…' },
  statusLive: { en: 'Live', 'zh-cn': '实时' },
  statusOffline: { en: 'Server not reachable: is the classroom server still running?', 'zh-cn': '无法连接服务器：课堂服务器还在运行吗？' },
  empty: {
    en: 'No messages yet. When boards or Scratch projects publish numbers (like 21.5 or {"temp": 21.5}), a chart appears here for each topic.',
    'zh-cn': '还没有消息。当开发板或 Scratch 项目发布数字（例如 21.5 或 {"temp": 21.5}）时，每个主题都会在这里出现一张图表。',
  },
  nothingMatches: { en: 'No topic matches the search. Clear the search box to see everything.', 'zh-cn': '没有符合搜索的主题。清空搜索框即可看到全部。' },
  pinned: { en: 'Pinned', 'zh-cn': '已置顶' },
  otherTopics: { en: 'Other topics', 'zh-cn': '其他主题' },
  pin: { en: 'Pin to the top', 'zh-cn': '置顶' },
  unpin: { en: 'Unpin', 'zh-cn': '取消置顶' },
  exportCsv: { en: 'CSV', 'zh-cn': 'CSV' },
  exportGroupCsv: { en: 'Export group as CSV', 'zh-cn': '导出本组 CSV' },
  textTopics: { en: 'Text messages', 'zh-cn': '文字消息' },
  from: { en: 'from', 'zh-cn': '来自' },
  fromBroker: { en: 'the server', 'zh-cn': '服务器' },
  controls: { en: 'Controls', 'zh-cn': '控件' },
  controlsHelp: {
    en: 'Add a button, switch, slider or text box that publishes to a topic, e.g. to switch a lamp without writing a program.',
    'zh-cn': '添加按钮、开关、滑块或文本框，向主题发布消息，例如不用编程就能开关一盏灯。',
  },
  addControl: { en: 'Add a control', 'zh-cn': '添加控件' },
  controlKind: { en: 'Kind', 'zh-cn': '类型' },
  kindButton: { en: 'Button', 'zh-cn': '按钮' },
  kindSwitch: { en: 'Switch', 'zh-cn': '开关' },
  kindSlider: { en: 'Slider', 'zh-cn': '滑块' },
  kindText: { en: 'Text box', 'zh-cn': '文本框' },
  controlLabel: { en: 'Label', 'zh-cn': '名称' },
  controlTopic: { en: 'Topic', 'zh-cn': '主题' },
  controlPayload: { en: 'Message', 'zh-cn': '消息' },
  controlOn: { en: 'Message when on', 'zh-cn': '打开时的消息' },
  controlOff: { en: 'Message when off', 'zh-cn': '关闭时的消息' },
  controlMin: { en: 'Minimum', 'zh-cn': '最小值' },
  controlMax: { en: 'Maximum', 'zh-cn': '最大值' },
  controlStep: { en: 'Step', 'zh-cn': '步长' },
  qos: { en: 'QoS', 'zh-cn': 'QoS' },
  retain: { en: 'Retain (the server keeps the last message for newcomers)', 'zh-cn': '保留（服务器为之后订阅的人保留最后一条消息）' },
  retained: { en: 'retained', 'zh-cn': '保留' },
  skipped: {
    en: 'Some messages were skipped because they came faster than this page could read them.',
    'zh-cn': '有些消息来得比页面读取得快，已被跳过。',
  },
  tooManyTopics: {
    en: 'Too many topics: only the first 1000 are followed. Reload the page to start again with the newest ones.',
    'zh-cn': '主题太多：只跟踪前 1000 个。刷新页面即可从最新的主题重新开始。',
  },
  add: { en: 'Add', 'zh-cn': '添加' },
  cancel: { en: 'Cancel', 'zh-cn': '取消' },
  remove: { en: 'Remove', 'zh-cn': '删除' },
  send: { en: 'Send', 'zh-cn': '发送' },
  controlsOffline: { en: 'Controls are not connected to the broker yet.', 'zh-cn': '控件尚未连接到服务器。' },
  controlsConnecting: { en: 'Connecting the controls…', 'zh-cn': '控件正在连接…' },
  controlsLive: { en: 'Controls connected', 'zh-cn': '控件已连接' },
  sentTo: { en: 'Sent', 'zh-cn': '已发送' },
  connections: { en: 'Connections', 'zh-cn': '连接' },
  connectionsHelp: {
    en: 'Who is connected now, and who was turned away and why.',
    'zh-cn': '现在谁已连接，以及谁被拒绝、原因是什么。',
  },
  connected: { en: 'Connected', 'zh-cn': '已连接' },
  refused: { en: 'Refused', 'zh-cn': '被拒绝' },
  noConnections: { en: 'Nobody is connected.', 'zh-cn': '目前没有连接。' },
  noRefusals: { en: 'Nobody was refused.', 'zh-cn': '没有被拒绝的连接。' },
  username: { en: 'Username', 'zh-cn': '用户名' },
  password: { en: 'Password', 'zh-cn': '密码' },
  signIn: { en: 'Open the dashboard', 'zh-cn': '打开仪表板' },
  signInHelp: {
    en: 'This classroom server is open to the network: type the username and password shown in the teacher\'s terminal, or a viewer code.',
    'zh-cn': '此课堂服务器对局域网开放：请输入老师终端里显示的用户名和密码，或输入查看码。',
  },
  viewerCode: { en: 'Viewer code (read only)', 'zh-cn': '查看码（只读）' },
  sliderRange: {
    en: 'The slider needs a minimum smaller than its maximum, and a step above 0 that fits between them.',
    'zh-cn': '滑块的最小值必须小于最大值，步长必须大于 0 且不超过两者之差。',
  },
  controlsSignIn: {
    en: 'Controls need the classroom username and password: sign in above to use them.',
    'zh-cn': '控件需要课堂用户名和密码：请先在上方登录。',
  },
  controlsRefused: {
    en: 'The broker refused the controls: the username or password is wrong. Check them in the teacher\'s terminal and sign in again.',
    'zh-cn': '服务器拒绝了控件的连接：用户名或密码错误。请对照老师终端里显示的信息重新登录。',
  },
  noControls: { en: 'No controls yet.', 'zh-cn': '还没有控件。' },
  lastValue: { en: 'last value', 'zh-cn': '最新值' },
  rate: { en: 'msg/s', 'zh-cn': '条/秒' },
  chartOf: { en: 'Chart of', 'zh-cn': '图表：' },
};
