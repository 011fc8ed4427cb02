/**
 * Entry of the stand-alone monitor page (/monitor/): the teacher's big-screen view of every
 * message in the classroom, in the language last chosen on any of our pages.
 */
import type { Locale } from '../../i18n/translate';
import { bindLanguageSwitch } from '../common/language-switch';
import { initialLocale, rememberLocale } from '../common/locale-choice';
import { applyPageTexts } from '../common/page-text';
import { MonitorPanel } from './monitor-panel';
import { MONITOR_PAGE_TEXT } from './monitor-text';

function start(): void {
  const host = document.getElementById('monitor');
  const languages = document.getElementById('languages');
  if (!host || !languages) return;
  let locale: Locale = initialLocale();
  const panel = new MonitorPanel(host, { locale });
  const switcher = bindLanguageSwitch(languages, (chosen) => {
    locale = chosen;
    rememberLocale(chosen);
    show();
  });
  const show = (): void => {
    applyPageTexts(MONITOR_PAGE_TEXT, MONITOR_PAGE_TEXT.pageTitle, locale);
    panel.setLocale(locale);
    switcher.show(locale);
  };
  show();
  panel.start();
}

start();
