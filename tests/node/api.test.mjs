// The JS API of build/site/gpb.js under node, and byte-identical results from the native gpb command.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { pageBodies } from '../seed-pages.mjs';
import { loadSiteGpb, createSiteCore } from '../site-core.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const site = join(root, 'build', 'site');
const fixtureDir = join(root, 'tests', 'fixtures');
const gpbCommand = join(root, 'build', 'native', 'gpb');
const { GpbError } = await import(join(site, 'gpb.js'));
const gpb = await loadSiteGpb();
const core = await createSiteCore();

const OPERATIONS = ['securityConfigurationTask.create', 'securityConfigurationTask.update', 'securityAction.update', 'incidentTask.update'];

const seeds = {
  '000_79e0a18590ba6f35.txt': 'securityConfigurationTask.update',
  '001_ec43082713dfce17.txt': 'securityConfigurationTask.create',
  '002_8c5f0cb97011c803.txt': 'securityConfigurationTask.create',
  '003_6135de15af08706f.txt': 'securityAction.update',
  '004_70f29e99f84360ef.txt': 'incidentTask.update',
};

test('operations() lists the four operations with their method, path and version', () => {
  const ops = gpb.operations();
  assert.deepEqual(ops.map((o) => o.id), OPERATIONS);
  const incident = ops.find((o) => o.id === 'incidentTask.update');
  assert.equal(incident.method, 'PATCH');
  assert.equal(incident.path, '/security/incidentTasks/{incidentTaskId}');
  assert.equal(incident.version, 'beta');
  assert.equal(incident.title, 'Update incidentTask');
});

test('describe() gives the model a form is built from', () => {
  const model = gpb.describe('incidentTask.update');
  assert.deepEqual(model.updatable, ['status']);
  assert.deepEqual(model.pathParameters, ['incidentTaskId']);
  const task = model.types['microsoft.graph.security.incidentTask'];
  const status = task.properties.find((p) => p.name === 'status');
  assert.equal(status.kind, 'enum');
  assert.equal(status.send, 'yes');
  const incident = task.properties.find((p) => p.name === 'incident');
  assert.equal(incident.send, 'no');
  assert.match(incident.reason, /navigation/);
  assert.equal(task.properties.find((p) => p.name === 'displayName').send, 'no');
  assert.deepEqual(model.enums['microsoft.graph.security.incidentTaskStatus'].members,
    ['open', 'inProgress', 'completed', 'failed', 'notRelevant', 'unknownFutureValue']);
  const action = gpb.describe('securityAction.update');
  assert.match(action.caveats[0], /^Undocumented operation/);
  assert.equal(gpb.describe('securityConfigurationTask.create').odataType, '#microsoft.graph.securityConfigurationTask');
});

test('validate() returns the section 5 result with located diagnostics', () => {
  const result = gpb.validate('incidentTask.update', '{\n  "status": "Complete"\n}');
  assert.equal(result.operation, 'incidentTask.update');
  assert.equal(result.direction, 'request');
  assert.equal(result.valid, false);
  assert.deepEqual(result.diagnostics, [{
    severity: 'error', code: 'enum-value', pointer: '/status', line: 2, column: 13, endLine: 2, endColumn: 23,
    message: '"Complete" is not a member of incidentTaskStatus (members are case-sensitive: open, inProgress, completed, failed, notRelevant). Did you mean "completed"?',
    suggestion: '"completed"',
  }]);
  // A member in another case is a warning: many services take it, OData says they need not.
  const cased = gpb.validate('incidentTask.update', '{"status": "Completed"}');
  assert.equal(cased.valid, true);
  assert.deepEqual(cased.diagnostics.map((d) => [d.severity, d.code, d.suggestion]), [['warning', 'enum-value', '"completed"']]);
  const response = gpb.validate('incidentTask.update', '{"value": []}', { response: true });
  assert.equal(response.direction, 'response');
  assert.equal(response.diagnostics[0].code, 'value-envelope');
});

test('columns are UTF-16 code units, as JS strings count them', () => {
  const text = '{"displayName": "😀漢字", "status": "Open"}';
  const d = gpb.validate('incidentTask.update', text).diagnostics.find((x) => x.code === 'enum-value');
  assert.equal(text.slice(d.column - 1, d.endColumn - 1), '"Open"');
});

test('example() bodies validate with no diagnostics; response() of them validates as a response', () => {
  for (const id of OPERATIONS) {
    for (const full of [false, true]) {
      const body = gpb.example(id, { full });
      assert.deepEqual(gpb.validate(id, body).diagnostics, [], `${id} full=${full}`);
      const response = gpb.response(id, body);
      assert.deepEqual(gpb.validate(id, response.body, { response: true }).diagnostics, [], `${id} response`);
      assert.equal(response.headers['Content-Length'], String(Buffer.byteLength(response.body)));
    }
  }
});

test('request() builds the URL, the headers and the byte count', () => {
  const body = '{"status": "completed", "note": "café"}';
  const r = gpb.request('incidentTask.update', body, { incidentTaskId: 'a/b c' });
  assert.equal(r.method, 'PATCH');
  assert.equal(r.url, 'https://graph.microsoft.com/beta/security/incidentTasks/a%2Fb%20c');
  assert.deepEqual(r.headers, { Authorization: 'Bearer {token}', 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(body)) });
  assert.equal(r.body, body);
  assert.ok(r.raw.endsWith(`\n\n${body}`));
});

test('parseRequest() selects the operation and never returns a real token', () => {
  const parsed = gpb.parseRequest('PATCH https://graph.microsoft.com/beta/security/incidentTasks/213213\nAuthorization: Bearer eyJhbGciOi.secret.part\n\n{"status": "completed"}');
  assert.equal(parsed.operation, 'incidentTask.update');
  assert.deepEqual(parsed.parameters, { incidentTaskId: '213213' });
  assert.equal(parsed.tokenRedacted, true);
  assert.equal(JSON.stringify(parsed).includes('secret'), false);
});

test('lintPage() gives each example with its findings in page lines', () => {
  const page = gpb.lintPage(readFileSync(join(fixtureDir, 'seeds', '004_70f29e99f84360ef.txt'), 'utf8'), { path: 'seed-004' });
  assert.equal(page.path, 'seed-004');
  assert.equal(page.examples.length, 2);
  const [request, response] = page.examples;
  assert.equal(request.operation, 'incidentTask.update');
  assert.equal(request.url, 'https://graph.microsoft.com/beta/security/incidentTasks/213213');
  assert.equal(request.body, '{\n"status": "completed"\n}');
  assert.deepEqual(response.diagnostics.map((d) => [d.code, d.line, d.column]), [['enum-value', 53, 11]]);
});

test('errors are raised as GpbError with a stable code', () => {
  assert.throws(() => gpb.describe('nope.update'), (e) => e instanceof GpbError && e.code === 'unknown-operation');
  assert.throws(() => gpb.validate('nope.update', '{}'), GpbError);
  assert.throws(() => gpb.parseRequest('hello'), (e) => e.code === 'not-a-request');
});

test('hostile input gives diagnostics and the module keeps answering', () => {
  const cases = ['', '\u0000', '{"a": "\ud800"}', '['.repeat(100000), `{"n": ${'9'.repeat(10000)}}`, '{"__proto__": {"x": 1}, "constructor": {}}'];
  for (const text of cases) {
    const result = gpb.validate('securityAction.update', text);
    assert.ok(result.diagnostics.length > 0, JSON.stringify(text.slice(0, 20)));
  }
  assert.equal(gpb.validate('incidentTask.update', '{"status": "open"}').valid, true);
});

test('a lone surrogate from JS is pointed at, not replaced; text around it keeps its columns', () => {
  const [d] = gpb.validate('incidentTask.update', '{"displayName": "ab\udc00c"}').diagnostics;
  assert.equal(d.code, 'json-syntax');
  assert.equal(d.column, 20);
  assert.match(d.message, /lone UTF-16 surrogate/);
  const emoji = gpb.validate('incidentTask.update', '{"x😀": 1, "status": "nope"}').diagnostics;
  assert.deepEqual(emoji.map((x) => [x.code, x.column]), [['unknown-property', 2], ['enum-value', 22]]);
  // Non-ASCII text before it needs more room than one byte per character: nothing may be cut off.
  const wide = gpb.validate('incidentTask.update', `{"displayName": "${'é'.repeat(40)}\ud800"}`).diagnostics;
  assert.deepEqual(wide.map((x) => [x.code, x.column]), [['json-syntax', 58]]);
  for (const text of ['{"displayName": "a\ud800", "status": "Open"}', '{"displayName": "\udc00a", "status": "Open"}']) {
    const { diagnostics } = gpb.validate('incidentTask.update', text);
    assert.deepEqual(diagnostics.map((d) => d.code), ['json-syntax']);
    assert.match(diagnostics[0].message, /lone UTF-16 surrogate/);
  }
});

// (Embind's string path, core.validate, is the JSON answer; a lone surrogate is left out: that path
// gets it as U+FFFD, see "a lone surrogate from JS is pointed at".)
test('the record gpb.validate reads is the JSON answer, object for object, whatever the strings hold', () => {
  const pieces = ['"status"', '"String"', '"x\u202ey"', '"\u202e"', '"a\\u0000b"', '"é😀"', '"\\"\\\\"', '"\t"', '"@odata.type"',
    '"microsoft.graph.x"', '"#microsoft.graph.keyValuePair"', '1', 'null', '[', ']', '{', '}', ':', ',', ' ', '\n'];
  let seed = 9;
  const pick = () => pieces[(seed = (seed * 48271) % 2147483647) % pieces.length];
  for (let round = 0; round < 3000; round += 1) {
    const text = `{${Array.from({ length: 1 + (round % 12) }, pick).join('')}`;
    for (const op of ['securityAction.update', 'securityConfigurationTask.create']) {
      assert.deepEqual(gpb.validate(op, text), JSON.parse(core.validate(op, text, false)), JSON.stringify(text));
    }
  }
  assert.deepEqual(gpb.validate('securityAction.update', '{}', { response: true }), JSON.parse(core.validate('securityAction.update', '{}', true)));
});

test('a whole-text check whose strings are those of the check before it says so; the answers stay exact', () => {
  const SAME_TEXT = 4;
  const flagsOf = (op, text) => {
    const bytes = new TextEncoder().encode(op + text);
    const address = core._gpb_input(bytes.length);
    core.HEAPU8.set(bytes, address);
    const record = core._gpb_validate_input(op.length, bytes.length - op.length, 0);
    return new DataView(core.HEAPU8.buffer, record, 8).getUint32(4, true);
  };
  const op = 'incidentTask.update';
  const wrong = '{"status": "nope"}';
  const moved = '{\n  "status":   "nope"\n}';  // the same finding at another line and column
  assert.equal(flagsOf(op, wrong) & SAME_TEXT, 0);
  assert.equal(flagsOf(op, wrong) & SAME_TEXT, SAME_TEXT);
  assert.equal(flagsOf(op, moved) & SAME_TEXT, SAME_TEXT);
  assert.equal(flagsOf(op, '{"status": "open"}'), 1);  // valid, and other strings
  assert.equal(flagsOf(op, '{"status": "open"}'), 1 | SAME_TEXT);
  assert.equal(flagsOf(op, wrong) & SAME_TEXT, 0);
  assert.equal(flagsOf('securityAction.update', wrong) & SAME_TEXT, 0);  // another operation's name

  // Through gpb.validate, mixed with a held body's checks (each keeps its own last text): every
  // answer is the JSON answer, whether its text was decoded or reused.
  const body = gpb.openBody();
  body.setText('{"displayName": 1}');
  const sequence = [wrong, wrong, moved, '{"status": "open"}', wrong, '{"displayName": 2}', '{"displayName": 2}', wrong];
  for (const text of sequence) {
    assert.deepEqual(gpb.validate(op, text), JSON.parse(core.validate(op, text, false)), text);
    assert.deepEqual(body.validate(op), JSON.parse(core.validate(op, '{"displayName": 1}', false)));
  }
  body.close();
});

test('a lone surrogate outside validate reads as U+FFFD: nothing after it is lost', () => {
  assert.equal(gpb.request('incidentTask.update', '{}', { incidentTaskId: 'a\ud800' }).url,
    'https://graph.microsoft.com/beta/security/incidentTasks/a%EF%BF%BD');
});

test('a 20 MB body and a million keys give a limit diagnostic; the heap does not keep growing', () => {
  const heap = () => core.HEAP8.buffer.byteLength;
  const big = `{"description": "${'x'.repeat(20 * 1024 * 1024)}"}`;
  assert.deepEqual(gpb.validate('incidentTask.update', big).diagnostics.map((d) => d.code), ['limit']);
  const keys = `{${Array.from({ length: 1000000 }, (_, i) => `"k${i}":0`).join(',')}}`;
  assert.deepEqual(gpb.validate('securityAction.update', keys).diagnostics.map((d) => d.code), ['limit']);
  for (let i = 0; i < 1000; i += 1) core.validate('securityAction.update', '{"status": "String"}', false);
  const before = heap();
  for (let i = 0; i < 5000; i += 1) core.validate('securityAction.update', '{"status": "String"}', false);
  assert.equal(heap(), before);
  assert.equal(gpb.validate('incidentTask.update', '{"status": "open"}').valid, true);
});

// Fixtures: every seed body in both directions, the examples, and some bad input.
function fixtures() {
  const list = [];
  for (const [file, op] of Object.entries(seeds)) {
    const [request, response] = pageBodies(readFileSync(join(fixtureDir, 'seeds', file), 'utf8'));
    list.push({ op, text: request, response: false }, { op, text: response, response: true });
  }
  for (const op of OPERATIONS) list.push({ op, text: gpb.example(op, { full: true }), response: false });
  list.push({ op: 'incidentTask.update', text: '', response: false });
  list.push({ op: 'incidentTask.update', text: '{"status": tru}', response: false });
  list.push({ op: 'incidentTask.update', text: '{"displayName": "😀漢字 \\u0007", "status": "Open"}', response: false });
  for (const name of readdirSync(join(fixtureDir, 'JSONTestSuite', 'test_parsing')).slice(0, 60)) {
    list.push({ op: 'securityAction.update', text: readFileSync(join(fixtureDir, 'JSONTestSuite', 'test_parsing', name), 'latin1'), response: false, binary: join(fixtureDir, 'JSONTestSuite', 'test_parsing', name) });
  }
  return list;
}

test('the native command and the wasm module give byte-identical JSON', () => {
  for (const fixture of fixtures()) {
    const args = ['check', '--op', fixture.op, '--format', 'json'];
    if (fixture.response) args.push('--response');
    let native;
    const input = fixture.binary ? readFileSync(fixture.binary) : fixture.text;
    try {
      native = execFileSync(gpbCommand, [...args, '-'], { input });
    } catch (error) {
      native = error.stdout;  // exit status 1 when errors are found
    }
    const text = fixture.binary ? readFileSync(fixture.binary).toString('utf8') : fixture.text;
    if (fixture.binary && !Buffer.from(text, 'utf8').equals(input)) continue;  // not UTF-8: JS strings cannot carry it as is
    const wasm = core.validate(fixture.op, text, fixture.response);
    assert.equal(native.toString('utf8').trimEnd(), wasm, `${fixture.op} ${fixture.binary ?? fixture.text.slice(0, 40)}`);
  }
});
