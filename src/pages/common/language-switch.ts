/**
 * The English / 中文 buttons in a page's top bar (`<button data-locale="en">`). Each button is
 * labelled in its own language, so a pupil who cannot read the current one still finds theirs.
 */
import { isLocale, type Locale } from '../../i18n/locales';

export interface LanguageSwitch {
  show(locale: Locale): void;
}

export function bindLanguageSwitch(container: HTMLElement, onChoose: (locale: Locale) => void): LanguageSwitch {
  const buttons = Array.from(container.querySelectorAll<HTMLButtonElement>('button[data-locale]'));
  for (const button of buttons) {
    button.addEventListener('click', () => {
      const locale = button.dataset.locale;
      if (locale !== undefined && isLocale(locale)) onChoose(locale);
    });
  }
  return {
    show(locale) {
      for (const button of buttons) button.setAttribute('aria-pressed', String(button.dataset.locale === locale));
    },
  };
}
