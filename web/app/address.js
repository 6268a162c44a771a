// Reading what a person types or pastes to name an operation: "PATCH https://graph.microsoft.com/v1.0/users/42",
// "PATCH /users/42", a bare path, or an operation's target "v1.0 PATCH /users/{userId}".
export const METHODS = ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'];

// The Graph version a URL names in its first path segment, or null.
export function versionInUrl(url) {
  const match = /^(?:https?:\/\/[^/?#]+)?\/?(v1\.0|beta)(?=[/?#]|$)/i.exec(url.trim());
  return match ? match[1].toLowerCase() : null;
}

const looksLikeUrl = (text) => /^(https?:\/\/|\/)/i.test(text);

// { model, method, url } when the text addresses something (method null for a bare URL), else null.
// `models` are the names a target may start with ("beta", "v1.0", loaded services).
export function parseAddress(text, models = []) {
  const words = text.trim().split(/\s+/);
  let model = null;
  if (words.length > 2 && models.includes(words[0]) && METHODS.includes(words[1].toUpperCase())) model = words.shift();
  if (words.length >= 2 && METHODS.includes(words[0].toUpperCase()) && looksLikeUrl(words[1])) {
    // An HTTP request line may end with its protocol.
    const url = words.slice(1).join(' ').replace(/\s+HTTP\/\d(\.\d)?$/i, '');
    return { model, method: words[0].toUpperCase(), url };
  }
  if (words.length === 1 && looksLikeUrl(words[0])) return { model, method: null, url: words[0] };
  return null;
}

// The model an address is read in: the one it names, the Graph version in its URL, or the current one.
export function modelOf(address, current) {
  return address.model ?? versionInUrl(address.url) ?? current;
}

// The address in an operation's target whose first word names a model not loaded here
// ("library POST /books" before library's $metadata is opened), or null.
export function addressAfterModelName(text) {
  return parseAddress(text.replace(/^\S+\s+/, ''));
}

// The path parameters that have a value ({ userId: '42' } of { userId: '42', messageId: '' }).
export function filledParameters(parameters) {
  return Object.fromEntries(Object.entries(parameters ?? {}).filter(([, value]) => value));
}
