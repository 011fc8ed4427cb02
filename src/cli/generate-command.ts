/**
 * `mqtt-blocks generate WORKSPACE.json --target micropython|python [--lang en|zh-cn] (-o FILE | --out-dir DIR)`:
 * board code from a Blockly workspace file (Blockly.serialization.workspaces.save). `--out-dir`
 * writes main.py and the library it imports (mqtt_blocks.py); `-o` and the screen get the one-file
 * form that runs as it is. Errors are printed in English and Chinese, without a stack trace, and
 * end with a non-zero exit code, so scripts and teachers both notice.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { TARGETS, type Target } from '../../blocks/codegen';
import { isLocale, LOCALES, type Locale } from '../i18n/locales';
import { translatePending } from '../i18n/translate';
import { CodegenError } from '../generators/errors';
import { resolveLocale } from '../i18n/resolve-locale';
import { isScratchProjectFile, runGenerateSb3 } from './generate-sb3';

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

function parseLang(value: string): Locale {
  if (!isLocale(value)) {
    throw new InvalidArgumentError(`choose one of / 可选：${LOCALES.join(', ')}`);
  }
  return value;
}

export interface GenerateOptions {
  target?: Target;
  output?: string;
  outDir?: string;
  lang?: Locale;
  listTargets?: boolean;
  /** Scratch projects only (src/cli/generate-sb3.ts). */
  sprite?: string;
  skipUnsupported?: boolean;
  broker?: string;
}

export interface GenerateIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** Returns the exit code; separate from commander so tests can call it directly. */
export function runGenerate(file: string | undefined, options: GenerateOptions, io: GenerateIo): number {
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
  if (options.output && options.outDir) {
    io.err('Use either -o FILE (one file) or --out-dir DIR (main.py and mqtt_blocks.py), not both / -o 与 --out-dir 只能选一个\n');
    return 2;
  }
  // Board messages in the teacher's language: --lang, else the terminal's (LANG=zh_CN.UTF-8).
  const locale = options.lang ?? resolveLocale(process.env.LC_ALL || process.env.LANG || '');
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
    const { generateBoardProgram } = require('../generators/headless') as typeof import('../generators/headless');
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy with the generator it belongs to
    const { selfContained } = require('../generators/program') as typeof import('../generators/program');
    const program = generateBoardProgram(json, options.target, locale);
    if (options.outDir) {
      mkdirSync(options.outDir, { recursive: true });
      for (const file of [program.main, program.library]) {
        if (file === null) continue;
        writeFileSync(path.join(options.outDir, file.name), file.text);
        io.err(`Wrote / 已写入 ${path.join(options.outDir, file.name)}\n`);
      }
    } else if (options.output) {
      writeFileSync(options.output, selfContained(program));
      io.err(`Wrote / 已写入 ${options.output}\n`);
    } else {
      io.out(selfContained(program));
    }
    return 0;
  } catch (error) {
    if (error instanceof CodegenError) {
      io.err(`${LOCALES.map((locale) => translatePending(error.problem, locale)).join('\n')}\n`);
      return 1;
    }
    // A file no generator expected (or a bug of ours): a clear message and a non-zero exit, no stack trace.
    const detail = error instanceof Error ? error.message : String(error);
    io.err(
      `Cannot make board code from ${file} (${detail}). Check that it is a file saved by the board editor; if it is, please report this.\n` +
        `无法根据 ${file} 生成开发板代码（${detail}）。请确认它是积木编辑器保存的文件；如果是，请报告这个问题。\n`,
    );
    return 1;
  }
}

export function registerGenerateCommand(program: Command): void {
  program
    .command('generate')
    .description('turn a Blockly workspace file or a Scratch project (.sb3) into board code / 把 Blockly 工作区文件或 Scratch 项目（.sb3）转换成开发板代码')
    .argument('[WORKSPACE.json|project.sb3]', 'file saved by the board editor (Blockly JSON) or by Scratch / 积木编辑器或 Scratch 保存的文件')
    .option('-t, --target <target>', `code to generate: ${TARGETS.join(' | ')} / 目标平台`, parseTarget)
    .option('-o, --output <file>', 'write one self-contained file instead of the screen / 写入一个可直接运行的文件')
    .option('--out-dir <dir>', 'write main.py and the library mqtt_blocks.py into DIR / 把 main.py 和库 mqtt_blocks.py 写入目录')
    .option('--lang <lang>', `language of the messages in the code: ${LOCALES.join(' | ')} / 代码中提示信息的语言`, parseLang)
    .option('--list-targets', 'list the targets and exit / 列出可用目标平台')
    .option('--sprite <name>', 'Scratch projects: only this sprite\'s scripts / Scratch 项目：只转换这个角色的脚本')
    .option('--skip-unsupported', 'Scratch projects: leave out (and list) scripts a board cannot run / Scratch 项目：跳过（并列出）开发板不能运行的脚本')
    .option('--broker <url>', 'Scratch projects: the broker address for the board, e.g. mqtt://192.168.1.2:1883 / Scratch 项目：开发板使用的服务器地址')
    .addHelpText('after', `\nTargets / 目标平台:\n${listTargets()}\n\nExample / 示例:\n  mqtt-blocks generate lamp.json --target micropython --out-dir board/\n  mqtt-blocks generate lamp.json --target python --lang zh-cn -o main.py\n  mqtt-blocks generate thermostat.sb3 --target micropython --broker mqtt://192.168.1.2:1883 --out-dir board/`)
    .action((file: string | undefined, options: GenerateOptions) => {
      const io: GenerateIo = {
        out: (text) => process.stdout.write(text),
        err: (text) => process.stderr.write(text),
      };
      if (file !== undefined && options.target && !options.listTargets && isScratchProjectFile(file)) {
        // A Scratch project (.sb3): its scripts become tasks on the board (src/sb3).
        return runGenerateSb3(file, { ...options, target: options.target }, io).then((code) => {
          process.exitCode = code;
        });
      }
      process.exitCode = runGenerate(file, options, io);
      return undefined;
    });
}
