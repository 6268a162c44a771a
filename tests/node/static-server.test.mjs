// scripts/static-server.mjs answers a bad path with 400 or 404 and keeps serving; nothing outside its root is served.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

async function freePort() {
  return new Promise((done) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
  });
}

// A raw GET (no client-side normalization of the path).
function get(port, path, headers = {}) {
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET', headers }, (res) => {
      let body = '';
      res.on('data', (chunk) => { body += chunk; });
      res.on('end', () => done({ status: res.statusCode, body, headers: res.headers }));
    });
    req.on('error', fail);
    req.end();
  });
}

test('a bad path gets 400 or 404, the server keeps serving, and a sibling folder stays out of reach', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gpb-static-'));
  mkdirSync(join(dir, 'site'));
  mkdirSync(join(dir, 'site2'));
  writeFileSync(join(dir, 'site', 'index.html'), '<!doctype html><title>ok</title>');
  writeFileSync(join(dir, 'site2', 'secret.txt'), 'secret');
  const port = await freePort();
  const server = spawn(process.execPath, [join(root, 'scripts', 'static-server.mjs'), join(dir, 'site'), String(port)],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    await new Promise((ready) => server.stdout.once('data', ready));
    assert.equal((await get(port, '/%')).status, 400);
    assert.equal((await get(port, '/%E0%A4%A')).status, 400);
    assert.equal((await get(port, '/a%00b')).status, 400);
    for (const path of ['/..%2fsite2/secret.txt', '/%2e%2e/site2/secret.txt', '/../site2/secret.txt', '/..%5csite2%5csecret.txt']) {
      const answer = await get(port, path);
      assert.notEqual(answer.body, 'secret', path);
      assert.ok([400, 404].includes(answer.status), `${path}: ${answer.status}`);
    }
    assert.equal((await get(port, '/nothing-here')).status, 404);
    const page = await get(port, '/');
    assert.equal(page.status, 200);
    assert.match(page.body, /<title>ok<\/title>/);
    assert.equal(page.headers['content-length'], String(page.body.length));
    // Asked again with its tag, an unchanged file comes back 304 and empty.
    const again = await get(port, '/', { 'If-None-Match': page.headers.etag });
    assert.equal(again.status, 304);
    assert.equal(again.body, '');
    assert.equal((await get(port, '/', { 'If-None-Match': '"other"' })).status, 200);
    assert.equal(server.exitCode, null);
  } finally {
    server.kill();
  }
});
