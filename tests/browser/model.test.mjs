// The page over the whole model in headless Chromium: finding operations of both versions by
// keyboard, a pasted URL, packs loaded when needed, a form-built v1.0 body with derived types, a
// local $metadata file, share links for METHOD URL addresses, and the network.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { browserSession, editorText, typeInEditor, validatedAfter, valueControl, fixtures, outputDir, root, site } from './harness.mjs';

// Packs, and the XML reader's code, load after the page: a search or a file needs them.
const session = browserSession({ later: () => true });
const { open } = session;

const opName = (page) => page.textContent('#operation-name');
const summary = (page) => page.textContent('#diagnostics-summary');
const waitForOperation = (page, pattern) => page.waitForFunction(
  (source) => new RegExp(source).test(document.body.dataset.operation ?? ''), pattern.source, { timeout: 30000 });
const waitForStatus = (page, pattern) => page.waitForFunction(
  (source) => new RegExp(source).test(document.getElementById('search-status').textContent), pattern.source, { timeout: 30000 });

// The form's controls as a person finds them, by their labels.
const form = (page) => page.locator('#body-form');
const checkbox = (page, name) => form(page).getByRole('checkbox', { name, exact: true });
const textbox = (page, name) => form(page).getByRole('textbox', { name, exact: true });
const combobox = (page, name) => form(page).getByRole('combobox', { name, exact: true });
const pathParameter = (page, name) => page.locator('#path-parameters').getByRole('textbox', { name, exact: true });

test('search finds a beta and a v1.0 operation by keyboard; the version is remembered', async () => {
  const { page, context, log } = await open('search');
  assert.equal(log.afterReady.length, 0, 'no pack is fetched before it is needed');
  await page.focus('#operation-search');
  await page.keyboard.type('users sendMail');
  await waitForStatus(page, /operations in beta/);
  assert.equal(await page.getAttribute('#operation-search', 'aria-expanded'), 'true');
  const first = await page.textContent('#operation-results [role=option][aria-selected=true]');
  assert.match(first, /POST\s*\/users\/\{userId\}\/sendMail/);
  await page.keyboard.press('Enter');
  await waitForOperation(page, /^POST \/users\/\{userId\}\/sendMail$/);
  assert.equal(await opName(page), 'sendMail (action) (beta)');
  assert.ok(log.afterReady.some((url) => url.endsWith('/models/beta.gpbm')), 'the beta pack was fetched for the search');

  // The version switch by keyboard: the open operation follows when v1.0 has it.
  await page.focus('#version');
  await page.keyboard.press('ArrowDown');
  await waitForOperation(page, /^v1\.0 POST \/users\/\{userId\}\/sendMail$/);
  assert.match(await page.textContent('#operation-url'), /^https:\/\/graph\.microsoft\.com\/v1\.0\/users\/\{userId\}\/sendMail$/);

  await page.focus('#operation-search');
  await page.keyboard.type('namedLocations');
  await waitForStatus(page, /operations in v1\.0/);
  const options = await page.$$eval('#operation-results [role=option]', (nodes) => nodes.map((n) => n.textContent));
  assert.ok(options.some((o) => /POST\s*\/identity\/conditionalAccess\/namedLocations\s*Create namedLocation/.test(o)), options.join('\n'));
  // Words of a title find it too: the verb filters, the noun searches.
  await page.fill('#operation-search', 'update namedLocation');
  await page.waitForFunction(() => {
    const found = [...document.querySelectorAll('#operation-results [role=option]')];
    return found.length > 0 && found.every((option) => /Update namedLocation$/.test(option.textContent));
  });
  assert.match(await page.textContent('#operation-results [role=option][aria-selected=true]'),
    /PATCH\s*\/identity\/conditionalAccess\/namedLocations\/\{namedLocationId\}\s*Update namedLocation/);
  await page.fill('#operation-search', 'namedLocations');
  await waitForStatus(page, /operations in v1\.0/);
  // Arrows move the active option; Escape closes the list and a second Escape clears the field.
  await page.keyboard.press('ArrowDown');
  const active = await page.getAttribute('#operation-search', 'aria-activedescendant');
  assert.equal(await page.getAttribute(`#${active}`, 'aria-selected'), 'true');
  await page.keyboard.press('Escape');
  assert.equal(await page.getAttribute('#operation-search', 'aria-expanded'), 'false');
  await page.keyboard.press('Escape');
  assert.equal(await page.inputValue('#operation-search'), '');

  const again = await context.newPage();
  await again.goto(`${session.server.origin}/`);
  await again.waitForSelector('body[data-ready=true]');
  assert.equal(await again.inputValue('#version'), 'v1.0', 'the version switch is remembered');
  await context.close();
});

test('a pasted METHOD URL resolves, fills the path parameters, and says which segment does not', async () => {
  const { page, context } = await open('paste-url');
  await page.fill('#operation-search', 'PATCH https://graph.microsoft.com/v1.0/users/42');
  await waitForStatus(page, /Resolves to one operation/);
  await page.press('#operation-search', 'Enter');
  await waitForOperation(page, /^v1\.0 PATCH \/users\/\{userId\}$/);
  assert.equal(await pathParameter(page, 'userId').inputValue(), '42');
  assert.equal(await page.textContent('#operation-url'), 'https://graph.microsoft.com/v1.0/users/42');
  assert.equal(await page.inputValue('#version'), 'v1.0');

  await page.fill('#operation-search', 'GET /users/42/mailFolders/inbox/bogus');
  await waitForStatus(page, /resolves to nothing/);
  assert.equal(await page.textContent('#search-status'),
    'GET /users/42/mailFolders/inbox/bogus resolves to nothing in v1.0: "bogus" is not a property, navigation property, action or function of mailFolder.');
  assert.equal(await page.getAttribute('#operation-search', 'aria-expanded'), 'false');

  // The paste dialog resolves the same way, in the version its URL names.
  await page.click('#start-paste');
  await page.fill('#paste-text', 'POST https://graph.microsoft.com/beta/groups/7/members/$ref\nContent-Type: application/json\n\n{"@odata.id": "https://graph.microsoft.com/beta/directoryObjects/9"}');
  await validatedAfter(page, () => page.click('#paste-use'));
  await waitForOperation(page, /^POST \/groups\/\{groupId\}\/members\/\$ref$/);
  assert.equal(await pathParameter(page, 'groupId').inputValue(), '7');
  assert.equal(await summary(page), 'No problems: this body is valid.');
  await context.close();
});

test('the form alone builds a v1.0 body whose values are derived types, with no error', async () => {
  const { page, context } = await open('derived', `/?op=${encodeURIComponent('POST https://graph.microsoft.com/v1.0/identity/conditionalAccess/namedLocations')}`);
  await waitForOperation(page, /^v1\.0 POST \/identity\/conditionalAccess\/namedLocations$/);
  await page.click('#start-empty');
  await combobox(page, 'Body: kind').selectOption({ label: 'ipNamedLocation' });
  await textbox(page, 'displayName').fill('Head office');
  await checkbox(page, 'ipRanges').check();
  await form(page).getByRole('button', { name: 'Add ipRange' }).click();
  // An item of an abstract type: nothing but the kind until one is chosen.
  assert.match(await form(page).getByRole('group', { name: 'ipRanges item 1 (ipRange)' }).textContent(), /ipRange is abstract: choose a kind/);
  await combobox(page, 'ipRanges item 1: kind').selectOption({ label: 'iPv4CidrRange' });
  await textbox(page, 'cidrAddress').fill('10.0.0.0/8');
  // A Boolean's checkbox has the label of the checkbox that includes it: found by its name, the
  // value's JSON Pointer.
  const { valid } = await validatedAfter(page, () => valueControl(page, '/isTrusted').check());
  assert.equal(valid, true);
  assert.equal(await summary(page), 'No problems: this body is valid.');
  assert.deepEqual(JSON.parse(await editorText(page)), {
    '@odata.type': '#microsoft.graph.ipNamedLocation',
    displayName: 'Head office',
    ipRanges: [{ '@odata.type': '#microsoft.graph.iPv4CidrRange', cidrAddress: '10.0.0.0/8' }],
    isTrusted: true,
  });
  await page.screenshot({ path: join(outputDir, 'screenshots', 'model-derived.png'), fullPage: true });
  await context.close();
});

test('a local $metadata file drives search, form and validation; a hostile one gets a clear message', async () => {
  const { page, context, log } = await open('metadata');
  await page.click('.own-metadata summary');
  await page.fill('#service-root', 'https://library.example/odata/');
  await page.setInputFiles('#metadata-file', join(fixtures, 'metadata', 'library.csdl.xml'));
  await page.waitForFunction(() => /Loaded "library"/.test(document.getElementById('metadata-status').textContent));
  assert.equal(await page.inputValue('#version'), 'library');
  await page.keyboard.type('books');
  await waitForStatus(page, /operations in library/);
  const options = await page.$$eval('#operation-results [role=option]', (nodes) => nodes.map((n) => n.textContent.replace(/\s+/g, ' ').trim()));
  assert.ok(options.includes('POST /books Create book'), options.join('\n'));
  await page.fill('#operation-search', 'POST https://library.example/odata/books');
  await waitForStatus(page, /Resolves to one operation/);
  await page.press('#operation-search', 'Enter');
  await waitForOperation(page, /^library POST \/books$/);
  assert.equal(await page.textContent('#operation-url'), 'https://library.example/odata/books');

  // The form: a flags enum as checkboxes, an abstract complex value, an Int16, a duration.
  await page.click('#start-empty');
  await checkbox(page, 'title').check();
  await textbox(page, 'title').fill('Dune');
  await checkbox(page, 'genres').check();
  await checkbox(page, 'fiction').check();
  await checkbox(page, 'science').check();
  await checkbox(page, 'addedOn').check();
  await checkbox(page, 'shelf').check();
  await combobox(page, 'shelf: kind').selectOption({ label: 'openShelf' });
  await textbox(page, 'room').fill('East');
  const bay = form(page).getByRole('spinbutton', { name: 'bay', exact: true });
  await bay.fill('12');
  await checkbox(page, 'loanPeriod').check();
  await validatedAfter(page, () => textbox(page, 'loanPeriod').fill('P14D'));
  assert.equal(await summary(page), 'No problems: this body is valid.');
  const body = JSON.parse(await editorText(page));
  assert.equal(body.genres, 'fiction,science');
  assert.deepEqual(body.shelf, { '@odata.type': '#contoso.library.openShelf', room: 'East', bay: 12 });
  assert.equal(body.loanPeriod, 'P14D');
  assert.match(body.addedOn, /^\d{4}-\d{2}-\d{2}$/);
  assert.match(await page.textContent('#panel-request pre'), /^POST https:\/\/library\.example\/odata\/books\n/);

  // Validation against the service's model, pointing at the value: an Int16 out of range.
  await validatedAfter(page, () => bay.fill('40000'));
  const found = await page.$$eval('#diagnostics .diagnostic', (nodes) => nodes.map((n) =>
    `${n.querySelector('.code').textContent} ${n.querySelector('.pointer').textContent}`));
  assert.deepEqual(found, ['int-range /shelf/bay']);

  // Numbers the JSON has past what a JavaScript number holds keep every digit through form edits.
  await page.fill('#operation-search', 'PATCH https://library.example/odata/me');
  await waitForStatus(page, /Resolves to one operation/);
  await page.press('#operation-search', 'Enter');
  await waitForOperation(page, /^library PATCH \/me$/);
  await typeInEditor(page, '{"fines": 12345678901234567.89}');
  const fines = textbox(page, 'fines');
  assert.equal(await fines.inputValue(), '12345678901234567.89');
  await validatedAfter(page, () => fines.fill('9007199254740993.10'));
  assert.equal(await editorText(page), '{\n  "fines": 9007199254740993.10\n}');

  // A hostile file: a DOCTYPE with entities. The page says why and keeps the loaded model.
  await page.setInputFiles('#metadata-file', join(fixtures, 'metadata', 'hostile', 'billion-laughs.xml'));
  await page.waitForFunction(() => /could not be used/.test(document.getElementById('metadata-status').textContent));
  assert.match(await page.textContent('#metadata-status'), /^billion-laughs\.xml could not be used: .*DOCTYPE/);
  assert.equal(await page.inputValue('#version'), 'library');
  // Reading the file fetched only the page's own XML reader (loaded when a file is first opened).
  assert.deepEqual(log.afterReady.map((url) => url.replace(session.server.origin, '')).filter((path) => !/^\/chunk-[A-Z0-9]+\.js$/.test(path)), []);
  await context.close();
});

test('share links and ?op= work for METHOD URL addresses; embed mode too', async () => {
  const { page, context } = await open('share-address', `/?op=${encodeURIComponent('PATCH https://graph.microsoft.com/v1.0/users/42')}`);
  await waitForOperation(page, /^v1\.0 PATCH \/users\/\{userId\}$/);
  await page.click('#start-empty');
  // A type of a hundred properties has a filter; the ticked ones stay in view.
  await form(page).getByRole('searchbox', { name: /^Filter the \d+ properties of user$/ }).fill('jobti');
  assert.deepEqual(await page.$$eval('#body-form .prop:not([hidden]):not(details.parked .prop) > .prop-head .prop-name', (n) => n.map((x) => x.textContent)), ['jobTitle']);
  await checkbox(page, 'jobTitle').check();
  await validatedAfter(page, () => textbox(page, 'jobTitle').fill('Engineer'));
  await page.evaluate(() => document.getElementById('share').click());
  await page.waitForFunction(() => location.hash.startsWith('#s='));
  const link = page.url();
  const fresh = await open('share-address-restored', link, { absolute: true });
  await waitForOperation(fresh.page, /^v1\.0 PATCH \/users\/\{userId\}$/);
  assert.equal(await pathParameter(fresh.page, 'userId').inputValue(), '42');
  assert.deepEqual(JSON.parse(await editorText(fresh.page)), { jobTitle: 'Engineer' });
  await fresh.context.close();

  const embed = await open('embed-address', `/?embed&op=${encodeURIComponent('GET /beta/users/7/manager')}`, { viewport: { width: 360, height: 800 } });
  await waitForOperation(embed.page, /^GET \/users\/\{userId\}\/manager$/);
  assert.equal(await embed.page.textContent('#operation-url'), 'https://graph.microsoft.com/beta/users/7/manager');
  await embed.context.close();
  await context.close();
});

test('360 px wide: no horizontal scrolling, with a Graph-sized type and the search open', async () => {
  const { page, context } = await open('narrow', `/?op=${encodeURIComponent('PATCH https://graph.microsoft.com/v1.0/users/42')}`, { viewport: { width: 360, height: 800 } });
  await waitForOperation(page, /^v1\.0 PATCH \/users\/\{userId\}$/);
  await page.fill('#operation-search', 'deviceManagement');
  await waitForStatus(page, /operations in v1\.0/);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `the page is ${width} px wide`);
  await page.screenshot({ path: join(outputDir, 'screenshots', 'model-360.png') });
  await context.close();
});

test('axe-core finds no serious or critical violation with the search open and a v1.0 form', async () => {
  const { page, context } = await open('axe-model', `/?op=${encodeURIComponent('POST https://graph.microsoft.com/v1.0/identity/conditionalAccess/namedLocations')}`,
    { contextOptions: { bypassCSP: true } });
  await waitForOperation(page, /namedLocations$/);
  await combobox(page, 'Body: kind').selectOption({ label: 'ipNamedLocation' });
  await page.click('.own-metadata summary');
  await page.fill('#operation-search', 'incident');
  await waitForStatus(page, /operations in/);
  await page.addScriptTag({ path: join(root, 'node_modules', 'axe-core', 'axe.min.js') });
  const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`), []);
  await context.close();
});

test('<gpb-builder model> and method + url + version load the pack from the host; on file:// they say why not', async () => {
  const host = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>host</title><script src="gpb-embed.js"></script></head><body>
    <gpb-builder id="by-model" model="PATCH https://graph.microsoft.com/v1.0/users/42"></gpb-builder>
    <gpb-builder id="by-parts" method="POST" url="/identity/conditionalAccess/namedLocations" version="v1.0"></gpb-builder>
    <gpb-builder id="seed" operation="incidentTask.update"></gpb-builder>
    <gpb-builder id="elsewhere" model="GET /beta/groups" models-src="https://example.com/models/"></gpb-builder></body></html>`;
  const { page, context, log } = await open('element-model', '/element-host.html', {
    app: false, prepare: (c) => c.route('**/element-host.html', (route) => route.fulfill({ contentType: 'text/html', body: host })) });
  const shadowText = (id, selector) => page.evaluate(([i, s]) => document.getElementById(i).shadowRoot.querySelector(s)?.textContent ?? null, [id, selector]);
  await page.waitForSelector('#by-model .cm-content', { timeout: 30000 });
  await page.waitForSelector('#by-parts .cm-content', { timeout: 30000 });
  assert.equal(await shadowText('by-model', 'h2'), 'Update user');
  assert.equal(await shadowText('by-model', '.url'), 'PATCHhttps://graph.microsoft.com/v1.0/users/42');
  assert.equal(await shadowText('by-parts', '.url'), 'POSThttps://graph.microsoft.com/v1.0/identity/conditionalAccess/namedLocations');
  await typeInEditor(page, '{"accountEnabled": "yes"}', '#by-model');
  assert.match(await page.locator('#by-model ul.diagnostics').textContent(), /type-mismatch/);
  assert.equal(log.requests.filter((url) => url.endsWith('/models/v1.0.gpbm')).length, 1, 'one fetch of the pack for both elements');
  // A pack on another site is refused without asking it (the session checks no request left).
  await page.waitForSelector('#elsewhere [role=alert]');
  assert.match(await page.locator('#elsewhere [role=alert]').textContent(),
    /^gpb-builder: the beta model could not be loaded from https:\/\/example\.com\/models\/beta\.gpbm \(models-src must be on this page's own site \(http:\/\/127\.0\.0\.1:\d+\)\); without it only the seed operations are available$/);
  await context.close();

  const file = join(outputDir, 'element-v1.html');
  writeFileSync(file, host.replace('gpb-embed.js', pathToFileURL(join(site, 'gpb-embed.js')).href));
  const local = await open('element-file-v1', pathToFileURL(file).href, { app: false, absolute: true });
  await local.page.waitForFunction(() => document.getElementById('by-model').shadowRoot.querySelector('[role=alert]'), null, { timeout: 30000 });
  assert.match(await local.page.evaluate(() => document.getElementById('by-model').shadowRoot.textContent),
    /^gpb-builder: the v1\.0 model could not be loaded from models\/v1\.0\.gpbm \(.+\); without it only the seed operations are available$/);
  await local.page.waitForSelector('#seed .cm-content');
  await local.context.close();
});
