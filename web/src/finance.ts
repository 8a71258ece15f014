// «Финансы»: the cloud's shifts, receipts and cash operations (docs/api/openapi.yaml, FinanceService)
// and how the pages shape them. Money is whole kopecks, times UTC microseconds, days ISO dates
// of the shop's local calendar.

import { api, ApiError, type ApiClient } from './api';
import { describeError, type ErrorText } from './errors';
import type { Period } from './period';

export interface ShiftFigures {
  salesCount: number | null;
  sales: number | null;
  returnsCount: number | null;
  returns: number | null;
  cashSales: number | null;
  cashReturns: number | null;
  nonCashSales: number | null;
  nonCashReturns: number | null;
  cashIn: number | null;
  cashOut: number | null;
  expectedCash?: number | null;
  pendingCount?: number | null;
}

export interface Shift {
  id: string;
  deviceId: string;
  terminal: string | null;
  number: number | null;
  openedAt: number | null;
  closedAt: number | null;
  open: boolean;
  cashierId: string | null;
  cashierName: string | null;
  figures: ShiftFigures;
  figuresSource: 'register' | 'receipts';
  expectedCash: number | null;
  countedCash: number | null;
  overShort: number | null;
}

export interface CashOperation {
  id: string;
  deviceId: string;
  terminal: string | null;
  shiftId: string | null;
  shiftNumber: number | null;
  kind: 'in' | 'out';
  sum: number;
  reason: string | null;
  cashierId: string | null;
  cashierName: string | null;
  occurredAt: number;
}

export interface ShiftDetail extends Shift {
  registerFigures: Record<string, unknown> | null;
  zReport: Record<string, unknown> | null;
  closedBy: string | null;
  fromReceipts: ShiftFigures;
  cashOperations: CashOperation[];
}

export type ReceiptOperation = 'sell' | 'sellReturn' | string;

export interface ReceiptSummary {
  id: string;
  deviceId: string;
  terminal: string | null;
  shiftId: string | null;
  shiftNumber: number | null;
  operation: ReceiptOperation | null;
  cashierId: string | null;
  cashierName: string | null;
  createdAt: number | null;
  total: number | null;
  originalReceiptId: string | null;
  fiscalDocumentNumber: number | null;
  cash: number;
  card: number;
}

export interface ReceiptLine {
  position: number;
  name: string | null;
  productId: string | null;
  quantity: number | null;
  unitPrice: number | null;
  amount: number | null;
  vatRate: string | null;
  vatSum: number | null;
}

export interface ReceiptPayment {
  position: number;
  type: string;
  sum: number;
  card: { status: string | null; authCode: string | null; rrn: string | null } | null;
}

export interface ReceiptDetail extends ReceiptSummary {
  status: string;
  discountTotal: number | null;
  change: number | null;
  customerContact: string | null;
  failureReason: string | null;
  fiscal: Record<string, string | number | null>;
  lines: ReceiptLine[];
  payments: ReceiptPayment[];
  reversals: { position: number; sum: number; rrn: string | null; reversedAt: number }[];
  original: ReceiptSummary | null;
  returns: ReceiptSummary[];
}

export interface Page<T> {
  items: T[];
  next: string | null;
}

/** The Чеки tab's filter. */
export type ReceiptFilter = 'all' | 'sales' | 'returns' | 'card';
export const kReceiptFilters: ReceiptFilter[] = ['all', 'sales', 'returns', 'card'];

export type FinanceTab = 'shifts' | 'receipts' | 'cash';
export const kFinanceTabs: FinanceTab[] = ['shifts', 'receipts', 'cash'];

/** The list query of a receipt filter. */
export function receiptFilterQuery(filter: ReceiptFilter): { operation?: string; payment?: string } {
  switch (filter) {
    case 'sales':
      return { operation: 'sell' };
    case 'returns':
      return { operation: 'sellReturn' };
    case 'card':
      return { payment: 'card' };
    default:
      return {};
  }
}

export const kPageSize = 50;

export class FinanceApi {
  constructor(private readonly client: ApiClient = api) {}

  shifts(period: Period, cursor?: string): Promise<Page<Shift>> {
    return this.client.get('/api/v1/shifts', { ...period, limit: kPageSize, cursor });
  }
  shift(id: string): Promise<ShiftDetail> {
    return this.client.get(`/api/v1/shifts/${encodeURIComponent(id)}`);
  }
  receipts(
    query: { period?: Period; filter?: ReceiptFilter; shiftId?: string },
    cursor?: string,
  ): Promise<Page<ReceiptSummary>> {
    return this.client.get('/api/v1/receipts', {
      ...(query.period ?? {}),
      ...receiptFilterQuery(query.filter ?? 'all'),
      shiftId: query.shiftId,
      limit: kPageSize,
      cursor,
    });
  }
  receipt(id: string): Promise<ReceiptDetail> {
    return this.client.get(`/api/v1/receipts/${encodeURIComponent(id)}`);
  }
  cashOperations(period: Period, cursor?: string): Promise<Page<CashOperation>> {
    return this.client.get('/api/v1/cash-operations', { ...period, limit: kPageSize, cursor });
  }
}

export const financeApi = new FinanceApi();

/** Over/short at close: short is red, over is shown too (a count error either way). */
export type OverShortTone = 'short' | 'over' | 'even' | 'none';
export function overShortTone(overShort: number | null | undefined): OverShortTone {
  if (overShort === null || overShort === undefined) {
    return 'none';
  }
  return overShort < 0 ? 'short' : overShort > 0 ? 'over' : 'even';
}

/** The figures a shift row shows: net cash and cashless (sales less returns). */
export interface ShiftTotals {
  sales: number | null;
  returns: number | null;
  cash: number | null;
  cashless: number | null;
}
export function shiftTotals(figures: ShiftFigures): ShiftTotals {
  const diff = (a: number | null | undefined, b: number | null | undefined) =>
    a === null || a === undefined ? null : a - (b ?? 0);
  return {
    sales: figures.sales ?? null,
    returns: figures.returns ?? null,
    cash: diff(figures.cashSales, figures.cashReturns),
    cashless: diff(figures.nonCashSales, figures.nonCashReturns),
  };
}

/** The register's report in print order; `money: false` for counts. Unknown keys go last. */
const kFigureOrder: { key: string; money: boolean }[] = [
  { key: 'salesCount', money: false },
  { key: 'sales', money: true },
  { key: 'returnsCount', money: false },
  { key: 'returns', money: true },
  { key: 'cashSales', money: true },
  { key: 'cashReturns', money: true },
  { key: 'nonCashSales', money: true },
  { key: 'nonCashReturns', money: true },
  { key: 'cashIn', money: true },
  { key: 'cashOut', money: true },
  { key: 'expectedCash', money: true },
  { key: 'pendingCount', money: false },
];
export interface FigureRow {
  key: string;
  money: boolean;
  value: number | null;
  /** The same figure summed from the receipts the cloud holds, when it differs. */
  fromReceipts?: number | null;
}
export function figureRows(register: Record<string, unknown> | null, fromReceipts?: ShiftFigures): FigureRow[] {
  const source = register ?? {};
  const known = new Set(kFigureOrder.map((f) => f.key));
  const value = (v: unknown) => (typeof v === 'number' ? v : null);
  const rows: FigureRow[] = kFigureOrder.map(({ key, money }) => {
    const row: FigureRow = { key, money, value: value(source[key]) };
    const other = fromReceipts ? (fromReceipts as unknown as Record<string, unknown>)[key] : undefined;
    if (register && typeof other === 'number' && other !== row.value) {
      row.fromReceipts = other;
    }
    return row;
  });
  for (const [key, v] of Object.entries(source)) {
    if (!known.has(key) && typeof v === 'number') {
      rows.push({ key, money: false, value: v });
    }
  }
  return rows;
}

/** The receipt kind a row shows: a sale, a return, or anything else the register did. */
export function receiptKind(operation: string | null | undefined): 'sale' | 'return' | 'other' {
  return operation === 'sell' ? 'sale' : operation === 'sellReturn' ? 'return' : 'other';
}

/** Payment types of the sync protocol, as their message keys. */
export function paymentKey(type: string): string {
  return ['cash', 'electronically', 'prepaid', 'credit'].includes(type) ? `finance.payment.${type}` : 'finance.payment.other';
}

/** Appends a page, skipping any item already listed (a page fetched twice). */
export function appendPage<T extends { id: string }>(items: T[], page: Page<T>): T[] {
  const seen = new Set(items.map((i) => i.id));
  return [...items, ...page.items.filter((i) => !seen.has(i.id))];
}

/** The finance page's state in its URL: /finance?tab=receipts&from=...&to=...&filter=returns. */
export interface FinanceView {
  tab: FinanceTab;
  period: Period;
  filter: ReceiptFilter;
}
export function parseFinanceView(query: Record<string, unknown>, fallback: Period): FinanceView {
  const str = (v: unknown) => (typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '');
  const tab = kFinanceTabs.find((t) => t === str(query.tab)) ?? 'shifts';
  const filter = kReceiptFilters.find((f) => f === str(query.filter)) ?? 'all';
  const from = str(query.from);
  const to = str(query.to);
  const valid = /^\d{4}-\d{2}-\d{2}$/;
  const period = valid.test(from) && valid.test(to) && from <= to ? { from, to } : fallback;
  return { tab, period, filter };
}
export function financeViewQuery(view: FinanceView): Record<string, string> {
  const query: Record<string, string> = { tab: view.tab, from: view.period.from, to: view.period.to };
  if (view.tab === 'receipts' && view.filter !== 'all') {
    query.filter = view.filter;
  }
  return query;
}

/** The message for a failed finance request: no right to see money, a missing id, or the usual. */
export function financeError(error: unknown): ErrorText {
  if (error instanceof ApiError && error.status === 403 && error.code === 'forbidden') {
    return { key: 'finance.errors.forbidden', params: {} };
  }
  if (error instanceof ApiError && error.status === 404) {
    return { key: 'finance.errors.notFound', params: {} };
  }
  return describeError(error, 'session');
}
