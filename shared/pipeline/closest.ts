/** Suggestions for a mistyped name: the candidates within a small edit distance, closest first. */
export function closestMatches(word: string, candidates: Iterable<string>, limit = 3): string[] {
  const lower = word.toLowerCase();
  // One typo per three characters, up to three: "x" suggests nothing, "shel" suggests "shell".
  const maxDistance = Math.min(3, Math.floor(word.length / 3));
  const scored: { name: string; distance: number }[] = [];
  for (const name of candidates) {
    if (name === word) continue;
    const candidate = name.toLowerCase();
    const distance = candidate === lower ? 0 : editDistance(lower, candidate, maxDistance);
    if (distance <= maxDistance || sharedPrefix(lower, candidate) >= Math.max(4, Math.ceil(lower.length / 2))) {
      scored.push({ name, distance });
    }
  }
  scored.sort((a, b) => a.distance - b.distance || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return scored.slice(0, limit).map((s) => s.name);
}

function sharedPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/** Optimal string alignment distance (Levenshtein plus swaps of neighbours), giving up above `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous2: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, previous2[j - 2]! + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    previous2 = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/** `; did you mean "x"?` or `; did you mean one of: "x", "y"?`, or nothing when nothing is close. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const matches = closestMatches(word, candidates);
  if (matches.length === 0) return '';
  if (matches.length === 1) return `; did you mean "${matches[0]}"?`;
  return `; did you mean one of: ${matches.map((m) => `"${m}"`).join(', ')}?`;
}
