import { describe, expect, it } from 'vitest';
import { ApiClient, ApiError } from './api';
import {
  appendPage,
  figureRows,
  FinanceApi,
  financeError,
  financeViewQuery,
  overShortTone,
  parseFinanceView,
  paymentKey,
  receiptFilterQuery,
  receiptKind,
  shiftTotals,
  type ShiftFigures,
} from './finance';
import { formatDateTime, formatMoney, formatQuantity, formatSignedMoney, formatTimeRange } from './format';
import { usePagedList } from './usePagedList';

const figures: ShiftFigures = {
  salesCount: 2,
  sales: 50000,
  returnsCount: 1,
  returns: 15000,
  cashSales: 15000,
  cashReturns: 15000,
  nonCashSales: 35000,
  nonCashReturns: 0,
  cashIn: 500000,
  cashOut: 100000,
  expectedCash: 400000,
  pendingCount: 0,
};

describe('money and times', () => {
  it('formats kopecks in the UI locale', () => {
    expect(formatMoney(123456, 'ru').replace(/\s/g, ' ')).toBe('1 234,56 ₽');
    expect(formatMoney(123456, 'en')).toBe('₽1,234.56');
    expect(formatMoney(null, 'ru')).toBe('—');
    expect(formatSignedMoney(-1000, 'ru').replace(/\s/g, ' ')).toBe('\u221210,00 ₽');
    expect(formatSignedMoney(250, 'ru').replace(/\s/g, ' ')).toBe('+2,50 ₽');
    expect(formatSignedMoney(0, 'ru').replace(/\s/g, ' ')).toBe('0,00 ₽');
  });

  it("shows times in the shop's zone (Moscow) whatever the browser's", () => {
    // 2026-12-01 20:59 UTC is 23:59 in Moscow.
    const us = Date.UTC(2026, 11, 1, 20, 59) * 1000;
    expect(formatDateTime(us, 'ru')).toBe('01.12.2026, 23:59');
    expect(formatQuantity(1500, 'ru')).toBe('1,5');
    expect(formatQuantity(2000, 'en')).toBe('2');
  });
});

describe('shift shaping', () => {
  it('nets cash and cashless and marks short red', () => {
    expect(shiftTotals(figures)).toEqual({ sales: 50000, returns: 15000, cash: 0, cashless: 35000 });
    expect(shiftTotals({ ...figures, cashSales: null }).cash).toBeNull();
    expect(overShortTone(-1000)).toBe('short');
    expect(overShortTone(500)).toBe('over');
    expect(overShortTone(0)).toBe('even');
    expect(overShortTone(null)).toBe('none');
  });

  it("lists the register's figures in print order, noting where the receipts differ", () => {
    const rows = figureRows({ ...figures, extraFigure: 7 }, { ...figures, sales: 42000 });
    expect(rows.map((r) => r.key).slice(0, 4)).toEqual(['salesCount', 'sales', 'returnsCount', 'returns']);
    expect(rows.find((r) => r.key === 'sales')).toEqual({ key: 'sales', money: true, value: 50000, fromReceipts: 42000 });
    expect(rows.find((r) => r.key === 'returns')?.fromReceipts).toBeUndefined();
    expect(rows.find((r) => r.key === 'salesCount')?.money).toBe(false);
    expect(rows.at(-1)).toEqual({ key: 'extraFigure', money: false, value: 7 });
    expect(figureRows(null).every((r) => r.value === null)).toBe(true);
  });
});

describe('receipt shaping', () => {
  it('maps the Чеки filter to the query', () => {
    expect(receiptFilterQuery('all')).toEqual({});
    expect(receiptFilterQuery('sales')).toEqual({ operation: 'sell' });
    expect(receiptFilterQuery('returns')).toEqual({ operation: 'sellReturn' });
    expect(receiptFilterQuery('card')).toEqual({ payment: 'card' });
    expect(receiptKind('sellReturn')).toBe('return');
    expect(receiptKind('buy')).toBe('other');
    expect(paymentKey('electronically')).toBe('finance.payment.electronically');
    expect(paymentKey('bonus')).toBe('finance.payment.other');
  });

  it('keeps the view in the URL and falls back on nonsense', () => {
    const fallback = { from: '2026-12-10', to: '2026-12-16' };
    const view = parseFinanceView({ tab: 'receipts', from: '2026-12-01', to: '2026-12-02', filter: 'returns' }, fallback);
    expect(view).toEqual({ tab: 'receipts', period: { from: '2026-12-01', to: '2026-12-02' }, filter: 'returns' });
    expect(financeViewQuery(view)).toEqual({ tab: 'receipts', from: '2026-12-01', to: '2026-12-02', filter: 'returns' });
    expect(parseFinanceView({ tab: 'x', from: '2026-12-05', to: '2026-12-01', filter: 'y' }, fallback)).toEqual({
      tab: 'shifts',
      period: fallback,
      filter: 'all',
    });
    expect(financeViewQuery({ tab: 'shifts', period: fallback, filter: 'returns' })).toEqual({ tab: 'shifts', ...fallback });
  });

  it('names a missing right and a missing id', () => {
    expect(financeError(new ApiError(403, 'forbidden', '', null, null)).key).toBe('finance.errors.forbidden');
    expect(financeError(new ApiError(404, 'not_found', '', null, null)).key).toBe('finance.errors.notFound');
    expect(financeError(new ApiError(0, 'network_error', '', null, null)).key).toBe('errors.network');
  });
});

describe('paging', () => {
  it('asks the API with the period, filter and cursor', async () => {
    const urls: string[] = [];
    const client = new ApiClient({
      fetch: async (url) => {
        urls.push(url);
        return new Response(JSON.stringify({ items: [], next: null }), { status: 200 });
      },
    });
    const financeApi = new FinanceApi(client);
    await financeApi.receipts({ period: { from: '2026-12-01', to: '2026-12-02' }, filter: 'card' }, 'abc.def');
    await financeApi.receipts({ shiftId: 'sh 1' });
    await financeApi.shift('a/b');
    expect(urls).toEqual([
      '/api/v1/receipts?from=2026-12-01&to=2026-12-02&payment=card&limit=50&cursor=abc.def',
      '/api/v1/receipts?shiftId=sh+1&limit=50',
      '/api/v1/shifts/a%2Fb',
    ]);
  });

  it('appends pages without repeating, and drops an answer to an older query', async () => {
    expect(appendPage([{ id: 'a' }, { id: 'b' }], { items: [{ id: 'b' }, { id: 'c' }], next: null }).map((i) => i.id)).toEqual([
      'a',
      'b',
      'c',
    ]);
    const answers: Array<(page: { items: { id: string }[]; next: string | null }) => void> = [];
    const list = usePagedList<{ id: string }>(() => new Promise((resolve) => answers.push(resolve)));
    const first = list.reload();
    const second = list.reload();
    answers[1]({ items: [{ id: 'new' }], next: 'n1' });
    answers[0]({ items: [{ id: 'old' }], next: null });
    await Promise.all([first, second]);
    expect(list.items.value.map((i) => i.id)).toEqual(['new']);
    expect(list.next.value).toBe('n1');
    expect(list.loading.value).toBe(false);
    const more = list.loadMore();
    answers[2]({ items: [{ id: 'new' }, { id: 'older' }], next: null });
    await more;
    expect(list.items.value.map((i) => i.id)).toEqual(['new', 'older']);
    expect(list.next.value).toBeNull();
  });
});

describe('time ranges', () => {
  it('write a shift within one day once, across midnight in full', () => {
    const at = (d: number, h: number, m = 0) => Date.UTC(2026, 11, d, h - 3, m) * 1000;
    expect(formatTimeRange(at(1, 9), at(1, 21), 'ru')).toBe('01.12.2026, 09:00\u201321:00');
    expect(formatTimeRange(at(1, 20), at(2, 2), 'ru')).toBe('01.12.2026, 20:00 \u2013 02.12.2026, 02:00');
    expect(formatTimeRange(at(1, 9), null, 'ru')).toBe('01.12.2026, 09:00 –');
  });
});
