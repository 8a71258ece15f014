import { createI18n } from 'vue-i18n';
import ru from './locales/ru';
import en from './locales/en';

export const kLocales = ['ru', 'en'] as const;
export type Locale = (typeof kLocales)[number];
const kStorageKey = 'sigma.locale';

/**
 * Russian plural forms for 'one | few | many' messages: 1, 21 минута; 2–4, 22 минуты;
 * 0, 5–20, 11–14 минут. Messages with two forms fall back to 'one | other'.
 */
export function russianPlural(choice: number, choicesLength: number): number {
  const n = Math.abs(choice);
  if (choicesLength < 3) {
    return n === 1 ? 0 : 1;
  }
  const mod10 = n % 10;
  const mod100 = n % 100;
  if (mod10 === 1 && mod100 !== 11) {
    return 0;
  }
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) {
    return 1;
  }
  return 2;
}

export function initialLocale(): Locale {
  try {
    const saved = globalThis.localStorage?.getItem(kStorageKey);
    if (saved === 'ru' || saved === 'en') {
      return saved;
    }
  } catch {
    // Storage can be disabled; Russian is the default either way.
  }
  return 'ru';
}

export const i18n = createI18n({
  legacy: false,
  locale: initialLocale(),
  fallbackLocale: 'ru',
  messages: { ru, en },
  pluralRules: { ru: russianPlural },
  missingWarn: false,
  fallbackWarn: false,
});

export function setLocale(locale: Locale): void {
  i18n.global.locale.value = locale;
  document.documentElement.lang = locale;
  document.title = i18n.global.t('app.name');
  try {
    globalThis.localStorage?.setItem(kStorageKey, locale);
  } catch {
    // Not remembered across visits; the switch still works for this page.
  }
}
