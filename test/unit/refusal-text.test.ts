/**
 * One table of refusal reasons: the server terminal's line and the dashboard's connections panel
 * say the same words for every reason (the panel in the page's language, the terminal in all).
 */
import { formatConnectionEvent, type RefusalReason } from '../../src/server/events/connection-events';
import { REFUSAL_TEXT } from '../../src/server/events/refusal-text';
import { translate } from '../../src/i18n/translate';

const REASONS = Object.keys(REFUSAL_TEXT) as RefusalReason[];

test.each(REASONS)('%s: the terminal line says the same words as the dashboard, in English and Chinese', (reason) => {
  const line = formatConnectionEvent({ type: 'refused', time: Date.UTC(2026, 0, 1), reason, address: '192.168.1.23', transport: 'tcp', clientId: 'pupil-1' });
  const english = translate(REFUSAL_TEXT[reason], 'en');
  const chinese = translate(REFUSAL_TEXT[reason], 'zh-cn');
  expect(line).toContain(english);
  expect(line).toContain(chinese);
  expect(chinese).not.toBe(english);
});

test('every reason has its own words', () => {
  const texts = REASONS.map((reason) => translate(REFUSAL_TEXT[reason], 'en'));
  expect(new Set(texts).size).toBe(texts.length);
});
