import { describe, expect, it, vi } from 'vitest';
import { ApiClient, ApiError } from './api';
import { describeError } from './errors';
import { checkInvite, emailAcceptable, formatMoment, inviteFieldOf, normalizePhone, sectionAllowed } from './users';

const form = (name: string, contact: string, role = 'cashier') => ({ name, contact, role });

describe('the invitation form', () => {
  it('sends an e-mail (lower-cased) or a phone (as the server stores it), never both', () => {
    expect(checkInvite(form('  Анна Смирнова ', ' Anna@Example.RU '))).toEqual({
      problems: {},
      input: { name: 'Анна Смирнова', email: 'anna@example.ru', role: 'cashier' },
    });
    expect(checkInvite(form('Пётр', '8 (900) 123-45-67', 'technician')).input).toEqual({
      name: 'Пётр',
      phone: '+79001234567',
      role: 'technician',
    });
  });

  it('names each field that is wrong', () => {
    expect(checkInvite(form('', '', '')).problems).toEqual({ name: 'nameRequired', contact: 'contactRequired', role: 'roleRequired' });
    expect(checkInvite(form('   ', 'a@b.ru')).problems).toEqual({ name: 'nameRequired' });
    expect(checkInvite(form('Аня', 'anna@')).problems).toEqual({ contact: 'emailInvalid' });
    expect(checkInvite(form('Аня', 'an na@example.ru')).problems).toEqual({ contact: 'emailInvalid' });
    expect(checkInvite(form('Аня', '12345')).problems).toEqual({ contact: 'phoneInvalid' });
    expect(checkInvite(form('Аня', 'a@b.ru', 'root')).problems).toEqual({ role: 'roleRequired' });
    expect(checkInvite(form('Аня', 'a@b.ru')).input).not.toBeNull();
    expect(checkInvite(form('', 'a@b.ru')).input).toBeNull();
  });

  it('counts a name in characters, as the server does, and keeps it on one line', () => {
    expect(checkInvite(form('ж'.repeat(100), 'a@b.ru')).problems).toEqual({});
    expect(checkInvite(form('ж'.repeat(101), 'a@b.ru')).problems).toEqual({ name: 'nameTooLong' });
    expect(checkInvite(form('Анна\tСмирнова', 'a@b.ru')).problems).toEqual({ name: 'nameOneLine' });
  });

  it('takes the phone formats the server takes and refuses the ones it refuses', () => {
    for (const ok of ['+7 900 123-45-67', '8 (900) 1234567', '89001234567', '9001234567', '7 900 123 45 67', '+7\u00a0900\u00a0123-45-67']) {
      expect(normalizePhone(ok), ok).toBe('+79001234567');
    }
    for (const bad of ['8001234567', '+8 900 123-45-67', '+1 900 123 45 67', '900-123-45', '0001234567', '9+001234567', 'тел. 9001234567', '']) {
      expect(normalizePhone(bad), bad).toBeNull();
    }
  });

  it('checks an e-mail as the server does', () => {
    expect(emailAcceptable('a@b')).toBe(true);
    expect(emailAcceptable('@b.ru')).toBe(false);
    expect(emailAcceptable('a@b@c')).toBe(false);
    expect(emailAcceptable('a<b>@c.ru')).toBe(false);
  });

  it('puts the server field on the form field', () => {
    expect(inviteFieldOf('email')).toBe('contact');
    expect(inviteFieldOf('phone')).toBe('contact');
    expect(inviteFieldOf('name')).toBe('name');
    expect(inviteFieldOf('role')).toBe('role');
    expect(inviteFieldOf('body')).toBeNull();
    expect(inviteFieldOf(null)).toBeNull();
  });
});

describe('the sections in the navigation', () => {
  const manager = ['viewAccount', 'viewCatalog', 'viewAnalytics', 'viewFinance', 'manageUsers'];
  const cashier = ['viewAccount', 'viewCatalog'];

  it('offers analytics, finance and settings only with their permissions from /me', () => {
    for (const section of ['analytics', 'finance', 'settings']) {
      expect(sectionAllowed(section, manager)).toBe(true);
      expect(sectionAllowed(section, cashier)).toBe(false);
      expect(sectionAllowed(section, undefined)).toBe(false);
    }
    expect(sectionAllowed('settings', ['viewAnalytics'])).toBe(false);
    expect(sectionAllowed('analytics', ['viewAnalytics'])).toBe(true);
  });

  it('leaves the sections with no permission of their own open', () => {
    expect(sectionAllowed('products', cashier)).toBe(true);
    expect(sectionAllowed('documents', undefined)).toBe(true);
  });
});

describe('users errors and requests', () => {
  const err = (status: number, code: string, field: string | null = null) => new ApiError(status, code, 'x', field, null);

  it('tells a login in use, a refusal and a state that changed in words', () => {
    expect(describeError(err(409, 'conflict', 'email'), 'users')).toMatchObject({ key: 'errors.loginTaken', field: 'email' });
    expect(describeError(err(409, 'conflict', 'phone'), 'users').key).toBe('errors.loginTaken');
    expect(describeError(err(409, 'conflict', 'role'), 'users').key).toBe('errors.userChanged');
    expect(describeError(err(403, 'forbidden', 'role'), 'users').key).toBe('errors.usersForbidden');
    expect(describeError(err(403, 'forbidden'), 'users').key).toBe('errors.reportForbidden');
    expect(describeError(err(404, 'not_found', 'id'), 'users').key).toBe('errors.userGone');
    expect(describeError(err(400, 'invalid_argument', 'name'), 'users')).toMatchObject({ key: 'errors.badInput', field: 'name' });
    // CSRF stays a generic refusal.
    expect(describeError(err(403, 'csrf_rejected'), 'users').key).toBe('errors.forbidden');
  });

  it('sends PUT and the actions as same-origin JSON', async () => {
    const calls: { url: string; init: RequestInit }[] = [];
    const fetch = vi.fn(async (url: string, init?: RequestInit) => {
      calls.push({ url, init: init ?? {} });
      return new Response(JSON.stringify({ id: 'u1', status: 'disabled' }), { status: 200 });
    });
    const api = new ApiClient({ fetch });
    await api.updateUser('u/1', { role: 'technician' });
    await api.userAction('u1', 'disable');
    await api.invitation('ab+c');
    expect(calls[0]).toMatchObject({ url: '/api/v1/users/u%2F1', init: { method: 'PUT', body: '{"role":"technician"}' } });
    expect(calls[1]).toMatchObject({ url: '/api/v1/users/u1/disable', init: { method: 'POST', body: '{}' } });
    expect((calls[1].init.headers as Record<string, string>)['Content-Type']).toBe('application/json');
    expect(calls[2]).toMatchObject({ url: '/api/v1/auth/invitation?token=ab%2Bc', init: { method: 'GET' } });
  });

  it('formats a moment of the API in the UI language', () => {
    const us = Date.parse('2026-12-04T14:45:00Z') * 1000;
    expect(formatMoment(us, 'ru')).toMatch(/4 дек/);
    expect(formatMoment(us, 'ru')).toMatch(/17:45/); // Moscow, whatever the browser's zone
    expect(formatMoment(us, 'en')).toMatch(/4 Dec/);
  });
});
