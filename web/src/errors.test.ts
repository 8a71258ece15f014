import { describe, expect, it } from 'vitest';
import { ApiError } from './api';
import { describeError, splitWait } from './errors';

const err = (status: number, code: string, field: string | null = null, retry: number | null = null) =>
  new ApiError(status, code, 'server text', field, retry);

describe('describeError', () => {
  it('says "wrong login or password" on a failed sign-in without telling which', () => {
    expect(describeError(err(401, 'unauthorized'), 'login').key).toBe('errors.invalidCredentials');
    expect(describeError(err(401, 'unauthorized'), 'session').key).toBe('errors.sessionEnded');
  });

  it('gives the time of the next attempt on 429 when the server tells it', () => {
    const now = Date.parse('2026-12-04T17:00:00Z');
    const e = describeError(err(429, 'rate_limited', 'login', 300), 'login', now);
    expect(e.key).toBe('errors.rateLimitedUntil');
    expect(e.retryAtMs).toBe(now + 300_000);
    expect(describeError(err(429, 'rate_limited', 'login'), 'login').key).toBe('errors.rateLimited');
    expect(describeError(err(429, 'rate_limited', 'code'), 'resetConfirm').key).toBe('errors.tooManyCodes');
  });

  it('maps the password, token and code errors to their fields', () => {
    expect(describeError(err(400, 'weak_password', 'password'), 'setPassword')).toMatchObject({ key: 'errors.weakPassword', field: 'password' });
    expect(describeError(err(400, 'wrong_code', 'token'), 'setPassword')).toMatchObject({ key: 'errors.linkInvalid', field: 'token' });
    expect(describeError(err(400, 'wrong_code', 'code'), 'resetConfirm')).toMatchObject({ key: 'errors.wrongCode', field: 'code' });
    expect(describeError(err(400, 'invalid_argument', 'login'), 'login')).toMatchObject({ key: 'errors.invalidLogin', field: 'login' });
    expect(describeError(err(400, 'invalid_argument', 'deviceSerial'), 'login').key).toBe('errors.badInput');
  });

  it('covers CSRF refusals, server failures, the network and unknown throws', () => {
    expect(describeError(err(403, 'csrf_rejected'), 'login').key).toBe('errors.forbidden');
    expect(describeError(err(500, 'internal'), 'login').key).toBe('errors.server');
    expect(describeError(err(0, 'network_error'), 'login').key).toBe('errors.network');
    expect(describeError(new Error('boom'), 'login').key).toBe('errors.unexpected');
    expect(describeError(err(418, 'teapot'), 'login').key).toBe('errors.unexpected');
  });
});

describe('splitWait', () => {
  it('picks a readable unit and rounds up', () => {
    expect(splitWait(0)).toEqual({ count: 1, unit: 'seconds' });
    expect(splitWait(45)).toEqual({ count: 45, unit: 'seconds' });
    expect(splitWait(61)).toEqual({ count: 2, unit: 'minutes' });
    expect(splitWait(900)).toEqual({ count: 15, unit: 'minutes' });
    expect(splitWait(3601)).toEqual({ count: 2, unit: 'hours' });
  });
});

describe('describeError on a report page', () => {
  it('explains a bad period, a filter that is gone and a role without access', () => {
    expect(describeError(err(400, 'invalid_argument', 'from'), 'report').key).toBe('errors.badPeriod');
    expect(describeError(err(400, 'invalid_argument', 'to'), 'report').key).toBe('errors.badPeriod');
    expect(describeError(err(404, 'not_found', 'deviceId'), 'report').key).toBe('errors.filterGone');
    expect(describeError(err(404, 'not_found', 'employeeId'), 'report').key).toBe('errors.filterGone');
    expect(describeError(err(403, 'forbidden'), 'report').key).toBe('errors.reportForbidden');
    // Everything else as on any page.
    expect(describeError(err(401, 'unauthorized'), 'report').key).toBe('errors.sessionEnded');
    expect(describeError(err(500, 'internal'), 'report').key).toBe('errors.server');
  });
});
