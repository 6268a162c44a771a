// The builder page: operation picker, generated form, JSON editor, live diagnostics and previews.
// start() puts the parts in place in this order: the core, the models, the plain editor, the
// starting operation with its first diagnostics, the docs mode, and then the rest of the core
// (README, "Speed") with the full editor.
import { loadGpb } from './gpb.js';
import { $ } from './dom.js';
import { filledParameters } from './address.js';
import { createModels, rememberedVersion } from './models.js';
import { createFinder } from './operation-finder.js';
import { setupOwnMetadata } from './own-metadata.js';
import { createPlainEditor } from './plain-editor.js';
import { createPreviews } from './previews.js';
import { notice } from './notices.js';
import { adoptDiagnosticListStyle } from './diagnostic-list.js';
import { renderModelSwitch, setupModelSwitch, showModelProgress } from './model-switch.js';
import { selectOperation, switchModel } from './open-operation.js';
import { editorChanged } from './refresh.js';
import { setupActions, copy } from './actions.js';
import { setupPasteDialog } from './paste-request.js';
import { openStartingOperation } from './share-and-draft.js';
import { setupModes } from './modes.js';
import { loadFullEditor } from './full-editor.js';
import { page, state, embedded, currentParams } from './page-state.js';

function setupFinder() {
  createFinder({
    input: $('operation-search'), list: $('operation-results'), status: $('search-status'), gpb: page.gpb, models: page.models,
    currentModel: () => state.version,
    onChoose: (entry) => selectOperation(entry.target, { params: filledParameters(entry.parameters) }),
  });
}

// A service loaded from a $metadata file becomes the model searched.
function serviceLoaded(model) {
  state.version = model;
  renderModelSwitch();
  $('operation-search').focus();
}

async function start() {
  if (embedded) document.body.classList.add('embed');
  adoptDiagnosticListStyle(document);
  try {
    page.gpb = await loadGpb({ restLater: true });
    performance.mark('gpb-core-ready');
  } catch (error) {
    notice(`The checker could not start: ${error.message}`, 'error');
    return;
  }
  page.models = createModels(page.gpb, { onProgress: showModelProgress });
  page.previews = createPreviews({ gpb: page.gpb, getText: () => page.editor.getText(), getOp: () => state.op, getParams: currentParams, copy });
  state.version = rememberedVersion();
  page.seedIds = new Set(page.gpb.operations().map((o) => o.id));
  setupModelSwitch(switchModel);
  setupFinder();
  setupOwnMetadata({ models: page.models, onLoaded: serviceLoaded });
  page.body = page.gpb.openBody();  // the body the editors hold in the core between checks
  page.editor = createPlainEditor($('body-editor'), { onChange: editorChanged, body: page.body });
  setupActions();
  setupPasteDialog();
  performance.mark('gpb-editor-ready');
  await openStartingOperation();  // the first diagnostics
  setupModes();
  $('app').setAttribute('aria-busy', 'false');
  // The rest of the core and the full editor load after the first diagnostics are on screen.
  const rest = page.gpb.loadRest().catch((error) => notice(`Part of the checker could not load: ${error.message}`, 'error'));
  await Promise.all([rest, loadFullEditor()]);
  document.body.dataset.ready = 'true';
}

start();
