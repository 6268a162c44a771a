// The body form, generated from an operation's model (describe()); nothing here is per operation.
// The form edits the parsed JSON in place, so members it does not know are kept as they are.
import { el } from './dom.js';

const SENTINEL = 'unknownFutureValue';
const MAX_ITEMS_SHOWN = 50;
const INT32 = [-2147483648, 2147483647];
const DATETIME = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?)(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/i;

const has = (object, key) => Object.prototype.hasOwnProperty.call(object, key);
const pad = (n) => String(n).padStart(2, '0');
const shortName = (qualified) => qualified.slice(qualified.lastIndexOf('.') + 1);

export function pointerAppend(pointer, token) {
  return `${pointer}/${String(token).replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

// A stable element id per JSON Pointer, so focus survives a re-render.
export function idFor(prefix, pointer) {
  return `${prefix}${pointer.replace(/[^A-Za-z0-9]/g, (c) => `_${c.charCodeAt(0).toString(16)}`)}`;
}

export function nowWithOffset(date = new Date()) {
  const local = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:00`;
  const offset = -date.getTimezoneOffset();
  if (offset === 0) return `${local}Z`;
  const sign = offset > 0 ? '+' : '-';
  return `${local}${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
}

function typeLabel(prop) {
  const base = prop.type.startsWith('Edm.') ? prop.type.slice(4) : shortName(prop.type);
  return prop.collection ? `${base} collection` : base;
}

export function defaultValue(model, prop, { item = false } = {}) {
  if (prop.collection && !item) return [];
  if (prop.kind === 'enum') {
    const members = model.enums[prop.type]?.members ?? [];
    return members.find((m) => m !== SENTINEL) ?? '';
  }
  if (prop.kind === 'complex' || prop.kind === 'entity') return defaultObject(model, prop.type);
  switch (prop.type) {
    case 'Edm.Int32':
    case 'Edm.Int64': return prop.range ? Math.max(prop.range[0], Math.min(prop.range[1], 0)) : 0;
    case 'Edm.Double': return 0;
    case 'Edm.Boolean': return false;
    case 'Edm.DateTimeOffset': return nowWithOffset();
    default: return '';
  }
}

function concreteType(model, typeName) {
  let type = model.types[typeName];
  while (type && type.abstract && type.derived.length) type = model.types[type.derived[0]];
  return type;
}

function defaultObject(model, typeName) {
  const declared = model.types[typeName];
  const type = concreteType(model, typeName);
  const object = {};
  if (!type) return object;
  if (declared !== type) object['@odata.type'] = `#${type.name}`;
  for (const prop of type.properties) {
    if (!prop.nullable && !prop.collection && !prop.navigation && !prop.readOnly) object[prop.name] = defaultValue(model, prop);
  }
  return object;
}

// The type an object value actually has: its @odata.type when that names a known subtype.
// Only the model's own entries count: "#constructor" or "#__proto__" name no type.
function effectiveType(model, declaredName, value) {
  const named = typeof value?.['@odata.type'] === 'string' ? value['@odata.type'].replace(/^#/, '') : null;
  return (named && has(model.types, named) && model.types[named]) || model.types[declaredName];
}

export function renderForm(container, options) {
  const { model, value, diagnostics = [], onChange, idPrefix = 'f', stale = false } = options;
  const byPointer = new Map();
  for (const d of diagnostics) {
    if (!byPointer.has(d.pointer)) byPointer.set(d.pointer, []);
    byPointer.get(d.pointer).push(d);
  }
  const root = value;
  // A body edited through the form names its type first when the address needs it.
  const commit = (focusId) => onChange(
    model.odataType && !has(root, '@odata.type') ? { '@odata.type': model.odataType, ...root } : root, focusId);
  const ctx = { model, byPointer, idPrefix, commit, required: new Set(model.required ?? []) };

  const children = [];
  if (stale) {
    children.push(el('p', { class: 'notice', role: 'status', text: 'The JSON does not parse right now, so the form is paused. Everything you typed is kept; the form follows again once the JSON parses.' }));
  }
  if (!model.bodyType) {
    children.push(el('p', { class: 'notice', text: 'This operation takes no request body.' }));
  } else if (root === null || typeof root !== 'object' || Array.isArray(root)) {
    children.push(el('p', { class: 'notice', text: 'The body is not a JSON object. Start from an example, or fix the JSON.' }));
  } else {
    const type = effectiveType(model, model.bodyType, root);
    if (model.odataType) {
      children.push(el('p', { class: 'hint', text: `The body names its type: "@odata.type": "${model.odataType}" (the address is typed as ${shortName(model.addressType)}).` }));
    }
    children.push(...objectRows(ctx, type, root, '', true));
  }
  const form = el('fieldset', { class: 'body-form', disabled: stale }, el('legend', { class: 'visually-hidden', text: 'Body properties' }), children);
  container.replaceChildren(form);
}

function objectRows(ctx, type, object, pointer, isRoot) {
  const rows = [];
  const known = new Set(type.properties.map((p) => p.name));
  // Properties the body cannot carry are listed apart (with the reason), unless the JSON has them.
  const parked = [];
  for (const prop of type.properties) {
    const row = propertyRow(ctx, prop, object, pointer, isRoot);
    if (isRoot && prop.send === 'no' && !has(object, prop.name)) parked.push(row);
    else rows.push(row);
  }
  if (parked.length) {
    rows.push(el('details', { class: 'parked' },
      el('summary', { text: `${parked.length} ${parked.length === 1 ? 'property' : 'properties'} this operation cannot send` }), parked));
  }
  const others = Object.keys(object).filter((key) => !known.has(key) && !key.startsWith('@'));
  if (others.length) {
    rows.push(el('p', { class: 'hint others' },
      `Also in the JSON: ${others.join(', ')} — ${type.open ? 'dynamic properties of this open type' : 'not properties of ' + type.shortName}; edit them in the JSON.`));
  }
  return rows;
}

function fieldDiagnostics(ctx, pointer, id) {
  const list = ctx.byPointer.get(pointer) ?? [];
  if (!list.length) return null;
  return el('ul', { class: 'field-diagnostics', id: `${id}-diag` },
    list.map((d) => el('li', { class: `sev-${d.severity}` }, `${d.severity}: ${d.message}`)));
}

function propertyRow(ctx, prop, holder, parentPointer, isRoot) {
  const { model, idPrefix, commit } = ctx;
  const pointer = pointerAppend(parentPointer, prop.name);
  const id = idFor(idPrefix, pointer);
  const present = has(holder, prop.name);
  const blocked = isRoot ? prop.send === 'no' : prop.navigation || prop.readOnly;
  const required = isRoot ? ctx.required.has(prop.name) : !prop.nullable && !prop.collection;
  const diagnostics = fieldDiagnostics(ctx, pointer, id);

  const include = el('input', {
    type: 'checkbox', id: `${id}-include`, checked: present, disabled: blocked && !present,
    'aria-describedby': `${id}-about`,
    onchange: (event) => {
      if (event.target.checked) holder[prop.name] = defaultValue(model, prop);
      else delete holder[prop.name];
      commit(`${id}-include`);
    },
  });
  const badges = [];
  if (required) badges.push(el('span', { class: 'badge required', text: 'required' }));
  if (blocked) badges.push(el('span', { class: 'badge blocked', text: 'cannot be sent' }));
  else if (isRoot && prop.send === 'warning') badges.push(el('span', { class: 'badge warn', text: 'set by the service' }));

  const about = el('p', { class: 'about', id: `${id}-about` }, prop.reason ? `${prop.reason} ` : '', prop.description);
  const head = el('div', { class: 'prop-head' },
    include,
    el('label', { for: `${id}-include`, class: 'prop-name' }, prop.name),
    el('span', { class: 'prop-type', text: typeLabel(prop) }),
    badges);

  const row = el('div', { class: `prop${blocked ? ' is-blocked' : ''}${present ? ' is-present' : ''}`, 'data-pointer': pointer }, head);
  if (present && !blocked) {
    row.append(valueEditor(ctx, prop, holder, prop.name, pointer, id));
  } else if (present && blocked) {
    row.append(el('p', { class: 'hint', text: `In the JSON now: ${JSON.stringify(holder[prop.name]).slice(0, 200)}` }));
  }
  row.append(about);
  if (diagnostics) row.append(diagnostics);
  return row;
}

// The editor for holder[key], which the model describes as prop.
function valueEditor(ctx, prop, holder, key, pointer, id) {
  const { commit } = ctx;
  const current = holder[key];
  const wrap = el('div', { class: 'value' });
  if (prop.nullable && !prop.collection) {
    wrap.append(el('label', { class: 'null-toggle' },
      el('input', {
        type: 'checkbox', id: `${id}-null`, checked: current === null,
        onchange: (event) => {
          holder[key] = event.target.checked ? null : defaultValue(ctx.model, prop);
          commit(`${id}-null`);
        },
      }), ' null'));
    if (current === null) return wrap;
  }
  if (prop.collection) wrap.append(collectionEditor(ctx, prop, holder, key, pointer, id));
  else wrap.append(singleEditor(ctx, prop, holder, key, pointer, id, prop.name));
  return wrap;
}

function collectionEditor(ctx, prop, holder, key, pointer, id) {
  const { model, commit } = ctx;
  const items = holder[key];
  if (!Array.isArray(items)) {
    return el('p', { class: 'hint', text: `Expected an array; the JSON has ${JSON.stringify(items)?.slice(0, 80)}. Fix it in the JSON, or untick and tick the property to start over.` });
  }
  const list = el('ol', { class: 'items' });
  items.slice(0, MAX_ITEMS_SHOWN).forEach((item, index) => {
    const itemPointer = pointerAppend(pointer, index);
    const itemId = idFor(ctx.idPrefix, itemPointer);
    const label = `${prop.name} item ${index + 1}`;
    list.append(el('li', { class: 'item' },
      singleEditor(ctx, prop, items, index, itemPointer, itemId, label),
      el('button', {
        type: 'button', class: 'remove', id: `${itemId}-remove`, 'aria-label': `Remove ${label}`, text: 'Remove',
        onclick: () => {
          items.splice(index, 1);
          commit(items.length ? idFor(ctx.idPrefix, pointerAppend(pointer, Math.max(0, index - 1))) + '-remove' : `${id}-add`);
        },
      }),
      fieldDiagnostics(ctx, itemPointer, itemId)));
  });
  const parts = [list];
  if (items.length > MAX_ITEMS_SHOWN) parts.push(el('p', { class: 'hint', text: `${items.length - MAX_ITEMS_SHOWN} more items are in the JSON; edit them there.` }));
  parts.push(el('button', {
    type: 'button', class: 'add', id: `${id}-add`, text: `Add ${typeLabel({ ...prop, collection: false })}`,
    onclick: () => {
      items.push(defaultValue(model, prop, { item: true }));
      commit(`${id}-add`);
    },
  }));
  return el('div', { class: 'collection' }, parts);
}

function singleEditor(ctx, prop, holder, key, pointer, id, label) {
  const { model, commit } = ctx;
  const current = holder[key];
  const invalid = ctx.byPointer.has(pointer) ? 'true' : null;
  const describedBy = ctx.byPointer.has(pointer) ? `${id}-diag` : null;
  const set = (value, focusId = `${id}-control`) => {
    holder[key] = value;
    commit(focusId);
  };

  if (prop.kind === 'enum') {
    const members = (model.enums[prop.type]?.members ?? []).filter((m) => m !== SENTINEL);
    const select = el('select', { id: `${id}-control`, 'aria-label': label, 'aria-invalid': invalid, 'aria-describedby': describedBy,
      onchange: (event) => set(event.target.value) });
    if (!members.includes(current)) {
      select.append(el('option', { value: String(current), selected: true, text: `${JSON.stringify(current)} (not a member)` }));
    }
    for (const m of members) select.append(el('option', { value: m, selected: m === current, text: m }));
    return select;
  }
  if (prop.kind === 'complex' || prop.kind === 'entity') {
    if (current === null || typeof current !== 'object' || Array.isArray(current)) {
      return el('p', { class: 'hint', text: `Expected an object; the JSON has ${JSON.stringify(current)?.slice(0, 80)}. Fix it in the JSON.` });
    }
    const declared = model.types[prop.type];
    const type = effectiveType(model, prop.type, current);
    const group = el('fieldset', { class: 'complex', id: `${id}-group` }, el('legend', { text: `${label} (${type.shortName})` }));
    if (declared.abstract || declared.derived.length) {
      const options = [declared, ...declared.derived.map((name) => model.types[name])].filter((t) => t && !t.abstract);
      const chosen = current['@odata.type']?.replace(/^#/, '');
      const kind = el('select', { id: `${id}-kind`, 'aria-label': `${label}: kind`,
        onchange: (event) => {
          current['@odata.type'] = `#${event.target.value}`;
          commit(`${id}-kind`);
        } });
      if (!options.some((t) => t.name === chosen)) kind.append(el('option', { value: '', selected: true, text: chosen ? `${chosen} (unknown)` : 'choose a kind' }));
      for (const t of options) kind.append(el('option', { value: t.name, selected: t.name === chosen, text: t.shortName }));
      group.append(el('label', { class: 'kind' }, 'Kind ', kind));
    }
    group.append(...objectRows(ctx, type, current, pointer, false));
    return group;
  }
  switch (prop.type) {
    case 'Edm.Boolean':
      return el('input', { type: 'checkbox', id: `${id}-control`, 'aria-label': label, checked: current === true,
        onchange: (event) => set(event.target.checked) });
    case 'Edm.Int32':
    case 'Edm.Int64':
    case 'Edm.Double': {
      const [min, max] = prop.range ?? (prop.type === 'Edm.Int32' ? INT32 : [null, null]);
      const input = el('input', { type: 'number', id: `${id}-control`, 'aria-label': label, 'aria-invalid': invalid, 'aria-describedby': describedBy,
        step: prop.type === 'Edm.Double' ? 'any' : '1', min, max, inputmode: 'numeric',
        value: typeof current === 'number' ? String(current) : '',
        oninput: (event) => {
          const text = event.target.value.trim();
          const number = Number(text);
          if (text === '' || !Number.isFinite(number)) return;  // keep the JSON until the number is complete
          if (prop.type !== 'Edm.Double' && !Number.isInteger(number)) return;
          set(number);
        } });
      const bounds = min !== null ? el('span', { class: 'bounds', text: `${min} to ${max}` }) : null;
      return el('span', { class: 'number' }, input, bounds);
    }
    case 'Edm.DateTimeOffset':
      return dateTimeEditor(current, set, id, label, invalid, describedBy);
    default: {
      const attributes = { type: 'text', id: `${id}-control`, 'aria-label': label, 'aria-invalid': invalid, 'aria-describedby': describedBy,
        value: typeof current === 'string' ? current : JSON.stringify(current ?? ''), spellcheck: 'false',
        oninput: (event) => set(event.target.value) };
      if (prop.maxLength) attributes.maxlength = prop.maxLength;
      return el('input', attributes);
    }
  }
}

// A date-time control that keeps the offset: the local date and time, and the offset beside it.
function dateTimeEditor(current, set, id, label, invalid, describedBy) {
  const match = typeof current === 'string' ? DATETIME.exec(current) : null;
  const local = match ? match[1] : '';
  const fraction = match?.[2] ?? '';
  const offset = match?.[3] ?? '';
  const compose = (nextLocal, nextOffset) => {
    const keepFraction = nextLocal === local ? fraction : '';
    const withSeconds = nextLocal.length === 16 ? `${nextLocal}:00` : nextLocal;
    return `${withSeconds}${keepFraction}${nextOffset}`;
  };
  const when = el('input', { type: 'datetime-local', step: '1', id: `${id}-control`, 'aria-label': `${label}: date and time`,
    'aria-invalid': invalid, 'aria-describedby': describedBy, value: local,
    onchange: (event) => event.target.value && set(compose(event.target.value, offsetInput.value.trim()), `${id}-control`) });
  const offsetInput = el('input', { type: 'text', id: `${id}-offset`, class: 'offset', 'aria-label': `${label}: UTC offset (Z or ±hh:mm)`,
    value: offset, size: 6, placeholder: 'Z', spellcheck: 'false',
    onchange: (event) => (local || when.value) && set(compose(when.value || local, event.target.value.trim()), `${id}-offset`) });
  const raw = !match && current ? el('span', { class: 'hint', text: `now: ${String(current).slice(0, 60)}` }) : null;
  return el('span', { class: 'datetime' }, when, offsetInput, raw);
}
