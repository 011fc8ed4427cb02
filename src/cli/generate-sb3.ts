/**
 * `mqtt-blocks generate project.sb3 --target micropython|python [--sprite NAME] [--skip-unsupported]
 * [--broker URL] [--lang en|zh-cn] (-o FILE | --out-dir DIR)`: board code from a Scratch project.
 * Blocks a board cannot run are listed by sprite and script with the reason; without
 * --skip-unsupported nothing is written and the exit code is 1. The .sb3 is only read.
 */
import { onOneLine, terminalLocale } from '../i18n/terminal-text';
import { CLI_TEXT as T } from './cli-text';
import type { GenerateIo } from './generate-command';
import { writeProgram } from './write-program';
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Target } from '../../blocks/codegen';
import { LOCALES, type Locale } from '../i18n/locales';
import { CodegenError } from '../generators/errors';
import { translate, translatePending, type MessageParams } from '../i18n/translate';
import { SB3_TEXT } from '../sb3/messages';
import { MAX_SB3_BYTES, ProjectFileError, readProject } from '../sb3/read-project';
import { ProjectError, translateProject, type TranslateResult } from '../sb3/translate';

export interface Sb3Options {
  target: Target;
  output?: string;
  outDir?: string;
  sprite?: string;
  skipUnsupported?: boolean;
  broker?: string;
  /** The pupil's language; without it the CLI speaks English and Chinese. */
  lang?: Locale;
}


/** An .sb3 by its name, or any file that starts like a zip. */
export function isScratchProjectFile(file: string): boolean {
  if (/\.sb3$/i.test(file)) return true;
  let fd: number | null = null;
  try {
    fd = openSync(file, 'r');
    const head = Buffer.alloc(2);
    readSync(fd, head, 0, 2, 0);
    return head.toString('latin1') === 'PK';
  } catch {
    return false;
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

function report(result: TranslateResult, locales: readonly Locale[], skipped: boolean): string {
  const lines: string[] = [];
  for (const locale of locales) {
    for (const note of result.notes) lines.push(translatePending(note, locale));
    if (result.unsupported.length === 0) continue;
    lines.push(translate(SB3_TEXT.unsupportedHeading, locale, { count: result.unsupported.length }));
    for (const u of result.unsupported) {
      lines.push(
        `  ${translate(SB3_TEXT.unsupportedLine, locale, { sprite: u.sprite, script: u.script(locale), block: u.block(locale), reason: translate(u.reason, locale) })}`,
      );
    }
    lines.push(translate(skipped ? SB3_TEXT.unsupportedSkipped : SB3_TEXT.unsupportedFixOrSkip, locale));
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

/** Returns the exit code. */
export async function runGenerateSb3(file: string, options: Sb3Options, io: GenerateIo): Promise<number> {
  const locales: readonly Locale[] = options.lang ? [options.lang] : LOCALES;
  const say = (message: Parameters<typeof translate>[0], params: MessageParams = {}): void => {
    io.err(`${locales.map((locale) => translate(message, locale, params)).join('\n')}\n`);
  };
  if (options.output && options.outDir) {
    io.err(`${onOneLine(T.notBoth)}\n`);
    return 2;
  }
  let data: Buffer;
  try {
    if (statSync(file).size > MAX_SB3_BYTES) {
      say(SB3_TEXT.tooBig, { file, detail: `> ${MAX_SB3_BYTES / 1024 / 1024} MB` });
      return 1;
    }
    data = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    io.err(
      code === 'ENOENT'
        ? `${onOneLine(T.fileNotFound, { file })}\n`
        : `${onOneLine(T.cannotRead, { file, code: code ?? (error as Error).message })}\n`,
    );
    return 1;
  }
  try {
    const project = await readProject(data, path.basename(file));
    const result = translateProject(project, {
      target: options.target,
      // Comments and board messages in the teacher's language: --lang, else the terminal's.
      locale: options.lang ?? terminalLocale() ?? 'en',
      projectName: path.basename(file).replace(/\.sb3$/i, ''),
      sprite: options.sprite,
      skipUnsupported: options.skipUnsupported,
      broker: options.broker,
    });
    io.err(report(result, locales, result.program !== null));
    const program = result.program;
    if (program === null) return 1;
    writeProgram(program, options, io);
    return 0;
  } catch (error) {
    if (error instanceof ProjectFileError || error instanceof ProjectError) {
      say(error.problem, error.params);
      return 1;
    }
    if (error instanceof CodegenError) {
      io.err(`${locales.map((locale) => translatePending(error.problem, locale)).join('\n')}\n`);
      return 1;
    }
    throw error;
  }
}
