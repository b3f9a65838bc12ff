/** "+2 -1 lines": how many lines one text adds and removes against another (as multisets of lines). */
export function diffSummary(before: string, after: string): string {
  const count = (text: string) => {
    const map = new Map<string, number>();
    for (const line of text.split('\n')) map.set(line, (map.get(line) ?? 0) + 1);
    return map;
  };
  const a = count(before);
  const b = count(after);
  let added = 0;
  let removed = 0;
  for (const [line, n] of b) added += Math.max(0, n - (a.get(line) ?? 0));
  for (const [line, n] of a) removed += Math.max(0, n - (b.get(line) ?? 0));
  return added === 0 && removed === 0 ? 'same lines' : `+${added} -${removed} lines`;
}
