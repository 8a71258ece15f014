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

function intlLocale(locale: string): string {
  return locale === 'en' ? 'en-GB' : 'ru-RU';
}

/** Whole kopecks as money in the UI's locale: 123456 → «1 234,56 ₽» (ru), "₽1,234.56" (en). */
export function formatMoney(kopecks: number | null | undefined, locale: string): string {
  if (kopecks === null || kopecks === undefined || !Number.isFinite(kopecks)) {
    return '—';
  }
  return new Intl.NumberFormat(intlLocale(locale), { style: 'currency', currency: 'RUB', currencyDisplay: 'narrowSymbol', minimumFractionDigits: 2 }).format(
    kopecks / 100,
  );
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

/** Thousandths as a quantity: 2000 → "2", 1500 → "1,5" (ru). */
export function formatQuantity(thousandths: number | null | undefined, locale: string): string {
  if (thousandths === null || thousandths === undefined) {
    return '—';
  }
  return new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 3 }).format(thousandths / 1000);
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
