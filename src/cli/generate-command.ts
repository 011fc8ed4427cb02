/**
 * `mqtt-blocks generate WORKSPACE.json --target micropython|python [--lang en|zh-cn] (-o FILE | --out-dir DIR)`:
 * board code from a Blockly workspace file (Blockly.serialization.workspaces.save). `--out-dir`
 * writes main.py and the library it imports (mqtt_blocks.py); `-o` and the screen get the one-file
 * form that runs as it is. Errors are printed in English and Chinese, without a stack trace, and
 * end with a non-zero exit code, so scripts and teachers both notice.
 */
import { readFileSync } from 'node:fs';
import { InvalidArgumentError, type Command } from 'commander';
import { TARGETS, type Target } from '../../blocks/codegen';
import type { Message } from '../../blocks/types';
import { isLocale, LOCALES, type Locale } from '../i18n/locales';
import { helpText, inLines, onOneLine, terminalLocale } from '../i18n/terminal-text';
import { CLI_TEXT as T } from './cli-text';
import { CodegenError } from '../generators/errors';
import { isScratchProjectFile, runGenerateSb3 } from './generate-sb3';
import { writeProgram } from './write-program';

const TARGET_HELP = { micropython: T.targetMicropython, python: T.targetPython } as const;

/** The targets, one a line; `say` renders their help (every language, or the help's one language). */
export function listTargets(say: (message: Message) => string = onOneLine): string {
  return TARGETS.map((target) => `${target.padEnd(12)} ${say(TARGET_HELP[target])}`).join('\n');
}

function parseTarget(value: string): Target {
  if (!(TARGETS as readonly string[]).includes(value)) {
    throw new InvalidArgumentError(onOneLine(T.chooseOneOf, { choices: TARGETS.join(', ') }));
  }
  return value as Target;
}

function parseLang(value: string): Locale {
  if (!isLocale(value)) {
    throw new InvalidArgumentError(onOneLine(T.chooseOneOf, { choices: LOCALES.join(', ') }));
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
    io.err(`${onOneLine(T.missingWorkspace)}\n`);
    return 2;
  }
  if (!options.target) {
    io.err(`${onOneLine(T.missingTarget, { choices: TARGETS.join(', ') })}\n`);
    return 2;
  }
  if (options.output && options.outDir) {
    io.err(`${onOneLine(T.notBoth)}\n`);
    return 2;
  }
  // Board messages in the teacher's language: --lang, else the terminal's (LANG=zh_CN.UTF-8).
  const locale = options.lang ?? terminalLocale() ?? 'en';
  let json: string;
  try {
    json = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    io.err(`${code === 'ENOENT' ? onOneLine(T.fileNotFound, { file }) : onOneLine(T.cannotRead, { file, code: code ?? (error as Error).message })}\n`);
    return 1;
  }
  try {
    // Loaded lazily: Blockly takes a moment to start, and --help should not wait for it.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy on purpose: an import would load Blockly before --help
    const { generateBoardProgram } = require('../generators/headless') as typeof import('../generators/headless');
    writeProgram(generateBoardProgram(json, options.target, locale), options, io);
    return 0;
  } catch (error) {
    if (error instanceof CodegenError) {
      io.err(`${inLines(error.problem)}\n`);
      return 1;
    }
    // A file no generator expected (or a bug of ours): a clear message and a non-zero exit, no stack trace.
    const detail = error instanceof Error ? error.message : String(error);
    io.err(`${inLines(T.cannotGenerate, { file, detail })}\n`);
    return 1;
  }
}

export function registerGenerateCommand(program: Command): void {
  program
    .command('generate')
    .description(helpText(T.generateDescription))
    .argument('[WORKSPACE.json|project.sb3]', helpText(T.generateArgument))
    .option('-t, --target <target>', helpText(T.generateTarget, { choices: TARGETS.join(' | ') }), parseTarget)
    .option('-o, --output <file>', helpText(T.generateOutput))
    .option('--out-dir <dir>', helpText(T.generateOutDir))
    .option('--lang <lang>', helpText(T.generateLang, { choices: LOCALES.join(' | ') }), parseLang)
    .option('--list-targets', helpText(T.generateListTargets))
    .option('--sprite <name>', helpText(T.generateSprite))
    .option('--skip-unsupported', helpText(T.generateSkipUnsupported))
    .option('--broker <url>', helpText(T.generateBroker))
    .addHelpText('after', `\n${helpText(T.targetsHeading)}:\n${listTargets((message) => helpText(message))}\n\n${helpText(T.exampleHeading)}:\n  mqtt-blocks generate lamp.json --target micropython --out-dir board/\n  mqtt-blocks generate lamp.json --target python --lang zh-cn -o main.py\n  mqtt-blocks generate thermostat.sb3 --target micropython --broker mqtt://192.168.1.2:1883 --out-dir board/`)
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
