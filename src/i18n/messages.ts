/**
 * Every error and notice a pupil can see, in English and Simplified Chinese.
 * Each one says what happened and what to do next, in plain words. `{name}` marks a value.
 */
import type { LocalizedText } from '../../blocks/types';

const WS_PORT_HINT_EN =
  'ws://{host}:8000/mqtt (the mqtt-blocks classroom server), ws://{host}:8083/mqtt (EMQX) or ws://{host}:9001 (Mosquitto with websockets)';
const WS_PORT_HINT_ZH =
  'ws://{host}:8000/mqtt（mqtt-blocks 课堂服务器）、ws://{host}:8083/mqtt（EMQX）或 ws://{host}:9001（开启 websockets 的 Mosquitto）';

export const MESSAGES = {
  urlEmpty: {
    en: "Type the broker's address into the connect block, for example ws://localhost:8000/mqtt.",
    'zh-cn': '请在连接积木中填写服务器地址，例如 ws://localhost:8000/mqtt。',
  },
  urlInvalid: {
    en: '"{url}" is not a broker address. Write it like ws://localhost:8000/mqtt.',
    'zh-cn': '"{url}" 不是有效的服务器地址。请写成 ws://localhost:8000/mqtt 这样的格式。',
  },
  urlTcpScheme: {
    en: `A browser cannot use {scheme}:// addresses: that is plain TCP, for boards. Use the broker's WebSocket address instead, for example ${WS_PORT_HINT_EN}.`,
    'zh-cn': `浏览器不能使用 {scheme}:// 地址：那是给开发板用的 TCP 连接。请改用服务器的 WebSocket 地址，例如 ${WS_PORT_HINT_ZH}。`,
  },
  urlTcpPort: {
    en: `Port {port} is the broker's TCP port for boards; a browser cannot connect to it. Use the broker's WebSocket port instead, for example ${WS_PORT_HINT_EN}.`,
    'zh-cn': `端口 {port} 是给开发板用的 TCP 端口，浏览器无法连接。请改用服务器的 WebSocket 端口，例如 ${WS_PORT_HINT_ZH}。`,
  },
  urlUnsupportedScheme: {
    en: '{scheme}:// is not an MQTT address a browser can use. Start the address with ws:// or wss://.',
    'zh-cn': '{scheme}:// 不是浏览器可用的 MQTT 地址。请以 ws:// 或 wss:// 开头。',
  },
  mixedContent: {
    en: 'This editor page is secure (https), so the browser blocks the insecure address {url}. Use the wss:// address of the broker (for example wss://{host}:8084/mqtt), or use an editor opened over http: the classroom server\'s own Scratch editor (http://{host}:8000/scratch/) or the TurboWarp desktop app.',
    'zh-cn': '当前编辑器页面是安全的 https 页面，浏览器会阻止不安全的地址 {url}。请使用服务器的 wss:// 地址（例如 wss://{host}:8084/mqtt），或改用通过 http 打开的编辑器：课堂服务器自带的 Scratch 编辑器（http://{host}:8000/scratch/）或 TurboWarp 桌面版。',
  },
  notAllowed: {
    en: 'The editor did not allow connecting to {url}. Click "Allow" when the editor asks, or ask your teacher to load the extension without the sandbox.',
    'zh-cn': '编辑器不允许连接到 {url}。请在编辑器询问时点击 "允许"，或请老师以非沙盒方式加载扩展。',
  },
  connectTimeout: {
    en: 'The broker at {url} did not answer within {seconds} seconds. Check the address, the port and that the broker is running. Still trying in the background.',
    'zh-cn': '服务器 {url} 在 {seconds} 秒内没有响应。请检查地址、端口以及服务器是否已启动。后台会继续尝试连接。',
  },
  unreachable: {
    en: 'Cannot reach the broker at {url}. Check the address and that the broker is running. Trying again by itself.',
    'zh-cn': '无法连接到服务器 {url}。请检查地址以及服务器是否已启动。正在自动重试。',
  },
  connectionLost: {
    en: 'The connection to {url} was lost. Reconnecting by itself; messages with QoS 1 or 2 are sent once it is back.',
    'zh-cn': '与 {url} 的连接断开了。正在自动重连；QoS 1 或 2 的消息会在重连后发送。',
  },
  refusedProtocol: {
    en: 'The broker refused the connection: it does not accept MQTT 3.1.1. Ask your teacher which broker to use.',
    'zh-cn': '服务器拒绝了连接：它不接受 MQTT 3.1.1。请问老师应使用哪个服务器。',
  },
  refusedClientId: {
    en: 'The broker refused this client id. Use the connect block again to get a new one.',
    'zh-cn': '服务器拒绝了这个客户端 ID。请再次使用连接积木以获得新的 ID。',
  },
  refusedUnavailable: {
    en: 'The broker is running but not accepting connections right now. Wait a moment, then connect again.',
    'zh-cn': '服务器正在运行，但暂时不接受连接。请稍等一下再连接。',
  },
  refusedBadCredentials: {
    en: 'Wrong username or password. Check them in the connect block (ask your teacher), then connect again.',
    'zh-cn': '用户名或密码错误。请检查连接积木中的用户名和密码（可以问老师），然后再次连接。',
  },
  refusedNotAuthorized: {
    en: 'The broker does not allow this user to connect. Ask your teacher for a username and password that may.',
    'zh-cn': '服务器不允许这个用户连接。请向老师要一个有权限的用户名和密码。',
  },
  refusedOther: {
    en: 'The broker refused the connection (reason {code}). Check the address, username and password, then connect again.',
    'zh-cn': '服务器拒绝了连接（原因代码 {code}）。请检查地址、用户名和密码，然后再次连接。',
  },
  credentialTooLong: {
    en: 'The username or password is too long: MQTT allows at most 65,535 bytes. Use a shorter one, then connect again.',
    'zh-cn': '用户名或密码太长：MQTT 最多允许 65535 字节。请改短一些，然后再次连接。',
  },
  willTooLong: {
    en: 'The last will message is too long: MQTT allows at most 65,535 bytes there. Use a shorter message.',
    'zh-cn': '遗嘱消息太长：MQTT 最多允许 65535 字节。请使用更短的消息。',
  },
  notConnected: {
    en: 'Not connected yet: use the "connect" block first.',
    'zh-cn': '还没有连接：请先使用 "连接" 积木。',
  },
  offlineQos0: {
    en: 'Not connected right now, so the message to {topic} was not sent. Messages with QoS 1 or 2 wait and are sent after reconnecting.',
    'zh-cn': '现在没有连接，发往 {topic} 的消息没有发送。QoS 1 或 2 的消息会等待并在重连后发送。',
  },
  topicEmpty: {
    en: 'The topic is empty. Type a topic such as classroom/test.',
    'zh-cn': '主题是空的。请输入一个主题，例如 classroom/test。',
  },
  topicTooLong: {
    en: 'The topic is longer than MQTT allows (65,535 bytes). Use a shorter topic.',
    'zh-cn': '主题超过了 MQTT 允许的长度（65535 字节）。请使用更短的主题。',
  },
  topicTooManyLevels: {
    en: 'The topic has more than 100 levels (parts between / signs). Brokers refuse such topics: use fewer levels, like classroom/test.',
    'zh-cn': '主题超过了 100 层（用 / 分隔的部分）。服务器会拒绝这样的主题：请减少层数，例如 classroom/test。',
  },
  topicNulCharacter: {
    en: 'The topic contains an invisible NUL character, which MQTT forbids. Retype the topic.',
    'zh-cn': '主题中含有 MQTT 禁止的不可见 NUL 字符。请重新输入主题。',
  },
  topicWildcardInTopic: {
    en: 'You can only publish to an exact topic: "{topic}" contains + or #, which are only for subscribing.',
    'zh-cn': '只能向确切的主题发布消息："{topic}" 含有 + 或 #，它们只用于订阅。',
  },
  topicReserved: {
    en: 'Topics starting with $SYS belong to the broker itself: you can subscribe to "{topic}" but not publish to it. Publish to a topic of your own, such as classroom/test.',
    'zh-cn': '以 $SYS 开头的主题属于服务器自己：可以订阅 "{topic}"，但不能向它发布。请发布到自己的主题，例如 classroom/test。',
  },
  topicMisplacedHash: {
    en: 'In "{topic}", # must be the last level on its own, like sensors/#.',
    'zh-cn': '在 "{topic}" 中，# 必须单独作为最后一层，例如 sensors/#。',
  },
  topicMisplacedPlus: {
    en: 'In "{topic}", + must fill a whole level on its own, like sensors/+/temp.',
    'zh-cn': '在 "{topic}" 中，+ 必须单独占据一整层，例如 sensors/+/temp。',
  },
  hatTopicNotTyped: {
    en: 'A "when message received" hat has a block in its topic. Type the topic into the hat itself: a hat must know its topic before any script runs.',
    'zh-cn': '有一个 "当收到消息" 积木的主题里放了别的积木。请直接在这个积木里输入主题：它必须在脚本运行前就知道主题。',
  },
  subscribeRefused: {
    en: 'The broker refused the subscription to "{topic}": this user may not read it. Ask your teacher.',
    'zh-cn': '服务器拒绝了对 "{topic}" 的订阅：这个用户没有读取权限。请问老师。',
  },
  publishFailed: {
    en: 'The message to "{topic}" could not be sent ({detail}). Check the connection and try again.',
    'zh-cn': '发往 "{topic}" 的消息发送失败（{detail}）。请检查连接后重试。',
  },
  willAfterConnect: {
    en: 'The last will is given to the broker when connecting: it takes effect from the next "connect".',
    'zh-cn': '遗嘱消息在连接时交给服务器：它将从下一次 "连接" 开始生效。',
  },
  unexpected: {
    en: 'Something went wrong: {detail}. Try connecting again.',
    'zh-cn': '出现了问题：{detail}。请尝试重新连接。',
  },
} as const satisfies Record<string, LocalizedText>;

export type MessageId = keyof typeof MESSAGES;
