/**
 * The command line's own mistakes (commander's parse errors) as a teacher meets them, from the real
 * bin script: in the terminal's language alone when LANG names one (zh_CN → Chinese only, en_US →
 * English only), in every language when it names none (C); each says what was wrong and how to see
 * the command's help; the exit code stays commander's 1.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

jest.setTimeout(60000);

const BIN = path.resolve(__dirname, '../../bin/mqtt-blocks.js');
const CJK = /[\u4e00-\u9fff]/;

function cliUnder(lang: string, ...args: string[]): { status: number | null; stderr: string; stdout: string } {
  return spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 30000, env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: lang } });
}

interface Case {
  args: string[];
  english: RegExp;
  chinese: RegExp;
  help: string;
}

const CASES: Record<string, Case> = {
  'unknown option (with the closest one)': {
    args: ['serve', '--tcp-prt', '5'],
    english: /^mqtt-blocks serve has no option --tcp-prt\.\nDid you mean --tcp-port\?\n/,
    chinese: /^mqtt-blocks serve 没有 --tcp-prt 这个选项。\n你是不是想输入 --tcp-port？\n/,
    help: 'mqtt-blocks serve --help',
  },
  'required option not given': {
    args: ['loader', '--board', 'desk7'],
    english: /^mqtt-blocks loader needs the option --broker <url>: add it to the command\.\n/,
    chinese: /^mqtt-blocks loader 需要选项 --broker <url>：请把它加到命令中。\n/,
    help: 'mqtt-blocks loader --help',
  },
  'missing argument': {
    args: ['send', '--board', 'desk7', '--broker', 'mqtt://127.0.0.1:1'],
    english: /^mqtt-blocks send needs <file>: add it to the command\.\n/,
    chinese: /^mqtt-blocks send 需要 <file>：请把它加到命令中。\n/,
    help: 'mqtt-blocks send --help',
  },
  'too many arguments (a Wi-Fi name with a space, no quotes)': {
    args: ['loader', '--board', 'desk7', '--broker', 'mqtt://10.0.0.1:1883', '--wifi', 'My', 'Wi-Fi', '--out-dir', 'nowhere'],
    english: /^mqtt-blocks loader takes no arguments but got 1\. Put quotes around a value with spaces, like "My Wi-Fi"\.\n/,
    chinese: /^mqtt-blocks loader 只接受 0 个参数，但收到了 1 个。值里有空格时请加上引号，例如 "My Wi-Fi"。\n/,
    help: 'mqtt-blocks loader --help',
  },
  'unknown command': {
    args: ['serf'],
    english: /^mqtt-blocks has no command serf\.\nDid you mean send, serve\?\n/,
    chinese: /^mqtt-blocks 没有 serf 这个命令。\n/,
    help: 'mqtt-blocks --help',
  },
};

describe.each(Object.entries(CASES))('%s', (_name, { args, english, chinese, help }) => {
  test('LANG=zh_CN.UTF-8: Chinese only, then how to see the help', () => {
    const run = cliUnder('zh_CN.UTF-8', ...args);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(chinese);
    expect(run.stderr).toContain(`运行 ${help} 查看它接受哪些内容。\n`);
    expect(run.stderr).not.toMatch(/error:|[A-Z][a-z]+ [a-z]+ [a-z]+\./);
  });

  test('LANG=en_US.UTF-8: English only, then how to see the help', () => {
    const run = cliUnder('en_US.UTF-8', ...args);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(english);
    expect(run.stderr).toMatch(new RegExp(`\\nRun ${help.replace(/[-]/g, '\\-')} to see what it accepts\\.\\n$`));
    expect(run.stderr).not.toMatch(CJK);
    expect(run.stderr).not.toContain('error:');
  });

  test('LANG=C: English, then Chinese', () => {
    const run = cliUnder('C', ...args);
    expect(run.status).toBe(1);
    const chineseStart = run.stderr.search(CJK);
    expect(chineseStart).toBeGreaterThan(0);
    const lineStart = run.stderr.lastIndexOf('\n', chineseStart) + 1;
    expect(run.stderr.slice(0, lineStart)).toMatch(english);
    expect(run.stderr.slice(lineStart)).toMatch(chinese);
    expect(run.stderr.slice(0, lineStart)).not.toMatch(CJK);
  });
});

test('a value an option refuses keeps the option\'s own reason, and the exit code', () => {
  const run = cliUnder('en_US.UTF-8', 'generate', 'x.json', '--target', 'ruby');
  expect(run.status).toBe(1);
  expect(run.stderr).toMatch(/^The option -t, --target <target> does not accept 'ruby': choose one of: micropython, python/);
  expect(run.stderr).toContain('Run mqtt-blocks generate --help to see what it accepts.');
});

test('help and version still exit 0 and print no error', () => {
  const help = cliUnder('zh_CN.UTF-8', 'serve', '--help');
  expect(help.status).toBe(0);
  expect(help.stderr).toBe('');
});
