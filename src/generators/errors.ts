import type { PendingMessage } from '../../blocks/types';
import { translatePending } from '../i18n/translate';

/**
 * A problem in the block program that the pupil can fix (a WebSocket URL on a board, an unknown
 * block). Carries the message unrendered: the editor shows it in the page's language, the CLI in
 * the teacher's. `message` (for logs and stack traces) is the English text.
 */
export class CodegenError extends Error {
  constructor(readonly problem: PendingMessage, readonly blockId?: string) {
    super(translatePending(problem, 'en'));
    this.name = 'CodegenError';
  }
}
