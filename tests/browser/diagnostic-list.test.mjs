// The one diagnostic list in its three places, in headless Chromium: the page, its docs mode and
// <gpb-builder> show an entry alike (severity, code, line:column, JSON Pointer and message in a
// button that selects the range; a fix button for a suggestion), and each selects and fixes there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { browserSession, editorText, typeInEditor, diagnosticCodes, diagnosticEntries, fixtures, outputDir } from './harness.mjs';

const { open } = browserSession();

// The same entry in the page and in the element.
const COMPLETED = {
  text: 'warning enum-value 2:13 /status "Completed" differs from the member "completed" of incidentTaskStatus only in case: OData members are case-sensitive, and some services reject it. Write "completed".',
  fix: 'Apply fix: "completed"',
};

// The text selected in the page's editor, and in the element's.
const selectedInPage = (page) => page.evaluate(() => document.getElementById('body-editor').shadowRoot.getSelection().toString());
const selectedInElement = (page) => page.evaluate(() =>
  document.querySelector('gpb-builder').shadowRoot.querySelector('.editor').shadowRoot.getSelection().toString());

test('the page: an entry says what and where; it selects its range; its fix is one click', async () => {
  const { page, context } = await open('page', '/?op=incidentTask.update');
  await typeInEditor(page, '{\n  "status": "Completed"\n}');
  assert.deepEqual(await diagnosticEntries(page.locator('#diagnostics')), [COMPLETED]);
  await page.getByRole('button', { name: COMPLETED.text }).click();
  assert.equal(await selectedInPage(page), '"Completed"');
  await page.getByRole('button', { name: COMPLETED.fix }).click();
  assert.equal(await editorText(page), '{\n  "status": "completed"\n}');
  assert.deepEqual(await diagnosticCodes(page), []);
  await context.close();
});

test('the docs mode: entries in the page\'s own lines; one of the page itself has no pointer; a fix edits the page text', async () => {
  const { page, context } = await open('docs');
  await page.click('#mode-docs');
  await page.fill('#docs-text', readFileSync(join(fixtures, 'seeds', '003_6135de15af08706f.txt'), 'utf8'));
  await page.waitForFunction(() => /examples/.test(document.getElementById('docs-summary').textContent));
  const entries = await diagnosticEntries(page.locator('#docs-results ul.diagnostics'));
  assert.deepEqual(entries[1], {
    text: 'warning permissions-mismatch 19:1 The permissions for Delegated (work or school account) are marked TODO; the model has: SecurityActions.ReadWrite.All.',
    fix: null,
  });
  const placeholder = 'error enum-value 103:17 /states/0/status "String" is not a member of operationStatus (members are case-sensitive: NotStarted, Running, Completed, Failed). "String" is the docs\' placeholder, not a value.';
  assert.ok(entries.some((e) => e.text === placeholder && e.fix === null), placeholder);
  await page.getByRole('button', { name: placeholder }).click();
  assert.equal(await page.evaluate(() => {
    const t = document.getElementById('docs-text');
    return t.value.slice(t.selectionStart, t.selectionEnd);
  }), '"String"');
  // The fix goes into the page text, which is checked again.
  const format = {
    text: 'warning odata-type-format 96:22 /parameters/0/@odata.type "@odata.type" values start with \'#\': write "#microsoft.graph.keyValuePair".',
    fix: 'Apply fix: "#microsoft.graph.keyValuePair"',
  };
  assert.ok(entries.some((e) => e.text === format.text && e.fix === format.fix), format.text);
  const entry = page.locator('#docs-results .diagnostic', { hasText: format.text });
  await entry.getByRole('button', { name: format.fix }).click();
  assert.equal((await page.inputValue('#docs-text')).split('\n')[95], '      "@odata.type": "#microsoft.graph.keyValuePair",');
  assert.equal(await entry.count(), 0);
  await context.close();
});

test('<gpb-builder>: the same entries, selecting and fixing in its own editor', async () => {
  const { page, context } = await open('element', '/embed-demo.html', { app: false });
  await page.waitForSelector('gpb-builder .cm-content');
  const list = page.locator('gpb-builder ul.diagnostics');
  await typeInEditor(page, '{"status": "Done"}', 'gpb-builder');
  const done = 'error enum-value 1:12 /status "Done" is not a member of incidentTaskStatus (members are case-sensitive: open, inProgress, completed, failed, notRelevant).';
  assert.deepEqual(await diagnosticEntries(list), [{ text: done, fix: null }]);
  await list.getByRole('button', { name: done }).click();
  assert.equal(await selectedInElement(page), '"Done"');
  await typeInEditor(page, '{\n  "status": "Completed"\n}', 'gpb-builder');
  assert.deepEqual(await diagnosticEntries(list), [COMPLETED]);
  await page.screenshot({ path: join(outputDir, 'screenshots', 'element-diagnostics.png'), fullPage: true });
  await list.getByRole('button', { name: COMPLETED.fix }).click();
  assert.equal(await page.evaluate(() => document.querySelector('gpb-builder').value), '{\n  "status": "completed"\n}');
  assert.deepEqual(await diagnosticEntries(list), []);
  await context.close();
});
