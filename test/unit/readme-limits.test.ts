/** The README's table of broker limits states the defaults the code uses (one source: broker-limits.ts). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_LIMITS, formatBytes } from '../../src/server/limits/broker-limits';
import { MONITOR_DEFAULTS } from '../../src/server/monitor';
import { CHART_HISTORY_DEFAULTS } from '../../src/server/chart-history/chart-history-store';

const README = readFileSync(path.resolve(__dirname, '..', '..', 'README.md'), 'utf8');

function row(startsWith: string): string {
  const line = README.split('\n').find((l) => l.startsWith(`| ${startsWith}`));
  if (line === undefined) throw new Error(`README has no limits row starting "${startsWith}"`);
  return line;
}

test('every default in the README limits table is the one the server uses', () => {
  const d = DEFAULT_LIMITS;
  expect(row('Largest MQTT packet')).toContain(formatBytes(d.maxPacketBytes));
  expect(row('Largest packet before login')).toContain(formatBytes(d.maxLoginPacketBytes));
  expect(row('Data waiting for one client')).toContain(formatBytes(d.maxQueuedBytesPerClient));
  expect(row('Messages waiting for one client')).toContain(`| ${d.maxQueuedMessagesPerClient} |`);
  expect(row('Over the bound')).toContain(`${d.slowClientTimeoutMs / 1000} s`);
  expect(row('QoS 1/2 messages kept')).toContain(`${d.maxStoredMessagesPerClient} messages and ${formatBytes(d.maxQueuedBytesPerClient)}`);
  expect(row('Client id')).toContain(`${d.maxClientIdBytes} bytes`);
  expect(row('Topic or topic filter')).toContain(`${d.maxTopicBytes} bytes`);
  expect(row('Connections from one computer')).toContain(`| ${d.maxConnectionsPerAddress} |`);
  expect(row('Time to log in')).toContain(`${d.loginTimeoutMs / 1000} s`);
  const feeds = row('Monitor/dashboard feeds');
  expect(feeds).toContain(`${MONITOR_DEFAULTS.maxFeeds} in all, ${MONITOR_DEFAULTS.maxFeedsPerAddress} per computer, ${MONITOR_DEFAULTS.maxFeedsPerLoopbackAddress} on the server's own computer`);
  expect(feeds).toContain(`${MONITOR_DEFAULTS.stalledFeedTimeoutMs / 1000} s`);
  expect(row('Topics and client ids shown')).toContain(`${MONITOR_DEFAULTS.maxTopicChars} and ${MONITOR_DEFAULTS.maxClientIdChars} characters`);
  const charts = CHART_HISTORY_DEFAULTS;
  expect(row('Chart history the server keeps')).toContain(
    `${charts.maxAgeMs / 60_000} minutes or ${charts.maxPoints} values per topic, whichever is less; ${charts.maxTopics} topics and ${formatBytes(charts.maxBytes)} in all`,
  );
  expect(row('服务器为仪表板保存的图表历史')).toContain(`每个主题 ${charts.maxAgeMs / 60_000} 分钟或 ${charts.maxPoints} 个值（取较少者）；共 ${charts.maxTopics} 个主题、${formatBytes(charts.maxBytes)}`);
  // The Chinese table carries the same numbers.
  expect(row('最大 MQTT 数据包')).toContain(formatBytes(d.maxPacketBytes));
  expect(row('同一台电脑的连接数')).toContain(`| ${d.maxConnectionsPerAddress} |`);
  expect(row('同时打开的监视')).toContain(`共 ${MONITOR_DEFAULTS.maxFeeds} 个，每台电脑 ${MONITOR_DEFAULTS.maxFeedsPerAddress} 个，服务器所在的电脑 ${MONITOR_DEFAULTS.maxFeedsPerLoopbackAddress} 个`);
});
