/** Typed letters within this long of each other make one name to find ("rep" finds "report.pdf"). */
export const TYPE_SELECT_PAUSE_MS = 1_000;

/**
 * The row to select for what was typed (case- and accent-blind): the first name, from the top, that starts
 * with it. One letter typed again and again ("s", "ss", "sss") with no name starting so goes to the next
 * name with that letter after the row in focus (`from`), as GNOME Files does. -1: nothing matches.
 */
export function findTyped(names: readonly string[], typed: string, from: number | null): number {
  const wanted = fold(typed);
  if (!wanted) return -1;
  const folded = names.map(fold);
  const first = folded.findIndex((n) => n.startsWith(wanted));
  if (first >= 0) return first;
  const letter = wanted[0]!;
  if (wanted.length === 1 || [...wanted].some((c) => c !== letter)) return -1;
  for (let step = 1; step <= folded.length; step++) {
    const i = ((from ?? -1) + step) % folded.length;
    if (folded[i]!.startsWith(letter)) return i;
  }
  return -1;
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
