import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  barcodeProblem,
  debounce,
  formOf,
  gtinCheckDigit,
  parseRoubles,
  productsQuery,
  roublesText,
  splitBarcodes,
  validateProduct,
  type ProductForm,
} from './catalog';
import { ApiClient, ApiError, ImportRejected } from './api';

const kGood: ProductForm = { name: 'Молоко', sku: 'MLK', price: '89,90', vatRate: 'vat10', unit: 0, category: '', barcodes: '4601234567893' };

describe('parseRoubles', () => {
  it.each([
    ['89,90', 8990],
    ['89.9', 8990],
    ['89', 8900],
    ['0', 0],
    ['1 234,50', 123450],
    ['1\u00a0234,5 ₽', 123450],
    ['12 руб.', 1200],
    [' 7,05 ', 705],
  ])('reads %s as %i kopecks', (text, kopecks) => {
    expect(parseRoubles(text)).toBe(kopecks);
  });

  it.each(['', 'abc', '-5', '1,234', '1.2.3', '12,', ',5', '1e3', '99999999999', '89,90,1'])('refuses %s', (text) => {
    expect(parseRoubles(text)).toBeNull();
  });

  it('prints kopecks back the way it reads them', () => {
    for (const k of [0, 5, 99, 100, 8990, 123456]) {
      expect(parseRoubles(roublesText(k))).toBe(k);
    }
    expect(roublesText(8990)).toBe('89,90');
    expect(roublesText(5)).toBe('0,05');
  });
});

describe('barcodes', () => {
  it('computes the GS1 check digit', () => {
    expect(gtinCheckDigit('460123456789')).toBe(3);
    expect(gtinCheckDigit('200000000000')).toBe(8);
    expect(gtinCheckDigit('9638507')).toBe(4); // EAN-8 96385074
  });

  it('checks EAN-13, EAN-8 and UPC-A and accepts internal codes', () => {
    expect(barcodeProblem('4601234567893')).toBeNull();
    expect(barcodeProblem('4601234567890')).toEqual({ key: 'checkDigit', expected: 3 });
    expect(barcodeProblem('96385074')).toBeNull();
    expect(barcodeProblem('96385075')).toEqual({ key: 'checkDigit', expected: 4 });
    expect(barcodeProblem('036000291452')).toBeNull();
    expect(barcodeProblem('ABC-123')).toBeNull();
    expect(barcodeProblem('12345')).toBeNull();
    expect(barcodeProblem('штрих')).toEqual({ key: 'characters' });
    expect(barcodeProblem('x'.repeat(49))).toEqual({ key: 'tooLong' });
  });

  it('splits a field by commas, spaces and lines, without repeats', () => {
    expect(splitBarcodes(' 4601234567893, 2000000000008\n4601234567893 ;ABC ')).toEqual(['4601234567893', '2000000000008', 'ABC']);
    expect(splitBarcodes('  ')).toEqual([]);
  });
});

describe('validateProduct', () => {
  it('gives the API input of a good card', () => {
    expect(validateProduct({ ...kGood, category: ' Молочное ', barcodes: '4601234567893, 4601234567893' })).toEqual({
      errors: {},
      input: { name: 'Молоко', sku: 'MLK', price: 8990, vatRate: 'vat10', unit: 0, category: 'Молочное', barcodes: ['4601234567893'] },
    });
    expect(validateProduct({ ...kGood, sku: ' ', category: '' }).input).toMatchObject({ sku: null, category: null });
  });

  it('names each bad field in words', () => {
    const { errors, input } = validateProduct({ ...kGood, name: ' ', price: '12,345', barcodes: '4601234567890' });
    expect(input).toBeNull();
    expect(errors.name?.key).toBe('products.errors.nameRequired');
    expect(errors.price?.key).toBe('products.errors.price');
    expect(errors.barcodes).toEqual({ key: 'products.errors.checkDigit', params: { code: '4601234567890', digit: 3 } });
    expect(validateProduct({ ...kGood, price: '' }).errors.price?.key).toBe('products.errors.priceRequired');
    expect(validateProduct({ ...kGood, name: 'я'.repeat(129) }).errors.name?.key).toBe('products.errors.tooLong'); // 258 bytes
    expect(validateProduct({ ...kGood, vatRate: '' }).errors.vatRate?.key).toBe('products.errors.vat');
  });

  it('round-trips a product through the form', () => {
    const product = { id: 'p1', name: 'Хлеб', sku: null, price: 4500, vatRate: 'vat20', unit: 11, category: null, barcodes: ['2000000000008'] };
    const form = formOf(product);
    expect(form).toMatchObject({ sku: '', price: '45,00', category: '', barcodes: '2000000000008' });
    const { id: _id, ...rest } = product;
    expect(validateProduct(form).input).toEqual(rest); // a 2025 rate the cloud sent stays as it is
  });
});

describe('productsQuery', () => {
  it('sends only what is set, with the page size', () => {
    expect(productsQuery('')).toBe('limit=50');
    expect(productsQuery(' мол ', 'abc.def', 10)).toBe('q=%D0%BC%D0%BE%D0%BB&limit=10&cursor=abc.def');
  });
});

describe('debounce', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('calls once after the input pauses, and not after cancel', () => {
    const fn = vi.fn();
    const d = debounce(fn, 300);
    d('м');
    vi.advanceTimersByTime(200);
    d('мо');
    vi.advanceTimersByTime(299);
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fn).toHaveBeenCalledExactlyOnceWith('мо');
    d('мол');
    d.cancel();
    vi.advanceTimersByTime(1000);
    expect(fn).toHaveBeenCalledTimes(1);
  });
});

describe('ApiClient catalog calls', () => {
  it('uploads CSV as text/csv and turns a 422 into the list of problems', async () => {
    const calls: { url: string; init?: RequestInit }[] = [];
    const problems = [{ line: 3, column: 'Цена', code: 'bad_price', message: 'bad' }];
    const client = new ApiClient({
      fetch: async (url, init) => {
        calls.push({ url, init });
        return new Response(JSON.stringify({ error: { code: 'invalid_csv', message: '1 problem' }, problems }), { status: 422 });
      },
    });
    const failure = await client.importProducts('a;b').catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ImportRejected);
    expect((failure as ImportRejected).problems).toEqual(problems);
    expect(calls[0].url).toBe('/api/v1/products/import');
    expect((calls[0].init?.headers as Record<string, string>)['Content-Type']).toBe('text/csv');
    expect(calls[0].init?.body).toBe('a;b');
  });

  it('keeps other failures as ApiError and pages with the cursor', async () => {
    const urls: string[] = [];
    const client = new ApiClient({
      fetch: async (url) => {
        urls.push(url);
        return url.includes('import')
          ? new Response('', { status: 413 })
          : new Response(JSON.stringify({ products: [], next: null }), { status: 200 });
      },
    });
    await expect(client.importProducts('x')).rejects.toBeInstanceOf(ApiError);
    await client.products('4601', 'c1');
    expect(urls[1]).toBe('/api/v1/products?q=4601&limit=50&cursor=c1');
  });
});
