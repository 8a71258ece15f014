// Turns a failed API call into a message key (and its parameters) from the locale files, so the
// owner reads a clear sentence in their language instead of the server's English text. The
// server's codes are the snake_case names of src/cloud/CloudErrors.h (`{"error": {"code",
// "message", "field"}}`); which sentence fits also depends on the form and the field.

import { ApiError, kNetworkError } from './api';

/** 'report': a page of figures over a period with filters («Аналитика»); 'users': «Пользователи». */
export type ErrorContext = 'login' | 'setPassword' | 'resetRequest' | 'resetConfirm' | 'session' | 'report' | 'users';

export interface ErrorText {
  key: string;
  params: Record<string, string | number>;
  /** For 429 with a known wait: when the next attempt is allowed (epoch ms), for a countdown. */
  retryAtMs?: number;
  /** The form field the server named, when there is one. */
  field?: string | null;
}

/** A wait in the largest unit that keeps it readable: 45 s, 3 min (rounded up), 2 h. */
export function splitWait(seconds: number): { count: number; unit: 'seconds' | 'minutes' | 'hours' } {
  const s = Math.max(1, Math.ceil(seconds));
  if (s < 60) {
    return { count: s, unit: 'seconds' };
  }
  if (s < 3600) {
    return { count: Math.ceil(s / 60), unit: 'minutes' };
  }
  return { count: Math.ceil(s / 3600), unit: 'hours' };
}

function text(key: string, field: string | null = null): ErrorText {
  return { key, params: {}, field };
}

export function describeError(error: unknown, context: ErrorContext, nowMs: number = Date.now()): ErrorText {
  if (!(error instanceof ApiError)) {
    return text('errors.unexpected');
  }
  if (error.isNetwork || error.code === kNetworkError) {
    return text('errors.network');
  }
  const field = error.field;
  if (error.status === 429 || error.code === 'rate_limited') {
    if (field === 'code') {
      return text('errors.tooManyCodes', field);
    }
    if (error.retryAfterSeconds !== null && error.retryAfterSeconds > 0) {
      return { key: 'errors.rateLimitedUntil', params: {}, retryAtMs: nowMs + error.retryAfterSeconds * 1000, field };
    }
    return text('errors.rateLimited', field);
  }
  if (context === 'report') {
    // The period and the filters are the only input of a report page.
    if (error.code === 'invalid_argument' && (field === 'from' || field === 'to')) {
      return text('errors.badPeriod', field);
    }
    if (error.code === 'not_found' && (field === 'deviceId' || field === 'employeeId')) {
      return text('errors.filterGone', field);
    }
    if (error.code === 'forbidden') {
      return text('errors.reportForbidden');
    }
  }
  if (context === 'users') {
    // The page offers only what the role may do, so these mean the list changed meanwhile.
    if (error.code === 'conflict' && (field === 'email' || field === 'phone')) {
      return text('errors.loginTaken', field);
    }
    if (error.code === 'conflict') {
      return text('errors.userChanged', field);
    }
    if (error.code === 'forbidden') {
      // With the field `role`: a role only the owner manages; without: no access to the page.
      return field === 'role' ? text('errors.usersForbidden', field) : text('errors.reportForbidden');
    }
    if (error.code === 'not_found') {
      return text('errors.userGone', field);
    }
  }
  switch (error.code) {
    case 'unauthorized':
      // A wrong login and a wrong password read the same: the form must not reveal which.
      return context === 'login' ? text('errors.invalidCredentials') : text('errors.sessionEnded');
    case 'weak_password':
      return text('errors.weakPassword', 'password');
    case 'wrong_code':
      return field === 'code' ? text('errors.wrongCode', 'code') : text('errors.linkInvalid', 'token');
    case 'csrf_rejected':
    case 'forbidden':
      return text('errors.forbidden', field);
    case 'invalid_argument':
      if (field === 'login') {
        return text('errors.invalidLogin', 'login');
      }
      if (field === 'password') {
        return text('errors.weakPassword', 'password');
      }
      if (field === 'token') {
        return text('errors.linkInvalid', 'token');
      }
      if (field === 'code') {
        return text('errors.wrongCode', 'code');
      }
      return text('errors.badInput', field);
    case 'not_found':
      return context === 'setPassword' || context === 'resetConfirm' ? text('errors.linkInvalid', 'token') : text('errors.unexpected');
    default:
      break;
  }
  if (error.status === 401) {
    return context === 'login' ? text('errors.invalidCredentials') : text('errors.sessionEnded');
  }
  if (error.status === 403) {
    return text('errors.forbidden', field);
  }
  if (error.status >= 500) {
    return text('errors.server');
  }
  if (error.status === 400) {
    return text('errors.badInput', field);
  }
  return text('errors.unexpected', field);
}
