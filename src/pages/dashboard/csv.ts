/**
 * CSV export of charted topics, for a spreadsheet: one row per message, a column per field.
 * Written for Excel as much as for scripts: a UTF-8 byte order mark so Chinese topics open
 * correctly, local time Excel recognises, and no cell that Excel would run as a formula.
 */
import type { TopicHistory } from './topic-history';

export interface ExportedTopic {
  topic: string;
  history: TopicHistory;
}

const BOM = '\uFEFF';

/**
 * Quotes a text cell when needed, and defuses pupil-chosen text (topics, client ids) that starts
 * like a formula (`=HYPERLINK(...)`): a leading apostrophe makes Excel show it as text.
 */
export function csvText(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const two = (n: number): string => String(n).padStart(2, '0');

/** `2026-11-30 14:05:09.123` in the computer's time zone: what the teacher's clock said. */
export function localTimestamp(ms: number): string {
  const d = new Date(ms);
  const date = `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
  return `${date} ${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}.${String(d.getMilliseconds()).padStart(3, '0')}`;
}

/** One table for any number of topics, rows in time order; fields are the union of every topic's fields. */
export function topicsToCsv(topics: readonly ExportedTopic[]): string {
  const fields: string[] = [];
  for (const { history } of topics) for (const field of history.fields) if (!fields.includes(field)) fields.push(field);
  const rows: Array<{ time: number; line: string }> = [];
  for (const { topic, history } of topics) {
    const where = fields.map((field) => history.fields.indexOf(field));
    for (let i = 0; i < history.length; i += 1) {
      const ms = Math.round(history.times[i] * 1000);
      const values = where.map((column) => {
        const value = column < 0 ? null : history.columns[column][i];
        return value === null || value === undefined ? '' : String(value);
      });
      const cells = [localTimestamp(ms), String(ms), csvText(topic), csvText(history.senders[i] ?? ''), ...values];
      rows.push({ time: ms, line: cells.join(',') });
    }
  }
  // Stable sort: messages of one topic at the same millisecond keep their arrival order.
  rows.sort((a, b) => a.time - b.time);
  const header = ['time', 'unix_ms', 'topic', 'client', ...fields].map(csvText).join(',');
  return `${BOM}${header}\r\n${rows.map((row) => `${row.line}\r\n`).join('')}`;
}

/** A file name from a topic or group, safe on Windows, macOS and Linux (Chinese kept). */
export function csvFileName(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are not allowed in file names
  const cleaned = name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_').replace(/^[._]+|[._]+$/g, '').slice(0, 80);
  return `${cleaned === '' ? 'mqtt' : cleaned}.csv`;
}
