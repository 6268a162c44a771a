// The served page in headless Chromium: building bodies with the form, live diagnostics, pasted
// requests, share links, drafts, token redaction, the embeddable element, and the network.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  browserSession, chooseOperation, editorText, typeInEditor, validatedAfter, diagnosticCodes, formRow, site, fixtures, outputDir, root,
} from './harness.mjs';
import { exampleRequest } from '../seed-pages.mjs';
import { loadSiteGpb } from '../site-core.mjs';

const gpb = await loadSiteGpb();

// After load, only a model pack (or the permissions) that a search or an operation needed.
const session = browserSession({ later: (url, origin) => url.startsWith(`${origin}/models/`) });
const { open } = session;

const OPERATIONS = ['securityConfigurationTask.create', 'securityConfigurationTask.update', 'securityAction.update', 'incidentTask.update'];

// The form's controls as a person finds them: the checkbox that includes a property is labelled by
// its name, and so is the property's value control (of another role).
const form = (page) => page.locator('#body-form');
const include = (page, name) => form(page).getByRole('checkbox', { name, exact: true });
const pathParameter = (page, name) => page.locator('#path-parameters').getByRole('textbox', { name, exact: true });
// The properties the operation cannot send are listed apart, folded: a person opens the list first.
const openParked = (page) => page.locator('details.parked > summary').click();

test('each operation: build a valid body with the form alone', async () => {
  const { page, context } = await open('form');
  for (const op of OPERATIONS) {
    await chooseOperation(page, op);
    await page.click('#start-empty');
    assert.equal((await editorText(page)).trim(), '{}');
    const before = await diagnosticCodes(page);
    assert.ok(before.length > 0, `${op}: an empty body has findings`);
    // Tick what the operation needs: required properties, or status for a PATCH.
    const model = gpb.describe(op);
    const toTick = model.required.length ? model.required : ['status'];
    for (const name of toTick) await include(page, name).check();
    const text = await editorText(page);
    const body = JSON.parse(text);
    for (const name of toTick) assert.ok(name in body, `${op}: ${name} in the JSON`);
    if (model.odataType) assert.equal(body['@odata.type'], model.odataType);
    assert.deepEqual(await diagnosticCodes(page), [], `${op}: the form's body is valid`);
    assert.match(await page.textContent('#diagnostics-summary'), /No problems/);
    await page.screenshot({ path: join(outputDir, 'screenshots', `${op}.png`), fullPage: true });
  }
  await context.close();
});

test('form fields: enum select, number bounds, date-time offset, collections, disabled with a reason', async () => {
  const { page, context } = await open('fields');
  await chooseOperation(page, 'securityConfigurationTask.update');
  await page.click('#start-minimal');
  const status = form(page).getByRole('combobox', { name: 'status', exact: true });
  await status.selectOption('completed');
  assert.equal(JSON.parse(await editorText(page)).status, 'completed');
  const enumOptions = await status.locator('option').evaluateAll((o) => o.map((x) => x.value));
  assert.deepEqual(enumOptions, ['unknown', 'pending', 'active', 'completed', 'rejected']);

  await include(page, 'managedDeviceCount').check();
  const number = form(page).getByRole('spinbutton', { name: 'managedDeviceCount', exact: true });
  assert.equal(await number.getAttribute('min'), '0');
  assert.equal(await number.getAttribute('max'), '65536');
  await number.fill('70000');
  assert.equal(JSON.parse(await editorText(page)).managedDeviceCount, 70000);
  assert.ok((await diagnosticCodes(page)).includes('range'));

  await include(page, 'dueDateTime').check();
  const offset = form(page).getByRole('textbox', { name: 'dueDateTime: UTC offset (Z or ±hh:mm)' });
  await offset.fill('+05:30');
  await offset.dispatchEvent('change');
  assert.match(JSON.parse(await editorText(page)).dueDateTime, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+05:30$/);

  await include(page, 'intendedSettings').check();
  await form(page).getByRole('button', { name: 'Add keyValuePair' }).click();
  await form(page).getByRole('button', { name: 'Add keyValuePair' }).click();
  let body = JSON.parse(await editorText(page));
  assert.equal(body.intendedSettings.length, 2);
  assert.deepEqual(Object.keys(body.intendedSettings[0]), ['name']);
  await form(page).getByRole('button', { name: 'Remove intendedSettings item 2' }).click();
  body = JSON.parse(await editorText(page));
  assert.equal(body.intendedSettings.length, 1);

  await openParked(page);
  assert.equal(await include(page, 'managedDevices').isDisabled(), true);
  assert.match(await formRow(page, '/managedDevices').locator('.about').textContent(), /navigation property/);

  await chooseOperation(page, 'incidentTask.update');
  await openParked(page);
  assert.equal(await include(page, 'displayName').isDisabled(), true);
  assert.match(await formRow(page, '/displayName').locator('.about').textContent(), /cannot change/);
  await context.close();
});

test('JSON edits update the form; JSON that does not parse keeps every character', async () => {
  const { page, context } = await open('editor');
  await chooseOperation(page, 'incidentTask.update');
  await typeInEditor(page, '{"status": "inProgress"}');
  assert.equal(await form(page).getByRole('combobox', { name: 'status', exact: true }).inputValue(), 'inProgress');
  const broken = '{"status": "completed", "note": ';
  await typeInEditor(page, broken);
  assert.equal(await editorText(page), broken);
  assert.ok((await diagnosticCodes(page)).includes('json-syntax'));
  assert.match(await page.textContent('#body-form'), /does not parse/);
  await context.close();
});

// After a JSON edit the form rebuilds only the top-level rows whose shown content changed; a kept row's
// controls edit the latest JSON, not the JSON it was built from.
test('a JSON edit rebuilds only the form rows it changes; a kept row edits the latest JSON', async () => {
  const { page, context } = await open('kept-rows');
  await chooseOperation(page, 'securityConfigurationTask.create');
  const body = (count, edits = {}) => JSON.stringify({
    '@odata.type': '#microsoft.graph.securityConfigurationTask',
    dueDateTime: '2024-01-01T10:00:05Z',
    managedDeviceCount: count,
    intendedSettings: Array.from({ length: 60 }, (_, i) => ({ name: `setting${i}`, value: edits[i] ?? `value ${i}` })),
  }, null, 2);
  const markRows = () => page.$$eval('#body-form .body-form > .prop', (rows) => rows.forEach((row) => { row.gpbMark = row.dataset.pointer; }));
  const keptRows = () => page.$$eval('#body-form .body-form > .prop', (rows) => rows.filter((row) => row.gpbMark === row.dataset.pointer).map((row) => row.dataset.pointer));
  // The body in the request preview once it has `items` settings.
  const previewBody = async (items) => {
    const handle = await page.waitForFunction((want) => {
      const text = document.querySelector('#panel-request pre')?.textContent ?? '';
      const json = text.slice(text.indexOf('\n\n') + 2);
      try { return JSON.parse(json).intendedSettings?.length === want && json; } catch { return false; }
    }, items);
    return JSON.parse(await handle.jsonValue());
  };
  const count = form(page).getByRole('spinbutton', { name: 'managedDeviceCount', exact: true });

  await typeInEditor(page, body(2));
  assert.equal(await count.inputValue(), '2');  // the form shows this body (its code may arrive after the first check)
  await markRows();
  await typeInEditor(page, body(3));
  assert.equal(await count.inputValue(), '3');
  const kept = await keptRows();
  assert.ok(kept.includes('/intendedSettings'), 'the collection row, unchanged, is kept');
  assert.ok(!kept.includes('/managedDeviceCount'), 'the changed row is rebuilt');

  // The same value, a new finding (the member given twice, the last one read): the row shows it.
  await markRows();
  await typeInEditor(page, body(3).replace('"managedDeviceCount": 3', '"managedDeviceCount": 9, "managedDeviceCount": 3'));
  assert.ok(!(await keptRows()).includes('/managedDeviceCount'));
  assert.match(await page.textContent('#f_2fmanagedDeviceCount-diag'), /^error: /);

  // An item past the 50 shown changes: the row is kept, and its Add button keeps that change.
  await typeInEditor(page, body(3, { 55: 'edited in the JSON' }));
  assert.ok((await keptRows()).includes('/intendedSettings'));
  await form(page).getByRole('button', { name: 'Add keyValuePair' }).click();
  const added = await previewBody(61);
  assert.equal(added.intendedSettings[55].value, 'edited in the JSON');
  assert.equal(added.managedDeviceCount, 3);
  assert.match(await page.textContent('[data-pointer="/intendedSettings"]'), /11 more items are in the JSON/);

  // A shown item changes, then gets a finding: the row is rebuilt each time and shows both.
  await typeInEditor(page, body(3));
  await markRows();
  await typeInEditor(page, body(3, { 3: 'changed item' }));
  assert.ok(!(await keptRows()).includes('/intendedSettings'));
  assert.equal(await page.inputValue('#f_2fintendedSettings_2f3_2fvalue-control'), 'changed item');
  await markRows();
  await typeInEditor(page, body(3, { 3: 'changed item' }).replace('"value": "changed item"', '"value": 7'));
  assert.ok(!(await keptRows()).includes('/intendedSettings'));
  assert.match(await page.textContent('#f_2fintendedSettings_2f3_2fvalue-diag'), /^error: /);

  // A control cleared in the form writes nothing (an empty date is no value); after the next JSON
  // edit its row shows the JSON's value again rather than the cleared control.
  const when = page.locator('#f_2fdueDateTime-control');
  assert.equal(await when.inputValue(), '2024-01-01T10:00:05');
  await when.fill('');
  await typeInEditor(page, body(4));
  assert.equal(await count.inputValue(), '4');
  assert.equal(await when.inputValue(), '2024-01-01T10:00:05');
  await context.close();
});

// In a large body the form follows the JSON only once typing pauses: a form change made before
// then must not write the form's older JSON over what was typed.
test('a form change made while the form is behind the JSON keeps what was typed in the JSON', async () => {
  const { page, context } = await open('form-behind');
  await chooseOperation(page, 'securityConfigurationTask.create');
  const value = { '@odata.type': '#microsoft.graph.securityConfigurationTask', intendedSettings:
    Array.from({ length: 3000 }, (_, i) => ({ '@odata.type': '#microsoft.graph.keyValuePair', name: `s${i}`, value: `v${i}` })) };
  const text = JSON.stringify(value, null, 2);
  assert.ok(text.length > 200000, 'long enough for the longest pause');
  await typeInEditor(page, text);
  const displayName = include(page, 'displayName');
  await displayName.waitFor();
  const firstLine = () => page.locator('#body-editor .cm-line').first().innerText();
  await page.locator('#body-editor .cm-content').click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('End');
  // One edit, then the click at once (no wait for the control to settle): well inside the 400 ms pause.
  await page.keyboard.insertText(' "note": 1,');
  await displayName.dispatchEvent('click');
  await page.waitForSelector('#notices .notice');
  assert.match(await page.textContent('#notices'), /the JSON had changed since the form last read it/i);
  assert.equal(await firstLine(), '{ "note": 1,');
  assert.equal(await displayName.isChecked(), false);
  // Once the form has caught up, its changes apply, and what was typed stays.
  await displayName.check();
  await form(page).getByRole('textbox', { name: 'displayName', exact: true }).waitFor();
  const lines = await page.locator('#body-editor .cm-line').evaluateAll((nodes) => nodes.slice(0, 3).map((n) => n.textContent));
  assert.deepEqual(lines, ['{', '  "note": 1,', '  "@odata.type": "#microsoft.graph.securityConfigurationTask",']);
  await context.close();
});

test('pasting each seed\'s raw request selects its operation and shows its diagnostics', async () => {
  const expected = {
    '000_79e0a18590ba6f35.txt': ['securityConfigurationTask.update', ['odata-type-format']],
    '001_ec43082713dfce17.txt': ['securityConfigurationTask.create', ['odata-type-format']],
    '002_8c5f0cb97011c803.txt': ['securityConfigurationTask.create', ['odata-type-format']],
    '003_6135de15af08706f.txt': ['securityAction.update', ['server-assigned', 'server-assigned', 'server-assigned', 'server-assigned',
      'odata-type-unknown', 'server-assigned', 'missing-required', 'odata-type-format', 'server-assigned', 'odata-type-format',
      'enum-value', 'enum-value', 'server-assigned', 'odata-type-format']],
    '004_70f29e99f84360ef.txt': ['incidentTask.update', []],
  };
  const { page, context } = await open('paste');
  for (const [file, [op, codes]] of Object.entries(expected)) {
    await page.click('#start-paste');
    await page.fill('#paste-text', exampleRequest(readFileSync(join(fixtures, 'seeds', file), 'utf8')));
    await validatedAfter(page, () => page.click('#paste-use'));
    assert.equal(await page.getAttribute('body', 'data-operation'), op, file);
    assert.deepEqual(await diagnosticCodes(page), codes, file);
  }
  assert.equal(await pathParameter(page, 'incidentTaskId').inputValue(), '213213');
  assert.match(await page.textContent('#operation-url'), /incidentTasks\/213213$/);
  await page.click('#start-paste');
  await page.fill('#paste-text', 'DELETE https://graph.microsoft.com/beta/users/1/bogus');
  await page.click('#paste-use');
  await page.waitForFunction(() => /resolves to nothing/.test(document.getElementById('paste-problem').textContent));
  assert.equal(await page.textContent('#paste-problem'),
    'DELETE /users/1/bogus resolves to nothing in beta: "bogus" is not a property, navigation property, action or function of user.');
  await context.close();
});

test('previews: the HTTP request with Content-Length, the response, and each snippet', async () => {
  const { page, context } = await open('previews');
  await chooseOperation(page, 'incidentTask.update');
  await pathParameter(page, 'incidentTaskId').fill('42');
  await typeInEditor(page, '{"status": "completed"}');
  // The previews follow the diagnostics, in a task of their own.
  await page.waitForFunction(() => document.querySelector('#panel-request pre')?.textContent.endsWith('\n\n{"status": "completed"}'));
  const request = await page.textContent('#panel-request pre');
  assert.equal(request, 'PATCH https://graph.microsoft.com/beta/security/incidentTasks/42\nAuthorization: Bearer {token}\nContent-Type: application/json\nContent-Length: 23\n\n{"status": "completed"}');
  assert.equal(await page.isVisible('#panel-response'), false, 'one preview at a time');
  await page.click('#tab-response');
  assert.equal(await page.isVisible('#panel-request'), false);
  assert.match(await page.textContent('#panel-response pre'), /^HTTP\/1\.1 200 OK\n/);
  for (const [tab, pattern] of [['curl', /^curl -X PATCH 'https:\/\/graph/], ['powershell', /Invoke-MgGraphRequest -Method PATCH/],
    ['javascript', /method: "PATCH"/], ['python', /requests\.request\("PATCH"/], ['http', /^PATCH \/beta\/security\/incidentTasks\/42 HTTP\/1\.1\r\nHost: graph\.microsoft\.com/]]) {
    await page.click(`#tab-${tab}`);
    assert.match(await page.textContent(`#panel-${tab} pre`), pattern, tab);
  }
  await context.close();
});

test('a share link carries the whole state in the fragment and restores it', async () => {
  const { page, context } = await open('share', '/', { contextOptions: { permissions: ['clipboard-read', 'clipboard-write'] } });
  await chooseOperation(page, 'securityAction.update');
  await pathParameter(page, 'securityActionId').fill('abc 1');
  await typeInEditor(page, '{"actionReason": "Grüße 😀 <b>bold</b>"}');
  await page.click('#share');
  const url = page.url();
  assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/#s=[A-Za-z0-9_-]+$/);
  assert.ok(!url.includes('?'));
  const fresh = await open('share-restore', url, { absolute: true });
  assert.equal(await fresh.page.getAttribute('body', 'data-operation'), 'securityAction.update');
  assert.equal(await pathParameter(fresh.page, 'securityActionId').inputValue(), 'abc 1');
  assert.equal(await editorText(fresh.page), '{"actionReason": "Grüße 😀 <b>bold</b>"}');
  await fresh.context.close();
  await context.close();
});

test('a reload keeps the draft, per operation', async () => {
  const { page, context, log } = await open('draft');
  await chooseOperation(page, 'incidentTask.update');
  await typeInEditor(page, '{"status": "failed"}');
  await chooseOperation(page, 'securityAction.update');
  await typeInEditor(page, '{"name": "draft two"}');
  // The draft follows the diagnostics; it holds every body of the visit.
  await page.waitForFunction(() => localStorage.getItem('gpb-draft-v1')?.includes('draft two'));
  log.ready = false;  // a reload is a new load
  await page.reload();
  await page.waitForSelector('body[data-ready=true]');
  log.ready = true;
  assert.equal(await page.getAttribute('body', 'data-operation'), 'securityAction.update');
  assert.equal(await editorText(page), '{"name": "draft two"}');
  await chooseOperation(page, 'incidentTask.update');
  assert.equal(await editorText(page), '{"status": "failed"}');
  const storage = await page.evaluate(() => [Object.keys(localStorage), Object.keys(sessionStorage), document.cookie]);
  assert.deepEqual(storage, [['gpb-draft-v1'], [], '']);
  assert.deepEqual(await context.cookies(), []);
  await context.close();
});

test('a body of megabytes: previews on request, a draft kept in IndexedDB across a reload, local storage holds a note', async () => {
  const { page, context, log } = await open('large draft');
  await chooseOperation(page, 'securityConfigurationTask.create');
  const value = JSON.parse(gpb.example('securityConfigurationTask.create', { full: true }));
  value.intendedSettings = Array.from({ length: 8000 }, (_, i) => ({ '@odata.type': '#microsoft.graph.keyValuePair', name: `s${i}`, value: `v${i}` }));
  const large = JSON.stringify(value, null, 2);
  await typeInEditor(page, large);
  await page.waitForSelector('#make-previews');
  assert.match(await page.textContent('#preview-panels'), /previews are made only on request/);
  await page.click('#make-previews');
  const request = await page.textContent('#panel-request pre');
  assert.ok(request.startsWith('POST https://graph.microsoft.com/'), request.slice(0, 80));
  assert.match(request, /Content-Length: \d+/);
  await page.waitForFunction(() => localStorage.getItem('gpb-draft-v1')?.includes('"large":true'), null, { timeout: 10000 });
  assert.deepEqual(JSON.parse(await page.evaluate(() => localStorage.getItem('gpb-draft-v1'))), { v: 1, large: true });
  log.ready = false;
  await page.reload();
  await page.waitForSelector('body[data-ready=true]');
  log.ready = true;
  assert.equal(await page.getAttribute('body', 'data-operation'), 'securityConfigurationTask.create');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-json')]);
  assert.equal(readFileSync(await download.path(), 'utf8'), large, 'the body came back whole');
  // A small body again: the draft is back in local storage and IndexedDB holds nothing.
  await typeInEditor(page, '{}');
  await page.waitForFunction(() => !localStorage.getItem('gpb-draft-v1')?.includes('"large":true'));
  const databases = await page.evaluate(async () => { await new Promise((r) => setTimeout(r, 200)); return (await indexedDB.databases()).map((d) => d.name); });
  assert.deepEqual(databases, []);
  await context.close();
});

test('a real-looking bearer token is redacted everywhere, with a warning', async () => {
  const token = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjM0NTYifQ.c2lnbmF0dXJl';
  const { page, context } = await open('token', '/', { contextOptions: { permissions: ['clipboard-read', 'clipboard-write'] } });
  await page.click('#start-paste');
  await page.fill('#paste-text', `PATCH https://graph.microsoft.com/beta/security/incidentTasks/7\nAuthorization: Bearer ${token}\nContent-Type: application/json\n\n{"status": "completed"}`);
  await page.click('#paste-use');
  assert.match(await page.textContent('#notices'), /bearer token/);
  await page.click('#share');
  const everything = [
    await page.content(),
    page.url(),
    await page.evaluate(() => JSON.stringify(localStorage)),
    ...(await page.$$eval('#preview-panels pre', (nodes) => nodes.map((n) => n.textContent))),
  ].join('\n');
  assert.ok(!everything.includes(token.slice(0, 20)), 'the token appears nowhere');
  assert.ok(everything.includes('Bearer {token}'));
  await context.close();
});

test('embed mode: minimal chrome for iframes', async () => {
  const { page, context } = await open('embed', '/?embed&op=incidentTask.update', { viewport: { width: 360, height: 800 } });
  assert.equal(await page.getAttribute('body', 'data-operation'), 'incidentTask.update');
  assert.equal(await page.isVisible('header.chrome'), false);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `no horizontal scrolling at 360 px (${overflow})`);
  await page.screenshot({ path: join(outputDir, 'screenshots', 'embed-360.png'), fullPage: true });
  await context.close();
});

test('<gpb-builder> works from file:// and inside a host page with a strict CSP', async () => {
  for (const url of [pathToFileURL(join(site, 'embed-demo.html')).href, `${session.server.origin}/embed-demo.html`]) {
    const { page, context } = await open(`element ${url}`, url, { app: false, absolute: true });
    await page.waitForSelector('gpb-builder .cm-content');
    const events = page.evaluate(() => new Promise((resolve) => {
      const element = document.querySelector('gpb-builder');
      const seen = [];
      const note = (entry) => { seen.push(entry); if (seen.length === 2) resolve(seen); };
      element.addEventListener('change', () => note('change'));
      element.addEventListener('validated', (event) => note(`validated:${event.detail.valid}`));
    }));
    await typeInEditor(page, '{"status": "Done"}', 'gpb-builder');
    assert.deepEqual((await events).slice(0, 2), ['validated:false', 'change']);
    assert.match(await page.locator('gpb-builder ul.diagnostics').textContent(), /enum-value/);
    assert.match(await page.locator('gpb-builder h2', { hasText: 'Diagnostics' }).textContent(), /\(1 error, 0 warnings\)/);
    // Included twice: still one definition, no error.
    await page.addScriptTag({ url: url.replace('embed-demo.html', 'gpb-embed.js') }).catch(() => {});
    assert.equal(await page.evaluate(() => typeof customElements.get('gpb-builder')), 'function');
    // The host's CSS (h2 in red) does not leak into the shadow DOM.
    const colors = await page.evaluate(() => [
      getComputedStyle(document.querySelector('gpb-builder').shadowRoot.querySelector('h2')).color,
      getComputedStyle(document.querySelector('h1')).fontFamily,
    ]);
    assert.notEqual(colors[0], 'rgb(200, 0, 0)');
    await page.screenshot({ path: join(outputDir, 'screenshots', url.startsWith('file') ? 'element-file.png' : 'element-http.png'), fullPage: true });
    await context.close();
  }
});

test('check a docs page: each example with its findings in page lines; open one in the builder', async () => {
  const { page, context } = await open('docs');
  await page.click('#mode-docs');
  assert.equal(await page.isVisible('#app'), false);
  const seed = readFileSync(join(fixtures, 'seeds', '003_6135de15af08706f.txt'), 'utf8');
  await page.fill('#docs-text', seed);
  await page.waitForFunction(() => /examples/.test(document.getElementById('docs-summary').textContent));
  assert.match(await page.textContent('#docs-summary'), /^2 examples, 2 checked: 10 errors, 15 warnings\.$/);
  assert.ok(!(await page.textContent('#docs-results')).startsWith('null'));
  const results = await page.textContent('#docs-results');
  for (const code of ['malformed-url', 'odata-type-unknown', 'missing-required', 'undocumented-operation', 'permissions-mismatch']) {
    assert.ok(results.includes(code), code);
  }
  // A finding selects its place in the page text (its entries are in diagnostic-list.test.mjs).
  await page.locator('#docs-results .diagnostic', { hasText: 'enum-value 103:17' }).locator('.go').click();
  const selected = await page.evaluate(() => {
    const t = document.getElementById('docs-text');
    return t.value.slice(t.selectionStart, t.selectionEnd);
  });
  assert.equal(selected, '"String"');
  await page.click('#docs-open-0');
  assert.equal(await page.isVisible('#app'), true);
  assert.equal(await page.getAttribute('body', 'data-operation'), 'securityAction.update');
  assert.ok((await editorText(page)).includes('"actionReason": "Action Reason value"'));
  assert.ok((await diagnosticCodes(page)).includes('enum-value'));
  // A file opened from disk is read in the page.
  await page.click('#mode-docs');
  await page.setInputFiles('#docs-file', join(fixtures, 'seeds', '004_70f29e99f84360ef.txt'));
  await page.waitForFunction(() => document.getElementById('docs-results').textContent.includes('defenderExpertsXDR'));
  assert.match(await page.textContent('#docs-summary'), /: 1 error, 0 warnings\.$/);
  await page.screenshot({ path: join(outputDir, 'screenshots', 'docs-mode.png'), fullPage: true });
  await context.close();
});

test('hostile property names and values are shown as text everywhere; none of their script runs', async () => {
  const hostile = {
    '<img src=x onerror="window.__pwned=1">': '<script>window.__pwned=2</script>',
    actionReason: 'javascript:window.__pwned=3 \u202egnp.exe',
    name: '<svg onload="window.__pwned=4">',
    status: '<b onmouseover="window.__pwned=5">NotStarted</b>',
  };
  const body = JSON.stringify(hostile, null, 2);
  const link = `/#s=${Buffer.from(JSON.stringify({ v: 1, op: 'securityAction.update', params: { securityActionId: '<i>x</i>' }, body })).toString('base64url')}`;
  const { page, context } = await open('hostile', link);
  assert.equal(await editorText(page), body);
  for (const tab of ['request', 'response', 'curl', 'powershell', 'javascript', 'python', 'http']) {
    await page.click(`#tab-${tab}`);
    await page.waitForSelector(`#tab-${tab}[aria-selected=true]`);
  }
  await page.locator('#diagnostics .diagnostic .go').first().click();
  const builderText = await page.evaluate(() => document.getElementById('app').innerText);
  assert.ok(builderText.includes('<img src=x onerror="window.__pwned=1">'), 'the name shows as text in the builder');
  await page.click('#mode-docs');
  await page.fill('#docs-text', `# Update securityAction\n\n## HTTP request\n\nPATCH /security/securityActions/{id}\n\n## Example\n\nPATCH https://graph.microsoft.com/beta/security/securityActions/<img src=x onerror=window.__pwned=6>\nContent-Type: application/json\n\n${body}\n`);
  await page.waitForFunction(() => /^1 example/.test(document.getElementById('docs-summary').textContent));
  const report = await page.evaluate(() => {
    const roots = [document, ...[...document.querySelectorAll('*')].filter((e) => e.shadowRoot).map((e) => e.shadowRoot)];
    return {
      pwned: window.__pwned ?? null,
      injected: roots.reduce((n, r) => n + r.querySelectorAll('img, svg, script:not([src]), b, i').length, 0),
      text: document.body.innerText,
    };
  });
  assert.equal(report.pwned, null);
  assert.equal(report.injected, 0);
  assert.ok(report.text.includes('onerror=window.__pwned=6'), 'the docs page mode shows the hostile URL as text');
  await context.close();
});

test('axe-core finds no serious or critical violation, in light and dark', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const { page, context } = await open(`axe-${colorScheme}`, '/', { contextOptions: { bypassCSP: true, colorScheme } });
    await chooseOperation(page, 'securityAction.update');
    await page.click('#start-full');
    await page.addScriptTag({ path: join(root, 'node_modules', 'axe-core', 'axe.min.js') });
    const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    assert.deepEqual(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`), [], colorScheme);
    await page.screenshot({ path: join(outputDir, 'screenshots', `page-${colorScheme}.png`) });
    await context.close();
  }
});

test('the keyboard alone reaches every control', async () => {
  const { page, context } = await open('keyboard');
  await chooseOperation(page, 'incidentTask.update');
  await page.focus('#operation-search');
  const reached = new Set();
  const wanted = ['start-empty', 'start-paste', 'share'];
  for (let i = 0; i < 300 && !(wanted.every((id) => reached.has(id)) && [...reached].some((x) => String(x).includes('cm-content'))); i += 1) {
    await page.keyboard.press('Tab');
    reached.add(await page.evaluate(() => {
      let node = document.activeElement;
      while (node?.shadowRoot?.activeElement) node = node.shadowRoot.activeElement;
      return node?.id || node?.className || node?.tagName;
    }));
  }
  for (const id of wanted) assert.ok(reached.has(id), `Tab reaches #${id}`);
  assert.ok([...reached].some((x) => String(x).includes('cm-content')), 'Tab reaches the editor');
  await context.close();
});
