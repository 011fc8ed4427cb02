import type { LocalizedText } from '../../blocks/types';

/**
 * A problem in the block program that the pupil can fix (a WebSocket URL on a board, an unknown
 * block). Carries both languages; the editor shows one, the CLI prints both.
 */
export class CodegenError extends Error {
  constructor(readonly localized: LocalizedText, readonly blockId?: string) {
    super(`${localized.en}\n${localized['zh-cn']}`);
    this.name = 'CodegenError';
  }
}
