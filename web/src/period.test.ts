import { describe, expect, it } from 'vitest';
import { addDays, checkPeriod, dayNumber, matchPreset, periodDates, periodDays, presetPeriod, shopToday } from './period';

describe('period presets', () => {
  const today = '2026-03-01';

  it('covers the days each preset names, today included', () => {
    expect(presetPeriod('today', today)).toEqual({ from: '2026-03-01', to: '2026-03-01' });
    expect(presetPeriod('yesterday', today)).toEqual({ from: '2026-02-28', to: '2026-02-28' });
    expect(presetPeriod('last7', today)).toEqual({ from: '2026-02-23', to: '2026-03-01' });
    expect(periodDays(presetPeriod('last7', today))).toBe(7);
    expect(presetPeriod('last30', today)).toEqual({ from: '2026-01-31', to: '2026-03-01' });
    expect(periodDays(presetPeriod('last30', today))).toBe(30);
    expect(presetPeriod('thisMonth', today)).toEqual({ from: '2026-03-01', to: '2026-03-01' });
    expect(presetPeriod('lastMonth', today)).toEqual({ from: '2026-02-01', to: '2026-02-28' });
  });

  it('crosses years and leap days', () => {
    expect(presetPeriod('lastMonth', '2026-01-15')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(presetPeriod('lastMonth', '2028-03-10')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(presetPeriod('yesterday', '2027-01-01')).toEqual({ from: '2026-12-31', to: '2026-12-31' });
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });

  it('recognises a preset, and a custom range as none', () => {
    expect(matchPreset({ from: '2026-02-23', to: '2026-03-01' }, today)).toBe('last7');
    expect(matchPreset({ from: '2026-03-01', to: '2026-03-01' }, today)).toBe('today'); // before thisMonth
    expect(matchPreset({ from: '2026-02-20', to: '2026-02-25' }, today)).toBeNull();
  });
});

describe('period checks (as the server makes them)', () => {
  it('accepts real dates only', () => {
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dayNumber('2026-02-29')).toBeNull();
    expect(dayNumber('2026-13-01')).toBeNull();
    expect(dayNumber('2026-1-01')).toBeNull();
    expect(dayNumber('')).toBeNull();
    expect(checkPeriod({ from: '', to: '2026-01-01' })).toBe('badFrom');
    expect(checkPeriod({ from: '2026-01-01', to: '2026-04-31' })).toBe('badTo');
  });

  it('wants from ≤ to and at most 366 days', () => {
    expect(checkPeriod({ from: '2026-01-02', to: '2026-01-01' })).toBe('reversed');
    expect(checkPeriod({ from: '2025-01-01', to: '2026-01-01' })).toBeNull(); // 366 days
    expect(checkPeriod({ from: '2025-01-01', to: '2026-01-02' })).toBe('tooLong');
    expect(checkPeriod({ from: '2026-01-01', to: '2026-01-10' }, 7)).toBe('tooLong');
  });

  it('lists the days of a period', () => {
    expect(periodDates({ from: '2026-02-27', to: '2026-03-02' })).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
  });
});

describe('shopToday', () => {
  it('is the Moscow date, whatever the browser’s zone', () => {
    // 2026-11-10 21:30 UTC is 00:30 on the 11th in Moscow; 20:30 UTC is 23:30 on the 10th.
    expect(shopToday(Date.UTC(2026, 10, 10, 21, 30))).toBe('2026-11-11');
    expect(shopToday(Date.UTC(2026, 10, 10, 20, 30))).toBe('2026-11-10');
    expect(shopToday(Date.UTC(2026, 10, 10, 20, 30), 0)).toBe('2026-11-10');
  });
});
