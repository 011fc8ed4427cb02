/**
 * `mqtt-blocks loader` and `mqtt-blocks send` as a teacher runs them (the real bin script).
 * The send command's round trip with a real board is in classroom-loader.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

jest.setTimeout(60000);

const BIN = path.resolve(__dirname, '../../bin/mqtt-blocks.js');
const cli = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 30000 });
const cliUnder = (lang: string, ...args: string[]) =>
  spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 30000, env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: lang } });

test.each([
  ['loader', 'zh_CN.UTF-8', '教室 Wi-Fi 的密码', 'password of the classroom Wi-Fi'],
  ['loader', 'en_US.UTF-8', 'password of the classroom Wi-Fi', '教室'],
  ['send', 'zh_CN.UTF-8', '服务器用户名', 'broker username'],
  ['send', 'en_US.UTF-8', 'broker username', '用户名'],
])('%s --help under LANG=%s shows that language only', (command, lang, shown, absent) => {
  const help = cliUnder(lang, command, '--help');
  expect(help.status).toBe(0);
  expect(help.stdout).toContain(shown);
  expect(help.stdout).not.toContain(absent);
  if (lang.startsWith('en')) expect(help.stdout).not.toMatch(/[\u4e00-\u9fff]/);
});

test('loader writes boot.py, the loader and a JSON config with the given settings (Chinese Wi-Fi name kept)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'loader-'));
  const result = cli('loader', '--board', 'desk7', '--broker', 'mqtt://192.168.1.20:1883', '--username', 'class07', '--password', 'tiger "maple"', '--wifi', '教室 Wi-Fi', '--wifi-password', "pa'ss", '--out-dir', dir);
  expect(result.status).toBe(0);
  expect(readdirSync(dir).sort()).toEqual(['boot.py', 'classroom_config.json', 'classroom_loader.py']);
  expect(JSON.parse(readFileSync(path.join(dir, 'classroom_config.json'), 'utf8'))).toEqual({
    board: 'desk7', host: '192.168.1.20', port: 1883, user: 'class07', password: 'tiger "maple"', wifi: '教室 Wi-Fi', wifi_password: "pa'ss",
  });
  expect(readFileSync(path.join(dir, 'classroom_loader.py'), 'utf8')).toBe(readFileSync(path.resolve(__dirname, '../../src/ota/classroom_loader.py'), 'utf8'));
  expect(result.stdout).toContain('desk7');
  expect(result.stdout).toContain('请把这些文件复制到开发板上');
});

test.each([
  [['--board', 'desk 7; rm', '--broker', 'mqtt://h:1883'], /not a board name[\s\S]*不是有效的开发板名称/],
  [['--board', 'desk7', '--broker', 'ws://h:8000/mqtt'], /not a broker address for boards[\s\S]*mqtt:\/\/主机:端口/],
])('loader refuses bad settings with a bilingual explanation: %j', (args, message) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'loader-'));
  const result = cli('loader', ...args, '--wifi', 'classroom', '--out-dir', dir);
  expect(result.status).toBe(2);
  expect(result.stderr).toMatch(message);
  expect(readdirSync(dir)).toEqual([]);
});

test('send explains a missing file and an unreachable broker', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'send-'));
  const missing = cli('send', path.join(dir, 'nope.py'), '--board', 'desk7', '--broker', 'mqtt://127.0.0.1:1');
  expect(missing.status).toBe(1);
  expect(missing.stderr).toMatch(/Cannot read .*nope.py.*无法读取/);
  const program = path.join(dir, 'main.py');
  writeFileSync(program, "print('hi')\n");
  const unreachable = cli('send', program, '--board', 'desk7', '--broker', 'mqtt://127.0.0.1:1');
  expect(unreachable.status).toBe(1);
  expect(unreachable.stderr).toMatch(/Cannot reach the classroom broker at mqtt:\/\/127.0.0.1:1[\s\S]*无法连接到课堂服务器/);
  expect(unreachable.stderr).not.toMatch(/^\s+at /m);
});
