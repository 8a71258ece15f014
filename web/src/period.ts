// Periods of local days for the cabinet's reports («Аналитика», «Финансы»): the presets of the
// period picker, and the checks the server makes too (real dates, from ≤ to, at most 366 days).
// Dates are ISO strings (YYYY-MM-DD) of the shop's local days; the arithmetic is done on UTC
// midnights so that no browser time zone or daylight-saving change can shift a day.

export interface Period {
  from: string;
  to: string;
}

export const kPresets = ['today', 'yesterday', 'last7', 'last30', 'thisMonth', 'lastMonth'] as const;
export type Preset = (typeof kPresets)[number];

/** The longest period the server accepts, in days (both ends included). */
export const kMaxPeriodDays = 366;

/** The shops' time zone until accounts carry their own: Moscow, UTC+3 (no daylight saving). */
export const kShopUtcOffsetMinutes = 180;

const kDayMs = 86_400_000;

function toIso(dayNumber: number): string {
  return new Date(dayNumber * kDayMs).toISOString().slice(0, 10);
}

/** Days since 1970-01-01 of a real ISO date, or null (2026-02-30, 2026-1-5, garbage). */
export function dayNumber(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) {
    return null;
  }
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    return null;
  }
  return Math.round(ms / kDayMs);
}

/** The ISO date `days` after (or before, negative) `iso`. */
export function addDays(iso: string, days: number): string {
  const n = dayNumber(iso);
  if (n === null) {
    throw new Error(`not a date: ${iso}`);
  }
  return toIso(n + days);
}

/** Today in the shop's time zone (not the browser's). */
export function shopToday(nowMs: number = Date.now(), offsetMinutes: number = kShopUtcOffsetMinutes): string {
  return new Date(nowMs + offsetMinutes * 60_000).toISOString().slice(0, 10);
}

/** The days a preset covers, as of `today`. */
export function presetPeriod(preset: Preset, today: string): Period {
  switch (preset) {
    case 'today':
      return { from: today, to: today };
    case 'yesterday': {
      const day = addDays(today, -1);
      return { from: day, to: day };
    }
    case 'last7':
      return { from: addDays(today, -6), to: today };
    case 'last30':
      return { from: addDays(today, -29), to: today };
    case 'thisMonth':
      return { from: `${today.slice(0, 8)}01`, to: today };
    case 'lastMonth': {
      const lastDay = addDays(`${today.slice(0, 8)}01`, -1);
      return { from: `${lastDay.slice(0, 8)}01`, to: lastDay };
    }
  }
}

/** The preset a period is, as of `today` (the first that matches), or null for a custom range. */
export function matchPreset(period: Period, today: string): Preset | null {
  for (const preset of kPresets) {
    const p = presetPeriod(preset, today);
    if (p.from === period.from && p.to === period.to) {
      return preset;
    }
  }
  return null;
}

/** How many days a period covers (both ends), or null when a date is not real. */
export function periodDays(period: Period): number | null {
  const from = dayNumber(period.from);
  const to = dayNumber(period.to);
  return from === null || to === null ? null : to - from + 1;
}

export type PeriodProblem = 'badFrom' | 'badTo' | 'reversed' | 'tooLong';

/** What is wrong with a custom period, or null when the server will accept it. */
export function checkPeriod(period: Period, maxDays: number = kMaxPeriodDays): PeriodProblem | null {
  if (dayNumber(period.from) === null) {
    return 'badFrom';
  }
  if (dayNumber(period.to) === null) {
    return 'badTo';
  }
  const days = periodDays(period) as number;
  if (days < 1) {
    return 'reversed';
  }
  return days > maxDays ? 'tooLong' : null;
}

/** Every ISO date of a (valid) period, in order. */
export function periodDates(period: Period): string[] {
  const from = dayNumber(period.from);
  const to = dayNumber(period.to);
  if (from === null || to === null) {
    return [];
  }
  const out: string[] = [];
  for (let n = from; n <= to; n += 1) {
    out.push(toIso(n));
  }
  return out;
}
