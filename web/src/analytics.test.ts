import { describe, expect, it } from 'vitest';
import { analyticsQuery, chartGeometry, isEmptyReport, niceCeil, paymentShares, percent, type AnalyticsDocument } from './analytics';

function doc(partial: Partial<AnalyticsDocument['totals']> = {}): AnalyticsDocument {
  const totals = { revenue: 0, sales: 0, receipts: 0, returns: 0, returnCount: 0, averageReceipt: 0, ...partial };
  return {
    from: '2026-11-10',
    to: '2026-11-11',
    utcOffsetMinutes: 180,
    deviceId: null,
    employeeId: null,
    totals,
    byDay: [],
    byPayment: { cash: 0, card: 0, other: 0 },
    byEmployee: [],
    byMaster: [],
    byDevice: [],
    topProducts: { byRevenue: [], byQuantity: [] },
    devices: [],
    employees: [],
  };
}

describe('analyticsQuery', () => {
  it('sends the period and only the filters that are set', () => {
    expect(analyticsQuery({ from: '2026-11-01', to: '2026-11-30' })).toBe('from=2026-11-01&to=2026-11-30');
    expect(analyticsQuery({ from: '2026-11-01', to: '2026-11-30' }, { deviceId: 'd 1', employeeId: '' })).toBe(
      'from=2026-11-01&to=2026-11-30&deviceId=d+1',
    );
    expect(analyticsQuery({ from: '2026-11-01', to: '2026-11-01' }, { employeeId: 'e&1' })).toBe(
      'from=2026-11-01&to=2026-11-01&employeeId=e%261',
    );
  });
});

describe('isEmptyReport', () => {
  it('is empty with neither sales nor returns', () => {
    expect(isEmptyReport(doc())).toBe(true);
    expect(isEmptyReport(doc({ receipts: 1, sales: 100, revenue: 100 }))).toBe(false);
    // Only a return: not empty, the owner must see it.
    expect(isEmptyReport(doc({ returnCount: 1, returns: 100, revenue: -100 }))).toBe(false);
  });
});

describe('niceCeil', () => {
  it('rounds an axis top up to 1, 2 or 5 × 10^k', () => {
    expect(niceCeil(0)).toBe(0);
    expect(niceCeil(1)).toBe(1);
    expect(niceCeil(101)).toBe(200);
    expect(niceCeil(450_000)).toBe(500_000);
    expect(niceCeil(5_000_001)).toBe(10_000_000);
  });
});

describe('chartGeometry', () => {
  const size = { width: 500, height: 224, left: 60, right: 0, top: 0, bottom: 24, maxLabels: 3 };

  it('gives each day a slot and scales bars to a round top', () => {
    const g = chartGeometry(
      [
        { date: '2026-11-01', revenue: 100_000 },
        { date: '2026-11-02', revenue: 50_000 },
        { date: '2026-11-03', revenue: 0 },
        { date: '2026-11-04', revenue: 200_000 },
      ],
      size,
    );
    expect(g.bars).toHaveLength(4);
    // Plot 440 px wide: 110 px per day; a bar is 70 % of it but at most 48 px, centred.
    expect(g.bars[0].width).toBe(48);
    expect(g.bars[0].x).toBeCloseTo(60 + (110 - 48) / 2);
    expect(g.zeroY).toBe(200);
    expect(g.bars[3].height).toBeCloseTo(200); // the top is 200 000
    expect(g.bars[3].y).toBeCloseTo(0);
    expect(g.bars[0].height).toBeCloseTo(100);
    expect(g.bars[2].height).toBe(0);
    expect(g.ticks.map((t) => t.value)).toEqual([0, 100_000, 200_000]);
    // Labels thinned to fit 3, counted back from the last day.
    expect(g.bars.map((b) => b.labelled)).toEqual([false, true, false, true]);
  });

  it('draws a day with more returns than sales below the zero line', () => {
    const g = chartGeometry(
      [
        { date: '2026-11-01', revenue: 100_000 },
        { date: '2026-11-02', revenue: -20_000 },
      ],
      size,
    );
    const [up, down] = g.bars;
    expect(down.y).toBeCloseTo(g.zeroY);
    expect(down.height).toBeGreaterThan(0);
    expect(up.y + up.height).toBeCloseTo(g.zeroY);
    expect(g.ticks[0].value).toBe(-20_000);
  });

  it('has a flat zero line for a period without sales', () => {
    const g = chartGeometry([{ date: '2026-11-01', revenue: 0 }], size);
    expect(g.ticks).toEqual([{ value: 0, y: g.zeroY }]);
    expect(g.bars[0].height).toBe(0);
  });
});

describe('paymentShares', () => {
  it('splits by method and keeps the empty ones', () => {
    const shares = paymentShares({ cash: 30_000, card: 70_000, other: 0 });
    expect(shares.map((s) => [s.method, s.amount, s.share])).toEqual([
      ['cash', 30_000, 0.3],
      ['card', 70_000, 0.7],
      ['other', 0, 0],
    ]);
    expect(paymentShares({ cash: 0, card: 0, other: 0 }).every((s) => s.share === 0)).toBe(true);
    // Net cash below zero (more given back than taken): no negative share.
    expect(paymentShares({ cash: -5_000, card: 10_000, other: 0 })[0].share).toBe(0);
  });

  it('shows shares as whole percentages, a sliver as 1 %', () => {
    expect(percent(0.4567)).toBe(46);
    expect(percent(0.001)).toBe(1);
    expect(percent(0)).toBe(0);
  });
});
