// Shortens a product name for a tree row by dropping the names of the nodes it already sits under:
// under "Sunny Valley / Orange juice", "Sunny Valley Orange juice Classic 1 l" reads "Classic 1 l".

/**
 * Strips each ancestor name, top-down, when the remaining name starts with it followed by a space
 * (case-insensitive). Returns the full name when stripping would leave nothing.
 */
export function shortName(name: string, ancestorNames: readonly string[]): string {
  let rest = name;
  for (const ancestor of ancestorNames) {
    const prefix = `${ancestor} `;
    if (ancestor && rest.toLowerCase().startsWith(prefix.toLowerCase())) rest = rest.slice(prefix.length);
  }
  return rest.trim() === "" ? name : rest;
}
