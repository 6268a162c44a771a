// Opening an operation: by its target, by an address (a seed id, a target, or METHOD + URL, with
// its model loaded first), or the open one again in another model.
import { parseAddress, modelOf, addressAfterModelName, filledParameters } from './address.js';
import { rememberVersion } from './models.js';
import { notice } from './notices.js';
import { renderModelSwitch } from './model-switch.js';
import { renderOperation } from './operation-view.js';
import { refresh } from './refresh.js';
import { page, state, describe } from './page-state.js';

// body: the text to open it with (else the one it had in this visit, else its example);
// params: its path parameters (else those still open that it has too).
export function selectOperation(id, { body, params } = {}) {
  if (state.op && page.editor) state.bodies[state.op] = page.editor.getText();
  state.op = id;
  document.body.dataset.operation = id;
  const m = describe(id);
  if (params) state.params = { ...params };
  for (const name of Object.keys(state.params)) if (!m.pathParameters.includes(name)) delete state.params[name];
  if (page.models.names().has(m.version) && state.version !== m.version) {
    state.version = m.version;
    renderModelSwitch();
  }
  // The editor first: it reads the page's selection as it takes the text, which lays the page out,
  // and the operation's view and form then add theirs to one layout rather than to two.
  page.editor.setText(body ?? state.bodies[id] ?? page.gpb.example(id));
  renderOperation(m);
  refresh();
}

// A seed id, an operation's target, or METHOD + URL: opens its operation, loading its model first.
export async function openAddress(text, { body, params = {} } = {}) {
  if (page.seedIds.has(text)) return selectOperation(text, { body, params });
  const address = parseAddress(text, [...page.models.names()]);
  if (!address) {
    notice(addressAfterModelName(text)
      ? `${text} belongs to a service whose $metadata is not loaded in this visit; open its file again under "Your own service".`
      : `"${text}" names no operation: give a method and a URL, such as PATCH /users/{userId}.`, 'warning');
    return;
  }
  const model = modelOf(address, state.version);
  try {
    await page.models.ensure(model);
    const r = page.gpb.resolve(address.method ?? 'GET', address.url, { version: model });
    selectOperation(r.target, { body, params: { ...filledParameters(r.parameters), ...params } });
  } catch (error) {
    notice(`${address.method ?? 'GET'} ${address.url} opens nothing in ${model}: ${error.message}`, 'warning');
  }
}

// The open operation in another model, when that model has the same METHOD + path.
export async function switchModel(model) {
  state.version = model;
  rememberVersion(model);
  const m = describe(state.op);
  if (m.version === model) return;
  try {
    await page.models.ensure(model);
    const r = page.gpb.resolve(m.method, m.path, { version: model });
    selectOperation(r.target, { params: state.params });
    notice(`Now showing ${m.method} ${m.path} in ${model}.`);
  } catch {
    notice(`${m.method} ${m.path} is not in ${model}; the open operation stays in ${m.version}. Find one above.`);
  }
}
