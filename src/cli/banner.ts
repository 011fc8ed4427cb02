import type { ClassroomServer } from '../server';
import { VIEWER_USERNAME } from '../server/auth';

/**
 * The one start-up message the teacher reads. Each item is "English / 中文" on one line
 * and the address alone on the next, so it can be copied without picking up labels.
 */
export function formatBanner(server: ClassroomServer, extensionBuilt: boolean): string {
  const lines: string[] = [];
  const item = (english: string, chinese: string, value: string): void => {
    lines.push(`  ${english} / ${chinese}`, `      ${value}`);
  };

  lines.push('', 'MQTT Blocks classroom server is running / MQTT 积木课堂服务器已启动', '');
  item('TurboWarp custom extension URL', 'TurboWarp 自定义扩展网址', server.extensionUrl);
  if (!extensionBuilt) {
    lines.push(
      '      (not built yet: run "npm run build" first / 尚未生成：请先运行 "npm run build")',
    );
  }
  item('Scratch editor', 'Scratch 编辑器', server.pageUrls.scratch);
  item('Board editor', '开发板编辑器', server.pageUrls.board);
  item('Broker for browsers (WebSocket)', '浏览器连接地址 (WebSocket)', server.websocketUrl);
  item('Broker for programs on this computer (MQTT/TCP)', '本机程序连接地址 (MQTT/TCP)', server.tcpUrl);

  if (server.lan) {
    lines.push('', 'Classroom network (LAN) mode / 局域网模式');
    if (server.lanAddresses.length === 0) {
      lines.push(
        '  No network address found: connect this computer to the classroom network and restart.',
        '  没有找到网络地址：请把这台电脑连接到教室网络后重新启动。',
      );
    }
    for (const address of server.lanAddresses) {
      item('Pages for other computers', '其他电脑打开的网址', `http://${address}:${server.httpPort}/`);
      item('Broker for browsers on other computers', '其他电脑的浏览器连接地址', `ws://${address}:${server.httpPort}/mqtt`);
      item('Broker for boards: server and port', '开发板连接：服务器和端口', `${address}  port/端口 ${server.tcpPort}`);
    }
  } else {
    lines.push(
      '',
      '  Only this computer can connect. To let boards and other computers in, restart with --lan.',
      '  目前只有本机可以连接。若要让开发板和其他电脑连接，请加上 --lan 重新启动。',
    );
  }

  if (server.credentials !== null) {
    lines.push('', 'Every client must log in with / 所有设备都需要使用以下账号登录');
    lines.push(`  Username / 用户名:  ${server.credentials.username}`);
    lines.push(`  Password / 密码:    ${server.credentials.password}`);
    if (server.credentials.generated) {
      lines.push(
        '  (generated for this session; choose your own with --username and --password-env or --ask-password)',
        '  （本次自动生成；可用 --username 和 --password-env 或 --ask-password 自行设置）',
      );
    }
  }

  if (server.viewerCode !== null) {
    lines.push('', 'Read-only login for the monitor and dashboard pages / 监视页面和仪表板的只读登录');
    lines.push(`  Username / 用户名:  ${VIEWER_USERNAME}`);
    lines.push(`  Viewer code / 查看码:  ${server.viewerCode}`);
  }

  const origins = server.originPolicy?.allowedOrigins ?? [];
  if (origins.length > 0) {
    lines.push('', 'Web pages also allowed to use the broker / 也允许使用服务器的网页', ...origins.map((origin) => `  ${origin}`));
  }

  lines.push('', 'Press Ctrl-C to stop / 按 Ctrl-C 停止服务器', '');
  return lines.join('\n');
}
