/**
 * Entry of the stand-alone monitor page (/monitor/): the teacher's big-screen view of every
 * message in the classroom, in the language last chosen on any of our pages.
 */
import type { Locale } from '../../../blocks/types';
import { bindLanguageSwitch } from '../common/language-switch';
import { htmlLang, initialLocale, rememberLocale } from '../common/locale-choice';
import { applyTexts, type TextTable } from '../common/page-text';
import { MonitorPanel } from './monitor-panel';

const PAGE_TEXT: TextTable<'pageTitle' | 'home' | 'board'> = {
  pageTitle: { en: 'MQTT message monitor', 'zh-cn': 'MQTT 消息监视器' },
  home: { en: 'Classroom server', 'zh-cn': '课堂服务器' },
  board: { en: 'Board editor', 'zh-cn': '开发板编辑器' },
};

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
    document.documentElement.lang = htmlLang(locale);
    document.title = PAGE_TEXT.pageTitle[locale];
    applyTexts(document.body, PAGE_TEXT, locale);
    panel.setLocale(locale);
    switcher.show(locale);
  };
  show();
  panel.start();
}

start();
