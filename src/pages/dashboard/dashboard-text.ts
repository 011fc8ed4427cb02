/** Texts of the dashboard page (see src/i18n/README.md: English here, other languages in src/i18n/locales/). */
import { translate, type Locale, type MessageParams } from '../../i18n/translate';
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
  | 'historyHelp'
  | 'pinned'
  | 'otherTopics'
  | 'pin'
  | 'unpin'
  | 'exportCsv'
  | 'exportGroupCsv'
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
  | 'sliderRange'
  | 'controlsSignIn'
  | 'controlsRefused'
  | 'noControls'
  | 'lastValue'
  | 'rate'
  | 'chartOf';

export const DASHBOARD_TEXT = {
  pageTitle: {
    id: 'mqtt.page.dashboard.title',
    default: "Classroom dashboard",
    description: "Dashboard page: title in the top bar and the browser tab.",
  },
  home: {
    id: 'mqtt.page.dashboard.link.home',
    default: "Classroom server",
    description: "Dashboard page: tooltip of the MQTT Blocks logo, which leads to the classroom server's home page.",
  },
  monitor: {
    id: 'mqtt.page.dashboard.link.monitor',
    default: "Message monitor",
    description: "Dashboard page: top bar link to the message monitor page.",
  },
  board: {
    id: 'mqtt.page.dashboard.link.board',
    default: "Board editor",
    description: "Dashboard page: top bar link to the board editor page.",
  },
  searchPlaceholder: {
    id: 'mqtt.page.dashboard.search.placeholder',
    default: "Search topics, e.g. class3 or class3/+/temp",
    description: "Dashboard: placeholder of the topic search box. class3 and class3/+/temp are example topic text and filter; keep them.",
  },
  searchLabel: {
    id: 'mqtt.page.dashboard.search.label',
    default: "Show only topics",
    description: "Dashboard: accessible label of the topic search box.",
  },
  groupByLabel: {
    id: 'mqtt.page.dashboard.groupBy.label',
    default: "Group by",
    description: "Dashboard: label of the menu choosing how topics are grouped by their levels.",
  },
  groupByParent: {
    id: 'mqtt.page.dashboard.groupBy.parent',
    default: "device (all but the last level)",
    description: "Dashboard, group-by menu: one group per device, i.e. every topic level except the last one.",
  },
  groupByOne: {
    id: 'mqtt.page.dashboard.groupBy.one',
    default: "first level (class)",
    description: "Dashboard, group-by menu: one group per first topic level (usually the class).",
  },
  groupByTwo: {
    id: 'mqtt.page.dashboard.groupBy.two',
    default: "first two levels (group)",
    description: "Dashboard, group-by menu: one group per first two topic levels (usually class and group).",
  },
  statusConnecting: {
    id: 'mqtt.page.dashboard.status.connecting',
    default: "Connecting…",
    description: "Dashboard: status while connecting to the classroom server's message feed.",
  },
  statusLive: {
    id: 'mqtt.page.dashboard.status.live',
    default: "Live",
    description: "Dashboard: status while messages arrive live.",
  },
  statusOffline: {
    id: 'mqtt.page.dashboard.status.offline',
    default: "Server not reachable: is the classroom server still running?",
    description: "Dashboard: status when the classroom server cannot be reached.",
  },
  empty: {
    id: 'mqtt.page.dashboard.empty',
    default: "No messages yet. When boards or Scratch projects publish numbers (like 21.5, or JSON with numbers in it), a chart appears here for each topic.",
    description: "Dashboard: shown while no message has arrived yet; says when charts appear.",
  },
  nothingMatches: {
    id: 'mqtt.page.dashboard.nothingMatches',
    default: "No topic matches the search. Clear the search box to see everything.",
    description: "Dashboard: shown when the search box hides every topic.",
  },
  historyHelp: {
    id: 'mqtt.page.dashboard.history.help',
    default: "Each chart shows the last {minutes} minutes (at most {points} values per topic). The classroom server keeps them, so after reloading this page or opening it on the projector the charts are complete. Restarting the server starts them afresh. CSV downloads everything a chart shows.",
    description: "Dashboard: help line under the toolbar about how much history the charts keep and where. {minutes} is a number such as 10, {points} a number such as 10,000.",
  },
  pinned: {
    id: 'mqtt.page.dashboard.pinned',
    default: "Pinned",
    description: "Dashboard: heading of the section holding the topics the teacher pinned to the top.",
  },
  otherTopics: {
    id: 'mqtt.page.dashboard.otherTopics',
    default: "Other topics",
    description: "Dashboard: heading of the group of topics that have a single level (no slash).",
  },
  pin: {
    id: 'mqtt.page.dashboard.pin',
    default: "Pin to the top",
    description: "Dashboard: tooltip of the star button that pins a topic to the top of the page.",
  },
  unpin: {
    id: 'mqtt.page.dashboard.unpin',
    default: "Unpin",
    description: "Dashboard: tooltip of the star button of a pinned topic, which unpins it.",
  },
  exportCsv: {
    id: 'mqtt.page.dashboard.exportCsv',
    default: "Download this chart's data as a CSV spreadsheet",
    description: "Dashboard: tooltip of a chart's button downloading its history as a CSV spreadsheet file.",
  },
  exportGroupCsv: {
    id: 'mqtt.page.dashboard.exportGroupCsv',
    default: "Export group as CSV",
    description: "Dashboard: button downloading the history of every chart of a group as one CSV spreadsheet file.",
  },
  controls: {
    id: 'mqtt.page.dashboard.controls.title',
    default: "Controls",
    description: "Dashboard: heading of the panel with the teacher's controls (buttons, switches, sliders, text boxes).",
  },
  controlsHelp: {
    id: 'mqtt.page.dashboard.controls.help',
    default: "Add a button, switch, slider or text box that publishes to a topic, e.g. to switch a lamp without writing a program.",
    description: "Dashboard: explanation under the controls heading.",
  },
  addControl: {
    id: 'mqtt.page.dashboard.controls.add',
    default: "Add a control",
    description: "Dashboard: button opening the form that adds a control.",
  },
  controlKind: {
    id: 'mqtt.page.dashboard.controls.kind',
    default: "Kind",
    description: "Dashboard, add-control form: label of the menu choosing the kind of control.",
  },
  kindButton: {
    id: 'mqtt.page.dashboard.controls.kind.button',
    default: "Button",
    description: "Dashboard: kind of control, a push button that sends one message.",
  },
  kindSwitch: {
    id: 'mqtt.page.dashboard.controls.kind.switch',
    default: "Switch",
    description: "Dashboard: kind of control, an on/off switch.",
  },
  kindSlider: {
    id: 'mqtt.page.dashboard.controls.kind.slider',
    default: "Slider",
    description: "Dashboard: kind of control, a slider sending a number.",
  },
  kindText: {
    id: 'mqtt.page.dashboard.controls.kind.text',
    default: "Text box",
    description: "Dashboard: kind of control, a text box with a send button.",
  },
  controlLabel: {
    id: 'mqtt.page.dashboard.controls.label',
    default: "Label",
    description: "Dashboard, add-control form: label of the field naming the control.",
  },
  controlTopic: {
    id: 'mqtt.page.dashboard.controls.topic',
    default: "Topic",
    description: "Dashboard, add-control form: label of the field with the MQTT topic the control publishes to.",
  },
  controlPayload: {
    id: 'mqtt.page.dashboard.controls.payload',
    default: "Message",
    description: "Dashboard, add-control form: label of the field with the message a button sends.",
  },
  controlOn: {
    id: 'mqtt.page.dashboard.controls.on',
    default: "Message when on",
    description: "Dashboard, add-control form: label of the field with the message a switch sends when turned on.",
  },
  controlOff: {
    id: 'mqtt.page.dashboard.controls.off',
    default: "Message when off",
    description: "Dashboard, add-control form: label of the field with the message a switch sends when turned off.",
  },
  controlMin: {
    id: 'mqtt.page.dashboard.controls.min',
    default: "Minimum",
    description: "Dashboard, add-control form: label of the slider's smallest value.",
  },
  controlMax: {
    id: 'mqtt.page.dashboard.controls.max',
    default: "Maximum",
    description: "Dashboard, add-control form: label of the slider's largest value.",
  },
  controlStep: {
    id: 'mqtt.page.dashboard.controls.step',
    default: "Step",
    description: "Dashboard, add-control form: label of the slider's step between values.",
  },
  qos: {
    id: 'mqtt.page.dashboard.controls.qos',
    default: "QoS (delivery guarantee)",
    description: "Dashboard, add-control form: label of the MQTT QoS menu (0, 1, 2). QoS is a technical term; usually kept as is.",
  },
  retain: {
    id: 'mqtt.page.dashboard.controls.retain',
    default: "Retain (the server keeps the last message for newcomers)",
    description: "Dashboard, add-control form: checkbox asking the broker to keep the last message for clients that subscribe later.",
  },
  retained: {
    id: 'mqtt.page.dashboard.controls.retained',
    default: "retained",
    description: "Dashboard: short note on a control whose messages are retained by the broker.",
  },
  skipped: {
    id: 'mqtt.page.dashboard.skipped',
    default: "Some messages were skipped because they came faster than this page could read them.",
    description: "Dashboard: notice that the server skipped messages because the page read them too slowly.",
  },
  tooManyTopics: {
    id: 'mqtt.page.dashboard.tooManyTopics',
    default: "Too many topics: only the first 1000 are followed. Reload the page to start again with the newest ones.",
    description: "Dashboard: notice that the page stopped following new topics after 1000 of them.",
  },
  add: {
    id: 'mqtt.page.dashboard.controls.submit',
    default: "Add",
    description: "Dashboard, add-control form: button adding the control.",
  },
  cancel: {
    id: 'mqtt.page.dashboard.controls.cancel',
    default: "Cancel",
    description: "Dashboard, add-control form: button closing the form without adding anything.",
  },
  remove: {
    id: 'mqtt.page.dashboard.controls.remove',
    default: "Remove {name}",
    description: "Dashboard: accessible label of the × button removing a control. {name} is the control's label or topic.",
  },
  send: {
    id: 'mqtt.page.dashboard.controls.send',
    default: "Send",
    description: "Dashboard: button of a text-box control sending what was typed.",
  },
  controlsOffline: {
    id: 'mqtt.page.dashboard.controls.offline',
    default: "Controls are not connected to the broker yet.",
    description: "Dashboard: status of the controls while they have no connection to the broker.",
  },
  controlsConnecting: {
    id: 'mqtt.page.dashboard.controls.connecting',
    default: "Connecting the controls…",
    description: "Dashboard: status of the controls while they connect to the broker.",
  },
  controlsLive: {
    id: 'mqtt.page.dashboard.controls.live',
    default: "Controls connected",
    description: "Dashboard: status of the controls once connected to the broker.",
  },
  sentTo: {
    id: 'mqtt.page.dashboard.controls.sent',
    default: "Sent: {message}",
    description: "Dashboard: feedback under a control after it published. {message} is the message sent.",
  },
  connections: {
    id: 'mqtt.page.dashboard.connections.title',
    default: "Connections",
    description: "Dashboard: heading of the panel listing connected and refused clients.",
  },
  connectionsHelp: {
    id: 'mqtt.page.dashboard.connections.help',
    default: "Who is connected now, and who was turned away and why.",
    description: "Dashboard: explanation under the connections heading.",
  },
  connected: {
    id: 'mqtt.page.dashboard.connections.connected',
    default: "Connected",
    description: "Dashboard, connections panel: heading of the list of clients connected now.",
  },
  refused: {
    id: 'mqtt.page.dashboard.connections.refused',
    default: "Refused",
    description: "Dashboard, connections panel: heading of the list of clients the broker turned away.",
  },
  noConnections: {
    id: 'mqtt.page.dashboard.connections.none',
    default: "Nobody is connected.",
    description: "Dashboard, connections panel: shown when no client is connected.",
  },
  noRefusals: {
    id: 'mqtt.page.dashboard.connections.noRefusals',
    default: "Nobody was refused.",
    description: "Dashboard, connections panel: shown when no client was refused.",
  },
  username: {
    id: 'mqtt.page.dashboard.signIn.username',
    default: "Username",
    description: "Dashboard, sign-in form: label of the username field.",
  },
  password: {
    id: 'mqtt.page.dashboard.signIn.password',
    default: "Password",
    description: "Dashboard, sign-in form: label of the password field.",
  },
  signIn: {
    id: 'mqtt.page.dashboard.signIn.submit',
    default: "Connect the controls",
    description: "Dashboard, controls sign-in form: button connecting the controls to the broker with the typed username and password.",
  },
  signInHelp: {
    id: 'mqtt.page.dashboard.signIn.help',
    default: "The controls publish as the teacher: type the classroom username and password shown in the teacher's terminal. (The viewer code can only watch.)",
    description: "Dashboard, controls sign-in form: why it is asked and where the teacher finds the username and password.",
  },
  sliderRange: {
    id: 'mqtt.page.dashboard.controls.sliderRange',
    default: "The slider needs a minimum smaller than its maximum, and a step above 0 that fits between them.",
    description: "Dashboard, add-control form: error when the slider's minimum, maximum or step do not make sense.",
  },
  controlsSignIn: {
    id: 'mqtt.page.dashboard.controls.signIn',
    default: "Controls need the classroom username and password: sign in above to use them.",
    description: "Dashboard: status of the controls when the server needs the classroom username and password first.",
  },
  controlsRefused: {
    id: 'mqtt.page.dashboard.controls.refused',
    default: "The broker refused the controls: the username or password is wrong. Check them in the teacher's terminal and sign in again.",
    description: "Dashboard: status of the controls when the broker refused the username or password.",
  },
  noControls: {
    id: 'mqtt.page.dashboard.controls.none',
    default: "No controls yet.",
    description: "Dashboard: shown in the controls panel before the teacher added any control.",
  },
  lastValue: {
    id: 'mqtt.page.dashboard.lastValue',
    default: "last value",
    description: "Dashboard: words in a chart's accessible name before its latest value(s).",
  },
  rate: {
    id: 'mqtt.page.dashboard.rate',
    default: "{rate} msg/s",
    description: "Dashboard: messages per second on a topic. {rate} is a number such as 2.5.",
  },
  chartOf: {
    id: 'mqtt.page.dashboard.chartOf',
    default: "Chart of",
    description: "Dashboard: words at the start of a chart's accessible name, before the topic.",
  },
} as const satisfies TextTable<DashboardTextKey>;

/** A dashboard text in `locale`, with its `{name}` values filled in. */
export function say(key: DashboardTextKey, locale: Locale, params?: MessageParams): string {
  return translate(DASHBOARD_TEXT[key], locale, params);
}
