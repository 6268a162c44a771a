// The full editor: CodeMirror (editor.js) loads once the first diagnostics are on screen and takes
// over the plain editor's text, with completion, hover and Ctrl+I from the core.
import { $ } from './dom.js';
import { applyFix, editorChanged } from './refresh.js';
import { page, state } from './page-state.js';

// The editor hands these the held body with its text in it.
const editorAssist = () => ({
  complete: (body, offset) => body.complete(state.op, offset),
  hover: (body, offset) => body.hover(state.op, offset),
});

// Ctrl+I: what is at the cursor, said in the page (a tooltip follows the mouse only).
function describeAtCursor(h) {
  const parts = !h ? ['Nothing the model describes is at the cursor.'] : [
    h.title, h.members?.length ? `Members: ${h.members.join(', ')}.` : '', h.description ?? '',
    ...(h.diagnostics ?? []).map((d) => `${d.severity} ${d.code}: ${d.message}`),
  ];
  $('cursor-info').textContent = parts.filter(Boolean).join(' ');
}

export async function loadFullEditor() {
  const { createEditor } = await import('./editor.js');
  const text = page.editor.getText();
  page.editor = createEditor($('body-editor'), { text, onChange: editorChanged, assist: editorAssist(), describeAtCursor, body: page.body });
  page.editor.setDiagnostics(state.diagnostics, applyFix);
}
