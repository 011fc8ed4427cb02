/** Texts every page shares: the language switch's label and the close buttons. */
import type { TextTable } from './page-text';

export const COMMON_PAGE_TEXT: TextTable<'languages' | 'close'> = {
  languages: {
    id: 'mqtt.page.common.languages',
    default: 'Language',
    description: 'Every page: accessible name of the group of language buttons (English / 中文) in the top bar, read by screen readers.',
  },
  close: {
    id: 'mqtt.page.common.close',
    default: 'Close',
    description: 'Every page: accessible name of a × button that closes a notice, read by screen readers.',
  },
};
