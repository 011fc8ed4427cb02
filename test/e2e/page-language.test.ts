/**
 * Every page speaks one language, chosen from the browser's (or the pupil's last choice on any
 * page): the start page, the Scratch page's loading / "not set up" / "could not start" panels, and
 * the tab titles and screen-reader labels (language switch, close buttons) of every page. Under a
 * zh-CN browser no English sentence shows; under en no Chinese does (except the 中文 button, which
 * is labelled in its own language on purpose).
 */
import type { Browser, Page, Route } from 'playwright-core';
import type { Message } from '../../blocks/types';
import { COMMON_PAGE_TEXT } from '../../src/pages/common/common-text';
import { BOARD_TEXT } from '../../src/pages/board/board-text';
import { DASHBOARD_TEXT } from '../../src/pages/dashboard/dashboard-text';
import { HOME_TEXT } from '../../src/pages/home/home-text';
import { MONITOR_PAGE_TEXT } from '../../src/pages/monitor/monitor-text';
import { SCRATCH_PAGE_TEXT } from '../../src/pages/scratch/scratch-page-text';
import { translate, type Locale } from '../../src/i18n/translate';
import { startClassroomServer, type ClassroomServer } from '../../src/server';
import { withTimeout } from '../server/helpers';
import { DIST_DIR, launchChromium, newWatchedPage, requireBuilt, saveScreenshot, type OpenedPage } from '../support/browser';
import { chromiumCheck, describeWithTool } from '../support/system-tool';

const WAIT = { timeout: 15_000 };
const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;
/** Names that stay as they are in Chinese text (the brand, products, protocols), and units. */
const NAMES = /\b(MQTT Blocks|MQTT|Scratch|TurboWarp|MicroPython|Python|ESP32|WebSocket|TCP|MB|mqtt-blocks)\b/g;

interface Language {
  browser: string;
  locale: Locale;
  htmlLang: string;
}

const LANGUAGES: Language[] = [
  { browser: 'zh-CN', locale: 'zh-cn', htmlLang: 'zh-CN' },
  { browser: 'en', locale: 'en', htmlLang: 'en' },
];

/** What a pupil reads on the page, without the addresses (code) and the language buttons. */
function readableText(page: Page, selector = 'body'): Promise<string> {
  return page.locator(selector).evaluate((root) => {
    const copy = root.cloneNode(true) as HTMLElement;
    for (const skipped of Array.from(copy.querySelectorAll('code, .languages, script, style, [hidden]'))) skipped.remove();
    return copy.textContent ?? '';
  });
}

/** Chinese only (names aside) under zh-CN, no Chinese at all under en. */
function expectOneLanguage(text: string, language: Language): void {
  expect(text.trim()).not.toBe('');
  if (language.locale === 'en') {
    expect(text).not.toMatch(CJK);
  } else {
    expect(text).toMatch(CJK);
    const english = text.replace(NAMES, '').match(/[A-Za-z]{3,}(?:\s+[A-Za-z]{2,})*/g) ?? [];
    expect(english).toEqual([]);
  }
}

async function expectTitleAndLabels(page: Page, title: Message, language: Language): Promise<void> {
  const expected = translate(title, language.locale);
  if (language.locale !== 'en') expect(expected).toMatch(CJK);
  await page.waitForFunction((wanted) => document.title === wanted, expected, WAIT);
  expect(await page.evaluate(() => document.documentElement.lang)).toBe(language.htmlLang);
  const languages = page.locator('#languages');
  if ((await languages.count()) > 0) {
    expect(await languages.getAttribute('aria-label')).toBe(translate(COMMON_PAGE_TEXT.languages, language.locale));
  }
  for (const close of await page.locator('[data-aria-label="close"]').all()) {
    expect(await close.getAttribute('aria-label')).toBe(translate(COMMON_PAGE_TEXT.close, language.locale));
  }
}

describeWithTool(chromiumCheck(), 'pages in the browser\'s language (Chromium)', () => {
  let server: ClassroomServer;
  let browser: Browser;
  const opened: OpenedPage[] = [];

  const open = async (language: Language, path: string): Promise<OpenedPage> => {
    const page = await newWatchedPage(browser, { locale: language.browser });
    opened.push(page);
    await page.page.goto(`${server.httpUrl}${path.slice(1)}`, { waitUntil: 'load' });
    return page;
  };

  beforeAll(async () => {
    requireBuilt('home.js', 'board-editor.js', 'monitor.js', 'dashboard.js', 'scratch-editor.js');
    // No Scratch editor files: /scratch/ shows its "not set up" panel.
    server = await startClassroomServer({ host: '127.0.0.1', httpPort: 0, tcpPort: 0, distDir: DIST_DIR, scratchGuiDir: null, log: () => {} });
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    for (const { context } of opened) await context.close().catch(() => {});
    await browser?.close();
    if (server !== undefined) await withTimeout(server.close(), 5000, 'server close');
  }, 30_000);

  for (const language of LANGUAGES) {
    test(`${language.browser}: the start page, its title and labels, with the addresses filled in`, async () => {
      const { page, problems } = await open(language, '/');
      await page.locator('#websocket-url', { hasText: 'ws://' }).waitFor(WAIT);
      await expectTitleAndLabels(page, HOME_TEXT.pageTitle, language);
      expect(await page.locator('main h1').innerText()).toBe(translate(HOME_TEXT.heading, language.locale));
      expect(await page.locator('button[data-copy]').allInnerTexts()).toEqual(Array(3).fill(translate(HOME_TEXT.copy, language.locale)));
      expectOneLanguage(await readableText(page), language);
      // The cards still lead to the pages.
      expect(await page.locator('a.card').evaluateAll((links) => links.map((link) => link.getAttribute('href')))).toEqual(['/scratch/', '/board/', '/monitor/', '/dashboard/']);
      await saveScreenshot(page, `home-${language.locale}.png`);
      expect(problems.all()).toEqual([]);
    });

    test(`${language.browser}: the Scratch page explains the missing editor, with the command and the address as code`, async () => {
      const { page, problems } = await open(language, '/scratch/');
      const panel = page.locator('#not-set-up');
      await panel.waitFor({ state: 'visible', ...WAIT });
      await expectTitleAndLabels(page, SCRATCH_PAGE_TEXT.pageTitle, language);
      expectOneLanguage(await readableText(page, '#not-set-up'), language);
      expect(await panel.locator('code').allInnerTexts()).toEqual(['npm run setup:scratch-editor', `${server.httpUrl.replace(/\/$/, '')}/mqtt-blocks.js`]);
      expect(await panel.locator('li a').getAttribute('href')).toBe('https://turbowarp.org/editor');
      expect(await panel.locator('h1').innerText()).toBe(translate(SCRATCH_PAGE_TEXT.notSetUp, language.locale));
      await saveScreenshot(page, `scratch-not-set-up-${language.locale}.png`);
      expect(problems.all()).toEqual([]);
    });

    test(`${language.browser}: the Scratch page's loading line, then its "could not start" report`, async () => {
      // (Its console reports the refused request on purpose: no console check here.)
      const watched = await newWatchedPage(browser, { locale: language.browser });
      opened.push(watched);
      const { page } = watched;
      // Hold the page's question to the server: the loading line stays; then fail it.
      let held: Route | null = null;
      await page.route('**/api/info', (route) => {
        held = route;
      });
      await page.goto(`${server.httpUrl}scratch/`, { waitUntil: 'load' });
      await expectTitleAndLabels(page, SCRATCH_PAGE_TEXT.pageTitle, language);
      expect(await page.locator('#status').innerText()).toBe(translate(SCRATCH_PAGE_TEXT.loading, language.locale));
      expectOneLanguage(await readableText(page), language);
      await withTimeout((async () => { while (held === null) await new Promise((resolve) => setTimeout(resolve, 50)); })(), 10_000, 'the page asks /api/info');
      await (held as unknown as Route).abort('connectionrefused');
      const problem = page.locator('#problem');
      await problem.waitFor({ state: 'visible', ...WAIT });
      expect(await page.locator('#status').isHidden()).toBe(true);
      expectOneLanguage(await readableText(page, '#problem'), language);
      expect(await problem.locator('p').first().innerText()).toBe(translate(SCRATCH_PAGE_TEXT.problemAdvice, language.locale));
      expect(await page.locator('#problem-detail').innerText()).not.toBe('');
    });

    test(`${language.browser}: board editor, monitor and dashboard titles and screen-reader labels`, async () => {
      const pages: Array<[string, Message]> = [
        ['/board/', BOARD_TEXT.pageTitle],
        ['/monitor/', MONITOR_PAGE_TEXT.pageTitle],
        ['/dashboard/', DASHBOARD_TEXT.pageTitle],
      ];
      for (const [path, title] of pages) {
        const { page, problems } = await open(language, path);
        await expectTitleAndLabels(page, title, language);
        expect(problems.all()).toEqual([]);
      }
    }, 60_000);
  }

  test('choosing English on the start page of a Chinese browser switches it, and the other pages follow', async () => {
    const chinese = LANGUAGES[0];
    const english = LANGUAGES[1];
    const { page, context } = await open(chinese, '/');
    await expectTitleAndLabels(page, HOME_TEXT.pageTitle, chinese);
    await page.locator('#languages button[data-locale="en"]').click();
    await expectTitleAndLabels(page, HOME_TEXT.pageTitle, english);
    expectOneLanguage(await readableText(page), english);
    expect(await page.locator('#languages button[data-locale="en"]').getAttribute('aria-pressed')).toBe('true');
    const monitor = await context.newPage();
    await monitor.goto(`${server.httpUrl}monitor/`, { waitUntil: 'load' });
    await expectTitleAndLabels(monitor, MONITOR_PAGE_TEXT.pageTitle, english);
  });
});
