// Code snippets for a built request; every string is quoted for its own shell or language.
// The Authorization value is always the {token} placeholder.

const shellQuote = (text) => `'${text.replace(/'/g, `'\\''`)}'`;
const powerShellQuote = (text) => `'${text.replace(/'/g, "''")}'`;
// JSON string syntax is also valid JavaScript and Python string syntax.
const stringLiteral = (text) => JSON.stringify(text);

function sentHeaders(request) {
  // curl, the browser and Python's requests compute Content-Length themselves.
  return Object.entries(request.headers).filter(([name]) => name.toLowerCase() !== 'content-length');
}

export function curlSnippet(request) {
  const lines = [`curl -X ${request.method} ${shellQuote(request.url)}`];
  for (const [name, value] of sentHeaders(request)) lines.push(`  -H ${shellQuote(`${name}: ${value}`)}`);
  if (request.body) lines.push(`  --data-raw ${shellQuote(request.body)}`);
  return lines.join(' \\\n');
}

export function powerShellSnippet(request) {
  const lines = [];
  const hasBody = request.body !== '';
  if (hasBody) {
    // A single-quoted here-string keeps the body verbatim unless a line of it starts with '@.
    const hereString = !/(^|\n)'@/.test(request.body) && !request.body.includes('\r');
    lines.push(hereString ? `$body = @'\n${request.body}\n'@` : `$body = ${powerShellQuote(request.body)}`);
  }
  const extra = sentHeaders(request).filter(([name]) => !['authorization', 'content-type'].includes(name.toLowerCase()));
  if (extra.length) lines.push(`$headers = @{ ${extra.map(([n, v]) => `${powerShellQuote(n)} = ${powerShellQuote(v)}`).join('; ')} }`);
  let call = `Invoke-MgGraphRequest -Method ${request.method} -Uri ${powerShellQuote(request.url)}`;
  if (hasBody) call += ` -Body $body -ContentType 'application/json'`;
  if (extra.length) call += ' -Headers $headers';
  lines.push('# Connect-MgGraph signs in and supplies the token.');
  lines.push(call);
  return lines.join('\n');
}

export function javaScriptSnippet(request) {
  const headers = sentHeaders(request).map(([n, v]) => `    ${stringLiteral(n)}: ${stringLiteral(v)},`).join('\n');
  const body = request.body ? `\n  body: ${stringLiteral(request.body)},` : '';
  return `const response = await fetch(${stringLiteral(request.url)}, {\n  method: ${stringLiteral(request.method)},\n  headers: {\n${headers}\n  },${body}\n});\nconsole.log(response.status, await response.json());`;
}

export function pythonSnippet(request) {
  const headers = sentHeaders(request).map(([n, v]) => `    ${stringLiteral(n)}: ${stringLiteral(v)},`).join('\n');
  const lines = ['import requests', '', `url = ${stringLiteral(request.url)}`, `headers = {\n${headers}\n}`];
  if (request.body) lines.push(`body = ${stringLiteral(request.body)}`);
  const data = request.body ? ', data=body.encode("utf-8")' : '';
  lines.push(`response = requests.request(${stringLiteral(request.method)}, url, headers=headers${data})`);
  lines.push('print(response.status_code, response.text)');
  return lines.join('\n');
}

// HTTP/1.1 on the wire: origin-form target, Host, CRLF line ends.
export function rawHttpSnippet(request) {
  const url = new URL(request.url.replace(/[{}]/g, (c) => encodeURIComponent(c)));
  const target = url.pathname.replace(/%7B/gi, '{').replace(/%7D/gi, '}') + url.search;
  const lines = [`${request.method} ${target} HTTP/1.1`, `Host: ${url.host}`];
  for (const [name, value] of Object.entries(request.headers)) lines.push(`${name}: ${value}`);
  return `${lines.join('\r\n')}\r\n\r\n${request.body}`;
}

export const SNIPPETS = [
  { id: 'curl', label: 'curl', make: curlSnippet, file: 'request.sh' },
  { id: 'powershell', label: 'PowerShell', make: powerShellSnippet, file: 'request.ps1' },
  { id: 'javascript', label: 'JavaScript', make: javaScriptSnippet, file: 'request.js' },
  { id: 'python', label: 'Python', make: pythonSnippet, file: 'request.py' },
  { id: 'http', label: 'Raw HTTP', make: rawHttpSnippet, file: 'request.http' },
];
