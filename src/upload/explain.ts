/**
 * Turns upload and send progress and failures into messages (rendered later in the reader's
 * language): one mapping for the board page and the CLI.
 */
import type { PendingMessage } from '../i18n/translate';
import { SendError, type SendProgress } from '../ota/send-program';
import { UPLOAD_TEXT } from './upload-messages';
import { UploadError, type UploadProgress } from './usb-upload';

export function explainUsbProgress(progress: UploadProgress): PendingMessage {
  switch (progress.stage) {
    case 'connecting':
      return { message: UPLOAD_TEXT.connecting };
    case 'checking':
      return { message: UPLOAD_TEXT.checking };
    case 'writing':
      return { message: UPLOAD_TEXT.writing, params: { file: progress.file ?? '', sent: progress.sentBytes, total: progress.totalBytes } };
    case 'verifying':
      return { message: UPLOAD_TEXT.verifying };
    case 'starting':
      return { message: UPLOAD_TEXT.starting };
    case 'done':
      return { message: UPLOAD_TEXT.done };
  }
}

/** The last line of a traceback (`OSError: 28`), which is what a person can search for. */
function lastLine(text: string): string {
  const lines = text.trim().split(/\r?\n/);
  return lines[lines.length - 1] ?? text;
}

export function explainUploadError(error: unknown): PendingMessage {
  if (!(error instanceof UploadError)) return { message: UPLOAD_TEXT.boardError, params: { detail: error instanceof Error ? error.message : String(error) } };
  switch (error.failure) {
    case 'noAnswer':
    case 'notMicroPython':
    case 'stoppedAnswering':
    case 'disconnected':
    case 'protocol':
    case 'verifyFailed':
    case 'notText':
      return { message: UPLOAD_TEXT[error.failure] };
    case 'storageFull':
      return { message: UPLOAD_TEXT.storageFull, params: { needed: error.sizes?.needed ?? '?', free: error.sizes?.free ?? '?' } };
    case 'boardError':
      return { message: UPLOAD_TEXT.boardError, params: { detail: lastLine(error.detail) } };
  }
}

export function explainSendProgress(progress: SendProgress, board: string): PendingMessage {
  switch (progress.stage) {
    case 'checking':
      return { message: UPLOAD_TEXT.otaChecking, params: { board } };
    case 'sending':
      return { message: UPLOAD_TEXT.otaSending, params: { board, sent: progress.sentBytes, total: progress.totalBytes } };
    case 'verifying':
      return { message: UPLOAD_TEXT.otaVerifying, params: { board } };
    case 'restarting':
      return { message: UPLOAD_TEXT.otaRestarting, params: { board } };
    case 'started':
      return { message: UPLOAD_TEXT.otaStarted, params: { board } };
  }
}

export function explainSendError(error: unknown, board: string, size = 0, max = 0): PendingMessage {
  if (!(error instanceof SendError)) return { message: UPLOAD_TEXT.otaNoAnswer, params: { board } };
  switch (error.failure) {
    case 'badBoardName':
      return { message: UPLOAD_TEXT.otaBadBoardName, params: { board } };
    case 'tooBig':
      return { message: UPLOAD_TEXT.otaTooBig, params: { bytes: size, max } };
    case 'empty':
      return { message: UPLOAD_TEXT.otaEmpty };
    case 'offline':
      return { message: UPLOAD_TEXT.otaOffline, params: { board } };
    case 'noAnswer':
      return { message: UPLOAD_TEXT.otaNoAnswer, params: { board } };
    case 'notAllowed':
      return { message: UPLOAD_TEXT.otaNotAllowed, params: { detail: error.detail } };
    case 'restored':
      return { message: UPLOAD_TEXT.otaRestored, params: { board, detail: error.detail } };
    case 'refused': {
      const code = error.progress?.error ?? error.detail;
      if (code === 'hash') return { message: UPLOAD_TEXT.otaRefusedHash, params: { board } };
      if (code === 'full') return { message: UPLOAD_TEXT.otaRefusedFull, params: { board } };
      if (code === 'too-big') return { message: UPLOAD_TEXT.otaTooBig, params: { bytes: size, max: error.progress?.max_bytes ?? max } };
      if (code === 'other-transfer' || code === 'order') return { message: UPLOAD_TEXT.otaRefusedBusy, params: { board } };
      return { message: UPLOAD_TEXT.otaRefusedOther, params: { board, reason: code } };
    }
  }
}
