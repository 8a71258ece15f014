/** A stored Russian phone (+7 and ten digits) as people write it: +7 900 123-45-67. */
export function formatPhone(phone: string | null | undefined): string {
  if (!phone) {
    return '';
  }
  const m = /^\+7(\d{3})(\d{3})(\d{2})(\d{2})$/.exec(phone.replace(/[\s()-]/g, ''));
  return m ? `+7\u00a0${m[1]}\u00a0${m[2]}-${m[3]}-${m[4]}` : phone;
}

/** The Intl locale tag of a UI language. */
export function intlLocale(locale: string): string {
  return locale === 'en' ? 'en-GB' : 'ru-RU';
}

/**
 * Kopecks (an integer, as the API sends money) as roubles in the UI's language: 1 234,50 ₽ in
 * Russian, RUB 1,234.50 in English. Whole roubles keep no kopecks when `whole` is set (chart
 * axes, KPI cards of large sums).
 */
export function formatMoney(kopecks: number, locale: string, options: { whole?: boolean } = {}): string {
  const digits = options.whole ? 0 : 2;
  return new Intl.NumberFormat(intlLocale(locale), {
    style: 'currency',
    currency: 'RUB',
    currencyDisplay: 'narrowSymbol',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(options.whole ? Math.round(kopecks / 100) : kopecks / 100);
}

/** Thousandths (the API's quantities) as a number: 2,25 or 3 (up to three decimals). */
export function formatQuantity(thousandths: number, locale: string): string {
  return new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 3 }).format(thousandths / 1000);
}

/** A plain count with the language's digit grouping: 1 234 / 1,234. */
export function formatCount(n: number, locale: string): string {
  return new Intl.NumberFormat(intlLocale(locale)).format(n);
}

/** An ISO date (YYYY-MM-DD) for people: 10.11.2026 / 10/11/2026; `short` drops the year (10.11). */
export function formatDay(iso: string, locale: string, options: { short?: boolean; weekday?: boolean } = {}): string {
  const [y, m, d] = iso.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return new Intl.DateTimeFormat(intlLocale(locale), {
    timeZone: 'UTC',
    day: '2-digit',
    month: '2-digit',
    ...(options.short ? {} : { year: 'numeric' }),
    ...(options.weekday ? { weekday: 'short' } : {}),
  }).format(date);
}
