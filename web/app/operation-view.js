// The open operation as the page shows it: its name, request line, facts, permissions and caveats,
// and a field for each path parameter.
import { el, $ } from './dom.js';
import { GRAPH_VERSIONS } from './models.js';
import { page, state, currentParams } from './page-state.js';
import { schedulePreviews } from './refresh.js';

const filledUrl = (m) => page.gpb.request(m.target, '', currentParams()).url;

function permissionList(p, names) {
  if (p.note) return `Not known: ${p.note}.`;
  return names.length ? names.join(', ') : 'Not supported.';
}

function permissionsTable(p) {
  const row = (kind, names) => el('tr', {}, el('th', { scope: 'row', text: kind }), el('td', { text: permissionList(p, names) }));
  return el('table', { class: 'permissions' },
    el('caption', { text: 'Permissions (least privileged first)' }),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: 'Permission type' }), el('th', { scope: 'col', text: 'Permissions' }))),
    el('tbody', {},
      row('Delegated (work or school account)', p.delegatedWork),
      row('Delegated (personal Microsoft account)', p.delegatedPersonal),
      row('Application', p.application)));
}

function renderOperationInfo(m) {
  $('operation-info').replaceChildren(
    el('p', { class: 'request-line' },
      el('span', { class: `method method-${m.method.toLowerCase()}`, text: m.method }), ' ',
      el('code', { id: 'operation-url', text: filledUrl(m) })),
    el('p', { class: 'meta' }, `${GRAPH_VERSIONS.includes(m.version) ? 'API version' : 'Service'}: ${m.version} · Response: ${m.response.status} ${m.response.reason}`),
    el('p', { class: 'description', text: m.description }),
    permissionsTable(m.permissions),
    el('p', { class: 'meta' }, `National clouds: ${m.nationalClouds.length ? m.nationalClouds.join(', ') : 'not stated by the docs'}`),
    ...(m.caveats.length ? [el('ul', { class: 'caveats', 'aria-label': 'Caveats' }, m.caveats.map((c) => el('li', { text: c })))] : []));
}

// Each path parameter's field; typing in one fills the URL above and, after a pause, the previews.
function renderParameters(m) {
  const fieldset = $('path-parameters');
  fieldset.hidden = m.pathParameters.length === 0;
  fieldset.replaceChildren(el('legend', { text: 'Path parameters' }), ...m.pathParameters.map((name) =>
    el('label', { class: 'parameter' }, name,
      el('input', { type: 'text', id: `param-${name}`, value: state.params[name] ?? '', placeholder: `{${name}}`, spellcheck: 'false',
        oninput: (event) => {
          state.params[name] = event.target.value;
          $('operation-url').textContent = filledUrl(m);
          schedulePreviews(150);
        } }))));
}

// m: the operation's model (describe()).
export function renderOperation(m) {
  $('operation-name').textContent = `${m.title} (${m.version})`;
  renderOperationInfo(m);
  renderParameters(m);
}
