// «Товары»: the product card's rules, checked in the browser before the cloud checks them again
// (CatalogService), so the owner reads what is wrong next to the field: the price as roubles with
// a comma, EAN-13 / EAN-8 check digits, the VAT rates of 2026 and the units of tag 2108.

/** A product as the API carries it (money in kopecks, unit as the tag 2108 code). */
export interface Product {
  id: string;
  name: string;
  sku: string | null;
  price: number;
  vatRate: string;
  unit: number;
  category: string | null;
  barcodes: string[];
}

export type ProductInput = Omit<Product, 'id'>;

export interface ProductPage {
  products: Product[];
  /** The cursor of the following page; null on the last one. */
  next: string | null;
}

export interface CategoryCount {
  name: string;
  count: number;
}

/** One thing wrong with an imported file, as the cloud names it (line 1 is the header). */
export interface ImportProblem {
  line: number;
  column: string;
  code: string;
  message: string;
}

export interface ImportReport {
  lines: number;
  created: number;
  updated: number;
  unchanged: number;
}

/**
 * The rates a product can carry in 2026: 22 % (the standard rate since 1 January 2026), 10 %,
 * 0 %, none, and 5 % / 7 % of the simplified tax system; the others (20 %, the calculated
 * 22/122 ...) stay readable when the cloud sends them but are not offered.
 */
export const kVatRates = ['vat22', 'vat10', 'vat0', 'none', 'vat5', 'vat7'] as const;

/** Tag 2108 units a shop uses, by code (0 = piece). */
export const kUnits = [0, 10, 11, 12, 20, 22, 32, 40, 41, 42, 50, 70, 71, 255] as const;

export const kMaxPriceKopecks = 9_999_999_999;
export const kPageSize = 50;

/** Kopecks as the card's input shows them: 89,90 (no grouping, always two decimals). */
export function roublesText(kopecks: number): string {
  const whole = Math.floor(kopecks / 100);
  const cents = String(kopecks % 100).padStart(2, '0');
  return `${whole},${cents}`;
}

/**
 * Roubles as people type them: "89,90", "89.9", "1 234,50", "1234 ₽", "12". At most two decimals,
 * not negative; null when it is not a price.
 */
export function parseRoubles(text: string): number | null {
  const cleaned = text
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/(₽|руб\.?|р\.?)$/i, '')
    .replace(',', '.');
  const m = /^(\d{1,10})(?:\.(\d{1,2}))?$/.exec(cleaned);
  if (!m) {
    return null;
  }
  const kopecks = Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0'));
  return kopecks <= kMaxPriceKopecks ? kopecks : null;
}

/** The GS1 check digit of the digits before it (EAN-8, EAN-13, UPC-A). */
export function gtinCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    const weight = (digits.length - i) % 2 === 1 ? 3 : 1;
    sum += Number(digits[i]) * weight;
  }
  return (10 - (sum % 10)) % 10;
}

export type BarcodeProblem = { key: 'checkDigit'; expected: number } | { key: 'characters' } | { key: 'tooLong' };

/**
 * What is wrong with a barcode, or null: EAN-13, EAN-8 and UPC-A must have the right check digit
 * (a mistyped digit would never match the scanner); anything else is an internal code of printable
 * ASCII, as the terminal accepts it.
 */
export function barcodeProblem(code: string): BarcodeProblem | null {
  if (code.length > 48) {
    return { key: 'tooLong' };
  }
  if (/^\d+$/.test(code) && [8, 12, 13].includes(code.length)) {
    const expected = gtinCheckDigit(code.slice(0, -1));
    return Number(code[code.length - 1]) === expected ? null : { key: 'checkDigit', expected };
  }
  return /^[\x21-\x7e]+$/.test(code) ? null : { key: 'characters' };
}

/** Barcodes as typed in one field: separated by commas, spaces or line breaks; repeats dropped. */
export function splitBarcodes(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).filter((c) => c.length > 0))];
}

/** The card's fields as the form holds them (all text). */
export interface ProductForm {
  name: string;
  sku: string;
  price: string;
  vatRate: string;
  unit: number;
  category: string;
  barcodes: string;
}

export interface FieldError {
  key: string;
  params?: Record<string, string | number>;
}

export type FormErrors = Partial<Record<keyof ProductForm, FieldError>>;

export function formOf(product: Product | null): ProductForm {
  return product
    ? {
        name: product.name,
        sku: product.sku ?? '',
        price: roublesText(product.price),
        vatRate: product.vatRate,
        unit: product.unit,
        category: product.category ?? '',
        barcodes: product.barcodes.join(', '),
      }
    : { name: '', sku: '', price: '', vatRate: 'vat22', unit: 0, category: '', barcodes: '' };
}

/** Checks the card; the input for the API when nothing is wrong. */
export function validateProduct(form: ProductForm): { errors: FormErrors; input: ProductInput | null } {
  const errors: FormErrors = {};
  const name = form.name.trim();
  if (!name) {
    errors.name = { key: 'products.errors.nameRequired' };
  } else if (new TextEncoder().encode(name).length > 256) {
    errors.name = { key: 'products.errors.tooLong' };
  }
  const sku = form.sku.trim();
  if (sku.length > 64) {
    errors.sku = { key: 'products.errors.tooLong' };
  }
  const price = parseRoubles(form.price);
  if (price === null) {
    errors.price = { key: form.price.trim() ? 'products.errors.price' : 'products.errors.priceRequired' };
  }
  if (!(kVatRates as readonly string[]).includes(form.vatRate) && !form.vatRate.startsWith('vat')) {
    errors.vatRate = { key: 'products.errors.vat' };
  }
  const category = form.category.trim();
  if (new TextEncoder().encode(category).length > 128) {
    errors.category = { key: 'products.errors.tooLong' };
  }
  const barcodes = splitBarcodes(form.barcodes);
  for (const code of barcodes) {
    const problem = barcodeProblem(code);
    if (problem) {
      errors.barcodes =
        problem.key === 'checkDigit'
          ? { key: 'products.errors.checkDigit', params: { code, digit: problem.expected } }
          : { key: `products.errors.barcode.${problem.key}`, params: { code } };
      break;
    }
  }
  if (Object.keys(errors).length > 0 || price === null) {
    return { errors, input: null };
  }
  return {
    errors,
    input: { name, sku: sku || null, price, vatRate: form.vatRate, unit: form.unit, category: category || null, barcodes },
  };
}

/** The query of GET /api/v1/products. */
export function productsQuery(q: string, cursor: string | null = null, limit: number = kPageSize): string {
  const params = new URLSearchParams();
  if (q.trim()) {
    params.set('q', q.trim());
  }
  params.set('limit', String(limit));
  if (cursor) {
    params.set('cursor', cursor);
  }
  return params.toString();
}

/** The import codes the cabinet words itself; others show the cloud's English message. */
export const kImportCodes = [
  'bad_price', 'unknown_vat', 'unknown_unit', 'sku_required', 'name_required', 'duplicate_sku', 'duplicate_barcode',
  'bad_barcode', 'column_count', 'unterminated_quote', 'missing_column', 'unknown_column', 'duplicate_column',
  'empty_file', 'not_utf8', 'too_many_lines', 'too_long', 'ambiguous_sku',
] as const;

/** Calls `fn` once the input has been quiet for `ms` (the search box: one request per pause). */
export function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number): ((...args: A) => void) & { cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const wrapped = (...args: A) => {
    if (timer !== null) {
      clearTimeout(timer);
    }
    timer = setTimeout(() => {
      timer = null;
      fn(...args);
    }, ms);
  };
  wrapped.cancel = () => {
    if (timer !== null) {
      clearTimeout(timer);
      timer = null;
    }
  };
  return wrapped;
}
