import { describe, expect, it } from 'vitest';
import { formatPhone } from './format';

describe('formatPhone', () => {
  it('groups a stored Russian phone and leaves anything else alone', () => {
    expect(formatPhone('+79001234567')).toBe('+7\u00a0900\u00a0123-45-67');
    expect(formatPhone('+7 (900) 123-45-67')).toBe('+7\u00a0900\u00a0123-45-67');
    expect(formatPhone('+4930123456')).toBe('+4930123456');
    expect(formatPhone(null)).toBe('');
  });
});
