// "Find an operation": a combobox over every operation of the chosen model, by path, resource, type,
// action name and title, or a pasted METHOD + URL resolved to its operation. Keyboard first: arrows
// move, Enter opens, Escape closes (and then clears).
import { el } from './dom.js';
import { METHODS, parseAddress, modelOf } from './address.js';

const SHOWN = 200;

// The target every other call takes: a Graph beta id as it is, any other model's prefixed.
export const targetOf = (summary, model) => (model === 'beta' || summary.id.startsWith(`${model} `) ? summary.id : `${model} ${summary.id}`);

const haystack = (op) => `${op.method} ${op.path} ${op.title} ${op.resource} ${op.id}`.toLowerCase();

// Resource named exactly first, then the resource's own paths, then the shortest paths.
function rank(ops, words) {
  const first = words[0] ?? '';
  const score = (op) => {
    if (op.resource.toLowerCase() === first) return 0;
    if (op.path.toLowerCase().startsWith(`/${first}`)) return 1;
    return 2;
  };
  return ops.map((op) => ({ op, score: score(op) }))
    .sort((a, b) => a.score - b.score || a.op.path.length - b.op.path.length || a.op.method.localeCompare(b.op.method))
    .map((x) => x.op);
}

// Words of a title that name what an operation does, not what it works on ("Update user").
const VERBS = new Set(['create', 'update', 'delete', 'list', 'get', 'add', 'remove', 'replace']);

// The word the core searches by: the longest that is not a method or such a verb. All of the words
// then filter here, against method, path, title and resource.
const coreWord = (words) => {
  const nouns = words.filter((w) => !METHODS.includes(w.toUpperCase()) && !VERBS.has(w));
  return (nouns.length ? nouns : words).slice().sort((a, b) => b.length - a.length)[0] ?? '';
};

export function createFinder({ input, list, status, gpb, models, currentModel, onChoose }) {
  let entries = [];
  let active = -1;
  let generation = 0;
  let timer = 0;
  let shownFor = null;  // the text the results are for

  const optionId = (index) => `finder-option-${index}`;
  const say = (text) => { status.textContent = text; };

  function open(isOpen) {
    list.hidden = !isOpen;
    input.setAttribute('aria-expanded', String(isOpen));
    if (!isOpen) input.removeAttribute('aria-activedescendant');
  }

  function setActive(index) {
    const options = list.querySelectorAll('[role=option]');
    if (!options.length) return;
    active = (index + options.length) % options.length;
    options.forEach((node, i) => node.setAttribute('aria-selected', String(i === active)));
    input.setAttribute('aria-activedescendant', optionId(active));
    options[active].scrollIntoView({ block: 'nearest' });
  }

  function choose(index) {
    const entry = entries[index];
    if (!entry) return;
    open(false);
    input.value = '';
    onChoose(entry);
  }

  function optionFor(entry, index) {
    return el('div', { role: 'option', id: optionId(index), class: 'finder-option', 'aria-selected': 'false',
      onmousedown: (event) => event.preventDefault(),  // keeps focus in the field
      onclick: () => choose(index) },
    el('span', { class: `method method-${entry.method.toLowerCase()}`, text: entry.method }), ' ',
    el('code', { class: 'finder-path', text: entry.path }), ' ',
    el('span', { class: 'finder-title', text: entry.title }));
  }

  // Results grouped by resource, in ranked order of each group's first result.
  function show(found, heading) {
    entries = found;
    active = -1;
    const groups = new Map();
    found.forEach((entry, index) => {
      if (!groups.has(entry.resource)) groups.set(entry.resource, []);
      groups.get(entry.resource).push(optionFor(entry, index));
    });
    let n = 0;
    list.replaceChildren(...(heading ? [el('p', { class: 'finder-heading', text: heading })] : []),
      ...[...groups].map(([resource, options]) => {
        const labelId = `finder-group-${(n += 1)}`;
        return el('div', { role: 'group', 'aria-labelledby': labelId },
          el('div', { class: 'finder-group', id: labelId, role: 'presentation', text: resource || '(service)' }), options);
      }));
    open(found.length > 0);
    if (found.length) setActive(0);
  }

  function searchModel(model, words) {
    const word = coreWord(words);
    // Before its pack is in, beta offers its seed operations; another version nothing yet.
    const pool = models.isReady(model) ? gpb.operations({ version: model, search: word }) : model === 'beta' ? gpb.operations() : [];
    const matching = pool.filter((op) => words.every((w) => haystack(op).includes(w)));
    return rank(matching, words).slice(0, SHOWN).map((op) => ({ ...op, target: targetOf(op, model), parameters: {} }));
  }

  // A pasted address: its operation (with the key values it gives), or why it resolves to nothing.
  function resolveAddress(address, model) {
    const methods = address.method ? [address.method] : METHODS;
    const found = [];
    let problem = '';
    for (const method of methods) {
      try {
        const r = gpb.resolve(method, address.url, { version: model });
        if (!found.some((f) => f.target === r.target)) found.push(r);
      } catch (error) {
        if (!problem || method === address.method) problem = error.message;
      }
    }
    return { found, problem };
  }

  async function update() {
    const mine = (generation += 1);
    const text = input.value.trim();
    shownFor = text;
    if (!text) {
      open(false);
      say('');
      return;
    }
    const address = parseAddress(text, [...models.names()]);
    const model = address ? modelOf(address, currentModel()) : currentModel();
    if (!models.isReady(model)) {
      if (!address) show(searchModel(model, text.toLowerCase().split(/\s+/)), null);
      say(`Loading the ${model} model to search all of it…`);
      try {
        await models.ensure(model);
      } catch (error) {
        if (mine === generation) say(`The ${model} model could not be loaded: ${error.message}`);
        return;
      }
      if (mine !== generation) return;
    }
    if (address) {
      const { found, problem } = resolveAddress(address, model);
      show(found, found.length ? `${address.method ?? 'Any method'} ${address.url} in ${model}:` : null);
      say(found.length ? `Resolves to ${found.length === 1 ? 'one operation' : `${found.length} operations`}. Press Enter to open.`
        : `${address.method ?? ''} ${address.url} resolves to nothing in ${model}: ${problem}`.trim());
      return;
    }
    const found = searchModel(model, text.toLowerCase().split(/\s+/));
    show(found, null);
    say(found.length ? `${found.length}${found.length === SHOWN ? '+' : ''} operations in ${model}. Arrows move, Enter opens.`
      : `No operation of ${model} matches "${text}".`);
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(update, 120);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (list.hidden && entries.length) open(true);
      setActive(active + (event.key === 'ArrowDown' ? 1 : -1));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      clearTimeout(timer);
      // Typed and Enter at once: the results for this text first.
      const pending = shownFor === input.value.trim() ? Promise.resolve() : update();
      pending.then(() => { if (entries.length && shownFor === input.value.trim()) choose(Math.max(active, 0)); });
    } else if (event.key === 'Escape') {
      event.preventDefault();
      if (!list.hidden) open(false);
      else {
        input.value = '';
        say('');
      }
    }
  });
  input.addEventListener('blur', () => open(false));
  input.addEventListener('focus', () => { if (entries.length && input.value.trim()) open(true); });
  return { refresh: update };
}
