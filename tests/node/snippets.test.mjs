// The generated curl and Python snippets, run against a local echo server: a hostile body arrives
// byte for byte. (The server lives on 127.0.0.1 inside this test only.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, rmSync } from 'node:fs';

// The echo server runs in this process, so the snippets run without blocking its event loop.
const run = promisify(execFile);
import { curlSnippet, pythonSnippet, powerShellSnippet, javaScriptSnippet } from '../../web/app/snippets.js';

const HOSTILE = `{"displayName": "it's \\"quoted\\" $(touch /tmp/gpb-pwned) \`id\` $HOME %s \\\\ back\\nslash",\n  "note": "<script>alert(1)</script> ünïcødé 😀 \\u202e",\n  "x": "'; DROP TABLE t; --"}`;

let server;
let received = [];
let origin;

before(async () => {
  server = createServer((request, response) => {
    const chunks = [];
    request.on('data', (c) => chunks.push(c));
    request.on('end', () => {
      received.push({ method: request.method, url: request.url, headers: request.headers, body: Buffer.concat(chunks) });
      response.writeHead(200, { 'Content-Type': 'application/json' }).end('{}');
    });
  });
  await new Promise((ready) => server.listen(0, '127.0.0.1', ready));
  origin = `http://127.0.0.1:${server.address().port}`;
});

after(() => server.closeAllConnections?.() ?? server.close());

const request = () => ({
  method: 'PATCH',
  url: `${origin}/beta/security/incidentTasks/a%2Fb`,
  headers: { Authorization: 'Bearer {token}', 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(HOSTILE)) },
  body: HOSTILE,
});

function python() {
  for (const candidate of ['python3', '/usr/bin/python3']) {
    try {
      execFileSync(candidate, ['-c', 'import requests']);
      return candidate;
    } catch { /* try the next */ }
  }
  return null;
}

test('curl: the body arrives byte for byte, and nothing in it runs', async () => {
  received = [];
  rmSync('/tmp/gpb-pwned', { force: true });
  await run('bash', ['-c', curlSnippet(request())]);
  assert.equal(existsSync('/tmp/gpb-pwned'), false, 'the $(...) in the body did not run');
  assert.equal(received.length, 1);
  assert.equal(received[0].method, 'PATCH');
  assert.equal(received[0].url, '/beta/security/incidentTasks/a%2Fb');
  assert.equal(received[0].headers.authorization, 'Bearer {token}');
  assert.ok(received[0].body.equals(Buffer.from(HOSTILE, 'utf8')));
});

test('Python requests: the body arrives byte for byte', async () => {
  const interpreter = python();
  assert.ok(interpreter, 'python3 with requests is installed by scripts/setup.sh');
  received = [];
  await run(interpreter, ['-c', pythonSnippet(request())]);
  assert.equal(received.length, 1);
  assert.equal(received[0].method, 'PATCH');
  assert.ok(received[0].body.equals(Buffer.from(HOSTILE, 'utf8')));
});

test('PowerShell and JavaScript snippets quote the body as data', () => {
  const ps = powerShellSnippet(request());
  assert.ok(ps.includes(`$body = @'\n${HOSTILE}\n'@`));
  const js = javaScriptSnippet(request());
  const literal = js.match(/body: (".*"),\n/)[1];
  assert.equal(JSON.parse(literal), HOSTILE);
});
