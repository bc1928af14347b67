/** Longest slug a title becomes, so that names stay readable and under file-system limits. */
const MAX_SLUG_CHARS = 60;

/** "Agenda frontsheet (revised) – 15/01" → "agenda-frontsheet-revised-15-01". */
export function slug(text: string): string {
  const plain = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/gu, '')
    .toLowerCase()
    .replace(/&/gu, ' and ')
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-+|-+$/gu, '');
  const cut = plain.length <= MAX_SLUG_CHARS ? plain : plain.slice(0, MAX_SLUG_CHARS).replace(/-[^-]*$/u, '');
  return cut || 'untitled';
}

/** `<committee>-<yyyy-mm-dd or nodate>-<what>.<ext>`: stable and descriptive. */
export function paperFileName(committee: string, date: string | null, what: string, ext: string): string {
  return `${slug(committee)}-${date ?? 'nodate'}-${slug(what)}${ext}`;
}

/** `name.pdf` → `name-s112218.pdf`: the same name told apart by the document's own id. */
export function withSuffix(file: string, suffix: string): string {
  const dot = file.lastIndexOf('.');
  return dot > 0 ? `${file.slice(0, dot)}-${suffix}${file.slice(dot)}` : `${file}-${suffix}`;
}
