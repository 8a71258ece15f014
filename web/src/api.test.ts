import { describe, expect, it, vi } from 'vitest';
import { ApiClient, ApiError, kNetworkError, parseRetryAfter } from './api';

interface Call {
  url: string;
  init: RequestInit;
}

function fakeFetch(status: number, body: unknown, headers: Record<string, string> = {}) {
  const calls: Call[] = [];
  const fn = vi.fn(async (url: string, init?: RequestInit) => {
    calls.push({ url, init: init ?? {} });
    const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
    return new Response(status === 204 ? null : text, { status, headers });
  });
  return { fn, calls };
}

describe('ApiClient requests', () => {
  it('logs in with a same-origin JSON POST and a trimmed login', async () => {
    const { fn, calls } = fakeFetch(200, { user: { email: 'a@b.ru', phone: '+79001234567', role: 'owner' } });
    const api = new ApiClient({ fetch: fn });
    const result = await api.login('  +7 (900) 123-45-67 ', 'Secret-pass1');
    expect(result.user.role).toBe('owner');
    expect(calls).toHaveLength(1);
    expect(calls[0].url).toBe('/api/v1/auth/login');
    expect(calls[0].init.method).toBe('POST');
    expect(calls[0].init.credentials).toBe('same-origin');
    expect((calls[0].init.headers as Record<string, string>)['Content-Type']).toBe('application/json');
    expect(JSON.parse(calls[0].init.body as string)).toEqual({ login: '+7 (900) 123-45-67', password: 'Secret-pass1' });
  });

  it('reads /me with a GET that carries no body and no content type', async () => {
    const me = { user: { email: 'a@b.ru', phone: null, role: 'owner' }, account: { businessType: 'food' } };
    const { fn, calls } = fakeFetch(200, me);
    const api = new ApiClient({ fetch: fn, baseUrl: 'http://x' });
    await expect(api.me()).resolves.toEqual(me);
    expect(calls[0].url).toBe('http://x/api/v1/me');
    expect(calls[0].init.method).toBe('GET');
    expect(calls[0].init.body).toBeUndefined();
    expect((calls[0].init.headers as Record<string, string>)['Content-Type']).toBeUndefined();
    expect(calls[0].init.credentials).toBe('same-origin');
  });

  it('sends logout as JSON so that the CSRF check accepts it, and takes an empty answer', async () => {
    const { fn, calls } = fakeFetch(204, undefined);
    await expect(new ApiClient({ fetch: fn }).logout()).resolves.toBeUndefined();
    expect(calls[0].url).toBe('/api/v1/auth/logout');
    expect(calls[0].init.body).toBe('{}');
    expect((calls[0].init.headers as Record<string, string>)['Content-Type']).toBe('application/json');
  });

  it('posts the set-password token and password', async () => {
    const { fn, calls } = fakeFetch(200, {});
    await new ApiClient({ fetch: fn }).setPassword('tok', 'Abcdefgh12');
    expect(calls[0].url).toBe('/api/v1/auth/set-password');
    expect(JSON.parse(calls[0].init.body as string)).toEqual({ token: 'tok', password: 'Abcdefgh12' });
  });

  it('requests a reset and accepts 202 with no body', async () => {
    const { fn, calls } = fakeFetch(202, '');
    await new ApiClient({ fetch: fn }).requestPasswordReset(' Owner@Example.RU ');
    expect(calls[0].url).toBe('/api/v1/auth/password-reset');
    expect(JSON.parse(calls[0].init.body as string)).toEqual({ login: 'Owner@Example.RU' });
  });

  it('confirms a reset either with the e-mail token or with the login and SMS code', async () => {
    const { fn, calls } = fakeFetch(200, {});
    const api = new ApiClient({ fetch: fn });
    await api.confirmPasswordReset({ token: 't1' }, 'Newpass-123');
    await api.confirmPasswordReset({ login: ' 89001234567 ', code: ' 123456 ' }, 'Newpass-123');
    expect(calls.map((c) => c.url)).toEqual(['/api/v1/auth/password-reset/confirm', '/api/v1/auth/password-reset/confirm']);
    expect(JSON.parse(calls[0].init.body as string)).toEqual({ token: 't1', password: 'Newpass-123' });
    expect(JSON.parse(calls[1].init.body as string)).toEqual({ login: '89001234567', code: '123456', password: 'Newpass-123' });
  });
});

describe('ApiClient errors', () => {
  it('turns the error body into an ApiError with status, code and field', async () => {
    const { fn } = fakeFetch(401, { error: { code: 'unauthorized', message: 'wrong login or password', field: null } });
    const err = await new ApiClient({ fetch: fn }).login('a@b.ru', 'x').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    const e = err as ApiError;
    expect(e.status).toBe(401);
    expect(e.code).toBe('unauthorized');
    expect(e.message).toBe('wrong login or password');
    expect(e.field).toBeNull();
    expect(e.retryAfterSeconds).toBeNull();
  });

  it('keeps the field the server names', async () => {
    const { fn } = fakeFetch(400, { error: { code: 'weak_password', message: 'short', field: 'password' } });
    const e = (await new ApiClient({ fetch: fn }).setPassword('t', 'x').catch((x: unknown) => x)) as ApiError;
    expect(e.code).toBe('weak_password');
    expect(e.field).toBe('password');
  });

  it('reads Retry-After seconds on 429', async () => {
    const { fn } = fakeFetch(429, { error: { code: 'rate_limited', message: 'later', field: 'login' } }, { 'Retry-After': '120' });
    const e = (await new ApiClient({ fetch: fn }).login('a', 'b').catch((x: unknown) => x)) as ApiError;
    expect(e.status).toBe(429);
    expect(e.retryAfterSeconds).toBe(120);
  });

  it('falls back to the wait in the body when there is no Retry-After header', async () => {
    const { fn } = fakeFetch(429, { error: { code: 'rate_limited', message: 'later', field: 'login', retryAfterSeconds: 30 } });
    const e = (await new ApiClient({ fetch: fn }).login('a', 'b').catch((x: unknown) => x)) as ApiError;
    expect(e.retryAfterSeconds).toBe(30);
  });

  it('reports a non-JSON error page by its status', async () => {
    const { fn } = fakeFetch(502, '<html>Bad gateway</html>');
    const e = (await new ApiClient({ fetch: fn }).me().catch((x: unknown) => x)) as ApiError;
    expect(e.status).toBe(502);
    expect(e.code).toBe('http_502');
  });

  it('reports a failed connection as a network error with status 0', async () => {
    const fn = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    const e = (await new ApiClient({ fetch: fn }).me().catch((x: unknown) => x)) as ApiError;
    expect(e.status).toBe(0);
    expect(e.code).toBe(kNetworkError);
    expect(e.isNetwork).toBe(true);
  });

  it('refuses a success answer that is not JSON', async () => {
    const { fn } = fakeFetch(200, '<html>index</html>');
    const e = (await new ApiClient({ fetch: fn }).me().catch((x: unknown) => x)) as ApiError;
    expect(e.code).toBe('bad_response');
  });
});

describe('parseRetryAfter', () => {
  it('takes delta-seconds, HTTP dates, and ignores garbage', () => {
    const now = Date.parse('2026-12-04T17:00:00Z');
    expect(parseRetryAfter('90', now)).toBe(90);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('Fri, 04 Dec 2026 17:05:00 GMT', now)).toBe(300);
    expect(parseRetryAfter('Fri, 04 Dec 2026 16:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });
});

describe('ApiClient.analytics', () => {
  it('asks for the period and the filters that are set, and names a bad parameter', async () => {
    const { fn, calls } = fakeFetch(200, { totals: { revenue: 1 } });
    const api = new ApiClient({ fetch: fn });
    await api.analytics({ from: '2026-11-01', to: '2026-11-07' }, { deviceId: 'dev-1', employeeId: '' });
    expect(calls[0].url).toBe('/api/v1/analytics?from=2026-11-01&to=2026-11-07&deviceId=dev-1');
    expect(calls[0].init.method).toBe('GET');

    const bad = fakeFetch(400, { error: { code: 'invalid_argument', message: 'to must not be before from', field: 'to' } });
    const failing = new ApiClient({ fetch: bad.fn });
    const error = await failing.analytics({ from: '2026-11-07', to: '2026-11-01' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).field).toBe('to');
  });
});
