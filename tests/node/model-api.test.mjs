// The JS facade over the whole model under node: packs, resolution, describe at Graph scale, and a
// service's own metadata with its service root; answers match the native gpb command.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { loadSiteGpb } from '../site-core.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const site = join(root, 'build', 'site');
const { GpbError } = await import(join(site, 'gpb.js'));
const gpb = await loadSiteGpb();
const gpbCommand = join(root, 'build', 'native', 'gpb');
const libraryJson = readFileSync(join(root, 'tests', 'fixtures', 'metadata', 'library.csdl.json'), 'utf8');

test('a version needs its pack; then METHOD + URL resolves as the gpb command resolves it', () => {
  assert.throws(() => gpb.resolve('PATCH', '/v1.0/users/42', { version: 'v1.0' }), (e) => e instanceof GpbError && e.code === 'unknown-model');
  assert.deepEqual(gpb.loadPack('v1.0', readFileSync(join(site, 'models', 'v1.0.gpbm'), 'utf8')), { model: 'v1.0', types: 2970, complete: true });
  gpb.loadPermissions(readFileSync(join(site, 'models', 'permissions.json'), 'utf8'));
  const r = gpb.resolve('PATCH', 'https://graph.microsoft.com/v1.0/users/42', { version: 'v1.0' });
  const native = JSON.parse(execFileSync(gpbCommand, ['resolve', '--version', 'v1.0', 'PATCH', 'https://graph.microsoft.com/v1.0/users/42']).toString());
  assert.deepEqual(r, native);
  assert.equal(r.target, 'v1.0 PATCH /users/{userId}');
  assert.deepEqual(r.parameters, { userId: '42' });
  assert.equal(r.permissions.source, 'reference');
  assert.throws(() => gpb.resolve('GET', '/users/42/bogus', { version: 'v1.0' }),
    (e) => e.code === 'unresolved' && e.message === '"bogus" is not a property, navigation property, action or function of user.');
});

test('describe names the target and service root, and holds the types a body can hold, not what navigation reaches', () => {
  const m = gpb.describe('v1.0 PATCH /users/{userId}');
  assert.equal(m.target, 'v1.0 PATCH /users/{userId}');
  assert.equal(m.serviceRoot, 'https://graph.microsoft.com/v1.0');
  assert.ok(m.types['microsoft.graph.passwordProfile'], 'a complex property type');
  assert.equal(m.types['microsoft.graph.message'], undefined, 'a navigation target is not described');
  assert.ok(Object.keys(m.types).length < 60, `${Object.keys(m.types).length} types`);
  const id = m.types['microsoft.graph.user'].properties.find((p) => p.name === 'id');
  assert.equal(id.key, true);
  // Derived types of the body's type know what this operation may send.
  const named = gpb.describe('v1.0 POST /identity/conditionalAccess/namedLocations');
  const derived = named.types['microsoft.graph.ipNamedLocation'];
  assert.deepEqual(named.types['microsoft.graph.namedLocation'].derived.sort(), ['microsoft.graph.countryNamedLocation', 'microsoft.graph.ipNamedLocation']);
  assert.equal(derived.properties.find((p) => p.name === 'ipRanges').kind, 'complex');
  assert.equal(named.types['microsoft.graph.ipRange'].abstract, true);
  // A body built from the description validates: the kind chosen, one range of a derived kind.
  const body = { '@odata.type': '#microsoft.graph.ipNamedLocation', displayName: 'HQ', ipRanges: [{ '@odata.type': '#microsoft.graph.iPv4CidrRange', cidrAddress: '10.0.0.0/8' }] };
  assert.deepEqual(gpb.validate(named.target, JSON.stringify(body)).diagnostics, []);
});

test('a service\'s own metadata: its name, service root, flags enums and URLs', () => {
  const name = gpb.loadMetadata(libraryJson, { name: 'library-node', serviceRoot: 'https://library.example/odata/' });
  assert.equal(name, 'library-node');
  const r = gpb.resolve('POST', 'https://library.example/odata/books', { version: name });
  assert.equal(r.target, 'library-node POST /books');
  const m = gpb.describe(r.target);
  assert.equal(m.serviceRoot, 'https://library.example/odata');
  assert.deepEqual(m.enums['contoso.library.genre'], { name: 'contoso.library.genre', shortName: 'genre', flags: true, members: ['fiction', 'history', 'science'] });
  assert.equal(gpb.request(r.target, '{}', {}).url, 'https://library.example/odata/books');
  assert.deepEqual(gpb.operations({ version: name, search: 'checkout' }).map((o) => `${o.method} ${o.path}`), ['POST /books/{bookId}/checkout']);
  assert.throws(() => gpb.loadMetadata(libraryJson, { name: 'library-bad', serviceRoot: 'library.example' }),
    (e) => e.code === 'bad-metadata' && e.message === 'the service root must start with https:// or http://');
});

test('complete and hover through the facade: UTF-16 offsets, text that does not parse, a bad target', () => {
  const text = '{"description": "é😀", "st';
  const c = gpb.complete('incidentTask.update', text, text.length);
  assert.deepEqual({ from: c.from, to: c.to, labels: c.items.map((i) => i.label) }, { from: 23, to: 26, labels: ['status'] });
  assert.deepEqual(c.items[0], { label: 'status', insert: '"status": ""', cursor: 11, detail: 'incidentTaskStatus', info: 'Current task status.', kind: 'property', section: 1 });
  // The same in another model through { version }, and a member of a flags enum inside its string.
  const flags = '{"genres": "fiction,h"}';
  assert.deepEqual(gpb.complete('POST /books', flags, flags.length - 2, { version: 'library-node' }).items.map((i) => i.insert), ['"fiction,history"']);
  const h = gpb.hover('incidentTask.update', '{"status": "Done"}', 13);
  assert.equal(h.title, 'status: incidentTaskStatus');
  assert.deepEqual(h.diagnostics.map((d) => [d.code, d.from, d.to]), [['enum-value', 11, 17]]);
  assert.deepEqual(gpb.hover('incidentTask.update', '{ }', 1), { from: null });
  // Offsets past the end, negative or not numbers are clamped; a lone surrogate is no exception.
  assert.equal(gpb.complete('incidentTask.update', '{"st', 99).to, 4);
  assert.equal(gpb.complete('incidentTask.update', '{"st', -5).items.length, 0);
  assert.ok(Array.isArray(gpb.complete('incidentTask.update', '{"\uD800st', 4).items));
  assert.throws(() => gpb.complete('no.such', '{}', 1), (e) => e instanceof GpbError && e.code === 'unknown-operation');
});

test('a pack and the permissions reference load from their bytes as from their text; bytes that are not UTF-8 read as U+FFFD', async () => {
  const fromText = await loadSiteGpb();
  const fromBytes = await loadSiteGpb();
  const pack = readFileSync(join(site, 'models', 'v1.0.gpbm'));  // a Buffer: a Uint8Array
  const permissions = readFileSync(join(site, 'models', 'permissions.json'));
  assert.deepEqual(fromBytes.loadPack('v1.0', pack), fromText.loadPack('v1.0', pack.toString('utf8')));
  const arrayBuffer = permissions.buffer.slice(permissions.byteOffset, permissions.byteOffset + permissions.length);
  assert.deepEqual(fromBytes.loadPermissions(arrayBuffer), fromText.loadPermissions(permissions.toString('utf8')));
  const users = 'v1.0 PATCH /users/{userId}';
  assert.deepEqual(fromBytes.resolve('PATCH', '/users/42', { version: 'v1.0' }), fromText.resolve('PATCH', '/users/42', { version: 'v1.0' }));
  assert.deepEqual(fromBytes.describe(users), fromText.describe(users));
  // A view into a larger buffer (here a DataView) hands over its own bytes only.
  const padded = new Uint8Array(permissions.length + 8).fill(0x7b);
  padded.set(permissions, 4);
  assert.deepEqual(fromBytes.loadPermissions(new DataView(padded.buffer, 4, permissions.length)), { loaded: true });
  assert.deepEqual(fromBytes.resolve('PATCH', '/users/42', { version: 'v1.0' }), fromText.resolve('PATCH', '/users/42', { version: 'v1.0' }));

  // A byte that is not UTF-8 in a property's name: every answer shows it as U+FFFD.
  const broken = Buffer.from(pack);
  broken[broken.indexOf('\nP\taboutMe\t') + 5] = 0xff;
  assert.deepEqual(fromBytes.loadPack('v1.0', broken), { model: 'v1.0', types: 2970, complete: true });
  assert.ok(fromBytes.describe(users).types['microsoft.graph.user'].properties.some((p) => p.name === 'ab\ufffdutMe'));
  const [finding] = fromBytes.validate(users, '{"aboutMe": "x"}').diagnostics;
  assert.equal(finding.suggestion, '"ab\ufffdutMe"');
  assert.deepEqual(fromBytes.complete(users, '{"ab', 4).items[0].label, 'ab\ufffdutMe');
  assert.throws(() => fromBytes.loadPermissions(Buffer.from('{"permissions": {"A\xff": {}}}', 'latin1')),
    (e) => e.code === 'bad-permissions' && e.message === 'not a permissions reference (at byte 19: This is not valid JSON: the text is not valid UTF-8 here.)');
  assert.equal(fromBytes.validate('incidentTask.update', '{"status": "open"}').valid, true);
});

test('a permissions reference of another shape loads where it fits; one that is not JSON is refused; the module keeps answering', async () => {
  const own = await loadSiteGpb();
  own.loadPack('v1.0', readFileSync(join(site, 'models', 'v1.0.gpbm'), 'utf8'));
  // A privilege level that is not a number (the reader before this one aborted the module here).
  const odd = '{"permissions": {"Odd.All": {"pathSets": [{"methods": ["PATCH"], "paths": {"/users/{id}": "least=Application"},'
    + ' "schemeKeys": ["Application"]}], "schemes": {"Application": {"privilegeLevel": "x"}}}}}';
  assert.deepEqual(own.loadPermissions(odd), { loaded: true });
  assert.deepEqual(own.resolve('PATCH', '/users/42', { version: 'v1.0' }).permissions,
    { source: 'reference', delegatedWork: [], delegatedPersonal: [], application: ['Odd.All'] });
  assert.throws(() => own.loadPermissions('{"permissions": {'), (e) => e instanceof GpbError && e.code === 'bad-permissions'
    && e.message === 'not a permissions reference (at byte 17: This is not valid JSON: the text ends where a member name is expected.)');
  assert.equal(own.validate('securityConfigurationTask.create', '{}').diagnostics.length, 9);
});
