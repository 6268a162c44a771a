// The form's controls for one value that is not an object: enums (flags as a set of checkboxes),
// Booleans, numbers of each Edm width, dates, times, durations, GUIDs and text.
import { el } from './dom.js';
import {
  INTEGER_TYPES, DECIMAL_TYPES, INTEGER_TEXT, DECIMAL_TEXT, DATE_TEXT, TIME_TEXT, TEXT_FORMATS,
  numberText, numberValue, newGuid,
} from './form-values.js';

const SENTINEL = 'unknownFutureValue';
const DATETIME = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?)(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/i;

// c: { model, prop, current, set(value, focusId?), id, pointer, label, invalid, describedBy }. Each
// value's control is named by the value's JSON Pointer (name="/shelf/bay"): a stable handle where a
// label repeats, as a Boolean's checkbox is labelled like the checkbox that includes the property.
export function scalarEditor(c) {
  if (c.prop.kind === 'enum') return c.model.enums[c.prop.type]?.flags ? flagsEditor(c) : enumEditor(c);
  const type = c.prop.type;
  if (type === 'Edm.Boolean') {
    return el('input', { type: 'checkbox', id: `${c.id}-control`, name: c.pointer, 'aria-label': c.label, checked: c.current === true,
      onchange: (event) => c.set(event.target.checked) });
  }
  if (type === 'Edm.Int64' || type === 'Edm.Decimal') return exactNumberEditor(c);
  if (type in INTEGER_TYPES || DECIMAL_TYPES.has(type)) return numberEditor(c);
  if (type === 'Edm.DateTimeOffset') return dateTimeEditor(c);
  if (type === 'Edm.Date') return pickerEditor(c, 'date', DATE_TEXT);
  if (type === 'Edm.TimeOfDay') return pickerEditor(c, 'time', TIME_TEXT);
  if (type === 'Edm.Guid') return guidEditor(c);
  if (TEXT_FORMATS[type]) return formattedTextEditor(c, TEXT_FORMATS[type]);
  return textEditor(c);
}

const common = (c, extra = {}) => ({ id: `${c.id}-control`, name: c.pointer, 'aria-label': c.label, 'aria-invalid': c.invalid, 'aria-describedby': c.describedBy, ...extra });

function enumEditor(c) {
  const members = (c.model.enums[c.prop.type]?.members ?? []).filter((m) => m !== SENTINEL);
  const select = el('select', common(c, { onchange: (event) => c.set(event.target.value) }));
  if (!members.includes(c.current)) {
    const near = typeof c.current === 'string' && members.find((m) => m.toLowerCase() === c.current.toLowerCase());
    select.append(el('option', { value: String(c.current), selected: true,
      text: near ? `${JSON.stringify(c.current)} (the member is spelled ${near})` : `${JSON.stringify(c.current)} (not a member)` }));
  }
  for (const m of members) select.append(el('option', { value: m, selected: m === c.current, text: m }));
  return select;
}

// A flags enum's value is its chosen members, comma-separated, in declaration order.
function flagsEditor(c) {
  const members = (c.model.enums[c.prop.type]?.members ?? []).filter((m) => m !== SENTINEL);
  const chosen = new Set(typeof c.current === 'string' ? c.current.split(',').map((m) => m.trim()).filter(Boolean) : []);
  const group = el('fieldset', { class: 'flags', id: `${c.id}-control`, name: c.pointer, 'aria-invalid': c.invalid, 'aria-describedby': c.describedBy },
    el('legend', { text: `${c.label}: any of` }));
  members.forEach((member, index) => {
    group.append(el('label', { class: 'flag' }, el('input', { type: 'checkbox', id: `${c.id}-flag-${index}`, checked: chosen.has(member),
      onchange: (event) => {
        if (event.target.checked) chosen.add(member);
        else chosen.delete(member);
        c.set(members.filter((m) => chosen.has(m)).join(','), `${c.id}-flag-${index}`);
      } }), ` ${member}`));
  });
  const others = [...chosen].filter((m) => !members.includes(m));
  if (others.length) group.append(el('p', { class: 'hint', text: `Not members: ${others.join(', ')}; edit them in the JSON.` }));
  return group;
}

function numberEditor(c) {
  const type = c.prop.type;
  const integer = type in INTEGER_TYPES;
  const [min, max] = c.prop.range ?? INTEGER_TYPES[type] ?? [null, null];
  const input = el('input', common(c, {
    type: 'number', step: integer ? '1' : 'any', min, max, inputmode: integer ? 'numeric' : 'decimal', value: numberText(c.current),
    oninput: (event) => {
      const text = event.target.value.trim();
      if (!(integer ? INTEGER_TEXT : DECIMAL_TEXT).test(text)) return;  // the JSON waits until the number is complete
      c.set(numberValue(text));
    } }));
  const bounds = min !== null ? el('span', { class: 'bounds', text: `${min} to ${max}` }) : null;
  return el('span', { class: 'number' }, input, bounds);
}

// Int64 and Decimal: typed as text and kept as typed, so no digit is lost to a JavaScript number.
function exactNumberEditor(c) {
  const format = TEXT_FORMATS[c.prop.type];
  return formattedTextEditor(c, format, { inputmode: c.prop.type === 'Edm.Int64' ? 'numeric' : 'decimal', value: numberText(c.current) },
    (text) => numberValue(text));
}

// A text control whose value must match a format; a value that does not is not written to the JSON
// yet, and the control says what is expected.
function formattedTextEditor(c, format, extra = {}, toValue = (text) => text) {
  const hintId = `${c.id}-format`;
  const hint = el('span', { class: 'hint format', id: hintId, text: `Expected: ${format.says}.` });
  const input = el('input', common(c, {
    type: 'text', spellcheck: 'false', placeholder: format.example, 'aria-describedby': [c.describedBy, hintId].filter(Boolean).join(' '),
    value: typeof c.current === 'string' ? c.current : JSON.stringify(c.current ?? ''), ...extra,
    oninput: (event) => {
      const text = event.target.value.trim();
      const ok = format.pattern.test(text);
      input.setAttribute('aria-invalid', String(!ok));
      if (ok) c.set(toValue(text));
    } }));
  return el('span', { class: 'formatted' }, input, hint);
}

function guidEditor(c) {
  const field = formattedTextEditor(c, TEXT_FORMATS['Edm.Guid']);
  field.append(el('button', { type: 'button', id: `${c.id}-new`, class: 'new-guid', text: 'New GUID',
    'aria-label': `${c.label}: new GUID`, onclick: () => c.set(newGuid(), `${c.id}-new`) }));
  return field;
}

// Date and time pickers; a value the picker cannot show stays in the JSON and is shown beside it.
function pickerEditor(c, type, pattern) {
  const text = typeof c.current === 'string' ? c.current : '';
  const shown = pattern.test(text) ? text.replace(/\.\d+$/, '') : '';
  const input = el('input', common(c, { type, step: type === 'time' ? '1' : null, value: shown,
    onchange: (event) => event.target.value && c.set(type === 'time' && event.target.value.length === 5 ? `${event.target.value}:00` : event.target.value) }));
  const raw = text && text !== shown ? el('span', { class: 'hint', text: `now: ${text.slice(0, 60)}` }) : null;
  return el('span', { class: 'picker-value' }, input, raw);
}

function textEditor(c) {
  const attributes = common(c, { type: 'text', spellcheck: 'false',
    value: typeof c.current === 'string' ? c.current : JSON.stringify(c.current ?? ''),
    oninput: (event) => c.set(event.target.value) });
  if (c.prop.maxLength) attributes.maxlength = c.prop.maxLength;
  return el('input', attributes);
}

// A date-time control that keeps the offset: the local date and time, and the offset beside it.
function dateTimeEditor(c) {
  const match = typeof c.current === 'string' ? DATETIME.exec(c.current) : null;
  const local = match ? match[1] : '';
  const fraction = match?.[2] ?? '';
  const offset = match?.[3] ?? '';
  const compose = (nextLocal, nextOffset) => {
    const keepFraction = nextLocal === local ? fraction : '';
    const withSeconds = nextLocal.length === 16 ? `${nextLocal}:00` : nextLocal;
    return `${withSeconds}${keepFraction}${nextOffset}`;
  };
  const when = el('input', { ...common(c), type: 'datetime-local', step: '1', 'aria-label': `${c.label}: date and time`, value: local,
    onchange: (event) => event.target.value && c.set(compose(event.target.value, offsetInput.value.trim()), `${c.id}-control`) });
  const offsetInput = el('input', { type: 'text', id: `${c.id}-offset`, class: 'offset', 'aria-label': `${c.label}: UTC offset (Z or ±hh:mm)`,
    value: offset, size: 6, placeholder: 'Z', spellcheck: 'false',
    onchange: (event) => (local || when.value) && c.set(compose(when.value || local, event.target.value.trim()), `${c.id}-offset`) });
  const raw = !match && c.current ? el('span', { class: 'hint', text: `now: ${String(c.current).slice(0, 60)}` }) : null;
  return el('span', { class: 'datetime' }, when, offsetInput, raw);
}
