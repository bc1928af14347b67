/** Link to the read-only paper view (served by src/server), opened at the cited lines. */
export function paperLink(baseUrl: string, file: string, lineStart?: number, lineEnd?: number): string {
  const base = `${baseUrl}/papers/${encodeURIComponent(file)}`;
  if (lineStart === undefined) return base;
  return `${base}?lines=${lineStart}-${lineEnd ?? lineStart}#L${lineStart}`;
}
