/**
 * `mqtt-blocks generate WORKSPACE.json --target micropython|python [-o FILE]`: board code from a
 * Blockly workspace file (Blockly.serialization.workspaces.save). Errors are printed in English and
 * Chinese and end with a non-zero exit code, so scripts and teachers both notice.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { InvalidArgumentError, type Command } from 'commander';
import { TARGETS, type Target } from '../../blocks/codegen';
import { CodegenError } from '../generators/errors';

const TARGET_HELP: Readonly<Record<Target, string>> = {
  micropython: 'ESP32/ESP8266 boards with MicroPython (umqtt.simple) / 运行 MicroPython 的 ESP32/ESP8266 开发板',
  python: 'Raspberry Pi / any computer with Python 3 and paho-mqtt / 树莓派或装有 Python 3 和 paho-mqtt 的电脑',
};

export function listTargets(): string {
  return TARGETS.map((target) => `${target.padEnd(12)} ${TARGET_HELP[target]}`).join('\n');
}

function parseTarget(value: string): Target {
  if (!(TARGETS as readonly string[]).includes(value)) {
    throw new InvalidArgumentError(`choose one of / 可选：${TARGETS.join(', ')}`);
  }
  return value as Target;
}

export interface GenerateIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** Returns the exit code; separate from commander so tests can call it directly. */
export function runGenerate(file: string | undefined, options: { target?: Target; output?: string; listTargets?: boolean }, io: GenerateIo): number {
  if (options.listTargets) {
    io.out(`${listTargets()}\n`);
    return 0;
  }
  if (!file) {
    io.err('Missing WORKSPACE.json / 缺少工作区文件 WORKSPACE.json\n');
    return 2;
  }
  if (!options.target) {
    io.err(`Missing --target (${TARGETS.join(' or ')}) / 缺少 --target（${TARGETS.join(' 或 ')}）\n`);
    return 2;
  }
  let json: string;
  try {
    json = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    io.err(
      code === 'ENOENT'
        ? `File not found: ${file} / 找不到文件：${file}\n`
        : `Cannot read ${file} (${code ?? (error as Error).message}) / 无法读取 ${file}（${code ?? '读取失败'}）\n`,
    );
    return 1;
  }
  try {
    // Loaded lazily: Blockly takes a moment to start, and --help should not wait for it.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy on purpose: an import would load Blockly before --help
    const { generateFromWorkspaceJson } = require('../generators/headless') as typeof import('../generators/headless');
    const code = generateFromWorkspaceJson(json, options.target);
    if (options.output) {
      writeFileSync(options.output, code);
      io.err(`Wrote / 已写入 ${options.output}\n`);
    } else {
      io.out(code);
    }
    return 0;
  } catch (error) {
    if (error instanceof CodegenError) {
      io.err(`${error.localized.en}\n${error.localized['zh-cn']}\n`);
      return 1;
    }
    throw error;
  }
}

export function registerGenerateCommand(program: Command): void {
  program
    .command('generate')
    .description('turn a Blockly workspace file into board code / 把 Blockly 工作区文件转换成开发板代码')
    .argument('[WORKSPACE.json]', 'file saved by the board editor (Blockly JSON) / 积木编辑器保存的文件')
    .option('-t, --target <target>', `code to generate: ${TARGETS.join(' | ')} / 目标平台`, parseTarget)
    .option('-o, --output <file>', 'write to a file instead of the screen / 写入文件而不是输出到屏幕')
    .option('--list-targets', 'list the targets and exit / 列出可用目标平台')
    .addHelpText('after', `\nTargets / 目标平台:\n${listTargets()}\n\nExample / 示例:\n  mqtt-blocks generate lamp.json --target micropython -o main.py`)
    .action((file: string | undefined, options: { target?: Target; output?: string; listTargets?: boolean }) => {
      const code = runGenerate(file, options, {
        out: (text) => process.stdout.write(text),
        err: (text) => process.stderr.write(text),
      });
      process.exitCode = code;
    });
}
