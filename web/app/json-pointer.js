// JSON Pointers (RFC 6901), as the core writes them in each diagnostic's `pointer`: "" is the
// whole value, "/a~1b/0" is member "a/b" of it, then that member's first item.

// A member name or an array index as one pointer token: "~" is written "~0" and "/" is "~1".
export const escapeToken = (token) => String(token).replace(/~/g, '~0').replace(/\//g, '~1');

export const unescapeToken = (token) => token.replace(/~1/g, '/').replace(/~0/g, '~');

// The pointer to a member or item of the value `pointer` points at.
export const pointerAppend = (pointer, token) => `${pointer}/${escapeToken(token)}`;

// The member names and indexes a pointer passes through, unescaped ("" has none).
export const pointerTokens = (pointer) => (pointer ? pointer.slice(1).split('/').map(unescapeToken) : []);
