// The cabinet end to end: a real sigma-cloud (started by run-e2e.sh), the terminal's registration
// calls over HTTP, and the owner's pages in headless Debian Chromium driven by playwright-core.
//
// Environment (set by run-e2e.sh): SIGMA_CLOUD_BIN, SIGMA_BASE_URL, SIGMA_DATA_DIR, SIGMA_WEB_DIR,
// SIGMA_SCREENSHOT_DIR, SIGMA_BROWSER_DIR; SIGMA_SEED (optional) is sigma_cloud_seed, which rings a
// sales history for the registered device: «Аналитика» is then checked against its summary. Prints one line per check and a closing
// "e2e: N passed, N failed" line; exits non-zero on the first failure.

import { execFileSync } from 'node:child_process';
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';

const env = (name) => {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set: run this through tests/web/run-e2e.sh`);
  }
  return value;
};

const bin = env('SIGMA_CLOUD_BIN');
const base = env('SIGMA_BASE_URL');
const dataDir = env('SIGMA_DATA_DIR');
const webDir = env('SIGMA_WEB_DIR');
const shotDir = env('SIGMA_SCREENSHOT_DIR');
const browserDir = env('SIGMA_BROWSER_DIR');

// playwright-core is a devDependency of web/, not of this folder.
const { chromium } = createRequire(path.join(webDir, 'package.json'))('playwright-core');

const kTimeoutMs = 15000;
const owner = {
  serial: 'SIGMA-E2E-0001',
  seller: 'E2E-PARTNER',
  phone: '+7 900 123-45-67',
  phoneOtherFormat: '8 (900) 1234567',
  phoneThirdFormat: '89001234567',
  email: 'owner.e2e@example.ru',
  businessType: 'services',
  firstPassword: 'Lavka-na-Mira-7',
  secondPassword: 'Novyi-Parol-2026',
  thirdPassword: 'Tretii-Parol-3x',
};

let passed = 0;
let failed = 0;

async function step(name, fn) {
  const started = Date.now();
  try {
    await fn();
    passed += 1;
    console.log(`ok   ${name} (${Date.now() - started} ms)`);
  } catch (e) {
    failed += 1;
    console.log(`FAIL ${name}\n     ${e && e.stack ? e.stack.split('\n').slice(0, 4).join('\n     ') : e}`);
    throw e;
  }
}

function check(condition, message) {
  if (!condition) {
    throw new Error(message);
  }
}

const adminExtra = (process.env.SIGMA_ADMIN_ARGS || '').split(' ').filter(Boolean);

function admin(...args) {
  return execFileSync(bin, ['admin', ...args, '--data-dir', dataDir, ...adminExtra], { encoding: 'utf8', timeout: 30000 });
}

// The terminal's side of registration: plain JSON over HTTP, no browser, no Origin header.
async function http(method, urlPath, body, headers = {}) {
  const init = { method, headers: { Accept: 'application/json', ...headers } };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await fetch(base + urlPath, init);
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  return { status: response.status, json, text };
}

function smsCodesTo(phoneDigits) {
  const file = path.join(dataDir, 'outbox', 'sms.jsonl');
  if (!fs.existsSync(file)) {
    return [];
  }
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l))
    .filter((m) => String(m.to).replace(/\D/g, '').endsWith(phoneDigits))
    .map((m) => (String(m.text).match(/\b(\d{6})\b/) || [])[1])
    .filter(Boolean);
}

function mailLinks(pathPrefix) {
  const dir = path.join(dataDir, 'outbox', 'mail');
  if (!fs.existsSync(dir)) {
    return [];
  }
  const re = new RegExp(`https?://[^\\s"<>]*${pathPrefix}\\?token=[A-Za-z0-9_\\-.~%]+`, 'g');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.eml'))
    .sort()
    .flatMap((f) => fs.readFileSync(path.join(dir, f), 'utf8').match(re) || []);
}

async function waitFor(what, probe, timeoutMs = kTimeoutMs) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) {
      return value;
    }
    if (Date.now() > until) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function shot(page, name) {
  // Fonts and layout settle before the picture; animations are off in the stylesheet anyway.
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: path.join(shotDir, `cabinet-${name}.png`), fullPage: false });
}

async function text(page, selector) {
  const locator = page.locator(selector).first();
  await locator.waitFor({ state: 'visible', timeout: kTimeoutMs });
  return (await locator.innerText()).trim();
}

async function expectText(page, selector, expected) {
  const locator = page.locator(selector).first();
  await locator.waitFor({ state: 'visible', timeout: kTimeoutMs });
  await waitFor(`"${expected}" in ${selector}`, async () => (await locator.innerText()).includes(expected));
}

async function fillPasswordForm(page, password, repeat = password) {
  await page.fill('#new-password', password);
  await page.fill('#repeat-password', repeat);
}

async function login(page, loginText, password) {
  await page.fill('#login', loginText);
  await page.fill('#password', password);
  await page.click('button[type=submit]');
}

async function meStatus(page) {
  return page.evaluate(() => fetch('/api/v1/me', { credentials: 'same-origin' }).then((r) => r.status));
}


const seedBin = process.env.SIGMA_SEED || '';
/** The seeder's summary (tests/support/CloudSeed.cpp), once it has run. */
let seeded = null;

/** Today in the shop's time zone (Moscow, UTC+3), as the cabinet and the seeder count days. */
function moscowToday() {
  return new Date(Date.now() + 3 * 3600 * 1000).toISOString().slice(0, 10);
}

function addDays(iso, days) {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86400000).toISOString().slice(0, 10);
}

/** The seeder's revenue and sale receipts over the days from..to (its summary is per local day). */
function seededFigures(from, to) {
  let revenue = 0;
  let receipts = 0;
  for (const [date, day] of Object.entries(seeded?.days ?? {})) {
    if (date >= from && date <= to) {
      revenue += day.revenue;
      receipts += day.salesCount;
    }
  }
  return { revenue, receipts };
}

/** Kopecks as the Russian page shows them. */
function rub(kopecks) {
  return new Intl.NumberFormat('ru-RU', {
    style: 'currency',
    currency: 'RUB',
    currencyDisplay: 'narrowSymbol',
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(kopecks / 100);
}

async function waitForReport(page, from, to) {
  await waitFor(`the report of ${from}..${to}`, async () => {
    const report = page.locator('[data-test=report]');
    return (
      (await report.count()) > 0 &&
      (await report.getAttribute('data-from')) === from &&
      (await report.getAttribute('data-to')) === to &&
      (await report.getAttribute('aria-busy')) === 'false'
    );
  });
}

/** The KPI figures of the report on the page (0 when it shows the empty state). */
async function reportFigures(page) {
  if ((await page.locator('[data-test=empty]').count()) > 0) {
    return { revenue: 0, receipts: 0 };
  }
  return {
    revenue: Number(await page.getAttribute('[data-test=revenue]', 'data-kopecks')),
    receipts: Number(await page.getAttribute('[data-test=receipts]', 'data-count')),
  };
}


// ---- «Финансы»: a day of the shop pushed as a terminal would, or by the seeder (SIGMA_SEED) ----

const sha256hex = (text) => createHash('sha256').update(text, 'utf8').digest('hex');

// The journal's canonical JSON (docs/sync-protocol.md): keys sorted, no spaces, UTF-8 as is.
function canonical(value) {
  if (Array.isArray(value)) {
    return `[${value.map(canonical).join(',')}]`;
  }
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

// A device request signed as sync::CloudClient signs it (HMAC-SHA256 keyed by SHA-256 of the key).
async function deviceRequest(device, method, target, body) {
  const ts = String(Math.floor(Date.now() / 1000));
  const canonicalRequest = ['sigma-device-v1', method, target, ts, sha256hex(body)].join('\n');
  const key = createHash('sha256').update(device.key, 'utf8').digest();
  const signature = createHmac('sha256', key).update(canonicalRequest, 'utf8').digest('hex');
  const response = await fetch(base + target, {
    method,
    headers: { 'Content-Type': 'application/json', 'X-Sigma-Device': device.id, 'X-Sigma-Timestamp': ts, 'X-Sigma-Signature': signature },
    body,
  });
  return { status: response.status, text: await response.text() };
}

function journal(items) {
  let prevHash = '0'.repeat(64);
  return items.map(([type, occurredAt, payload], i) => {
    const event = { seq: i + 1, uuid: randomUUID(), type, occurredAt, payload, prevHash };
    event.hash = sha256hex(['sigma-journal-v1', event.seq, event.uuid, type, occurredAt, prevHash, canonical(payload)].join('\n'));
    prevHash = event.hash;
    return event;
  });
}

// The shop's local date (Moscow) of a UTC ms time.
function moscowDate(ms) {
  return new Date(ms + 3 * 3600 * 1000).toISOString().slice(0, 10);
}

// Local midnight of today in the shop's zone (Moscow, UTC+3, no DST), in UTC ms.
function moscowMidnightMs(daysAgo = 0) {
  const offset = 3 * 3600 * 1000;
  return Math.floor((Date.now() + offset) / 86400000) * 86400000 - offset - daysAgo * 86400000;
}

// A shift ten days ago closed short by 15 ₽, with a return of its first sale. Ten days back: without
// the seeder, the analytics steps expect the last 7 days empty.
function shopDay() {
  const day = moscowMidnightMs(10);
  const at = (h, m = 0) => (day + (h * 60 + m) * 60000) * 1000;
  const fiscal = (n) => ({ fiscalDocumentNumber: n, fiscalDocumentSign: String(2900000000 + n), fnNumber: '7380440700076543', shiftNumber: 41 });
  const receipt = (id, shiftId, operation, createdAt, lines, payments, extra = {}) => ({
    receiptId: id,
    shiftId,
    operation,
    cashierId: 'cashier-ira',
    createdAt,
    total: lines.reduce((sum, l) => sum + l.amount, 0),
    discountTotal: 0,
    change: 0,
    lines: lines.map((l, position) => ({ position, vatRate: 'vat22', vatSum: Math.round((l.amount * 22) / 122), ...l })),
    payments,
    ...extra,
  });
  const coffee = { name: 'Кофе капучино', unitPrice: 25000, quantity: 2000, amount: 50000 };
  const cake = { name: 'Пирожное «Картошка»', unitPrice: 18000, quantity: 1000, amount: 18000 };
  const sale1 = receipt('e2e-sale-1', 'e2e-shift-41', 'sell', at(10, 5), [coffee, cake], [{ type: 'cash', sum: 70000 }], {
    change: 2000,
    fiscal: fiscal(501),
    customerContact: '+79001112233',
  });
  const sale2 = receipt('e2e-sale-2', 'e2e-shift-41', 'sell', at(13, 40), [coffee], [
    { type: 'electronically', sum: 50000, card: { status: 'approved', authCode: '7Q2K9A', rrn: '634512987001' } },
  ], { fiscal: fiscal(502) });
  const sale3 = receipt('e2e-sale-3', 'e2e-shift-41', 'sell', at(17, 20), [cake], [{ type: 'cash', sum: 18000 }], { fiscal: fiscal(503) });
  const refund = receipt('e2e-return-1', 'e2e-shift-41', 'sellReturn', at(18, 0), [cake], [{ type: 'cash', sum: 18000 }], {
    fiscal: fiscal(504),
    originalReceiptId: 'e2e-sale-1',
  });
  const cashIn = 300000;
  const cashOut = 150000;
  const expectedCash = cashIn + (68000 + 18000) - 18000 - cashOut;
  const counted = expectedCash - 1500;
  const summary = {
    shiftNumber: 41,
    sales: 68000 + 50000 + 18000,
    returns: 18000,
    cashSales: 86000,
    cashReturns: 18000,
    nonCashSales: 50000,
    expectedCash,
    countedCash: counted,
    overShort: counted - expectedCash,
  };
  const events = journal([
    ['shift.opened', at(9), { shiftId: 'e2e-shift-41', number: 41, openedAt: at(9), cashierId: 'cashier-ira', cashierName: 'Ирина Соколова' }],
    ['cash.in', at(9, 2), { operationId: 'e2e-cash-in', shiftId: 'e2e-shift-41', sum: cashIn, reason: 'Размен на утро', cashierId: 'cashier-ira' }],
    ['receipt.fiscalized', sale1.createdAt, sale1],
    ['receipt.fiscalized', sale2.createdAt, sale2],
    ['receipt.fiscalized', sale3.createdAt, sale3],
    ['receipt.fiscalized', refund.createdAt, refund],
    ['cash.out', at(20), { operationId: 'e2e-cash-out', shiftId: 'e2e-shift-41', sum: cashOut, reason: 'Инкассация', cashierId: 'cashier-ira' }],
    ['shift.closed', at(21), {
      shiftId: 'e2e-shift-41', number: 41, closedAt: at(21), cashierId: 'cashier-ira', expectedCash, countedCash: counted, overShort: counted - expectedCash,
      figures: { salesCount: 3, sales: summary.sales, returnsCount: 1, returns: 18000, cashSales: 86000, cashReturns: 18000, nonCashSales: 50000,
        nonCashReturns: 0, cashIn, cashOut, expectedCash, pendingCount: 0 },
      fiscal: { fiscalDocumentNumber: 505, fiscalDocumentSign: '2900000505' },
    }],
  ]);
  return { events, summary };
}

const flat = (t) => t.replace(/\s/g, ' ');
/** Kopecks as the Russian page shows them, spaces of any kind as plain ones. */
const rubFlat = (kopecks) => flat(rub(kopecks));

const phoneDigits = owner.phone.replace(/\D/g, '').slice(1);
let registration = null;
let browser = null;
const pageErrors = [];

function watch(page) {
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  return page;
}

try {
  await step('admin: create a seller and issue an activation PIN', async () => {
    admin('create-seller', '--code', owner.seller, '--name', 'E2E партнёр');
    const out = admin('issue-pin', '--serial', owner.serial, '--seller', owner.seller);
    const pin = out.split('\n').map((l) => l.trim()).find((l) => /^\d{6}$/.test(l));
    check(pin, `issue-pin printed no PIN line: ${JSON.stringify(out)}`);
    owner.pin = pin;
  });

  await step('terminal: register, confirm the SMS code, receive the set-password e-mail', async () => {
    const created = await http('POST', '/api/v1/registrations', {
      deviceSerial: owner.serial,
      businessType: owner.businessType,
      phone: owner.phone,
      email: owner.email,
      sellerCode: owner.seller,
      activationPin: owner.pin,
    });
    check(created.status === 201, `registration: ${created.status} ${created.text}`);
    registration = created.json;
    check(registration.registrationId && registration.registrationSecret, 'registration id and secret');

    const code = await waitFor('the registration SMS', () => smsCodesTo(phoneDigits).at(-1));
    const confirmed = await http('POST', `/api/v1/registrations/${registration.registrationId}/sms-code`, { code });
    check(confirmed.status >= 200 && confirmed.status < 300, `sms-code: ${confirmed.status} ${confirmed.text}`);

    const status = await http('GET', `/api/v1/registrations/${registration.registrationId}`, undefined, {
      Authorization: `Bearer ${registration.registrationSecret}`,
    });
    check(status.json && status.json.status === 'awaitingPassword', `status after SMS: ${status.text}`);
    owner.setPasswordLink = await waitFor('the set-password e-mail', () => mailLinks('/set-password').at(-1));
    check(owner.setPasswordLink.startsWith(`${base}/set-password?token=`), `link points at the cabinet: ${owner.setPasswordLink}`);
  });

  fs.mkdirSync(browserDir, { recursive: true });
  // Playwright makes a fresh, empty --user-data-dir per launch in TMPDIR; point it at our
  // throwaway folder so nothing is left behind.
  process.env.TMPDIR = browserDir;
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
    ],
  });
  const desktop = { viewport: { width: 1280, height: 800 }, locale: 'ru-RU', baseURL: base };
  const ctxA = await browser.newContext(desktop);
  const page = watch(await ctxA.newPage());
  page.setDefaultTimeout(kTimeoutMs);

  await step('set password: the rules show live and a weak password is refused', async () => {
    await page.goto(owner.setPasswordLink);
    await expectText(page, 'h1', 'Придумайте пароль');
    await page.fill('#new-password', 'коротко1');
    check((await page.getAttribute('[data-test=rule-length]', 'data-ok')) === 'false', 'length rule unmet for 8 characters');
    await page.fill('#new-password', 'abcdefghijkl');
    check((await page.getAttribute('[data-test=rule-length]', 'data-ok')) === 'true', 'length rule met for 12 characters');
    check((await page.getAttribute('[data-test=rule-classes]', 'data-ok')) === 'false', 'class rule unmet for lower-case only');
    await fillPasswordForm(page, 'abcdefghijkl');
    await page.click('button[type=submit]');
    await expectText(page, '[data-test=local-error]', 'Пароль не подходит');
    await fillPasswordForm(page, '+7 900 123-45-67');
    check((await page.getAttribute('[data-test=rule-notIdentity]', 'data-ok')) === 'false', 'the phone is refused as a password');
    await shot(page, 'set-password');
  });

  await step('set password: a good one activates the cabinet and the device', async () => {
    await fillPasswordForm(page, owner.firstPassword);
    for (const id of ['length', 'classes', 'notIdentity']) {
      check((await page.getAttribute(`[data-test=rule-${id}]`, 'data-ok')) === 'true', `rule ${id} met`);
    }
    await page.click('button[type=submit]');
    await expectText(page, '[data-test=done]', 'Кабинет активирован');
    await shot(page, 'set-password-done');
    const status = await http('GET', `/api/v1/registrations/${registration.registrationId}`, undefined, {
      Authorization: `Bearer ${registration.registrationSecret}`,
    });
    check(status.json && status.json.status === 'active', `registration active: ${status.text}`);
    check(status.json.deviceId && status.json.deviceKey, 'device credentials handed out once');
    owner.device = { id: status.json.deviceId, key: status.json.deviceKey };
  });

  if (seedBin) {
    await step('seed: the terminal rings two weeks of sales and pushes them to the cloud', async () => {
      const out = execFileSync(
        seedBin,
        ['--url', base, '--device-id', owner.device.id, '--device-key', owner.device.key, '--days', '14', '--seed', '1'],
        { encoding: 'utf8', timeout: 300000, maxBuffer: 64 << 20 },
      );
      seeded = JSON.parse(out);
      check(seeded.totals && seeded.totals.salesCount > 0, `the seeder rang sales: ${out.slice(0, 200)}`);
    });
  }

  await step('set password: the link works only once', async () => {
    await page.goto(owner.setPasswordLink);
    await fillPasswordForm(page, 'Another-Pass-99');
    await page.click('button[type=submit]');
    await expectText(page, '[data-test=error]', 'Ссылка недействительна');
  });

  await step('login: a wrong password reads as a clear Russian error', async () => {
    await page.goto('/login');
    await expectText(page, 'h1', 'Вход в личный кабинет');
    await shot(page, 'login');
    await login(page, owner.email, 'Wrong-password-1');
    await expectText(page, '[data-test=error]', 'Неверный логин или пароль');
    await page.fill('#login', owner.email);
    await shot(page, 'login-error');
  });

  await step('login: the phone in another format reaches the home page with the business type', async () => {
    await login(page, owner.phoneOtherFormat, owner.firstPassword);
    await page.waitForURL(`${base}/`);
    await expectText(page, 'h1', 'Добро пожаловать');
    check((await text(page, '[data-test=business-type]')) === 'Услуги', 'business type Услуги');
    check((await text(page, '[data-test=email]')) === owner.email, 'e-mail shown');
    check((await text(page, '[data-test=role]')) === 'Владелец', 'role shown in Russian');
    for (const id of ['analytics', 'finance', 'settings', 'products']) {
      check((await page.locator(`[data-test=nav-${id}]`).getAttribute('aria-disabled')) === null, `${id} is ready`);
    }
    for (const id of ['documents', 'customers']) {
      const item = page.locator(`[data-test=nav-${id}]`);
      check((await item.getAttribute('aria-disabled')) === 'true', `${id} is disabled`);
      // textContent: innerText would give the badge's CSS upper case.
      check((await item.textContent()).includes('скоро'), `${id} says скоро`);
    }
    // Services sell services, not goods: the catalog section is named for the business.
    check((await text(page, '[data-test=nav-products]')).startsWith('Услуги'), 'catalog section named Услуги');
    await shot(page, 'home');
  });

  await step('language: English on demand, remembered, and back to Russian', async () => {
    await page.click('.lang-switch button:has-text("EN")');
    await expectText(page, 'h1', 'Welcome');
    check((await text(page, '[data-test=business-type]')) === 'Services', 'business type in English');
    check((await page.getAttribute('html', 'lang')) === 'en', 'html lang follows');
    await shot(page, 'home-en');
    await page.reload();
    await expectText(page, 'h1', 'Welcome');
    await page.click('.lang-switch button:has-text("RU")');
    await expectText(page, 'h1', 'Добро пожаловать');
  });


  let shop = null;
  await step('terminal: a sales history with returns, cash in/out and short counts reaches the cloud', async () => {
    const today = moscowDate(Date.now());
    if (seeded) {
      // The seeder's two weeks (rung above): the shift to look at is the latest closed short.
      const closed = seeded.shifts.filter((s) => !s.open);
      check(closed.length > 0, 'the seeder closed shifts');
      const shift = [...closed].reverse().find((s) => s.overShort < 0) ?? closed.at(-1);
      shop = {
        seeded,
        period: { from: seeded.shifts.map((s) => s.date).sort()[0], to: today },
        shift: { number: shift.number, figures: shift.figures, countedCash: shift.countedCash, overShort: shift.overShort },
      };
    } else {
      const day = shopDay();
      const sent = await deviceRequest(owner.device, 'POST', '/api/v1/device/events', JSON.stringify({ events: day.events }));
      check(sent.status === 200, `events: ${sent.status} ${sent.text}`);
      shop = {
        events: day.events,
        period: { from: moscowDate(moscowMidnightMs(10) + 3600000), to: today },
        shift: { number: 41, figures: day.summary, countedCash: day.summary.countedCash, overShort: day.summary.overShort },
      };
    }
  });
  const periodQuery = () => `from=${shop.period.from}&to=${shop.period.to}`;

  await step('«Финансы»: the shifts list shows a closed shift\'s figures and its over/short, a shortage in red', async () => {
    await page.goto('/');
    await page.click('.side-nav a:has-text("Финансы")');
    await page.waitForURL(/\/finance$/);
    await expectText(page, 'h1', 'Финансы');
    await page.locator('[data-test=shifts-table], [data-test=empty]').first().waitFor();
    await page.goto(`/finance?tab=shifts&${periodQuery()}`);
    const api = await page.evaluate((q) => fetch(`/api/v1/shifts?${q}&limit=200`).then((r) => r.json()), periodQuery());
    const found = api.items.find((s) => s.number === shop.shift.number && !s.open);
    check(found, `shift № ${shop.shift.number} is listed`);
    shop.shift.id = found.id;
    if (shop.seeded) {
      // Everything rung reached the cabinet: the shifts' figures add up to the seeder's totals.
      const sum = (key) => api.items.reduce((total, s) => total + (s.figures[key] ?? 0), 0);
      check(sum('sales') === shop.seeded.totals.sales, `sales ${sum('sales')} = seeder's ${shop.seeded.totals.sales}`);
      check(sum('returns') === shop.seeded.totals.returns, `returns ${sum('returns')} = seeder's ${shop.seeded.totals.returns}`);
      check(api.items.length === shop.seeded.shifts.length, `${api.items.length} shifts = seeder's ${shop.seeded.shifts.length}`);
    }
    const row = page.locator(`[data-test=shift-${found.id}]`);
    await row.waitFor();
    check(flat(await row.locator('[data-test=shift-sales]').innerText()) === rubFlat(shop.shift.figures.sales), 'shift sales as the register printed');
    const overShort = row.locator('[data-test=shift-over-short]');
    const expected = shop.shift.overShort < 0 ? `\u2212${rubFlat(-shop.shift.overShort)}` : shop.shift.overShort > 0 ? `+${rubFlat(shop.shift.overShort)}` : rubFlat(0);
    check(flat(await overShort.innerText()) === expected, `over/short ${await overShort.innerText()}, expected ${expected}`);
    if (shop.shift.overShort < 0) {
      const color = await overShort.evaluate((el) => getComputedStyle(el).color);
      check(color === 'rgb(179, 38, 30)', `a shortage is red (${color})`);
    }
    check((await page.locator('[data-test=shift-open]').count()) <= 1, 'at most the open shift is marked open');
    await page.goto(shop.seeded ? '/finance' : `/finance?tab=shifts&${periodQuery()}`);
    await page.locator('[data-test=shifts-table]').waitFor();
    await shot(page, 'finance-shifts');
  });

  await step('«Финансы»: a shift\'s page has the Z figures, the count at close, its cash operations and receipts', async () => {
    await page.goto(`/finance/shifts/${encodeURIComponent(shop.shift.id)}`);
    await page.locator('[data-test=register-figures]').waitFor();
    await expectText(page, 'h1', `Смена № ${shop.shift.number}`);
    check(flat(await text(page, '[data-test=counted-cash]')) === rubFlat(shop.shift.countedCash), 'counted cash');
    check(flat(await text(page, '[data-test=figure-sales] td')) === rubFlat(shop.shift.figures.sales), 'sales as printed');
    if (shop.shift.overShort < 0) {
      await expectText(page, '[data-test=over-short]', 'недостача');
    }
    await page.locator('[data-test=shift-cash-operations] li').first().waitFor();
    await page.locator('[data-test=shift-receipts] li').first().waitFor();
    if (shop.events) {
      await expectText(page, '[data-test=shift-cash-operations]', 'Инкассация');
      check(flat(await text(page, '[data-test=expected-cash]')) === rubFlat(shop.shift.figures.expectedCash), 'expected cash');
    }
    await shot(page, 'finance-shift');
  });

  await step('«Финансы»: the returns filter lists a return, and the return opens its sale', async () => {
    await page.goto(`/finance?tab=receipts&${periodQuery()}`);
    await page.click('[data-test=filter-returns]');
    await page.waitForURL(/filter=returns/);
    const link = page.locator('[data-test=receipts-table] [data-test=receipt-link]').first();
    await link.waitFor();
    await shot(page, 'finance-receipts');
    await link.click();
    await page.waitForURL(/\/finance\/receipts\//);
    await expectText(page, 'h1', 'Возврат');
    const returnUrl = page.url();
    const original = page.locator('[data-test=original-link]');
    await original.waitFor();
    if (shop.events) {
      await expectText(page, '[data-test=original-sale]', 'ФД № 501');
    }
    await shot(page, 'finance-return');
    await original.click();
    await expectText(page, 'h1', 'Продажа');
    const back = page.locator('[data-test=returns] a').first();
    await back.waitFor();
    if (shop.events) {
      await expectText(page, '[data-test=customer-contact]', '+79001112233');
      await expectText(page, '[data-test=fiscal]', '7380440700076543');
    }
    await shot(page, 'finance-receipt');
    await back.click();
    await page.waitForURL(returnUrl);
  });

  await step('«Финансы»: card payments show the slip\'s auth code and RRN; cash operations list', async () => {
    await page.goto(`/finance?tab=receipts&filter=card&${periodQuery()}`);
    const link = page.locator('[data-test=receipts-table] [data-test=receipt-link]').first();
    await link.waitFor();
    await link.click();
    await page.locator('[data-test=card-slip]').waitFor();
    if (shop.events) {
      await expectText(page, '[data-test=card-slip]', '7Q2K9A');
      await expectText(page, '[data-test=card-slip]', '634512987001');
    } else {
      await expectText(page, '[data-test=card-slip]', 'RRN');
    }
    await page.goto(`/finance?tab=cash&${periodQuery()}`);
    await page.locator('[data-test=cash-table]').waitFor();
    await expectText(page, '[data-test=cash-table]', shop.events ? 'Размен на утро' : 'Размен');
    await shot(page, 'finance-cash');
    await page.goto('/finance?tab=shifts&from=2001-01-01&to=2001-01-02');
    await expectText(page, '[data-test=empty]', 'смен нет');
  });

  await step('«Финансы» at phone width: lists fold into cards, nothing scrolls sideways', async () => {
    const ctxPhone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'ru-RU', baseURL: base });
    await ctxPhone.addCookies(await ctxA.cookies());
    const phone = watch(await ctxPhone.newPage());
    phone.setDefaultTimeout(kTimeoutMs);
    for (const [url, name, ready] of [
      [`/finance?tab=shifts&${periodQuery()}`, 'finance-shifts-phone', '[data-test=shifts-table]'],
      [`/finance/shifts/${encodeURIComponent(shop.shift.id)}`, 'finance-shift-phone', '[data-test=register-figures]'],
      [`/finance?tab=receipts&${periodQuery()}`, 'finance-receipts-phone', '[data-test=receipts-table]'],
    ]) {
      await phone.goto(url);
      await phone.locator(ready).waitFor();
      const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      check(overflow <= 0, `${url}: no sideways scrolling (overflow ${overflow}px)`);
      await shot(phone, name);
    }
    await ctxPhone.close();
  });

  await step('a section that is not ready yet says so', async () => {
    await page.goto('/documents');
    await expectText(page, 'h1', 'Документы');
    await shot(page, 'coming-soon');
  });

  // A second signed-in browser (another computer): the password reset must end its session.
  const ctxB = await browser.newContext(desktop);
  const other = watch(await ctxB.newPage());
  other.setDefaultTimeout(kTimeoutMs);
  await step('a second session signs in with the e-mail in capitals', async () => {
    await other.goto('/login');
    await login(other, owner.email.toUpperCase(), owner.firstPassword);
    await other.waitForURL(`${base}/`);
    check((await meStatus(other)) === 200, 'second session is live');
  });

  await step('logout ends this session', async () => {
    await page.goto('/');
    await page.click('[data-test=logout]');
    await page.waitForURL(/\/login\?loggedOut=1$/);
    await expectText(page, '[data-test=notice]', 'Вы вышли');
    check((await meStatus(page)) === 401, '/me is 401 after logout');
    await page.goto('/');
    await page.waitForURL(/\/login$/);
  });

  await step('«Не помню пароль» by e-mail: the same answer whether or not the account exists', async () => {
    await page.click('[data-test=forgot]');
    await expectText(page, 'h1', 'Восстановление пароля');
    await page.fill('#reset-login', 'nobody@example.ru');
    await page.click('button[type=submit]');
    await expectText(page, '[data-test=reset-sent]', 'Если кабинет с e-mail «nobody@example.ru» существует');
    await page.click('button:has-text("Указать другой логин")');
    await page.fill('#reset-login', owner.email);
    await shot(page, 'forgot-password');
    const before = mailLinks('/reset-password').length;
    await page.click('button[type=submit]');
    await expectText(page, '[data-test=reset-sent]', 'мы отправили на него письмо');
    await shot(page, 'forgot-password-sent');
    owner.resetLink = await waitFor('the reset e-mail', () => {
      const links = mailLinks('/reset-password');
      return links.length > before && links.at(-1);
    });
  });

  await step('the reset link sets a new password', async () => {
    await page.goto(owner.resetLink);
    await expectText(page, 'h1', 'Новый пароль');
    await fillPasswordForm(page, owner.secondPassword, owner.secondPassword + 'x');
    await expectText(page, '.field-error', 'Пароли не совпадают');
    await fillPasswordForm(page, owner.secondPassword);
    await shot(page, 'reset-password');
    await page.click('button[type=submit]');
    await expectText(page, '[data-test=done]', 'Пароль сохранён');
    await page.click('[data-test=to-login]');
    await expectText(page, '[data-test=notice]', 'Войдите с новым паролем');
  });

  await step('the old password no longer works, the new one does', async () => {
    await login(page, owner.email, owner.firstPassword);
    await expectText(page, '[data-test=error]', 'Неверный логин или пароль');
    await login(page, owner.email, owner.secondPassword);
    await page.waitForURL(`${base}/`);
    await expectText(page, '[data-test=business-type]', 'Услуги');
  });

  await step('the other browser\'s old session has ended', async () => {
    check((await meStatus(other)) === 401, '/me is 401 for the old session');
    await other.reload();
    await other.waitForURL(/\/login/);
  });

  await step('«Не помню пароль» by phone: the SMS code and a new password', async () => {
    await page.click('[data-test=logout]');
    await page.waitForURL(/\/login/);
    await page.goto('/forgot-password');
    await page.fill('#reset-login', owner.phoneThirdFormat);
    const before = smsCodesTo(phoneDigits).length;
    await page.click('button[type=submit]');
    await expectText(page, '[data-test=reset-sent]', 'SMS с кодом');
    const code = await waitFor('the reset SMS', () => {
      const codes = smsCodesTo(phoneDigits);
      return codes.length > before && codes.at(-1);
    });
    const wrong = code === '000000' ? '111111' : '000000';
    await page.fill('#reset-code', wrong);
    await fillPasswordForm(page, owner.thirdPassword);
    await page.click('button[type=submit]');
    await expectText(page, '[data-test=error]', 'Неверный или устаревший код');
    await page.fill('#reset-code', code);
    await shot(page, 'reset-sms');
    await page.click('button[type=submit]');
    await page.waitForURL(/\/login\?/);
    await expectText(page, '[data-test=notice]', 'Войдите с новым паролем');
    check((await page.inputValue('#login')) === owner.phoneThirdFormat, 'login kept for the next sign-in');
    await page.fill('#password', owner.thirdPassword);
    await page.click('button[type=submit]');
    await page.waitForURL(`${base}/`);
    await expectText(page, '[data-test=business-type]', 'Услуги');
  });


  await step('Аналитика: 7 days show the revenue and receipts the terminal rang', async () => {
    await page.click('[data-test=nav-analytics]');
    await page.waitForURL(`${base}/analytics`);
    await expectText(page, 'h1', 'Аналитика');
    await page.click('[data-test=period-last7]');
    const today = moscowToday();
    const from = addDays(today, -6);
    await waitForReport(page, from, today);
    const expected = seededFigures(from, today);
    const report = await reportFigures(page);
    if (seeded) {
      check(expected.receipts > 0, 'the seeder rang sales in the last 7 days');
      check(report.revenue === expected.revenue, `revenue ${report.revenue} = seeded ${expected.revenue}`);
      check(report.receipts === expected.receipts, `receipts ${report.receipts} = seeded ${expected.receipts}`);
      // As the owner reads it: roubles in Russian format.
      check((await text(page, '[data-test=revenue]')) === rub(expected.revenue), `revenue shown as ${rub(expected.revenue)}`);
      const bars = await page.locator('[data-test=revenue-chart] rect').count();
      check(bars === 7, `a bar per day (${bars})`);
    } else {
      await expectText(page, '[data-test=empty]', 'Продаж нет');
    }
    await shot(page, 'analytics');
    // The same page in English: money as ₽1,234.50, the labels translated.
    await page.click('.lang-switch button:has-text("EN")');
    await expectText(page, 'h1', 'Analytics');
    await expectText(page, '[data-test=period-last7]', '7 days');
    await shot(page, 'analytics-en');
    await page.click('.lang-switch button:has-text("RU")');
    await expectText(page, 'h1', 'Аналитика');
  });

  if (seeded) {
    await step('Аналитика: the terminal and cashier filters narrow the figures', async () => {
      await page.click('[data-test=period-last30]');
      const today = moscowToday();
      await waitForReport(page, addDays(today, -29), today);
      let report = await reportFigures(page);
      check(report.revenue === seeded.totals.revenue, `30 days hold the whole history: ${report.revenue} = ${seeded.totals.revenue}`);
      const cash = Number(await page.getAttribute('[data-test=payment-cash]', 'data-kopecks'));
      check(cash === (seeded.payments.cash ?? 0), `cash ${cash} = seeded ${seeded.payments.cash}`);
      // The one terminal: the same figures.
      await page.selectOption('[data-test=filter-device]', { label: owner.serial });
      await waitFor('the terminal filter', async () => (await page.getAttribute('[data-test=report]', 'data-device')) === owner.device.id);
      report = await reportFigures(page);
      check(report.revenue === seeded.totals.revenue, 'one terminal: all of its sales');
      await page.click('[data-test=filter-reset]');
      await waitFor('no filter', async () => (await page.getAttribute('[data-test=report]', 'data-device')) === '');
      // One cashier: what the seeder rang under that name.
      const [name, figures] = Object.entries(seeded.cashiers).sort((a, b) => b[1].revenue - a[1].revenue)[0];
      await page.selectOption('[data-test=filter-employee]', { label: name });
      await waitFor(`the figures of ${name}`, async () => {
        const report = page.locator('[data-test=report]');
        return (await report.getAttribute('data-employee')) !== '' && (await report.getAttribute('aria-busy')) === 'false';
      });
      report = await reportFigures(page);
      check(report.revenue === figures.revenue, `${name}: revenue ${report.revenue} = seeded ${figures.revenue}`);
      check(report.receipts === figures.salesCount, `${name}: ${report.receipts} receipts = seeded ${figures.salesCount}`);
      const rows = await page.locator('[data-test=by-employee] tbody tr').count();
      check(rows === 1, `one cashier row under the filter (${rows})`);
      await shot(page, 'analytics-filtered');
      await page.click('[data-test=filter-reset]');
    });
  }

  await step('Аналитика: a custom period is checked, and an empty one says so', async () => {
    await page.click('[data-test=period-custom]');
    await page.fill('[data-test=period-from]', '2020-02-10');
    await page.fill('[data-test=period-to]', '2020-02-01');
    await page.click('[data-test=period-apply]');
    await expectText(page, '[data-test=period-problem]', 'раньше даты начала');
    await page.fill('[data-test=period-to]', '2020-02-20');
    await page.click('[data-test=period-apply]');
    await waitForReport(page, '2020-02-10', '2020-02-20');
    await expectText(page, '[data-test=empty]', 'Продаж нет');
    await shot(page, 'analytics-empty');
  });


  // «Товары» (titled «Услуги» for this services account): the card, search by barcode, an edit, an
  // import refused for one bad line and accepted once fixed, and the export as Excel reads it.
  const kBom = '\uFEFF';
  const csvHeader = 'Артикул;Наименование;Цена;НДС;Ед. изм.;Категория;Штрихкоды';
  async function catalogShows(p, query, names) {
    await waitFor(`the catalog for "${query}"`, async () => {
      const table = p.locator('[data-test=product-table]');
      if (names.length === 0) {
        const empty = p.locator('[data-test=catalog-empty]');
        return (await empty.count()) > 0 && (await empty.getAttribute('data-query')) === query;
      }
      if ((await table.count()) === 0 || (await table.getAttribute('data-query')) !== query) {
        return false;
      }
      const shown = await p.locator('[data-test=product-row] .row-open').allInnerTexts();
      return JSON.stringify(shown) === JSON.stringify(names);
    });
  }
  async function importCsv(p, name, text) {
    await p.setInputFiles('[data-test=import-file]', { name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
  }

  await step('Услуги: a new card is checked in words and saved', async () => {
    await page.click('[data-test=nav-products]');
    await page.waitForURL(`${base}/products`);
    await expectText(page, 'h1', 'Услуги');
    await page.click('[data-test=product-add]');
    await page.fill('[data-test=card-name]', 'Молоко 3,2% 1 л');
    await page.fill('[data-test=card-price]', '89,9');
    await page.fill('[data-test=card-sku]', 'E2E-MILK');
    await page.selectOption('[data-test=card-vat]', 'vat10');
    await page.fill('[data-test=card-category]', 'Молочное');
    await page.fill('[data-test=card-barcodes]', '4601234567890');
    await page.click('[data-test=card-save]');
    await expectText(page, '[data-test=error-barcodes]', 'контрольная цифра (должна быть 3)');
    await page.fill('[data-test=card-price]', '89,9.1');
    await expectText(page, '[data-test=error-price]', 'например 89,90');
    await page.fill('[data-test=card-price]', '89,9');
    await page.fill('[data-test=card-barcodes]', '4601234567893');
    await shot(page, 'products-card');
    await page.click('[data-test=card-save]');
    await expectText(page, '[data-test=notice]', 'Сохранено');
    await catalogShows(page, '', ['Молоко 3,2% 1 л']);
  });

  await step('Услуги: found by its barcode, its price edited', async () => {
    await page.fill('[data-test=product-search]', '46012345678');
    await catalogShows(page, '46012345678', ['Молоко 3,2% 1 л']);
    await page.fill('[data-test=product-search]', '0000');
    await catalogShows(page, '0000', []);
    await expectText(page, '[data-test=catalog-empty]', 'ничего не найдено');
    await page.fill('[data-test=product-search]', 'молоко');
    await catalogShows(page, 'молоко', ['Молоко 3,2% 1 л']);
    await page.click('[data-test=product-row] .row-open');
    check((await page.inputValue('[data-test=card-price]')) === '89,90', 'the card shows the price with a comma');
    await page.fill('[data-test=card-price]', '95,50');
    await page.click('[data-test=card-save]');
    await expectText(page, '[data-test=notice]', 'Сохранено');
    await waitFor('the new price', async () => (await page.getAttribute('[data-test=product-row]', 'data-price')) === '9550');
    await expectText(page, '[data-test=product-row]', '95,50');
  });

  await step('Услуги: an import with one bad line names it and imports nothing', async () => {
    await page.fill('[data-test=product-search]', 'E2E-IMP');
    await catalogShows(page, 'E2E-IMP', []);
    await importCsv(page, 'bad.csv', `${kBom}${csvHeader}\r\nE2E-IMP-1;Кефир;79,90;10%;шт;Молочное;\r\nE2E-IMP-2;Ряженка;семьдесят;10%;шт;Молочное;\r\n`);
    await expectText(page, '[data-test=import-rejected]', 'Ничего не изменено');
    const row = page.locator('[data-test=import-problems] tbody tr');
    check((await row.count()) === 1, 'one problem');
    check((await row.getAttribute('data-line')) === '3' && (await row.getAttribute('data-code')) === 'bad_price', 'line 3, the price');
    await expectText(page, '[data-test=import-problems] tbody tr', 'Цена');
    await expectText(page, '[data-test=import-problems] tbody tr', 'Неверная цена');
    await page.fill('[data-test=product-search]', 'E2E-IM');
    await catalogShows(page, 'E2E-IM', []);
    await shot(page, 'products-import-rejected');
  });

  await step('Услуги: the fixed file imports, and the export is the catalog in Excel CSV', async () => {
    await importCsv(page, 'fixed.csv', `${kBom}${csvHeader}\r\nE2E-IMP-1;Кефир;79,90;10%;шт;Молочное;\r\nE2E-IMP-2;Ряженка;69,50;10%;шт;Молочное;\r\n`);
    await expectText(page, '[data-test=import-ok]', 'Создано: 2');
    await page.fill('[data-test=product-search]', 'e2e-imp');
    await catalogShows(page, 'e2e-imp', ['Кефир', 'Ряженка']);
    await page.fill('[data-test=product-search]', '');
    await catalogShows(page, '', ['Кефир', 'Молоко 3,2% 1 л', 'Ряженка']);
    await shot(page, 'products');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-test=product-export]')]);
    const file = fs.readFileSync(await download.path(), 'utf8');
    check(download.suggestedFilename() === 'products.csv', `file name ${download.suggestedFilename()}`);
    check(file.startsWith(`${kBom}${csvHeader}\r\n`), `BOM and header: ${JSON.stringify(file.slice(0, 80))}`);
    const lines = file.slice(1).split('\r\n').filter(Boolean);
    check(lines.length === 4, `header and three products (${lines.length})`);
    check(lines.includes('E2E-MILK;Молоко 3,2% 1 л;95,50;10%;шт;Молочное;4601234567893'), `the edited milk: ${lines.join(' | ')}`);
    check(lines.includes('E2E-IMP-2;Ряженка;69,50;10%;шт;Молочное;'), 'the imported product');
    await page.click('.lang-switch button:has-text("EN")');
    await expectText(page, 'h1', 'Services');
    await shot(page, 'products-en');
    await page.click('.lang-switch button:has-text("RU")');
    await expectText(page, 'h1', 'Услуги');
  });

  // «Настройки → Пользователи»: the owner invites an administrator by e-mail, who sets a password
  // from the link, signs in with exactly an administrator's rights, and is shut out the moment
  // the owner disables them.
  const adminUser = { name: 'Анна Админова', email: 'admin.e2e@example.ru', password: 'Admin-Parol-2026', link: '' };
  const adminRow = `[data-test=user-row][data-login="${adminUser.email}"]`;
  let adminPage = null;
  await step('Настройки: the owner sees the users, and the invitation form checks its fields', async () => {
    await page.click('[data-test=nav-settings]');
    await page.waitForURL(`${base}/settings`);
    await expectText(page, 'h1', 'Настройки');
    const ownerRow = `[data-test=user-row][data-login="${owner.email}"]`;
    await expectText(page, `${ownerRow} [data-test=user-status]`, 'Активен');
    await expectText(page, ownerRow, '(вы)');
    check((await page.locator(`${ownerRow} [data-test=user-disable]`).count()) === 0, 'the owner is not offered to disable themselves');
    check((await page.locator(`${ownerRow} [data-test=user-role-select]`).count()) === 0, 'nor to change their own role');
    await page.click('[data-test=invite-open]');
    for (const [role, info] of [['administrator', 'приглашает кассиров'], ['owner', 'журнал действий'], ['cashier', 'Работает на кассе']]) {
      check((await page.locator(`[data-test=role-option-${role}]`).count()) === 1, `the ${role} role is offered to the owner`);
      await expectText(page, '[data-test=invite-form]', info);
    }
    await page.click('[data-test=invite-submit]');
    await expectText(page, '[data-test=problem-name]', 'Укажите имя');
    await expectText(page, '[data-test=problem-contact]', 'Укажите e-mail или телефон');
    await page.fill('#invite-contact', '12345');
    await expectText(page, '[data-test=problem-contact]', 'Проверьте телефон');
    // The owner's own e-mail is taken (any account's would be): the server says so in words.
    await page.fill('#invite-name', 'Двойник');
    await page.fill('#invite-contact', owner.email);
    await page.click('[data-test=invite-submit]');
    await expectText(page, '[data-test=invite-form] [data-test=error]', 'уже есть у пользователя');
    await shot(page, 'settings-invite');
  });

  await step('Настройки: the owner invites an administrator by e-mail', async () => {
    await page.fill('#invite-name', adminUser.name);
    await page.fill('#invite-contact', adminUser.email);
    await page.check('[data-test=role-option-administrator]');
    const before = mailLinks('/set-password').length;
    await page.click('[data-test=invite-submit]');
    await expectText(page, '[data-test=notice]', `отправлено на ${adminUser.email}`);
    await expectText(page, `${adminRow} [data-test=user-status]`, 'Приглашён');
    adminUser.link = await waitFor('the invitation e-mail', () => {
      const links = mailLinks('/set-password');
      return links.length > before && links.at(-1);
    });
    await shot(page, 'settings-users');
  });

  await step('the invited administrator is greeted by name, sets a password and signs in', async () => {
    const ctxAdmin = await browser.newContext(desktop);
    adminPage = watch(await ctxAdmin.newPage());
    adminPage.setDefaultTimeout(kTimeoutMs);
    await adminPage.goto(adminUser.link);
    await expectText(adminPage, 'h1', 'Приглашение в кабинет');
    await expectText(adminPage, '[data-test=invite-greeting]', `Здравствуйте, ${adminUser.name}!`);
    // Accounts have no name of their own yet: the owner's login names the business.
    await expectText(adminPage, '[data-test=invite-intro]', owner.email);
    await expectText(adminPage, '[data-test=invite-intro]', '«администратор»');
    await fillPasswordForm(adminPage, adminUser.password);
    await shot(adminPage, 'invite-set-password');
    await adminPage.click('button[type=submit]');
    await expectText(adminPage, '[data-test=done]', `войдите с ${adminUser.email}`);
    await adminPage.click('[data-test=to-login]');
    await login(adminPage, adminUser.email, adminUser.password);
    await adminPage.waitForURL(`${base}/`);
  });

  await step('the administrator sees what an administrator sees and cannot invite an owner', async () => {
    for (const id of ['analytics', 'finance', 'settings']) {
      check((await adminPage.locator(`[data-test=nav-${id}]`).getAttribute('aria-disabled')) === null, `${id} open to an administrator`);
    }
    await adminPage.click('[data-test=nav-analytics]');
    await adminPage.waitForURL(`${base}/analytics`);
    const today = moscowToday();
    await waitForReport(adminPage, addDays(today, -6), today);
    check((await adminPage.locator('[data-test=error]').count()) === 0, 'the analytics open for an administrator');
    await adminPage.click('[data-test=nav-settings]');
    await adminPage.waitForURL(`${base}/settings`);
    await expectText(adminPage, `[data-test=user-row][data-login="${adminUser.email}"]`, '(вы)');
    const ownerRow = `[data-test=user-row][data-login="${owner.email}"]`;
    await expectText(adminPage, ownerRow, 'Владелец');
    check((await adminPage.locator(`${ownerRow} button`).count()) === 0, 'nothing is offered over the owner');
    check((await adminPage.locator(`${ownerRow} select`).count()) === 0, 'nor the owner\'s role');
    await adminPage.click('[data-test=invite-open]');
    await adminPage.locator('[data-test=role-option-cashier]').waitFor();
    check((await adminPage.locator('[data-test=role-option-owner]').count()) === 0, 'no owner role in the administrator\'s form');
    check((await adminPage.locator('[data-test=role-option-administrator]').count()) === 0, 'no administrator role either');
    await shot(adminPage, 'settings-users-administrator');
    // The server refuses it too, whatever the page offers.
    const forced = await adminPage.evaluate(() =>
      fetch('/api/v1/users', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: 'Захватчик', email: 'taker.e2e@example.ru', role: 'owner' }),
      }).then((r) => r.status),
    );
    check(forced === 403, `an administrator inviting an owner gets 403 (got ${forced})`);
    check((await adminPage.evaluate(() => fetch('/api/v1/audit').then((r) => r.status))) === 403, 'no audit log for an administrator');
  });

  await step('the owner disables the administrator after a confirmation, and their session ends', async () => {
    await page.reload();
    await expectText(page, `${adminRow} [data-test=user-status]`, 'Активен');
    await page.click(`${adminRow} [data-test=user-disable]`);
    await expectText(page, '[data-test=confirm]', `Отключить «${adminUser.name}»?`);
    await shot(page, 'settings-disable-confirm');
    await page.click('[data-test=confirm-yes]');
    await expectText(page, '[data-test=notice]', 'сеансы завершены');
    await expectText(page, `${adminRow} [data-test=user-status]`, 'Отключён');
    check((await page.locator(`${adminRow} [data-test=user-enable]`).count()) === 1, 'the owner is offered to enable them again');
    check((await meStatus(adminPage)) === 401, 'the administrator\'s session has ended');
    await adminPage.reload();
    await adminPage.waitForURL(/\/login/);
    await login(adminPage, adminUser.email, adminUser.password);
    await expectText(adminPage, '[data-test=error]', 'Неверный логин или пароль');
    await adminPage.context().close();
  });

  await step('the owner cancels an invitation nobody accepted, and its link stops working', async () => {
    const email = 'mistake.e2e@example.ru';
    const row = `[data-test=user-row][data-login="${email}"]`;
    await page.click('[data-test=invite-open]');
    await page.fill('#invite-name', 'Ошибка');
    await page.fill('#invite-contact', email);
    await page.check('[data-test=role-option-cashier]');
    const before = mailLinks('/set-password').length;
    await page.click('[data-test=invite-submit]');
    await expectText(page, `${row} [data-test=user-status]`, 'Приглашён');
    const link = await waitFor('the invitation e-mail', () => {
      const links = mailLinks('/set-password');
      return links.length > before && links.at(-1);
    });
    await page.click(`${row} [data-test=user-cancel]`);
    await expectText(page, '[data-test=confirm]', 'Отменить приглашение для «Ошибка»?');
    await page.click('[data-test=confirm-yes]');
    await expectText(page, '[data-test=notice]', 'Приглашение для «Ошибка» отменено');
    await waitFor('the row gone', async () => (await page.locator(row).count()) === 0);
    const token = new URL(link).searchParams.get('token');
    const status = await page.evaluate((t) => fetch(`/api/v1/auth/invitation?token=${t}`).then((r) => r.status), token);
    check(status === 400, `a cancelled invitation's link is dead (got ${status})`);
  });

  await step('Настройки at phone width: the users fold into cards that fit the screen', async () => {
    const ctxPhone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'ru-RU',
      baseURL: base,
    });
    const phone = watch(await ctxPhone.newPage());
    phone.setDefaultTimeout(kTimeoutMs);
    await phone.goto('/login');
    await login(phone, owner.phone, owner.thirdPassword);
    await phone.waitForURL(`${base}/`);
    await phone.goto('/settings');
    await expectText(phone, `${adminRow} [data-test=user-status]`, 'Отключён');
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    check(overflow <= 0, `no sideways scrolling on «Настройки» (overflow ${overflow}px)`);
    await shot(phone, 'settings-users-phone');
    await phone.click('[data-test=invite-open]');
    await phone.locator('[data-test=invite-form]').waitFor();
    await phone.screenshot({ path: path.join(shotDir, 'cabinet-settings-invite-phone-full.png'), fullPage: true });
    await ctxPhone.close();
  });

  await step('phone width: login and home fit a 390×844 screen', async () => {
    const ctxPhone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'ru-RU',
      baseURL: base,
    });
    const phone = watch(await ctxPhone.newPage());
    phone.setDefaultTimeout(kTimeoutMs);
    await phone.goto('/login');
    await expectText(phone, 'h1', 'Вход');
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    check(overflow <= 0, `no sideways scrolling on the login page (overflow ${overflow}px)`);
    await shot(phone, 'login-phone');
    await login(phone, owner.phone, owner.thirdPassword);
    await phone.waitForURL(`${base}/`);
    await expectText(phone, '[data-test=business-type]', 'Услуги');
    const homeOverflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    check(homeOverflow <= 0, `no sideways scrolling on the home page (overflow ${homeOverflow}px)`);
    await shot(phone, 'home-phone');
    await phone.click('.nav-toggle');
    await phone.locator('#side-nav').waitFor({ state: 'visible' });
    await shot(phone, 'nav-phone');
    await phone.click('[data-test=nav-analytics]');
    await phone.waitForURL(`${base}/analytics`);
    await phone.click('[data-test=period-last7]');
    const today = moscowToday();
    await waitForReport(phone, addDays(today, -6), today);
    const analyticsOverflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    check(analyticsOverflow <= 0, `no sideways scrolling on «Аналитика» (overflow ${analyticsOverflow}px)`);
    // Every card inside the screen (a wide chart can stretch its card past the edge unnoticed).
    const wide = await phone.evaluate(() =>
      [...document.querySelectorAll('[data-page=analytics] .card')]
        .filter((card) => card.getBoundingClientRect().right > window.innerWidth + 0.5)
        .map((card) => card.querySelector('h2')?.textContent ?? card.className),
    );
    check(wide.length === 0, `cards wider than the phone: ${wide.join(', ')}`);
    await shot(phone, 'analytics-phone');
    await phone.screenshot({ path: path.join(shotDir, 'cabinet-analytics-phone-full.png'), fullPage: true });
    if ((await phone.locator('.chart-card').count()) > 0) {
      await phone.locator('.chart-card').screenshot({ path: path.join(shotDir, 'cabinet-analytics-phone-chart.png') });
    }
    await phone.click('.nav-toggle');
    await phone.click('[data-test=nav-products]');
    await phone.waitForURL(`${base}/products`);
    await phone.locator('[data-test=product-row]').first().waitFor({ state: 'visible' });
    const productsOverflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    check(productsOverflow <= 0, `no sideways scrolling on «Услуги» (overflow ${productsOverflow}px)`);
    await shot(phone, 'products-phone');
    await phone.click('[data-test=product-row] .row-open');
    await phone.locator('[data-test=product-card]').waitFor({ state: 'visible' });
    const cardOverflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    check(cardOverflow <= 0, `the card fits the phone (overflow ${cardOverflow}px)`);
    await shot(phone, 'products-card-phone');
    await ctxPhone.close();
  });

  // Last: it locks sign-in from this address for the rest of the window.
  await step('too many failed sign-ins: 429 tells when to retry', async () => {
    await page.click('[data-test=logout]');
    await page.waitForURL(/\/login/);
    let limited = false;
    for (let i = 0; i < 15 && !limited; i += 1) {
      await login(page, 'nobody@example.ru', `Wrong-pass-${i}`);
      await page.locator('[data-test=error]').waitFor({ state: 'visible' });
      await waitFor('the sign-in answer', async () => !(await page.locator('button[type=submit]').innerText()).includes('Входим'));
      limited = (await page.locator('[data-test=error]').innerText()).includes('Слишком много попыток');
    }
    check(limited, 'sign-in is rate limited within 15 failures');
    const message = await text(page, '[data-test=error]');
    check(/через|позже/.test(message), `the message says when: ${message}`);
    await shot(page, 'login-rate-limited');
  });

  await step('no script errors on any page', async () => {
    check(pageErrors.length === 0, `page errors: ${pageErrors.join('; ')}`);
  });
} catch {
  // The failing step has printed its reason.
} finally {
  if (browser) {
    await browser.close();
  }
  console.log(`e2e: ${passed} passed, ${failed} failed`);
}
process.exit(failed === 0 && passed > 0 ? 0 : 1);
