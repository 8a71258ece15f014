// Typed client for the cloud's cabinet API (issue 7, docs/api/openapi.yaml).
//
// Every request is same-origin JSON: the session lives in an HttpOnly SameSite=Strict cookie
// the script never sees, and the server's CSRF check wants the JSON content type on every
// state-changing request (the browser adds the matching Origin itself).

import { analyticsQuery, type AnalyticsDocument, type AnalyticsFilters } from './analytics';
import type { Period } from './period';
import type { CabinetUser, InviteInput, Invitation, UsersList } from './users';
import { productsQuery, type CategoryCount, type ImportProblem, type ImportReport, type Product, type ProductInput, type ProductPage } from './catalog';

export type BusinessType = 'trade' | 'services' | 'food';
export type Role = 'owner' | 'administrator' | 'cashier' | 'technician' | string;

export interface User {
  id?: string;
  name?: string | null;
  /** GET /me: what the role may do (docs/cloud.md, "Roles and permissions"), e.g. 'manageUsers'. */
  permissions?: string[];
  email?: string | null;
  phone?: string | null;
  role: Role;
}

export interface Account {
  id?: string;
  businessType: BusinessType;
  /** Further account fields the server may add (name, status, createdAt, ...). */
  [key: string]: unknown;
}

export interface Me {
  user: User;
  account: Account;
}

export interface LoginResult {
  user: User;
}

/** How the owner proves a password reset: the e-mail link's token, or the SMS code. */
export type ResetProof = { token: string } | { login: string; code: string };

/** The server's error body: `{"error": {"code", "message", "field"}}`. */
export interface ErrorBody {
  error: {
    code: string | number;
    message?: string;
    field?: string | null;
    retryAfterSeconds?: number;
    retryAfter?: number;
  };
}

/** A failed request: the HTTP status and the server's error, if it sent one. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | null;
  /** For 429: seconds until the next attempt is allowed (Retry-After or the body), else null. */
  readonly retryAfterSeconds: number | null;
  /** A refused import: every bad line of the file (POST /products/import, 422). */
  problems: ImportProblem[] | null = null;

  constructor(status: number, code: string, message: string, field: string | null, retryAfterSeconds: number | null) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.field = field;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  get isNetwork(): boolean {
    return this.status === 0;
  }
}

/** An import refused whole: nothing was written; `problems` names every bad line and column. */
export class ImportRejected extends Error {
  readonly problems: ImportProblem[];

  constructor(problems: ImportProblem[]) {
    super(`${problems.length} problem(s) in the file`);
    this.name = 'ImportRejected';
    this.problems = problems;
  }
}

/** Codes the client itself reports, when there is no server answer to read. */
export const kNetworkError = 'network_error';
export const kBadResponse = 'bad_response';

type FetchFn = (input: string, init?: RequestInit) => Promise<Response>;

export interface ApiClientOptions {
  /** Prefix of every path; '' for the page's own origin. */
  baseUrl?: string;
  fetch?: FetchFn;
  /** Clock for HTTP-date Retry-After values (tests inject one). */
  now?: () => number;
}

/** Retry-After is either delta-seconds or an HTTP-date; anything else is ignored. */
export function parseRetryAfter(value: string | null, nowMs: number): number | null {
  if (value === null) {
    return null;
  }
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) {
    return Number(trimmed);
  }
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) {
    return null;
  }
  return Math.max(0, Math.ceil((at - nowMs) / 1000));
}

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const err = (value as { error?: unknown }).error;
  return typeof err === 'object' && err !== null && 'code' in err;
}

export class ApiClient {
  private readonly baseUrl: string;
  private readonly fetchFn: FetchFn;
  private readonly now: () => number;

  constructor(options: ApiClientOptions = {}) {
    this.baseUrl = options.baseUrl ?? '';
    this.fetchFn = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.now = options.now ?? (() => Date.now());
  }

  /** Signs in with an e-mail (any case) or a phone in any common Russian format. */
  login(login: string, password: string): Promise<LoginResult> {
    return this.request<LoginResult>('POST', '/api/v1/auth/login', { login: login.trim(), password });
  }

  logout(): Promise<void> {
    return this.request<void>('POST', '/api/v1/auth/logout', {});
  }

  me(): Promise<Me> {
    return this.request<Me>('GET', '/api/v1/me');
  }

  /** Activation: the token from the registration e-mail's /set-password link. */
  setPassword(token: string, password: string): Promise<void> {
    return this.request<void>('POST', '/api/v1/auth/set-password', { token, password });
  }

  /** Always answers 202 whether or not the login exists, so it reveals nothing. */
  requestPasswordReset(login: string): Promise<void> {
    return this.request<void>('POST', '/api/v1/auth/password-reset', { login: login.trim() });
  }

  confirmPasswordReset(proof: ResetProof, password: string): Promise<void> {
    const body = 'token' in proof ? { token: proof.token, password } : { login: proof.login.trim(), code: proof.code.trim(), password };
    return this.request<void>('POST', '/api/v1/auth/password-reset/confirm', body);
  }

  /** The set-password page's greeting for an invitation link; wrong_code when it is not one. */
  invitation(token: string): Promise<Invitation> {
    return this.request<Invitation>('GET', `/api/v1/auth/invitation?token=${encodeURIComponent(token)}`);
  }

  /** «Настройки → Пользователи» (ManageUsers: owner and administrator). */
  users(): Promise<UsersList> {
    return this.request<UsersList>('GET', '/api/v1/users');
  }

  /** Sends the invitation (to the e-mail, else by SMS) and answers the invited user. */
  inviteUser(input: InviteInput): Promise<CabinetUser> {
    return this.request<CabinetUser>('POST', '/api/v1/users', input);
  }

  updateUser(id: string, change: { role?: string; name?: string }): Promise<CabinetUser> {
    return this.request<CabinetUser>('PUT', `/api/v1/users/${encodeURIComponent(id)}`, change);
  }

  /** 'invite': a new link (the previous one stops working); 'disable' ends the user's sessions. */
  userAction(id: string, action: 'invite' | 'disable' | 'enable'): Promise<CabinetUser> {
    return this.request<CabinetUser>('POST', `/api/v1/users/${encodeURIComponent(id)}/${action}`, {});
  }

  /** Withdraws an invitation nobody accepted yet (the user and the link go). */
  cancelInvitation(id: string): Promise<void> {
    return this.request<void>('DELETE', `/api/v1/users/${encodeURIComponent(id)}`);
  }

  /** A read of the cabinet API; `query` values that are undefined or '' are left out. */
  get<T>(path: string, query: Record<string, string | number | undefined> = {}): Promise<T> {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== '') {
        params.set(key, String(value));
      }
    }
    const search = params.toString();
    return this.request<T>('GET', search ? `${path}?${search}` : path);
  }

  /** «Аналитика»: the sales figures of a period of the shop's local days, optionally filtered. */
  analytics(period: Period, filters: AnalyticsFilters = {}): Promise<AnalyticsDocument> {
    return this.request<AnalyticsDocument>('GET', `/api/v1/analytics?${analyticsQuery(period, filters)}`);
  }

  /** «Товары»: a page of the catalog sorted by name; `q` a prefix of the name, SKU or a barcode. */
  products(q: string, cursor: string | null = null, limit?: number): Promise<ProductPage> {
    return this.request<ProductPage>('GET', `/api/v1/products?${productsQuery(q, cursor, limit)}`);
  }

  categories(): Promise<{ categories: CategoryCount[]; uncategorized: number }> {
    return this.request('GET', '/api/v1/products/categories');
  }

  createProduct(input: ProductInput): Promise<Product> {
    return this.request<Product>('POST', '/api/v1/products', input);
  }

  updateProduct(id: string, input: ProductInput): Promise<Product> {
    return this.request<Product>('PUT', `/api/v1/products/${encodeURIComponent(id)}`, input);
  }

  deleteProduct(id: string): Promise<void> {
    return this.request<void>('DELETE', `/api/v1/products/${encodeURIComponent(id)}`);
  }

  /** The catalog's CSV (Excel's: UTF-8 with a BOM, ';'); a plain link downloads it too. */
  readonly productsExportUrl = '/api/v1/products/export';

  /**
   * Sends a CSV file as it is. A file with problems is refused whole: ImportRejected lists them
   * (422); other failures are ApiError as usual.
   */
  async importProducts(csv: string | Blob): Promise<ImportReport> {
    try {
      return await this.request<ImportReport>('POST', '/api/v1/products/import', csv, 'text/csv');
    } catch (e) {
      if (e instanceof ApiError && e.status === 422 && e.problems) {
        throw new ImportRejected(e.problems);
      }
      throw e;
    }
  }

  private async request<T>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown, type = 'application/json'): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    const init: RequestInit = { method, credentials: 'same-origin', headers };
    if (body !== undefined) {
      headers['Content-Type'] = type;
      init.body = type === 'application/json' ? JSON.stringify(body) : (body as BodyInit);
    }

    let response: Response;
    try {
      response = await this.fetchFn(this.baseUrl + path, init);
    } catch (e) {
      throw new ApiError(0, kNetworkError, e instanceof Error ? e.message : String(e), null, null);
    }

    const text = await response.text();
    let parsed: unknown = undefined;
    if (text.length > 0) {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = undefined;
      }
    }

    if (response.ok) {
      if (text.length > 0 && parsed === undefined) {
        throw new ApiError(response.status, kBadResponse, 'response is not JSON', null, null);
      }
      return parsed as T;
    }

    let retryAfter = parseRetryAfter(response.headers.get('Retry-After'), this.now());
    if (isErrorBody(parsed)) {
      const err = parsed.error;
      retryAfter ??= err.retryAfterSeconds ?? err.retryAfter ?? null;
      const error = new ApiError(response.status, String(err.code), err.message ?? '', err.field ?? null, retryAfter);
      const problems = (parsed as { problems?: unknown }).problems;
      if (Array.isArray(problems)) {
        error.problems = problems as ImportProblem[];
      }
      throw error;
    }
    throw new ApiError(response.status, `http_${response.status}`, response.statusText || text.slice(0, 200), null, retryAfter);
  }
}

export const api = new ApiClient();
