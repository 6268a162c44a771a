// The body form, generated from an operation's model (describe()); nothing here is per operation.
// The form edits the parsed JSON in place, so members it does not know are kept as they are.
import { el } from './dom.js';
import { primitiveDefault } from './form-values.js';
import { scalarEditor } from './form-controls.js';
import { pointerAppend, pointerTokens } from './json-pointer.js';

const SENTINEL = 'unknownFutureValue';
const MAX_ITEMS_SHOWN = 50;
// Objects nested deeper than this many pointer steps show their properties on request (Graph's
// types recurse).
const OPEN_DEPTH = 4;
// A type with more properties than this gets a filter field.
const FILTER_FROM = 30;

const has = (object, key) => Object.prototype.hasOwnProperty.call(object, key);
const shortName = (qualified) => qualified.slice(qualified.lastIndexOf('.') + 1);

// A stable element id per JSON Pointer, so focus survives a re-render.
export function idFor(prefix, pointer) {
  return `${prefix}${pointer.replace(/[^A-Za-z0-9]/g, (c) => `_${c.charCodeAt(0).toString(16)}`)}`;
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
  return primitiveDefault(prop);
}

// The required members of a type; an abstract type stays empty until a concrete kind is chosen.
function defaultObject(model, typeName, { chosen = false } = {}) {
  const type = model.types[typeName];
  const object = {};
  if (!type || (type.abstract && !chosen)) return object;
  if (chosen) object['@odata.type'] = `#${type.name}`;
  for (const prop of type.properties) {
    if (!prop.nullable && !prop.collection && !prop.navigation && !prop.readOnly && !prop.serverAssigned && !prop.key) object[prop.name] = defaultValue(model, prop);
  }
  return object;
}

// The type an object value actually has: its @odata.type when that names a known subtype.
// Only the model's own entries count: "#constructor" or "#__proto__" name no type.
function effectiveType(model, declaredName, value) {
  const named = typeof value?.['@odata.type'] === 'string' ? value['@odata.type'].replace(/^#/, '') : null;
  return (named && has(model.types, named) && model.types[named]) || model.types[declaredName];
}

// Per form: what the person opened or filtered, kept across its re-renders; the latest value and
// options, which every control edits through (a control kept from an earlier render included); and
// the top-level rows kept for reuse (keptRow).
const views = new WeakMap();

const parentOf = (pointer) => pointer.slice(0, pointer.lastIndexOf('/'));

export function renderForm(container, options) {
  const { model } = options;
  if (!views.has(container) || views.get(container).model !== model) {
    views.set(container, { model, expanded: new Set(), filters: new Map(), rows: new Map() });
  }
  const view = views.get(container);
  view.options = options;
  // While it runs, a change from a control of the old form (blurred as it leaves the page) is not
  // applied (commit): it was made on the value just replaced.
  view.rendering = true;
  try {
    buildForm(container, view);
  } finally {
    view.rendering = false;
  }
}

function buildForm(container, view) {
  const { model, value, diagnostics = [], idPrefix = 'f', stale = false } = view.options;
  const byPointer = new Map();
  const byRow = new Map();
  for (const d of diagnostics) {
    if (!byPointer.has(d.pointer)) byPointer.set(d.pointer, []);
    byPointer.get(d.pointer).push(d);
    const row = rowPointerOf(d.pointer);
    if (!byRow.has(row)) byRow.set(row, []);
    byRow.get(row).push(d);
  }
  const root = value;
  // The value at pointer as it is now: a control's handler looks its holder up when it runs.
  const valueAt = (pointer) => pointerTokens(pointer).reduce((holder, token) => holder?.[token], view.options.value);
  // A body edited through the form names its type first when the address needs it.
  const commit = (focusId) => {
    if (view.rendering) return;
    const now = view.options.value;
    view.options.onChange(model.odataType && !has(now, '@odata.type') ? { '@odata.type': model.odataType, ...now } : now, focusId);
  };
  const rerender = (focusId) => {
    renderForm(container, view.options);
    container.querySelector(`#${CSS.escape(focusId)}`)?.focus();
  };
  const ctx = { model, byPointer, byRow, idPrefix, commit, rerender, valueAt, view, required: new Set(model.required ?? []) };

  const children = [];
  if (stale) {
    children.push(el('p', { class: 'notice', role: 'status', text: 'The JSON does not parse right now, so the form is paused. Everything you typed is kept; the form follows again once the JSON parses.' }));
  }
  if (!model.bodyType) {
    children.push(el('p', { class: 'notice', text: 'This operation takes no request body.' }));
  } else if (root === null || typeof root !== 'object' || Array.isArray(root)) {
    children.push(el('p', { class: 'notice', text: 'The body is not a JSON object. Start from an example, or fix the JSON.' }));
  } else {
    const declared = model.types[model.bodyType];
    const type = effectiveType(model, model.bodyType, root);
    if (model.odataType) {
      children.push(el('p', { class: 'hint', text: `The body names its type: "@odata.type": "${model.odataType}" (the address is typed as ${shortName(model.addressType)}).` }));
    } else if (declared && (declared.abstract || declared.derived.length)) {
      children.push(kindChooser(ctx, declared, root, '', `${idPrefix}root`, 'Body'));
    }
    if (declared?.abstract && type === declared) {
      children.push(el('p', { class: 'hint', text: `${declared.shortName} is abstract: choose a kind to see its properties.` }));
    } else {
      children.push(...objectRows(ctx, type, root, '', true));
    }
  }
  const form = el('fieldset', { class: 'body-form', disabled: stale }, el('legend', { class: 'visually-hidden', text: 'Body properties' }), children);
  container.replaceChildren(form);
}

function objectRows(ctx, type, object, pointer, isRoot) {
  const depth = pointerTokens(pointer).length;
  if (depth > OPEN_DEPTH && !ctx.view.expanded.has(pointer)) return [expandButton(ctx, type, pointer)];
  const rows = [];
  const known = new Set(type.properties.map((p) => p.name));
  // Properties the body cannot carry are listed apart (with the reason), unless the JSON has them.
  const parked = [];
  for (const prop of type.properties) {
    const row = isRoot ? keptRow(ctx, prop, object) : propertyRow(ctx, prop, object, pointer, false);
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
  if (type.properties.length > FILTER_FROM) rows.unshift(filterField(ctx, type, pointer, rows));
  return rows;
}

// The top-level member of the body a pointer falls in ("" for the body itself).
function rowPointerOf(pointer) {
  const next = pointer.indexOf('/', 1);
  return next < 0 ? pointer : pointer.slice(0, next);
}

// A top-level row from the last render when nothing it shows has changed, else a new one: after a
// pause in typing, a large body's form rebuilds only the rows the edit touched (README, "Speed and
// size"). Its controls edit through ctx.valueAt, so a kept row edits the latest value. A row the
// person has typed or clicked in is built again: a control may hold what it has not written to the
// JSON (a half-typed date), and the new row shows the JSON as it is.
function keptRow(ctx, prop, holder) {
  const key = rowKey(ctx, prop, holder);
  const kept = ctx.view.rows.get(prop);
  if (kept && kept.key === key && !kept.touched) return kept.row;
  const row = propertyRow(ctx, prop, holder, '', true);
  const entry = { key, row, touched: false };
  const touch = () => { entry.touched = true; };
  row.addEventListener('input', touch, true);
  row.addEventListener('change', touch, true);
  ctx.view.rows.set(prop, entry);
  return row;
}

// Everything a top-level row shows, as text: its value (a collection's shown items and its length),
// the findings under it, and what is opened or filtered in it.
function rowKey(ctx, prop, holder) {
  const pointer = pointerAppend('', prop.name);
  const present = has(holder, prop.name);
  const value = holder[prop.name];
  const listed = present && prop.collection && prop.send !== 'no' && Array.isArray(value);
  const inRow = (p) => p === pointer || p.startsWith(`${pointer}/`);
  const shownItem = (p) => {
    if (!listed || p === pointer) return true;
    const index = Number(p.slice(pointer.length + 1).split('/', 1)[0]);
    return !(Number.isInteger(index) && index >= MAX_ITEMS_SHOWN);
  };
  const findings = (ctx.byRow.get(pointer) ?? []).filter((d) => shownItem(d.pointer)).map((d) => [d.pointer, d.severity, d.message]);
  return JSON.stringify([present, listed ? [value.slice(0, MAX_ITEMS_SHOWN), value.length] : value, findings,
    [...ctx.view.expanded].filter(inRow), [...ctx.view.filters].filter(([p]) => inRow(p))]);
}

// Deep in a recursive type, the properties wait for a click.
function expandButton(ctx, type, pointer) {
  const id = `${idFor(ctx.idPrefix, pointer)}-expand`;
  return el('button', { type: 'button', class: 'expand', id, text: `Show the ${type.properties.length} properties of ${type.shortName}`,
    onclick: () => {
      ctx.view.expanded.add(pointer);
      ctx.rerender(`${idFor(ctx.idPrefix, pointerAppend(pointer, type.properties[0]?.name ?? ''))}-include`);
    } });
}

// Narrows a long list of properties by name; the ones the JSON has always show.
function filterField(ctx, type, pointer, rows) {
  const apply = (text) => {
    const wanted = text.trim().toLowerCase();
    for (const row of rows) {
      if (!row.dataset?.name) continue;
      row.hidden = !!wanted && !row.classList.contains('is-present') && !row.dataset.name.includes(wanted);
    }
  };
  const current = ctx.view.filters.get(pointer) ?? '';
  apply(current);
  return el('p', { class: 'filter' }, el('input', { type: 'search', id: `${idFor(ctx.idPrefix, pointer)}-filter`, value: current,
    'aria-label': `Filter the ${type.properties.length} properties of ${type.shortName}`, placeholder: `Filter ${type.properties.length} properties`,
    oninput: (event) => {
      ctx.view.filters.set(pointer, event.target.value);
      apply(event.target.value);
    } }));
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
      const now = ctx.valueAt(parentPointer);
      if (event.target.checked) now[prop.name] = defaultValue(model, prop);
      else delete now[prop.name];
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

  const row = el('div', { class: `prop${blocked ? ' is-blocked' : ''}${present ? ' is-present' : ''}`, 'data-pointer': pointer,
    'data-name': prop.name.toLowerCase() }, head);
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
          ctx.valueAt(parentOf(pointer))[key] = event.target.checked ? null : defaultValue(ctx.model, prop);
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
          const now = ctx.valueAt(pointer);
          now.splice(index, 1);
          commit(now.length ? idFor(ctx.idPrefix, pointerAppend(pointer, Math.max(0, index - 1))) + '-remove' : `${id}-add`);
        },
      }),
      fieldDiagnostics(ctx, itemPointer, itemId)));
  });
  const parts = [list];
  if (items.length > MAX_ITEMS_SHOWN) parts.push(el('p', { class: 'hint', text: `${items.length - MAX_ITEMS_SHOWN} more items are in the JSON; edit them there.` }));
  parts.push(el('button', {
    type: 'button', class: 'add', id: `${id}-add`, text: `Add ${typeLabel({ ...prop, collection: false })}`,
    onclick: () => {
      ctx.valueAt(pointer).push(defaultValue(model, prop, { item: true }));
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
    ctx.valueAt(parentOf(pointer))[key] = value;
    commit(focusId);
  };

  if (prop.kind === 'complex' || prop.kind === 'entity') return objectEditor(ctx, prop, current, pointer, id, label);
  return scalarEditor({ model, prop, current, set, id, pointer, label, invalid, describedBy });
}

// A structured value: its kind first when the declared type has derived types (an abstract one
// shows nothing else until a kind is chosen), then its properties.
function objectEditor(ctx, prop, current, pointer, id, label) {
  const { model } = ctx;
  if (current === null || typeof current !== 'object' || Array.isArray(current)) {
    return el('p', { class: 'hint', text: `Expected an object; the JSON has ${JSON.stringify(current)?.slice(0, 80)}. Fix it in the JSON.` });
  }
  const declared = model.types[prop.type];
  if (!declared) return el('p', { class: 'hint', text: `${prop.type} is not described here; edit it in the JSON.` });
  const type = effectiveType(model, prop.type, current);
  const group = el('fieldset', { class: 'complex', id: `${id}-group` }, el('legend', { text: `${label} (${type.shortName})` }));
  if (declared.abstract || declared.derived.length) group.append(kindChooser(ctx, declared, current, pointer, id, label));
  if (declared.abstract && type === declared) {
    group.append(el('p', { class: 'hint', text: `${declared.shortName} is abstract: choose a kind to see its properties.` }));
    return group;
  }
  group.append(...objectRows(ctx, type, current, pointer, false));
  return group;
}

// Choosing a kind names it in @odata.type and adds the kind's required members the value lacks.
function kindChooser(ctx, declared, current, pointer, id, label) {
  const { model, commit } = ctx;
  const chosen = current['@odata.type']?.replace(/^#/, '');
  const options = concreteTypes(model, declared);
  const kind = el('select', { id: `${id}-kind`, 'aria-label': `${label}: kind`,
    onchange: (event) => {
      const now = ctx.valueAt(pointer);
      const fresh = defaultObject(model, event.target.value, { chosen: true });
      for (const [key, value] of Object.entries(fresh)) if (key === '@odata.type' || !has(now, key)) now[key] = value;
      commit(`${id}-kind`);
    } });
  if (!options.some((t) => t.name === chosen)) kind.append(el('option', { value: '', selected: true, text: chosen ? `${chosen} (unknown)` : 'choose a kind' }));
  for (const t of options) kind.append(el('option', { value: t.name, selected: t.name === chosen, text: t.shortName }));
  return el('label', { class: 'kind' }, 'Kind ', kind);
}

// The types a value of `declared` may be: itself unless abstract, and every type derived from it.
function concreteTypes(model, declared) {
  const found = [];
  const pending = [declared.name];
  const seen = new Set();
  while (pending.length) {
    const type = model.types[pending.shift()];
    if (!type || seen.has(type.name)) continue;
    seen.add(type.name);
    if (!type.abstract) found.push(type);
    pending.push(...type.derived);
  }
  return found;
}
