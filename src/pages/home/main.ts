/**
 * Entry of `dist/home.js`, the classroom server's start page (/): links to the editors and the
 * addresses to copy, in the language last chosen on any of our pages (else the browser's).
 * The addresses come from the server itself, so they stay right whatever ports the teacher chose
 * and whichever address the pupil typed.
 */
import type { Locale } from '../../i18n/translate';
import { translate } from '../../i18n/translate';
import { bindLanguageSwitch } from '../common/language-switch';
import { initialLocale, rememberLocale } from '../common/locale-choice';
import { applyPageTexts } from '../common/page-text';
import { fetchServerInfo } from '../common/server-info';
import { HOME_TEXT } from './home-text';

/** How long "Copied" stays on a copy button. */
const COPY_FEEDBACK_MS = 2000;

function byId(id: string): HTMLElement {
  const element = document.getElementById(id);
  if (element === null) throw new Error(`the start page lacks #${id}`);
  return element;
}

function show(id: string, text: string): void {
  byId(id).textContent = text;
}

async function showAddresses(): Promise<void> {
  show('extension-url', `${location.origin}/mqtt-blocks.js`);
  try {
    const info = await fetchServerInfo();
    show('websocket-url', info.websocketUrl);
    show('tcp-address', `${info.tcp.host}, ${info.tcp.port}`);
    byId('auth-note').hidden = !info.authRequired;
  } catch {
    // The server answers /api/info unless it is going away: this address is still its own.
    show('websocket-url', `ws://${location.host}/mqtt`);
  }
}

/** Copy buttons (`data-copy="<id of the address>"`) say whether it worked, in the page's language. */
function bindCopyButtons(locale: () => Locale): void {
  for (const button of Array.from(document.querySelectorAll<HTMLButtonElement>('button[data-copy]'))) {
    const address = byId(button.dataset.copy ?? '');
    const label = button.querySelector<HTMLElement>('[data-text]') ?? button;
    let restore: ReturnType<typeof setTimeout> | undefined;
    const say = (text: string): void => {
      label.textContent = text;
      clearTimeout(restore);
      restore = setTimeout(() => (label.textContent = translate(HOME_TEXT.copy, locale())), COPY_FEEDBACK_MS);
    };
    button.addEventListener('click', () => {
      const text = address.textContent ?? '';
      // The clipboard exists only on secure pages (localhost, https): elsewhere select the address
      // so the pupil can copy it with Ctrl+C.
      const clipboard = navigator.clipboard as Clipboard | undefined; // undefined on insecure pages, whatever the DOM types say
      const copied = clipboard !== undefined ? clipboard.writeText(text) : Promise.reject(new Error('no clipboard'));
      copied.then(
        () => say(translate(HOME_TEXT.copied, locale())),
        () => {
          window.getSelection()?.selectAllChildren(address);
          say(translate(HOME_TEXT.copyFailed, locale()));
        },
      );
    });
  }
}

function start(): void {
  let locale: Locale = initialLocale();
  const switcher = bindLanguageSwitch(byId('languages'), (chosen) => {
    locale = chosen;
    rememberLocale(chosen);
    showLanguage();
  });
  const showLanguage = (): void => {
    applyPageTexts(HOME_TEXT, HOME_TEXT.pageTitle, locale);
    switcher.show(locale);
  };
  showLanguage();
  bindCopyButtons(() => locale);
  void showAddresses();
}

start();
