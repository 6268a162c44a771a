// CSDL XML ($metadata) to CSDL JSON in the browser, with the browser's own XML parser. The core's
// loadMetadata reads CSDL JSON only (its wasm build has no expat), so this makes exactly what the
// native reader, wasm/core/csdl_xml.cpp, makes of the same file: the same members in the same order
// (JSON.stringify(json, null, 2) is byte for byte `gpb_pack csdl`), the same limits, and the same
// refusals. Like the native reader it works element by element: each open element has a frame with
// the JSON it builds, and when the element closes its value goes into its parent's frame.

const MAX_BYTES = 64 * 1024 * 1024;  // Graph's beta $metadata is about 4 MB
const MAX_DEPTH = 32;                // CSDL nests about 8 deep
const PARSER_ERROR_NAMESPACES = ['http://www.w3.org/1999/xhtml', 'http://www.mozilla.org/newlayout/xml/parsererror.xml'];

const TOO_LARGE = 'The file is larger than 64 MiB.';
const DOCTYPE = 'The file declares a DOCTYPE; metadata files never need one, and it is refused.';
const TOO_DEEP = `The metadata nests deeper than ${MAX_DEPTH} levels.`;

// The errors this module means, as against ones thrown by the browser underneath it.
const ours = new WeakSet();

function fail(message) {
  const error = new Error(message);
  ours.add(error);
  throw error;
}

// True when the text looks like XML rather than JSON: its first character that is neither blank
// nor a byte order mark is '<'.
export function looksLikeXml(text) {
  return typeof text === 'string' && /^[ \t\r\n\ufeff]*</.test(text);
}

// { json } for CSDL XML text, or an Error whose message is one sentence for the person who chose
// the file. The JSON's objects have no prototype, so a member named "__proto__" stays a member.
export function csdlXmlToJson(text, { DOMParser: Parser = globalThis.DOMParser } = {}) {
  try {
    return { json: convert(text, Parser) };
  } catch (error) {
    if (ours.has(error)) throw error;
    throw new Error(`The file could not be read as CSDL XML (${error?.message ?? String(error)}).`);
  }
}

function convert(text, Parser) {
  if (typeof text !== 'string') fail('The metadata must be given as text.');
  if (utf8Length(text) > MAX_BYTES) fail(TOO_LARGE);
  // Before the parser sees it: a DOCTYPE is where entities are declared, so none is ever expanded.
  if (declaresDoctype(text)) fail(DOCTYPE);
  if (typeof Parser !== 'function') fail('This browser has no XML parser (DOMParser), so it cannot read CSDL XML.');
  const doc = new Parser().parseFromString(text, 'application/xml');
  const error = parserError(doc);
  if (error) notWellFormed(doc, error);
  return read(doc.documentElement);
}

// The limit counts bytes of UTF-8, as the native reader does; most texts are decided by length.
function utf8Length(text) {
  if (text.length > MAX_BYTES || text.length * 3 <= MAX_BYTES) return text.length;
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c < 0xdc00 && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) (bytes += 4), (i += 1);
    else bytes += 3;
  }
  return bytes;
}

// A DOCTYPE can only come before the root element, after blanks, the XML declaration, processing
// instructions and comments; those are skipped, so a DOCTYPE inside a comment is only a comment.
function declaresDoctype(text) {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (;;) {
    while (i < text.length && ' \t\r\n'.includes(text[i])) i += 1;
    if (text.startsWith('<?', i)) i = after(text, '?>', i + 2);
    else if (text.startsWith('<!--', i)) i = after(text, '-->', i + 4);
    else break;
    if (i < 0) return false;  // never closed: not well-formed, and nothing after it is markup
  }
  if (/^<!doctype/i.test(text.slice(i, i + 9))) return true;
  // Anything but an element here is not well-formed; a parser that went on anyway must still
  // never meet a DOCTYPE, so one anywhere in such a text is refused too.
  return !/^<[^\s!?/]/.test(text.slice(i, i + 2)) && /<!doctype/i.test(text);
}

function after(text, end, from) {
  const at = text.indexOf(end, from);
  return at < 0 ? -1 : at + end.length;
}

// Chromium puts its report first in the root element (or, with no root, in an <html> it makes);
// Firefox makes the report the whole document.
function parserError(doc) {
  for (const element of doc.getElementsByTagName('parsererror')) {
    if (PARSER_ERROR_NAMESPACES.includes(element.namespaceURI)) return element;
  }
  return null;
}

// Expat reads as it goes, so a wrong root or too deep nesting before the first error is what the
// native reader reports. The browser keeps the document up to that error: read it the same way
// (without closing the elements still open there) and report the earlier problem if there is one.
function notWellFormed(doc, error) {
  const detail = error.querySelector('div') ?? error;  // Chromium: heading, message, heading
  const reason = detail.textContent.trim().split('\n')[0].trim() || 'the browser gave no reason';
  const root = doc.documentElement;
  if (root && error.parentNode === root) {
    error.remove();
    read(root, openAtEnd(root));
  }
  fail(`The XML is not well-formed: ${reason}`);
}

// The elements that may still have been open where the parser stopped: the root, and each one
// that is the last thing in an open one (an element with anything after it had been closed).
function openAtEnd(root) {
  const open = new Set();
  for (let element = root; element?.nodeType === 1; element = element.lastChild) open.add(element);
  return open;
}

// Visits the elements in document order without recursion (so any nesting is safe), opening each
// on the way down and closing it on the way up, as the native reader's parser calls it.
function read(root, unclosed = null) {
  const reader = new Reader(unclosed);
  let element = root;
  reader.open(element);
  for (;;) {
    if (element.firstElementChild) {
      element = element.firstElementChild;
    } else {
      while (element !== root && !element.nextElementSibling) {
        reader.close(element);
        element = element.parentElement;
      }
      reader.close(element);
      if (element === root) return reader.document();
      element = element.nextElementSibling;
    }
    reader.open(element);
  }
}

class Reader {
  constructor(unclosed) {
    this.unclosed = unclosed;
    this.frames = [{ kind: null, name: '', value: object(), overloads: null }];  // the document
    this.nextMemberValue = 0;
    this.namespace = '';  // the schema last opened: the entity container's
  }

  document() {
    return this.frames[0].value;
  }

  open(element) {
    if (this.frames.length > MAX_DEPTH) fail(TOO_DEEP);
    if (this.frames.length === 1) this.openRoot(element);
    const kind = KINDS.get(element.localName) ?? null;
    const frame = { kind, name: element.getAttribute('Name') ?? '', value: null, overloads: null };
    kind?.start(element, frame, this);
    this.frames.push(frame);
  }

  openRoot(element) {
    if (element.localName !== 'Edmx') fail(`This file is not CSDL: its root element is <${element.nodeName}>, not <edmx:Edmx>.`);
    this.document().$Version = element.getAttribute('Version') ?? '4.0';
  }

  close(element) {
    const frame = this.frames.pop();
    if (!this.unclosed?.has(element)) frame.kind?.end(frame, this.frames[this.frames.length - 1], this);
  }
}

// ---- JSON values as nlohmann::ordered_json treats them -------------------------------------------

function object(members = {}) {
  return Object.assign(Object.create(null), members);
}

function isObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function has(target, key) {
  return Object.prototype.hasOwnProperty.call(target, key);
}

// Where the native reader would meet a value of another kind (and stop with a type error).
function wrongKind(key) {
  fail(`This file is not valid CSDL: "${key}" holds a different kind of content than CSDL allows there.`);
}

// target[key] as an object: a missing or null member becomes one, where it stands.
function objectAt(target, key) {
  if (!has(target, key) || target[key] === null) target[key] = object();
  if (!isObject(target[key])) wrongKind(key);
  return target[key];
}

// target[key].push_back(value): a missing or null member becomes an array.
function pushAt(target, key, value) {
  if (!has(target, key) || target[key] === null) target[key] = [];
  if (!Array.isArray(target[key])) wrongKind(key);
  target[key].push(value);
}

// The members of a value as the native reader iterates them: an object's, an array's by index,
// none of null, and a single one with an empty name of anything else.
function items(value) {
  if (value === null) return [];
  if (typeof value === 'object') return Object.entries(value);
  return [['', value]];
}

// ---- Attribute values ------------------------------------------------------------------------------

// strtoll(text, nullptr, 10): blanks, a sign, digits; 0 when there are none, 64 bits at most
// (which a JS number holds exactly only up to 2^53).
function leadingInteger(text) {
  const match = /^[ \t\n\v\f\r]*([+-]?)0*(\d+)/.exec(text);
  if (!match) return 0;
  const [, sign, digits] = match;
  const limit = 2n ** 63n;
  let value = digits.length > 19 ? limit : BigInt(digits);  // more digits are past the limit anyway
  if (sign === '-') value = -value;
  return Number(value < -limit ? -limit : value >= limit ? limit - 1n : value);
}

// Facets are numbers when the whole value is one, except DefaultValue, which stays as written.
function putFacets(target, element) {
  for (const facet of ['MaxLength', 'Precision', 'Scale', 'DefaultValue', 'SRID']) {
    const value = element.getAttribute(facet);
    if (value === null) continue;
    const whole = facet !== 'DefaultValue' && /^[ \t\n\v\f\r]*[+-]?\d+$/.test(value);
    target[`$${facet}`] = whole ? leadingInteger(value) : value;
  }
}

// "Collection(X)" is X with $Collection.
function putType(target, element) {
  let type = element.getAttribute('Type');
  if (type === null) return;
  if (type.length > 12 && type.startsWith('Collection(') && type.endsWith(')')) {
    target.$Collection = true;
    type = type.slice(11, -1);
  }
  target.$Type = type;
}

// XML's Nullable defaults to true, CSDL JSON's $Nullable to false: written whenever it is true.
function putNullable(target, element) {
  const nullable = element.getAttribute('Nullable');
  if (nullable === null || nullable === 'true') target.$Nullable = true;
}

// Sets target[`$${name}`] to the attribute when it is there.
function copy(target, element, ...names) {
  for (const name of names) {
    const value = element.getAttribute(name);
    if (value !== null) target[`$${name}`] = value;
  }
}

// Sets target[`$${name}`] to true when the attribute is "true".
function flags(target, element, ...names) {
  for (const name of names) if (element.getAttribute(name) === 'true') target[`$${name}`] = true;
}

// Character data directly in the element (text and CDATA, not its children's).
function ownText(element) {
  let text = '';
  for (let node = element.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 3 || node.nodeType === 4) text += node.data;
  }
  return text;
}

// ---- Elements: what each starts with, and what it gives its parent when it closes -----------------

function declaredTwice(name, where) {
  fail(`This file is not valid CSDL: "${name}" is declared twice in ${where}.`);
}

// Properties, navigation properties, entity sets, singletons, imports, property values.
function endMember(frame, parent) {
  if (isObject(parent.value) && frame.name) parent.value[frame.name] = frame.value;
}

// Graph names a type and a function alike ("image"); CSDL JSON cannot, so such operations move to
// "$Operations" (which the model reader reads too), and the type takes the operations' place.
function endType(frame, parent) {
  const into = parent.value;
  if (!isObject(into) || !frame.name) return;
  if (has(into, frame.name)) {
    const operations = into[frame.name];
    if (!Array.isArray(operations)) declaredTwice(frame.name, parent.name);
    into[frame.name] = null;  // moved out first, as the native reader does
    objectAt(into, '$Operations')[frame.name] = operations;
    parent.overloads?.delete(frame.name);
  }
  into[frame.name] = frame.value;
}

// Overloads of one name share an array; one whose name is taken goes to "$Operations".
function endOperation(frame, parent) {
  const into = parent.value;
  if (!isObject(into) || !frame.name) return;
  if (parent.overloads?.has(frame.name)) {
    pushAt(into, frame.name, frame.value);
  } else if (has(into, frame.name) || (isObject(into.$Operations) && has(into.$Operations, frame.name))) {
    pushAt(objectAt(into, '$Operations'), frame.name, frame.value);
  } else {
    into[frame.name] = [frame.value];
    (parent.overloads ??= new Set()).add(frame.name);
  }
}

function endMemberValue(frame, parent, reader) {
  if (!isObject(parent.value) || !frame.name) return;
  // A member without Value takes the next number, as CSDL says.
  if (frame.value === null) frame.value = reader.nextMemberValue;
  if (typeof frame.value !== 'number') wrongKind(frame.name);
  reader.nextMemberValue = frame.value + 1;
  parent.value[frame.name] = frame.value;
}

function endAnnotations(frame, parent) {
  const into = parent.value;
  if (!isObject(into) || !frame.name) return;
  const targets = objectAt(into, '$Annotations');
  if (!has(targets, frame.name)) targets[frame.name] = null;
  for (const [term, value] of items(frame.value)) objectAt(targets, frame.name)[term] = value;
}

function endContainer(frame, parent, reader) {
  const into = parent.value;
  if (!isObject(into) || !frame.name) return;
  if (has(into, frame.name)) declaredTwice(frame.name, parent.name);
  reader.document().$EntityContainer = `${reader.namespace}.${frame.name}`;
  into[frame.name] = frame.value;
}

// A value of an annotation or property value: it replaces its parent's.
function endValue(frame, parent) {
  parent.value = frame.value;
}

const SCHEMA = {
  start(element, frame, reader) {
    frame.name = element.getAttribute('Namespace') ?? '';
    reader.namespace = frame.name;
    frame.value = object();
    if (element.getAttribute('Alias') !== null) frame.value.$Alias = element.getAttribute('Alias');
  },
  // Schemas sit under edmx:DataServices; they are members of the document itself.
  end(frame, parent, reader) {
    if (frame.name) reader.document()[frame.name] = frame.value;
  },
};

const ENUM_TYPE = {
  start(element, frame, reader) {
    frame.value = object({ $Kind: 'EnumType' });
    reader.nextMemberValue = 0;
    flags(frame.value, element, 'IsFlags');
    copy(frame.value, element, 'UnderlyingType');
  },
  end: endType,
};

const MEMBER = {
  start(element, frame) {
    const value = element.getAttribute('Value');
    frame.value = value === null ? null : leadingInteger(value);
  },
  end: endMemberValue,
};

const STRUCTURED_TYPE = {
  start(element, frame) {
    frame.value = object({ $Kind: element.localName });
    copy(frame.value, element, 'BaseType');
    flags(frame.value, element, 'Abstract', 'OpenType', 'HasStream');
  },
  end: endType,
};

const KEY = {
  start(element, frame) { frame.value = []; },
  end(frame, parent) { if (isObject(parent.value)) parent.value.$Key = frame.value; },
};

const PROPERTY_REF = {
  start(element, frame) { frame.value = element.getAttribute('Name'); },
  end(frame, parent) {
    if (Array.isArray(parent.value) && typeof frame.value === 'string') parent.value.push(frame.value);
  },
};

const PROPERTY = {
  start(element, frame) {
    frame.value = object();
    putType(frame.value, element);
    putNullable(frame.value, element);
    putFacets(frame.value, element);
  },
  end: endMember,
};

const NAVIGATION_PROPERTY = {
  start(element, frame) {
    frame.value = object({ $Kind: 'NavigationProperty' });
    putType(frame.value, element);
    if (!has(frame.value, '$Collection')) putNullable(frame.value, element);
    flags(frame.value, element, 'ContainsTarget');
    copy(frame.value, element, 'Partner');
  },
  end: endMember,
};

const OPERATION = {
  start(element, frame) {
    frame.value = object({ $Kind: element.localName });
    flags(frame.value, element, 'IsBound', 'IsComposable');
  },
  end: endOperation,
};

const PARAMETER = {
  start(element, frame) {
    frame.value = object({ $Name: frame.name });
    putType(frame.value, element);
    putNullable(frame.value, element);
    putFacets(frame.value, element);
  },
  end(frame, parent) { if (isObject(parent.value)) pushAt(parent.value, '$Parameter', frame.value); },
};

const RETURN_TYPE = {
  start(element, frame) {
    frame.value = object();
    putType(frame.value, element);
    putNullable(frame.value, element);
  },
  end(frame, parent) { if (isObject(parent.value)) parent.value.$ReturnType = frame.value; },
};

const ENTITY_CONTAINER = {
  start(element, frame) { frame.value = object({ $Kind: 'EntityContainer' }); },
  end: endContainer,
};

const ENTITY_SET = {
  start(element, frame) {
    frame.value = object({ $Collection: true, $Type: element.getAttribute('EntityType') ?? '' });
  },
  end: endMember,
};

const SINGLETON = {
  start(element, frame) { frame.value = object({ $Type: element.getAttribute('Type') ?? '' }); },
  end: endMember,
};

const OPERATION_IMPORT = {
  start(element, frame) {
    frame.value = object();
    copy(frame.value, element, 'Action', 'Function', 'EntitySet');
  },
  end: endMember,
};

const TYPE_DEFINITION = {
  start(element, frame) {
    frame.value = object({ $Kind: 'TypeDefinition' });
    copy(frame.value, element, 'UnderlyingType');
  },
  end: endType,
};

const ANNOTATIONS = {
  start(element, frame) {
    frame.name = element.getAttribute('Target') ?? '';
    frame.value = object();
  },
  end: endAnnotations,
};

// The value is the first of Bool, String, EnumMember and Int that is there; a tag without one is
// the term's default (true for Core.Computed and the like).
const ANNOTATION = {
  start(element, frame) {
    frame.name = element.getAttribute('Term') ?? '';
    const [bool, string, member, int] = ['Bool', 'String', 'EnumMember', 'Int'].map((name) => element.getAttribute(name));
    if (bool !== null) frame.value = bool === 'true';
    else if (string !== null) frame.value = string;
    else if (member !== null) frame.value = member;
    else if (int !== null) frame.value = leadingInteger(int);
    else frame.value = true;
  },
  end(frame, parent) { if (isObject(parent.value) && frame.name) parent.value[`@${frame.name}`] = frame.value; },
};

const RECORD = {
  start(element, frame) { frame.value = object(); },
  end: endValue,
};

const PROPERTY_VALUE = {
  start(element, frame) {
    frame.name = element.getAttribute('Property') ?? '';
    const [bool, string] = ['Bool', 'String'].map((name) => element.getAttribute(name));
    if (bool !== null) frame.value = bool === 'true';
    else if (string !== null) frame.value = string;
  },
  end: endMember,
};

// <Annotation Term="Core.Permissions"><EnumMember>Core.Permission/Read</EnumMember></Annotation>
const TEXT_VALUE = {
  start(element, frame) { frame.text = ownText(element); },
  end(frame, parent) { parent.value = frame.text; },
};

// By local name, whatever the prefix or namespace, as the native reader matches them.
const KINDS = new Map([
  ['Schema', SCHEMA], ['EnumType', ENUM_TYPE], ['Member', MEMBER], ['EntityType', STRUCTURED_TYPE],
  ['ComplexType', STRUCTURED_TYPE], ['Key', KEY], ['PropertyRef', PROPERTY_REF], ['Property', PROPERTY],
  ['NavigationProperty', NAVIGATION_PROPERTY], ['Action', OPERATION], ['Function', OPERATION],
  ['Parameter', PARAMETER], ['ReturnType', RETURN_TYPE], ['EntityContainer', ENTITY_CONTAINER],
  ['EntitySet', ENTITY_SET], ['Singleton', SINGLETON], ['ActionImport', OPERATION_IMPORT],
  ['FunctionImport', OPERATION_IMPORT], ['TypeDefinition', TYPE_DEFINITION], ['Annotations', ANNOTATIONS],
  ['Annotation', ANNOTATION], ['Record', RECORD], ['PropertyValue', PROPERTY_VALUE],
  ['EnumMember', TEXT_VALUE], ['String', TEXT_VALUE],
]);
