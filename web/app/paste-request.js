// "Paste HTTP request…": a request as the docs print it opens its operation with its path
// parameters and body. Nothing of the pasted text is kept, and a real-looking bearer token in it
// is replaced by the {token} placeholder.
import { $ } from './dom.js';
import { parseAddress, modelOf, filledParameters } from './address.js';
import { notice } from './notices.js';
import { selectOperation } from './open-operation.js';
import { page, state } from './page-state.js';

// The pasted request's operation, resolved as the finder resolves an address; throws why not.
async function pastedOperation(parsed) {
  const address = parseAddress(`${parsed.method} ${parsed.url}`, [...page.models.names()]);
  const model = address ? modelOf(address, state.version) : state.version;
  const seed = parsed.operation && page.seedIds.has(parsed.operation);
  if (!page.models.isReady(model) && !seed) {
    $('paste-problem').textContent = `Loading the ${model} model…`;
    await page.models.ensure(model);
    parsed = page.gpb.parseRequest($('paste-text').value);  // now with the whole model
  }
  if (parsed.operation) return { target: parsed.operation, parameters: parsed.parameters };
  try {
    const r = page.gpb.resolve(parsed.method, parsed.url, { version: model });
    return { target: r.target, parameters: r.parameters };
  } catch (error) {
    throw new Error(`${parsed.method} ${parsed.path || parsed.url} resolves to nothing in ${model}: ${error.message}`);
  }
}

async function usePastedRequest() {
  const text = $('paste-text').value;
  let parsed;
  let found;
  try {
    parsed = page.gpb.parseRequest(text);
    found = await pastedOperation(parsed);
  } catch (error) {
    $('paste-problem').textContent = error.message;
    return;
  }
  $('paste-dialog').close();
  $('paste-text').value = '';  // the pasted text (and any token in it) is not kept
  selectOperation(found.target, { body: parsed.body, params: filledParameters(found.parameters) });
  if (parsed.tokenRedacted) {
    notice('The pasted request carried a real-looking bearer token. It was removed: previews, snippets, the share link and the draft use the {token} placeholder.', 'warning');
  }
}

export function setupPasteDialog() {
  $('start-paste').addEventListener('click', () => {
    $('paste-problem').textContent = '';
    $('paste-dialog').showModal();
    $('paste-text').focus();
  });
  $('paste-use').addEventListener('click', usePastedRequest);
}
