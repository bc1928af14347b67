import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readPaperFolderAsync, type PaperFolder } from '../../src/ingest';
import { SHARED_COUNCILS, sharedCouncils } from '../parse/identity/sharedCouncils';

/**
 * The lines (and pages) read from every shared council's PDF are what the parser and the scores were
 * built on: a faster PDF reader must give exactly the same. The digests were recorded with the reader
 * before it read papers in parallel; the PDFs are read here with several readers at once.
 */
const RECORDED = (JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'pdf-lines', 'shared-councils.json'), 'utf8')) as { digests: Record<string, string> }).digests;
/** Separates the council from the file name in the one folder all the PDFs are copied into. */
const SEPARATOR = '__';

const councils = sharedCouncils();
const itOn = councils.length > 0 ? it : it.skip;
if (councils.length === 0) console.warn(`skipped the shared PDFs' lines: ${SHARED_COUNCILS} is absent (../shared is not beside this worktree)`);

function digest(lines: readonly string[], pages: readonly (number | null)[] | null): string {
  return createHash('sha256').update(JSON.stringify([lines, pages])).digest('hex').slice(0, 16);
}

let dir: string;
let folder: PaperFolder;

beforeAll(async () => {
  if (councils.length === 0) return;
  dir = mkdtempSync(join(tmpdir(), 'shared-pdfs-'));
  for (const council of councils) {
    const papers = join(SHARED_COUNCILS, council, 'papers');
    for (const name of readdirSync(papers).filter((n) => n.toLowerCase().endsWith('.pdf'))) copyFileSync(join(papers, name), join(dir, `${council}${SEPARATOR}${name}`));
  }
  folder = await readPaperFolderAsync(dir, { readers: 2 });
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('reading the shared councils’ PDFs', () => {
  itOn('gives every PDF the lines and pages recorded before reading was made parallel', () => {
    const expected = Object.fromEntries(Object.entries(RECORDED).filter(([key]) => councils.includes(key.split('/')[0]!)));
    const read = Object.fromEntries(
      folder.documents.map((d) => [d.file.replace(SEPARATOR, '/'), digest(d.lines, d.pages)] as const).filter(([key]) => key in expected),
    );
    expect(folder.issues).toStrictEqual([]);
    expect(read).toStrictEqual(expected);
  });
});
