import { describe, expect, it } from 'vitest';
import { characterClasses, checkPassword, isIdentityLike, kMinPasswordLength, passwordAcceptable, passwordLength, phoneDigits } from './password';

function rule(password: string, id: string, identity = {}) {
  return checkPassword(password, identity).find((r) => r.id === id)?.ok;
}

describe('password rules', () => {
  it('needs at least 10 characters, counted as characters, not UTF-16 units', () => {
    expect(kMinPasswordLength).toBe(10);
    expect(rule('Abcdefgh1', 'length')).toBe(false);
    expect(rule('Abcdefgh12', 'length')).toBe(true);
    expect(passwordLength('пароль😀')).toBe(7);
    expect(rule('пароль1234', 'length')).toBe(true);
  });

  it('needs two classes, counted the way the server counts them', () => {
    expect(rule('abcdefghijk', 'classes')).toBe(false);
    expect(rule('ABCDEFGHIJK', 'classes')).toBe(false);
    expect(rule('12345678901', 'classes')).toBe(false);
    expect(rule('!!!!!!!!!!!', 'classes')).toBe(false);
    expect(rule('abcdefghijK', 'classes')).toBe(true);
    expect(rule('abcdefghij1', 'classes')).toBe(true);
    expect(rule('abcdefghij!', 'classes')).toBe(true);
    // Cyrillic letters are one class ("other") on the server, whatever their case.
    expect([...characterClasses('ПарольПароль')]).toEqual(['other']);
    expect(rule('ПарольПароль', 'classes')).toBe(false);
    expect(rule('пароль2026!', 'classes')).toBe(true);
  });

  it('refuses the phone and the e-mail, and anything shaped like them', () => {
    expect(rule('+7 900 123-45-67', 'notIdentity')).toBe(false);
    expect(rule('8 (900) 123-45-67', 'notIdentity')).toBe(false);
    expect(rule('owner@example.ru', 'notIdentity')).toBe(false);
    expect(rule('Owner.Shop', 'notIdentity', { email: 'owner.shop@example.ru' })).toBe(false);
    expect(rule('Owner.Shop-2026', 'notIdentity', { email: 'owner.shop@example.ru' })).toBe(true);
    expect(isIdentityLike('Correct horse 7')).toBe(false);
    // An empty field is not yet "met".
    expect(rule('', 'notIdentity')).toBe(false);
  });

  it('accepts a good password only when every rule is met', () => {
    expect(passwordAcceptable('Lavka-na-Mira-7')).toBe(true);
    expect(passwordAcceptable('short1A')).toBe(false);
    expect(passwordAcceptable('onlyletterslong')).toBe(false);
    expect(passwordAcceptable('+79001234567')).toBe(false);
  });
});

describe('phoneDigits', () => {
  it('reads the common Russian formats', () => {
    expect(phoneDigits('+7 900 123-45-67')).toBe('9001234567');
    expect(phoneDigits('8(900)1234567')).toBe('9001234567');
    expect(phoneDigits('9001234567')).toBe('9001234567');
    expect(phoneDigits('12345')).toBeNull();
    expect(phoneDigits('a9001234567')).toBeNull();
  });
});
