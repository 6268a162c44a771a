// What a visit keeps: the share link (the operation, its path parameters and body in the URL's
// #fragment), and where a visit starts: a share link, then ?op=, then the draft of the last visit.
import { encodeShare, decodeShare, loadDraft } from './saved-state.js';
import { renderModelSwitch } from './model-switch.js';
import { selectOperation, openAddress } from './open-operation.js';
import { page, state, embedded } from './page-state.js';

// The link to this state; the address bar shows it too.
export function shareLink() {
  // The state names the operation, so a ?op= the page was opened with is left out.
  const link = `${location.origin}${location.pathname}${embedded ? '?embed' : ''}${encodeShare({ op: state.op, params: state.params, body: page.editor.getText() })}`;
  history.replaceState(null, '', link);
  return link;
}

// A seed opens at once; any other operation once its model has loaded (the first seed shows
// meanwhile). The model switch stays on the version remembered from the last visit.
export async function openStartingOperation() {
  const shared = decodeShare(location.hash);
  const draft = shared ? null : await loadDraft();
  const initial = shared ?? draft;
  if (draft) state.bodies = draft.bodies;
  const wanted = shared?.op || new URLSearchParams(location.search).get('op') || draft?.op || '';
  const opened = { body: initial?.op === wanted ? initial.body : undefined, params: initial?.op === wanted ? initial.params : {} };
  const remembered = state.version;
  if (page.seedIds.has(wanted)) selectOperation(wanted, opened);
  else selectOperation(page.gpb.operations()[0].id);
  state.version = remembered;
  renderModelSwitch();
  if (wanted && !page.seedIds.has(wanted)) openAddress(wanted, opened);
}
