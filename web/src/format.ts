/** A stored Russian phone (+7 and ten digits) as people write it: +7 900 123-45-67. */
export function formatPhone(phone: string | null | undefined): string {
  if (!phone) {
    return '';
  }
  const m = /^\+7(\d{3})(\d{3})(\d{2})(\d{2})$/.exec(phone.replace(/[\s()-]/g, ''));
  return m ? `+7\u00a0${m[1]}\u00a0${m[2]}-${m[3]}-${m[4]}` : phone;
}

/** The shop's time zone: dates and times are shown as the shop lives them (docs/cloud.md). */
export const kShopTimeZone = 'Europe/Moscow';

/** The Intl locale tag of a UI language. */
export function intlLocale(locale: string): string {
  return locale === 'en' ? 'en-GB' : 'ru-RU';
}

/**
 * Kopecks (an integer, as the API sends money) as roubles in the UI's language: 1 234,50 ₽ in
 * Russian, RUB 1,234.50 in English. Whole roubles keep no kopecks when `whole` is set (chart
 * axes, KPI cards of large sums).
 */
export function formatMoney(kopecks: number | null | undefined, locale: string, options: { whole?: boolean } = {}): string {
  if (kopecks === null || kopecks === undefined || !Number.isFinite(kopecks)) {
    return '—';
  }
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
export function formatQuantity(thousandths: number | null | undefined, locale: string): string {
  if (thousandths === null || thousandths === undefined) {
    return '—';
  }
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

/** A signed amount (over/short): "+10,00 ₽", "−10,00 ₽", "0,00 ₽". */
export function formatSignedMoney(kopecks: number | null | undefined, locale: string): string {
  if (kopecks === null || kopecks === undefined) {
    return '—';
  }
  const text = formatMoney(Math.abs(kopecks), locale);
  return kopecks > 0 ? `+${text}` : kopecks < 0 ? `\u2212${text}` : text;
}

/** UTC microseconds as the shop's local date and time: «01.12.2026, 09:05». */
export function formatDateTime(micros: number | null | undefined, locale: string): string {
  if (micros === null || micros === undefined) {
    return '—';
  }
  return new Intl.DateTimeFormat(intlLocale(locale), {
    timeZone: kShopTimeZone,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(micros / 1000));
}

/** A span of the shop's time: «01.12.2026, 09:00–21:00» within a day, both in full across days. */
export function formatTimeRange(fromUs: number | null | undefined, toUs: number | null | undefined, locale: string): string {
  if (fromUs === null || fromUs === undefined) {
    return formatDateTime(toUs, locale);
  }
  const from = formatDateTime(fromUs, locale);
  if (toUs === null || toUs === undefined) {
    return `${from} –`;
  }
  const to = formatDateTime(toUs, locale);
  const [fromDay, fromTime] = from.split(', ');
  const [toDay, toTime] = to.split(', ');
  return fromDay === toDay ? `${fromDay}, ${fromTime}\u2013${toTime}` : `${from} \u2013 ${to}`;
}
