// Serves build/site on a free local port and drives Debian's Chromium through playwright-core.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const site = join(root, 'build', 'site');
export const fixtures = join(root, 'tests', 'fixtures');
export const outputDir = join(root, 'build', 'test-output');
mkdirSync(join(outputDir, 'screenshots'), { recursive: true });

async function freePort() {
  return new Promise((resolvePort) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolvePort(port));
    });
  });
}

export async function startServer() {
  const port = await freePort();
  const child = spawn(process.execPath, [join(root, 'scripts', 'static-server.mjs'), site, String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((ready) => child.stdout.once('data', ready));
  return { origin: `http://127.0.0.1:${port}`, stop: () => child.kill() };
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic', '--disable-features=Translate,OptimizationHints,MediaRouter'],
  });
}

// A page that records every request (and whether it came after the app was ready) and every error.
// prepare(context) runs before the page loads: init scripts, routes.
export async function openPage(browser, url, { contextOptions = {}, viewport = { width: 1280, height: 900 }, app = true, prepare } = {}) {
  const context = await browser.newContext({ viewport, ...contextOptions });
  if (prepare) await prepare(context);
  const page = await context.newPage();
  const log = { requests: [], afterReady: [], errors: [], ready: false };
  page.on('request', (request) => {
    log.requests.push(request.url());
    if (log.ready) log.afterReady.push(request.url());
  });
  page.on('console', (message) => { if (message.type() === 'error') log.errors.push(message.text()); });
  page.on('pageerror', (error) => log.errors.push(error.message));
  await page.goto(url);
  if (app) {
    await page.waitForSelector('body[data-ready=true]');
    log.ready = true;
  }
  return { page, context, log };
}

// Opens an operation as a person does: its id (or METHOD URL) in the search field, then Enter.
export async function chooseOperation(page, id) {
  await page.fill('#operation-search', id);
  await page.press('#operation-search', 'Enter');
  await page.waitForFunction((want) => document.body.dataset.operation === want, id, { timeout: 30000 });
}

// One server and one browser for a test file, and the checks every page of it must pass when the
// file ends: only the site's own files (or file://, blob:, data:), no console error, and after
// load only the requests `later(url, origin)` allows (none unless it says so). `open(name, path)`
// opens a page of the site (`absolute: true` takes path as the whole URL) and records it.
export function browserSession({ later = () => false, extraChecks = () => {} } = {}) {
  const session = { server: null, browser: null, opened: [] };
  // A file's own before() hooks may run first: they await this too.
  let starting = null;
  session.start = () => (starting ??= (async () => {
    session.server = await startServer();
    session.browser = await launch();
  })());
  before(session.start);
  after(async () => {
    await session.browser?.close();
    session.server?.stop();
    const { origin } = session.server;
    for (const opened of session.opened) {
      const { log, name } = opened;
      for (const url of log.requests) {
        assert.ok(url.startsWith(origin) || url.startsWith('file://') || url.startsWith('blob:') || url.startsWith('data:'), `${name}: request to ${url}`);
      }
      assert.deepEqual(log.afterReady.filter((url) => !later(url, origin)), [], `${name}: requests after load`);
      assert.deepEqual(log.errors, [], `${name}: console errors`);
      extraChecks(opened);
    }
  });
  session.record = (opened) => {
    session.opened.push(opened);
    return opened;
  };
  session.open = async (name, path = '/', options = {}) => {
    const url = options.absolute ? path : `${session.server.origin}${path}`;
    return session.record({ ...(await openPage(session.browser, url, options)), name });
  };
  return session;
}

export async function editorText(page) {
  return page.evaluate(() => document.getElementById('body-editor').shadowRoot.querySelector('.cm-content').innerText);
}

// Runs `action` and waits for the validation that follows it: the page's gpb:validated event on
// document, or the validated event of the <gpb-builder> that `element` selects. The diagnostics on
// screen are then those of the text the action left. Returns the validation's result.
export async function validatedAfter(page, action, element = null) {
  await page.evaluate((host) => {
    const target = host ? document.querySelector(host) : document;
    window.__nextValidation = new Promise((resolve) => target.addEventListener(host ? 'validated' : 'gpb:validated',
      (event) => resolve(event.detail), { once: true }));
  }, element);
  await action();
  return page.evaluate(() => window.__nextValidation);
}

// Replaces the editor's text the way a person does: select all, then paste, one change; returns
// once the page (or the element) has validated the new text. `within` names the element holding
// the editor (the page's, or a <gpb-builder>).
export async function typeInEditor(page, text, within = '#body-editor') {
  const content = page.locator(`${within} .cm-content`);
  await content.click();
  await page.keyboard.press('Control+A');
  return validatedAfter(page, () => content.evaluate((node, value) => {
    const data = new DataTransfer();
    data.setData('text/plain', value);
    node.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text), within === '#body-editor' ? null : within);
}

// The codes in the page's diagnostic list as it is now (after typeInEditor, or an action that
// validates at once: a form control, a Start from button, a fix).
export async function diagnosticCodes(page) {
  return page.$$eval('#diagnostics .diagnostic .code', (nodes) => nodes.map((n) => n.textContent));
}

// The row of the body form for the value at a JSON Pointer (its data-pointer attribute).
export const formRow = (page, pointer) => page.locator(`.prop[data-pointer=${JSON.stringify(pointer)}]`);

// A value's control in the body form, by its name: the value's JSON Pointer. For where a label
// repeats (a Boolean's checkbox is labelled like the checkbox that includes the property).
export const valueControl = (page, pointer) => page.locator(`[name=${JSON.stringify(pointer)}]`);

// The entries of a diagnostic list (a locator of its ul), as shown: each entry's text (severity,
// code, line:column, JSON Pointer, message) and its fix button's text, or null without one.
export async function diagnosticEntries(list) {
  return list.locator('.diagnostic').evaluateAll((items) => items.map((item) => ({
    text: item.querySelector('.go').textContent,
    fix: item.querySelector('.fix')?.textContent ?? null,
  })));
}

// An entry's text, made from a diagnostic as the core gives it (the pointer "" is the whole body).
export const entryText = (d) => `${d.severity} ${d.code} ${d.line}:${d.column} ${d.pointer || '(root)'} ${d.message}`;
