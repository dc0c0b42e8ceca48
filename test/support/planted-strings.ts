/** Where a planted string was found, with enough context around it to see what leaked it. */
export interface Leak {
  source: string;
  planted: string;
  excerpt: string;
}

/**
 * Searches `text` for each planted string, case-insensitively, and answers every occurrence
 * with the text around it, so that a failing assertion says where the personal data leaked.
 */
export function findPlanted(source: string, text: string, planted: readonly string[], context = 160): Leak[] {
  const haystack = text.toLowerCase();
  const leaks: Leak[] = [];
  for (const needle of planted) {
    for (let at = haystack.indexOf(needle.toLowerCase()); at >= 0; at = haystack.indexOf(needle.toLowerCase(), at + needle.length)) {
      leaks.push({ source, planted: needle, excerpt: text.slice(Math.max(0, at - context), at + needle.length + context) });
    }
  }
  return leaks;
}
