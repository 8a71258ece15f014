import { describe, expect, it } from 'vitest';
import { isoDate, matchPreset, normalizePeriod, parseIsoDate, presetPeriod } from './period';

// A Wednesday in the middle of a month, and the first of a year (the month before is December).
const wed = new Date(2026, 11, 16, 15, 30);
const newYear = new Date(2027, 0, 1, 0, 5);

describe('period presets', () => {
  it('cover whole local days ending today', () => {
    expect(presetPeriod('today', wed)).toEqual({ from: '2026-12-16', to: '2026-12-16' });
    expect(presetPeriod('yesterday', wed)).toEqual({ from: '2026-12-15', to: '2026-12-15' });
    expect(presetPeriod('last7', wed)).toEqual({ from: '2026-12-10', to: '2026-12-16' });
    expect(presetPeriod('last30', wed)).toEqual({ from: '2026-11-17', to: '2026-12-16' });
    expect(presetPeriod('thisMonth', wed)).toEqual({ from: '2026-12-01', to: '2026-12-16' });
    expect(presetPeriod('lastMonth', wed)).toEqual({ from: '2026-11-01', to: '2026-11-30' });
  });

  it('cross the year and short months', () => {
    expect(presetPeriod('yesterday', newYear)).toEqual({ from: '2026-12-31', to: '2026-12-31' });
    expect(presetPeriod('lastMonth', newYear)).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(presetPeriod('lastMonth', new Date(2028, 2, 10))).toEqual({ from: '2028-02-01', to: '2028-02-29' });
  });

  it('recognise a preset, else custom', () => {
    expect(matchPreset({ from: '2026-12-10', to: '2026-12-16' }, wed)).toBe('last7');
    expect(matchPreset({ from: '2026-12-16', to: '2026-12-16' }, wed)).toBe('today');
    expect(matchPreset({ from: '2026-12-02', to: '2026-12-05' }, wed)).toBe('custom');
  });
});

describe('typed periods', () => {
  it('accept real dates only and put them in order', () => {
    expect(parseIsoDate('2026-02-29')).toBeNull();
    expect(parseIsoDate('2028-02-29')).not.toBeNull();
    expect(parseIsoDate('1.12.2026')).toBeNull();
    expect(isoDate(new Date(2026, 0, 5))).toBe('2026-01-05');
    expect(normalizePeriod({ from: '2026-12-05', to: '2026-12-01' })).toEqual({ from: '2026-12-01', to: '2026-12-05' });
    expect(normalizePeriod({ from: '2026-12-05', to: '' })).toBeNull();
  });
});
