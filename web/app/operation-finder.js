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

const optionId = (index) => `finder-option-${index}`;

// One result: its method, path and title.
function optionFor(entry, index, choose) {
  return el('div', { role: 'option', id: optionId(index), class: 'finder-option', 'aria-selected': 'false',
    onmousedown: (event) => event.preventDefault(),  // keeps focus in the field
    onclick: () => choose(index) },
  el('span', { class: `method method-${entry.method.toLowerCase()}`, text: entry.method }), ' ',
  el('code', { class: 'finder-path', text: entry.path }), ' ',
  el('span', { class: 'finder-title', text: entry.title }));
}

// The results grouped by resource, in ranked order of each group's first result, under a heading.
function resultList(found, heading, choose) {
  const groups = new Map();
  found.forEach((entry, index) => {
    if (!groups.has(entry.resource)) groups.set(entry.resource, []);
    groups.get(entry.resource).push(optionFor(entry, index, choose));
  });
  let n = 0;
  return [...(heading ? [el('p', { class: 'finder-heading', text: heading })] : []),
    ...[...groups].map(([resource, options]) => {
      const labelId = `finder-group-${(n += 1)}`;
      return el('div', { role: 'group', 'aria-labelledby': labelId },
        el('div', { class: 'finder-group', id: labelId, role: 'presentation', text: resource || '(service)' }), options);
    })];
}

function searchModel({ gpb, models }, model, words) {
  const word = coreWord(words);
  // Before its pack is in, beta offers its seed operations; another version nothing yet.
  const pool = models.isReady(model) ? gpb.operations({ version: model, search: word }) : model === 'beta' ? gpb.operations() : [];
  const matching = pool.filter((op) => words.every((w) => haystack(op).includes(w)));
  return rank(matching, words).slice(0, SHOWN).map((op) => ({ ...op, target: targetOf(op, model), parameters: {} }));
}

// A pasted address: its operation (with the key values it gives), or why it resolves to nothing.
function resolveAddress(gpb, address, model) {
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

// The combobox: the field, its list of results and its status line.
class Finder {
  constructor({ input, list, status, gpb, models, currentModel, onChoose }) {
    Object.assign(this, { input, list, status, gpb, models, currentModel, onChoose });
    this.entries = [];
    this.active = -1;
    this.generation = 0;
    this.timer = 0;
    this.shownFor = null;  // the text the results are for
    input.addEventListener('input', () => {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.update(), 120);
    });
    input.addEventListener('keydown', (event) => this.onKeydown(event));
    input.addEventListener('blur', () => this.open(false));
    input.addEventListener('focus', () => { if (this.entries.length && input.value.trim()) this.open(true); });
  }

  say(text) {
    this.status.textContent = text;
  }

  open(isOpen) {
    this.list.hidden = !isOpen;
    this.input.setAttribute('aria-expanded', String(isOpen));
    if (!isOpen) this.input.removeAttribute('aria-activedescendant');
  }

  setActive(index) {
    const options = this.list.querySelectorAll('[role=option]');
    if (!options.length) return;
    this.active = (index + options.length) % options.length;
    options.forEach((node, i) => node.setAttribute('aria-selected', String(i === this.active)));
    this.input.setAttribute('aria-activedescendant', optionId(this.active));
    options[this.active].scrollIntoView({ block: 'nearest' });
  }

  choose(index) {
    const entry = this.entries[index];
    if (!entry) return;
    this.open(false);
    this.input.value = '';
    this.onChoose(entry);
  }

  show(found, heading) {
    this.entries = found;
    this.active = -1;
    this.list.replaceChildren(...resultList(found, heading, (index) => this.choose(index)));
    this.open(found.length > 0);
    if (found.length) this.setActive(0);
  }

  async update() {
    const mine = (this.generation += 1);
    const text = this.input.value.trim();
    this.shownFor = text;
    if (!text) {
      this.open(false);
      this.say('');
      return;
    }
    const address = parseAddress(text, [...this.models.names()]);
    const model = address ? modelOf(address, this.currentModel()) : this.currentModel();
    const words = text.toLowerCase().split(/\s+/);
    if (!this.models.isReady(model)) {
      if (!address) this.show(searchModel(this, model, words), null);
      this.say(`Loading the ${model} model to search all of it…`);
      try {
        await this.models.ensure(model);
      } catch (error) {
        if (mine === this.generation) this.say(`The ${model} model could not be loaded: ${error.message}`);
        return;
      }
      if (mine !== this.generation) return;
    }
    if (address) this.showAddress(address, model);
    else this.showSearch(searchModel(this, model, words), model, text);
  }

  showAddress(address, model) {
    const { found, problem } = resolveAddress(this.gpb, address, model);
    this.show(found, found.length ? `${address.method ?? 'Any method'} ${address.url} in ${model}:` : null);
    this.say(found.length ? `Resolves to ${found.length === 1 ? 'one operation' : `${found.length} operations`}. Press Enter to open.`
      : `${address.method ?? ''} ${address.url} resolves to nothing in ${model}: ${problem}`.trim());
  }

  showSearch(found, model, text) {
    this.show(found, null);
    this.say(found.length ? `${found.length}${found.length === SHOWN ? '+' : ''} operations in ${model}. Arrows move, Enter opens.`
      : `No operation of ${model} matches "${text}".`);
  }

  onKeydown(event) {
    const { input, list } = this;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (list.hidden && this.entries.length) this.open(true);
      this.setActive(this.active + (event.key === 'ArrowDown' ? 1 : -1));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      clearTimeout(this.timer);
      // Typed and Enter at once: the results for this text first.
      const pending = this.shownFor === input.value.trim() ? Promise.resolve() : this.update();
      pending.then(() => { if (this.entries.length && this.shownFor === input.value.trim()) this.choose(Math.max(this.active, 0)); });
    } else if (event.key === 'Escape') {
      event.preventDefault();
      if (!list.hidden) this.open(false);
      else {
        input.value = '';
        this.say('');
      }
    }
  }
}

export function createFinder(options) {
  const finder = new Finder(options);
  return { refresh: () => finder.update() };
}
