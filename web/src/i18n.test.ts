import { describe, expect, it } from 'vitest';
import ru from './locales/ru';
import en from './locales/en';
import { russianPlural } from './i18n';

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

function leaf(obj: object, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], obj);
}

describe('locales', () => {
  it('have the same keys in Russian and English', () => {
    expect(keys(en).sort()).toEqual(keys(ru).sort());
  });

  it('have no empty messages and no bare @ (vue-i18n linked-message syntax)', () => {
    for (const locale of [ru, en]) {
      for (const k of keys(locale)) {
        const text = leaf(locale, k) as string;
        expect(text.trim(), k).not.toBe('');
        expect(text.replace(/\{'@'\}/g, ''), k).not.toContain('@');
      }
    }
  });

  it('name the three business types', () => {
    expect(ru.business).toEqual({ trade: 'Торговля', services: 'Услуги', food: 'Еда' });
  });
});

describe('russianPlural', () => {
  it('picks one / few / many', () => {
    const form = (n: number) => ['минута', 'минуты', 'минут'][russianPlural(n, 3)];
    expect([1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 101, 111, 0].map(form)).toEqual([
      'минута', 'минуты', 'минуты', 'минут', 'минут', 'минут', 'минут', 'минута', 'минуты', 'минут', 'минута', 'минут', 'минут',
    ]);
    expect(russianPlural(1, 2)).toBe(0);
    expect(russianPlural(5, 2)).toBe(1);
  });
});
