// The JSON editor: CodeMirror 6 with line numbers, colouring, bracket matching, undo and lint marks.
import { EditorState, Compartment } from '@codemirror/state';
import { EditorView, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter, drawSelection } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { bracketMatching, syntaxHighlighting, HighlightStyle, foldGutter, indentOnInput } from '@codemirror/language';
import { tags } from '@lezer/highlight';
import { json } from '@codemirror/lang-json';
import { setDiagnostics, lintGutter } from '@codemirror/lint';
import { assistExtensions } from './editor-assist.js';

// Line/column (1-based, UTF-16) to a document offset; CodeMirror counts UTF-16 units too.
export function offsetOf(doc, line, column) {
  const safeLine = Math.min(Math.max(line, 1), doc.lines);
  const info = doc.line(safeLine);
  return Math.min(info.from + Math.max(column, 1) - 1, info.to);
}

// Colours come from the page's CSS variables, so light and dark follow prefers-color-scheme.
const highlight = HighlightStyle.define([
  { tag: tags.propertyName, color: 'var(--syntax-key)' },
  { tag: tags.string, color: 'var(--syntax-string)' },
  { tag: tags.number, color: 'var(--syntax-number)' },
  { tag: [tags.bool, tags.null], color: 'var(--syntax-literal)' },
  { tag: tags.invalid, color: 'var(--error)' },
]);

const theme = EditorView.theme({
  '&': { backgroundColor: 'var(--bg)', color: 'var(--text)', maxHeight: '70vh', minHeight: '260px' },
  '.cm-scroller': { fontFamily: 'ui-monospace, "Cascadia Code", Consolas, monospace', fontSize: '13px' },
  '.cm-gutters': { backgroundColor: 'var(--code-bg)', color: 'var(--muted)', borderRight: '1px solid var(--border)' },
  '.cm-activeLine, .cm-activeLineGutter': { backgroundColor: 'var(--active-line)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground': { backgroundColor: 'var(--selection)' },
  '.cm-content': { caretColor: 'var(--text)' },
  '.cm-tooltip': { backgroundColor: 'var(--panel)', color: 'var(--text)', border: '1px solid var(--border)' },
  '&.cm-focused .cm-matchingBracket': { backgroundColor: 'var(--bracket)', outline: '1px solid var(--accent)' },
  '.cm-tooltip-autocomplete ul li[aria-selected]': { backgroundColor: 'var(--selection)', color: 'var(--text)' },
  '.cm-completionDetail': { color: 'var(--muted)', marginLeft: '8px', fontStyle: 'normal' },
  '.cm-tooltip-autocomplete ul li[aria-selected] .cm-completionDetail': { color: 'var(--text)' },
  '.cm-completionInfo': { maxWidth: '360px', padding: '4px 8px' },
  '.cm-completionSection': { color: 'var(--muted)', fontSize: '12px' },
  '.gpb-hover': { padding: '6px 8px', maxWidth: '420px', fontFamily: 'system-ui, sans-serif', fontSize: '13px' },
  '.gpb-hover-facts, .gpb-hover-members': { color: 'var(--muted)' },
  '.gpb-hover-description': { marginTop: '4px' },
  '.gpb-hover-diagnostic': { marginTop: '4px' },
  '.gpb-hover-diagnostic.sev-error': { color: 'var(--error)' },
  '.gpb-hover-diagnostic.sev-warning': { color: 'var(--warning)' },
});

// Past this size the JSON grammar is switched off: CodeMirror parses in idle time in slices of up
// to 100 ms, long tasks for a body of megabytes. Such a body is shown without colours or folding.
const GRAMMAR_LIMIT = 200000;
const grammarFor = (length) => (length > GRAMMAR_LIMIT ? [] : json());

// Line numbers, colours, folding, lint marks, undo and brackets.
const basics = () => [
  lineNumbers(),
  highlightActiveLineGutter(),
  foldGutter(),
  lintGutter(),
  history(),
  drawSelection(),
  indentOnInput(),
  bracketMatching(),
  highlightActiveLine(),
  syntaxHighlighting(highlight),
  theme,
];

// The default keys and undo's (after the assist's, which take precedence), wrapping, and the
// text area's name for assistive technology.
const keysAndLabel = (label) => [
  keymap.of([...defaultKeymap, ...historyKeymap]),
  EditorView.lineWrapping,
  EditorView.contentAttributes.of({ 'aria-label': label, 'aria-multiline': 'true' }),
];

// Which editor's document each held body holds.
const holders = new WeakMap();

// The editor lives in a shadow root: CodeMirror's styles then go in as constructed style sheets,
// which a strict style-src policy allows (a <style> element would be blocked).
// body: a held body (gpb.openBody()) that follows the editor's edits; the checks then read it
// instead of the whole text, and assist's calls get it (synced to their document) in place of the text.
export function createEditor(host, { text = '', onChange, label = 'JSON body', assist, describeAtCursor, body } = {}) {
  let silent = false;
  // Documents are immutable: the text is built once per change, for every caller (the page,
  // completion, hover), not once per caller.
  let cached = { doc: null, text: '' };
  const textOfDoc = (doc) => (cached.doc === doc ? cached.text : (cached = { doc, text: doc.toString() }).text);
  // The document the held body holds; another one is given to it whole when next asked for (also
  // when another editor has used the body since: a re-rendered element's editors share one).
  let held = null;
  const holds = () => holders.get(body) === view;
  const bodyOf = (doc) => {
    if (held !== doc || !holds()) {
      body.setText(textOfDoc(doc));
      holders.set(body, view);
      held = doc;
    }
    return body;
  };
  // A transaction's changes, in order, at their places in the new document. An edit the body
  // cannot take, or a call that fails, leaves the whole text to be given when next asked for.
  const follow = (update) => {
    if (held !== update.startState.doc || !holds()) return;
    let applied = true;
    try {
      update.changes.iterChanges((fromA, toA, fromB, toB, inserted) => {
        applied &&= body.replace(fromB, fromB + (toA - fromA), inserted.toString());
      });
    } catch {
      applied = false;
    }
    held = applied && body.length === update.state.doc.length ? update.state.doc : null;
  };
  const grammar = new Compartment();
  let withGrammar = text.length <= GRAMMAR_LIMIT;
  const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  root.replaceChildren();
  const view = new EditorView({
    parent: root,
    root,
    state: EditorState.create({
      doc: text,
      extensions: [
        ...basics(),
        grammar.of(grammarFor(text.length)),
        assist ? assistExtensions(assist, { textOf: body ? bodyOf : textOfDoc, describeAtCursor }) : [],
        ...keysAndLabel(label),
        EditorView.updateListener.of((update) => {
          if (!update.docChanged) return;
          if (body) follow(update);
          const length = update.state.doc.length;
          if (withGrammar !== length <= GRAMMAR_LIMIT) {
            withGrammar = !withGrammar;
            queueMicrotask(() => update.view.dispatch({ effects: grammar.reconfigure(grammarFor(length)) }));
          }
          if (!silent && onChange) onChange(length);
        }),
      ],
    }),
  });

  return {
    view,
    getText: () => textOfDoc(view.state.doc),
    // The held body with the editor's text in it (null without one).
    heldBody: () => (body ? bodyOf(view.state.doc) : null),
    // Replaces the whole text as one undoable change (the form's edits can be undone here too).
    setText(next, { notify = false } = {}) {
      if (next === this.getText()) return;
      silent = !notify;
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: next } });
      silent = false;
    },
    setDiagnostics(list, applyFix) {
      const doc = view.state.doc;
      const marks = list.map((d) => {
        const from = offsetOf(doc, d.line, d.column);
        const to = Math.max(from, offsetOf(doc, d.endLine, d.endColumn));
        const mark = { from, to, severity: d.severity === 'info' ? 'info' : d.severity, message: `${d.code}: ${d.message}`, source: d.code };
        if (d.suggestion !== undefined) mark.actions = [{ name: 'Apply fix', apply: () => applyFix(d) }];
        return mark;
      });
      view.dispatch(setDiagnostics(view.state, marks));
    },
    select(d) {
      const doc = view.state.doc;
      const anchor = offsetOf(doc, d.line, d.column);
      const head = Math.max(anchor, offsetOf(doc, d.endLine, d.endColumn));
      view.dispatch({ selection: { anchor, head }, scrollIntoView: true });
      view.focus();
    },
    replace(d, text) {
      const doc = view.state.doc;
      const from = offsetOf(doc, d.line, d.column);
      const to = Math.max(from, offsetOf(doc, d.endLine, d.endColumn));
      view.dispatch({ changes: { from, to, insert: text }, selection: { anchor: from + text.length } });
      view.focus();
    },
    focus: () => view.focus(),
  };
}
