import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** ../shared beside the worktree: the councils' papers and their SOURCES.md tables. Absent on CI machines without it. */
export const SHARED_COUNCILS = resolve(__dirname, '..', '..', '..', '..', 'shared', 'councils');

/**
 * The shared councils to test: every folder of ../shared/councils, less those COUNCILS_EXCLUDE names
 * (comma-separated), so a developer can leave a held-out council unread while working.
 */
export function sharedCouncils(): string[] {
  if (!existsSync(SHARED_COUNCILS)) return [];
  const excluded = new Set((process.env['COUNCILS_EXCLUDE'] ?? '').split(',').map((c) => c.trim()).filter(Boolean));
  return readdirSync(SHARED_COUNCILS, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !excluded.has(d.name) && existsSync(join(SHARED_COUNCILS, d.name, 'SOURCES.md')))
    .map((d) => d.name)
    .sort();
}

/** One row of a SOURCES.md table: the file and the committee, meeting date and council it is of. */
export interface SourceRow {
  readonly file: string;
  readonly committee: string;
  readonly date: string;
  readonly council: string;
}

/** The rows of every table in SOURCES.md whose header names a file, a committee and a meeting date (as ../shared/eval/identity.mjs reads them). */
export function sourceRows(council: string): SourceRow[] {
  const rows: SourceRow[] = [];
  let cols: { file: number; committee: number; date: number; council: number } | null | 'skip' = null;
  for (const line of readFileSync(join(SHARED_COUNCILS, council, 'SOURCES.md'), 'utf8').split(/\r?\n/u)) {
    if (!line.startsWith('|')) {
      cols = null;
      continue;
    }
    const cells = line.split('|').slice(1, -1).map((c) => c.trim());
    if (cells.every((c) => /^:?-+:?$/u.test(c))) continue;
    if (cols === null) {
      const low = cells.map((c) => c.toLowerCase());
      const at = { file: low.findIndex((c) => c === 'file' || c === 'saved file'), committee: low.indexOf('committee'), date: low.indexOf('meeting date'), council: low.indexOf('council') };
      cols = at.file >= 0 && at.committee >= 0 && at.date >= 0 ? at : 'skip';
      continue;
    }
    if (cols === 'skip') continue;
    const file = (cells[cols.file] ?? '').replace(/`/gu, '').replace(/\s*\(\+.*$/u, '').trim();
    if (file) rows.push({ file, committee: cells[cols.committee] ?? '', date: cells[cols.date] ?? '', council: cells[cols.council] ?? '' });
  }
  return rows;
}

const words = (s: string | null): string[] =>
  (s ?? '')
    .toLowerCase()
    .replace(/\([^)]*\)/gu, ' ')
    .replace(/&/gu, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^the /u, '')
    .split(/\s+/u)
    .filter(Boolean);

/** Names match as the scorer's header says: equal words, or one holding the other with at most three words to spare. */
function sameName(label: string, got: string | null): boolean {
  const a = words(label);
  const b = words(got);
  if (a.length === 0 || b.length === 0) return false;
  if (a.join(' ') === b.join(' ')) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return long.length - short.length <= 3 && ` ${long.join(' ')} `.includes(` ${short.join(' ')} `);
}

const WHOLE_BODY = /^(general meeting|full council|council|parish council|community council|town council|county council|city council|(ordinary|annual|extraordinary) (meeting|parish meeting)( of the (parish|community|town) council)?)$/u;

/** Whether a row is scored on both committee and date, and whether an identity gets both right. */
export function scoreRow(row: SourceRow, got: { committee: string | null; meetingDates: readonly string[] } | undefined): { scored: boolean; right: boolean } {
  const wantCommittee = words(row.committee).length > 0 && !/^\(?all|^n\/?a$|^none/iu.test(row.committee);
  const wantDate = /^\d{4}-\d{2}-\d{2}$/u.test(row.date);
  if (!wantCommittee || !wantDate || !got) return { scored: wantCommittee && wantDate, right: false };
  const committee = sameName(row.committee, got.committee) || (WHOLE_BODY.test(words(row.committee).join(' ')) && sameName(row.council, got.committee));
  return { scored: true, right: committee && got.meetingDates.slice(0, 3).includes(row.date) };
}
