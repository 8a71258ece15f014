import { describe, expect, it } from 'vitest';
import { formatCount, formatDay, formatMoney, formatPhone, formatQuantity } from './format';

describe('formatPhone', () => {
  it('groups a stored Russian phone and leaves anything else alone', () => {
    expect(formatPhone('+79001234567')).toBe('+7\u00a0900\u00a0123-45-67');
    expect(formatPhone('+7 (900) 123-45-67')).toBe('+7\u00a0900\u00a0123-45-67');
    expect(formatPhone('+4930123456')).toBe('+4930123456');
    expect(formatPhone(null)).toBe('');
  });
});

describe('money and numbers in the UI language', () => {
  it('formats kopecks as roubles', () => {
    expect(formatMoney(123450, 'ru')).toBe('1\u00a0234,50\u00a0₽');
    expect(formatMoney(123450, 'en')).toBe('₽1,234.50');
    expect(formatMoney(-30000, 'ru')).toBe('-300,00\u00a0₽');
    expect(formatMoney(0, 'ru')).toBe('0,00\u00a0₽');
    expect(formatMoney(123450, 'ru', { whole: true })).toBe('1\u00a0235\u00a0₽');
  });

  it('formats quantities, counts and days', () => {
    expect(formatQuantity(2250, 'ru')).toBe('2,25');
    expect(formatQuantity(3000, 'en')).toBe('3');
    expect(formatCount(12345, 'ru')).toBe('12\u00a0345');
    expect(formatDay('2026-11-10', 'ru')).toBe('10.11.2026');
    expect(formatDay('2026-11-10', 'ru', { short: true })).toBe('10.11');
    expect(formatDay('2026-11-10', 'en')).toBe('10/11/2026');
  });
});
