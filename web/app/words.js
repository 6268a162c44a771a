// Counts in words: "1 error", "2 errors".
export const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

// "2 errors, 1 warning" for a list of diagnostics.
export function countText(diagnostics) {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}
