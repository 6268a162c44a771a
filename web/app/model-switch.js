// The model switch lists Graph's versions and the services loaded here, and follows the open
// operation; beside it, the progress of a model pack while it loads.
import { el, $ } from './dom.js';
import { GRAPH_VERSIONS } from './models.js';
import { page, state } from './page-state.js';

export function renderModelSwitch() {
  const label = (name) => (GRAPH_VERSIONS.includes(name) ? `Graph ${name}` : `${name} (your metadata)`);
  $('version').replaceChildren(...[...page.models.names()].map((name) =>
    el('option', { value: name, text: label(name), selected: name === state.version })));
}

// onSwitch(model) when the person chooses another model.
export function setupModelSwitch(onSwitch) {
  renderModelSwitch();
  $('version').addEventListener('change', (event) => onSwitch(event.target.value));
}

// share: 0..1, or null when the size is not known; done once the pack is in (or failed).
export function showModelProgress(version, share, done) {
  $('model-loading').hidden = !!done;
  if (done) return;
  $('model-loading-label').textContent = `Loading the Graph ${version} model`;
  const bar = $('model-progress');
  if (share === null) bar.removeAttribute('value');
  else bar.value = share;
}
