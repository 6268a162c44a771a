// Completion and hover in the page's editor and in <gpb-builder>, in headless Chromium: typing a
// body with the keyboard and the completion list alone, hover facts, and no request leaving.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { browserSession, editorText, outputDir, root } from './harness.mjs';

const { open } = browserSession();

const options = (page, within = '#body-editor') => page.locator(`${within} .cm-tooltip-autocomplete li`).allTextContents();

// CodeMirror takes keys for a completion list only 75 ms after it opens or changes (keys pressed
// before then were not meant for it): the pause a person makes before choosing.
const pauseBeforeChoosing = (page) => page.waitForTimeout(150);

async function clearEditor(page, within = '#body-editor') {
  await page.locator(`${within} .cm-content`).click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
}

test('type {"st, accept status, pick an enum member: a body with no error, by keyboard alone', async () => {
  const { page, context } = await open('complete', '/?op=incidentTask.update', { contextOptions: { bypassCSP: true } });
  await clearEditor(page);
  await page.keyboard.type('{"st');
  // The list follows typing: it is for the last key once it offers status alone.
  await page.waitForFunction(() => [...document.getElementById('body-editor').shadowRoot.querySelectorAll('.cm-tooltip-autocomplete li')]
    .map((li) => li.textContent).join('\n') === 'statusincidentTaskStatus');
  assert.deepEqual(await options(page), ['statusincidentTaskStatus']);
  assert.equal(await page.locator('#body-editor .cm-completionInfo').textContent(), 'Current task status.');
  await pauseBeforeChoosing(page);
  await page.keyboard.press('Enter');
  assert.equal(await editorText(page), '{"status": ""}');
  // The value's list opens by itself: the enum's members, without the sentinel.
  await page.waitForFunction(() => document.getElementById('body-editor').shadowRoot.querySelectorAll('.cm-tooltip-autocomplete li').length === 5);
  assert.deepEqual((await options(page)).map((o) => o.replace('incidentTaskStatus', '')), ['open', 'inProgress', 'completed', 'failed', 'notRelevant']);
  // axe with the list open.
  await page.addScriptTag({ path: join(root, 'node_modules', 'axe-core', 'axe.min.js') });
  const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  assert.deepEqual(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id), []);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  assert.equal(await editorText(page), '{"status": "completed"}');
  await page.waitForFunction(() => /No problems/.test(document.getElementById('diagnostics-summary').textContent));
  // Ctrl+I says what is at the cursor, in the page.
  await page.keyboard.press('Control+i');
  assert.match(await page.textContent('#cursor-info'), /^status: incidentTaskStatus Members: open, inProgress, completed, failed, notRelevant\. Current task status\./);
  // Ctrl+Space asks where nothing opens by itself; a member already there is not offered again.
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Control+Space');
  await page.waitForTimeout(300);  // nothing to wait for: time in which a list would have opened
  assert.equal(await page.locator('#body-editor .cm-tooltip-autocomplete').count(), 0);
  await page.screenshot({ path: join(outputDir, 'screenshots', 'assist-complete.png') });
  await context.close();
});

test('hover shows the type, facts, members, description and the finding with its fix', async () => {
  const { page, context } = await open('hover', '/?op=incidentTask.update');
  await clearEditor(page);
  await page.keyboard.type('{"status": "Completed"');
  await page.keyboard.press('Escape');
  // The page has validated the whole text (the finding names all of "Completed").
  await page.waitForFunction(() => [...document.querySelectorAll('#diagnostics .message')].some((m) => m.textContent.startsWith('"Completed" differs')));
  // The mouse over the value: where its text is drawn.
  const box = await page.locator('#body-editor .cm-content').evaluate((content) => {
    const walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.data.indexOf('Completed');
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + 4);
      const r = range.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    }
    return null;
  });
  await page.mouse.move(box.x, box.y);
  const tooltip = page.locator('#body-editor .gpb-hover');
  await tooltip.waitFor();
  assert.equal(await tooltip.locator('strong').textContent(), 'status: incidentTaskStatus');
  assert.equal(await tooltip.locator('.gpb-hover-facts').textContent(), 'not nullable');
  assert.match(await tooltip.locator('.gpb-hover-diagnostic').textContent(), /^warning enum-value: "Completed" .*Apply fix: "completed"$/);
  await tooltip.locator('.gpb-hover-fix').click();
  assert.equal(await editorText(page), '{"status": "completed"}');
  await context.close();
});

test('<gpb-builder> completes in its own editor too', async () => {
  const { page, context } = await open('element-complete', '/embed-demo.html', { app: false });
  await page.waitForSelector('gpb-builder .cm-content');
  await clearEditor(page, 'gpb-builder');
  await page.keyboard.type('{"st');
  await page.waitForSelector('gpb-builder .cm-tooltip-autocomplete');
  // Accepting also replaces what was typed since the list was made.
  await pauseBeforeChoosing(page);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('gpb-builder').value === '{"status": ""}');
  await page.waitForFunction(() => document.querySelector('gpb-builder').shadowRoot
    .querySelector('.editor').shadowRoot.querySelectorAll('.cm-tooltip-autocomplete li').length === 5);
  await pauseBeforeChoosing(page);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('gpb-builder').value === '{"status": "open"}');
  assert.match(await page.locator('gpb-builder h2', { hasText: 'Diagnostics' }).textContent(), /\(valid\)/);
  await context.close();
});
