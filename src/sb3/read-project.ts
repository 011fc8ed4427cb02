/**
 * Reads the project.json out of an .sb3 (a zip) without trusting it: the file size, the number of
 * entries and the unpacked size of project.json are bounded (a zip bomb is refused, not unpacked),
 * and the JSON must look like a Scratch 3 project. A bare project.json is accepted too.
 */
import type { Readable } from 'node:stream';
import JSZip from 'jszip';
import type { MessageParams } from '../i18n/translate';
import type { Message } from '../../blocks/types';
import { SB3_TEXT } from './messages';
import type { ScratchProject } from './project-types';

/** Scratch's own limit for a project file is 50 MB (assets included). */
export const MAX_SB3_BYTES = 50 * 1024 * 1024;
export const MAX_ENTRIES = 5000;
/** project.json of a big classroom project is well under 5 MB. */
export const MAX_PROJECT_JSON_BYTES = 20 * 1024 * 1024;

/** A problem with the file itself, in the i18n mechanism's terms (the CLI renders it). */
export class ProjectFileError extends Error {
  constructor(readonly problem: Message, readonly params: MessageParams) {
    super(problem.default);
    this.name = 'ProjectFileError';
  }
}

function isZip(data: Uint8Array): boolean {
  return data.length >= 4 && data[0] === 0x50 && data[1] === 0x4b && (data[2] === 3 || data[2] === 5) && (data[3] === 4 || data[3] === 6);
}

/** Unpacks one entry, stopping as soon as it grows past the bound (whatever its header claims). */
function unpackBounded(entry: JSZip.JSZipObject, limit: number, file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stream = entry.nodeStream('nodebuffer') as Readable;
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        stream.pause();
        stream.removeAllListeners('data');
        reject(new ProjectFileError(SB3_TEXT.tooBig, { file, detail: `project.json > ${limit / 1024 / 1024} MB` }));
        return;
      }
      chunks.push(chunk);
    });
    stream.on('error', (error: Error) => reject(new ProjectFileError(SB3_TEXT.brokenZip, { file, detail: error.message })));
    stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

function parseProject(json: string, file: string): ScratchProject {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ProjectFileError(SB3_TEXT.badProjectJson, { file, detail: (error as Error).message });
  }
  const targets = (parsed as { targets?: unknown } | null)?.targets;
  if (!Array.isArray(targets) || targets.length === 0 || !targets.every((t) => t !== null && typeof t === 'object' && typeof (t as { name?: unknown }).name === 'string' && typeof (t as { blocks?: unknown }).blocks === 'object')) {
    throw new ProjectFileError(SB3_TEXT.badProjectJson, { file, detail: 'no Scratch 3 targets' });
  }
  return parsed as ScratchProject;
}

/** The project in an .sb3 file's bytes (or a project.json's). `file` names it in messages. */
export async function readProject(data: Uint8Array, file: string): Promise<ScratchProject> {
  if (data.length > MAX_SB3_BYTES) {
    throw new ProjectFileError(SB3_TEXT.tooBig, { file, detail: `> ${MAX_SB3_BYTES / 1024 / 1024} MB` });
  }
  if (!isZip(data)) {
    const text = Buffer.from(data).toString('utf8').trimStart();
    if (text.startsWith('{')) return parseProject(text, file);
    throw new ProjectFileError(SB3_TEXT.notSb3, { file });
  }
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(data, { checkCRC32: true });
  } catch (error) {
    throw new ProjectFileError(SB3_TEXT.brokenZip, { file, detail: (error as Error).message });
  }
  const names = Object.keys(zip.files);
  if (names.length > MAX_ENTRIES) {
    throw new ProjectFileError(SB3_TEXT.tooBig, { file, detail: `${names.length} files` });
  }
  // scratch-gui writes project.json at the root; some tools put the project in one folder.
  const entryName = names.find((name) => name === 'project.json') ?? names.find((name) => /^[^/]+\/project\.json$/.test(name));
  if (entryName === undefined) throw new ProjectFileError(SB3_TEXT.noProjectJson, { file });
  return parseProject(await unpackBounded(zip.files[entryName], MAX_PROJECT_JSON_BYTES, file), file);
}
