// Completion and hover in the JSON editor, fed by the core (gpb.complete, gpb.hover) through
// CodeMirror's own autocompletion and tooltip machinery.
import { autocompletion, completionKeymap, startCompletion, closeBrackets, closeBracketsKeymap } from '@codemirror/autocomplete';
import { hoverTooltip, keymap } from '@codemirror/view';

const SECTIONS = [{ name: 'Required', rank: 0 }, { name: 'Properties', rank: 1 }, { name: 'Set by the service', rank: 2 }];
const TYPES = { property: 'property', enum: 'enum', type: 'type', value: 'constant' };

// Between tokens the list opens by itself only right after { , : or [ (else on Ctrl+Space).
const opensHere = (before) => /[{,:[]\s*$/.test(before);


// Accepting asks the core again at the cursor as it is now: keys pressed after the list was
// made (typing fast, then Enter) are inside the range replaced, never left beside it.
function optionOf(item, assist, textOf) {
  return {
    label: item.label,
    detail: item.detail || undefined,
    info: item.info || undefined,
    type: TYPES[item.kind] ?? 'text',
    section: SECTIONS[item.section] ?? SECTIONS[1],
    apply: (view, completion, from, to) => {
      const fresh = assist.complete(textOf(view.state.doc), view.state.selection.main.head);
      const now = fresh?.items?.find((x) => x.label === item.label);
      const [start, end, chosen] = now ? [fresh.from, fresh.to, now] : [from, to, item];
      view.dispatch({ changes: { from: start, to: end, insert: chosen.insert }, selection: { anchor: start + chosen.cursor }, userEvent: 'input.complete' });
      // A member written with an empty value: what that value may be is offered next.
      if (chosen.kind === 'property' && /(""|\[\]|\{\}),?$/.test(chosen.insert)) queueMicrotask(() => startCompletion(view));
    },
  };
}

function completionSource(assist, textOf) {
  return (context) => {
    const answer = assist.complete(textOf(context.state.doc), context.pos);
    if (!answer?.items?.length) return null;
    if (!context.explicit && answer.from === answer.to && !opensHere(context.state.sliceDoc(Math.max(0, context.pos - 40), context.pos))) return null;
    return { from: answer.from, to: answer.to, filter: false, options: answer.items.map((item) => optionOf(item, assist, textOf)) };
  };
}

const facts = (h) => [
  h.nullable === false ? 'not nullable' : 'nullable',
  h.readOnly ? 'read-only' : null,
  h.computed ? 'set by the service' : null,
  h.flags ? 'flags: members separated by commas' : null,
].filter(Boolean).join(' · ');

// The tooltip's content, built as text nodes (a description is data, never markup).
export function hoverContent(h, applyFix, document = globalThis.document) {
  const node = (tag, cls, text) => {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  };
  const box = node('div', 'gpb-hover');
  if (h.title) box.append(node('strong', null, h.title), node('div', 'gpb-hover-facts', facts(h)));
  if (h.members?.length) box.append(node('div', 'gpb-hover-members', `Members: ${h.members.join(', ')}`));
  if (h.description) box.append(node('div', 'gpb-hover-description', h.description));
  for (const d of h.diagnostics ?? []) {
    const line = node('div', `gpb-hover-diagnostic sev-${d.severity}`, `${d.severity} ${d.code}: ${d.message}`);
    if (d.suggestion !== undefined && applyFix) {
      const fix = node('button', 'gpb-hover-fix', `Apply fix: ${d.suggestion.length > 40 ? `${d.suggestion.slice(0, 37)}…` : d.suggestion}`);
      fix.type = 'button';
      fix.addEventListener('click', () => applyFix(d));
      line.append(' ', fix);
    }
    box.append(line);
  }
  return box;
}

// assist: { complete(source, offset), hover(source, offset) }; textOf(doc) gives the source of a
// document: the editor's held body with that document in it, or its text (made once per change).
// describeAtCursor puts what is at the cursor into the page for keyboard and screen reader users
// (Ctrl+I / Cmd+I).
export function assistExtensions(assist, { textOf, describeAtCursor }) {
  const fixIn = (view) => (d) => view.dispatch({ changes: { from: d.from, to: d.to, insert: d.suggestion }, selection: { anchor: d.from + d.suggestion.length } });
  return [
    closeBrackets(),  // typing { or " writes its closer too, so what completion inserts stays valid JSON
    autocompletion({ override: [completionSource(assist, textOf)], activateOnTyping: true, activateOnTypingDelay: 30, icons: false }),
    keymap.of([...closeBracketsKeymap, ...completionKeymap, {
      key: 'Mod-i',
      run: (view) => {
        // At the cursor, or the token the cursor has just left ("completed"| ).
        const { head } = view.state.selection.main;
        const at = (pos) => (pos < 0 ? null : assist.hover(textOf(view.state.doc), pos));
        const h = [at(head), at(head - 1)].find((x) => x && x.from !== null) ?? null;
        describeAtCursor?.(h);
        return true;
      },
    }]),
    hoverTooltip((view, pos) => {
      const h = assist.hover(textOf(view.state.doc), pos);
      if (!h || h.from === null) return null;
      return { pos: h.from, end: h.to, above: true, create: () => ({ dom: hoverContent(h, fixIn(view)) }) };
    }, { hoverTime: 350 }),
  ];
}
