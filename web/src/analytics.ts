// «Аналитика»: the document GET /api/v1/analytics returns (docs/api/openapi.yaml) and the pure
// shaping the page draws from it (the bar chart's geometry, the payment split's shares). Money
// is integer kopecks and quantities are thousandths, as the API sends them.

import type { Period } from './period';

export interface Figures {
  /** Sales minus returns. */
  revenue: number;
  sales: number;
  /** Sale receipts (sales and sales corrections); returns are counted in `returnCount`. */
  receipts: number;
  returns: number;
  returnCount: number;
  /** sales / receipts, half up; 0 with no receipts. */
  averageReceipt: number;
}

export interface DayFigures extends Figures {
  date: string;
}

export interface EmployeeFigures extends Figures {
  employeeId: string | null;
  name: string | null;
}

export interface DeviceFigures extends Figures {
  deviceId: string;
  name: string | null;
}

export interface MasterFigures {
  employeeId: string;
  name: string | null;
  revenue: number;
  quantity: number;
  lines: number;
}

export interface ProductFigures {
  productId: string | null;
  name: string;
  revenue: number;
  quantity: number;
}

export interface NamedId {
  id: string;
  name: string;
}

export interface AnalyticsDocument {
  from: string;
  to: string;
  utcOffsetMinutes: number;
  deviceId: string | null;
  employeeId: string | null;
  totals: Figures;
  byDay: DayFigures[];
  byPayment: { cash: number; card: number; other: number };
  byEmployee: EmployeeFigures[];
  byMaster: MasterFigures[];
  byDevice: DeviceFigures[];
  topProducts: { byRevenue: ProductFigures[]; byQuantity: ProductFigures[] };
  devices: NamedId[];
  employees: NamedId[];
}

export interface AnalyticsFilters {
  deviceId?: string | null;
  employeeId?: string | null;
}

/** The query string of a request: the period and the filters that are set. */
export function analyticsQuery(period: Period, filters: AnalyticsFilters = {}): string {
  const params = new URLSearchParams({ from: period.from, to: period.to });
  if (filters.deviceId) {
    params.set('deviceId', filters.deviceId);
  }
  if (filters.employeeId) {
    params.set('employeeId', filters.employeeId);
  }
  return params.toString();
}

/** Nothing was sold or returned in the period (the page shows its empty state). */
export function isEmptyReport(doc: AnalyticsDocument): boolean {
  return doc.totals.receipts === 0 && doc.totals.returnCount === 0;
}

/** The smallest 1, 2 or 5 × 10^k at or above `value` (an axis top); 0 stays 0. */
export function niceCeil(value: number): number {
  if (value <= 0) {
    return 0;
  }
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) {
    if (step * power >= value) {
      return step * power;
    }
  }
  return 10 * power;
}

export interface ChartBar {
  date: string;
  value: number;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Whether the day's label is drawn under the axis (not every one fits). */
  labelled: boolean;
}

export interface ChartGeometry {
  bars: ChartBar[];
  /** The y of the zero line. */
  zeroY: number;
  /** Gridline values, from the bottom up, with their y. */
  ticks: { value: number; y: number }[];
  width: number;
  height: number;
  plot: { left: number; top: number; right: number; bottom: number };
}

export interface ChartSize {
  width: number;
  height: number;
  /** Room for the axis labels. */
  left?: number;
  bottom?: number;
  top?: number;
  right?: number;
  /** At most this many day labels along the axis. */
  maxLabels?: number;
}

/**
 * The bars of revenue by day in an SVG of `size`: one slot per day, the bar a share of the slot,
 * the scale from min(0, lowest) to a round top; a day with more returns than sales goes below the
 * zero line. Labels thin out evenly to fit `maxLabels`, the last day always labelled.
 */
export function chartGeometry(days: { date: string; revenue: number }[], size: ChartSize): ChartGeometry {
  const left = size.left ?? 64;
  const right = size.width - (size.right ?? 8);
  const top = size.top ?? 8;
  const bottom = size.height - (size.bottom ?? 24);
  const plotHeight = Math.max(1, bottom - top);
  const high = niceCeil(Math.max(0, ...days.map((d) => d.revenue)));
  const low = -niceCeil(-Math.min(0, ...days.map((d) => d.revenue)));
  const span = high - low || 1;
  const yOf = (value: number) => top + ((high - value) / span) * plotHeight;
  const zeroY = yOf(0);
  const slot = days.length > 0 ? (right - left) / days.length : 0;
  const barWidth = Math.max(1, Math.min(48, slot * 0.7));
  const maxLabels = Math.max(1, size.maxLabels ?? 10);
  const every = Math.max(1, Math.ceil(days.length / maxLabels));
  const bars = days.map((d, i) => {
    const y = yOf(Math.max(0, d.revenue));
    const height = Math.abs(yOf(d.revenue) - zeroY);
    return {
      date: d.date,
      value: d.revenue,
      x: left + i * slot + (slot - barWidth) / 2,
      y: d.revenue >= 0 ? y : zeroY,
      width: barWidth,
      height,
      labelled: (days.length - 1 - i) % every === 0,
    };
  });
  const values = low < 0 ? [low, 0] : [0];
  if (high > 0) {
    values.push(high / 2, high);
  }
  const ticks = values.map((value) => ({ value, y: yOf(value) }));
  return { bars, zeroY, ticks, width: size.width, height: size.height, plot: { left, top, right, bottom } };
}

export type PaymentMethod = 'cash' | 'card' | 'other';

/** The payment split with each method's share (0..1) of their sum; empty methods stay, at 0. */
export function paymentShares(byPayment: AnalyticsDocument['byPayment']): { method: PaymentMethod; amount: number; share: number }[] {
  const methods: PaymentMethod[] = ['cash', 'card', 'other'];
  const total = methods.reduce((sum, m) => sum + Math.max(0, byPayment[m]), 0);
  return methods.map((method) => ({
    method,
    amount: byPayment[method],
    share: total > 0 ? Math.max(0, byPayment[method]) / total : 0,
  }));
}

/** A share as a whole percentage for people: 0.4567 → 46; anything above 0 shows at least 1. */
export function percent(share: number): number {
  if (share <= 0) {
    return 0;
  }
  return Math.max(1, Math.round(share * 100));
}
