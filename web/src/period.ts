// Periods of whole local days, as the cloud's lists and reports take them (`from`..`to`, ISO
// dates, both inclusive). Pure functions of "today" so they can be tested and shared.

export interface Period {
  from: string;
  to: string;
}

export type PeriodPreset = 'today' | 'yesterday' | 'last7' | 'last30' | 'thisMonth' | 'lastMonth' | 'custom';
export const kPeriodPresets: PeriodPreset[] = ['today', 'yesterday', 'last7', 'last30', 'thisMonth', 'lastMonth', 'custom'];

/** "YYYY-MM-DD" of a date's local calendar day. */
export function isoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Parses "YYYY-MM-DD" as a local calendar day; null when it is not a real date. */
export function parseIsoDate(text: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) {
    return null;
  }
  const date = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return isoDate(date) === text ? date : null;
}

function addDays(date: Date, days: number): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + days);
}

/** The days a preset covers when today is `today`; 'custom' keeps whatever was chosen. */
export function presetPeriod(preset: Exclude<PeriodPreset, 'custom'>, today: Date): Period {
  const day = new Date(today.getFullYear(), today.getMonth(), today.getDate());
  switch (preset) {
    case 'today':
      return { from: isoDate(day), to: isoDate(day) };
    case 'yesterday':
      return { from: isoDate(addDays(day, -1)), to: isoDate(addDays(day, -1)) };
    case 'last7':
      return { from: isoDate(addDays(day, -6)), to: isoDate(day) };
    case 'last30':
      return { from: isoDate(addDays(day, -29)), to: isoDate(day) };
    case 'thisMonth':
      return { from: isoDate(new Date(day.getFullYear(), day.getMonth(), 1)), to: isoDate(day) };
    case 'lastMonth':
      return {
        from: isoDate(new Date(day.getFullYear(), day.getMonth() - 1, 1)),
        to: isoDate(new Date(day.getFullYear(), day.getMonth(), 0)),
      };
  }
}

/** Which preset a period is (for highlighting it), or 'custom'. */
export function matchPreset(period: Period, today: Date): PeriodPreset {
  for (const preset of kPeriodPresets) {
    if (preset !== 'custom') {
      const p = presetPeriod(preset, today);
      if (p.from === period.from && p.to === period.to) {
        return preset;
      }
    }
  }
  return 'custom';
}

/** A period a person typed: both real dates, `from` not after `to` (swapped if so). */
export function normalizePeriod(period: Period): Period | null {
  const from = parseIsoDate(period.from);
  const to = parseIsoDate(period.to);
  if (!from || !to) {
    return null;
  }
  return from <= to ? { from: period.from, to: period.to } : { from: period.to, to: period.from };
}
