import type { SourceDocument } from '../ingest';
import type { Paper } from '../model';
import type { ParsedFile } from '../parse';
import type { Passage } from './passage';

/** Paragraphs longer than this are cut into runs of this many lines, so a citation stays specific. */
const MAX_PASSAGE_LINES = 8;
const PAGE_FOOTER = /^\s*Page\s+\d{1,4}\s*$/u;

/**
 * Cuts each paper into passages: a paragraph (lines between blank lines), or a run of at most
 * MAX_PASSAGE_LINES lines. Each knows its paper, meeting and item, for the citation.
 */
export function toPassages(doc: SourceDocument, parsed: ParsedFile, firstId: number): Passage[] {
  const passages: Passage[] = [];
  const itemAt = itemLookup(parsed);
  for (const paper of parsed.papers) {
    let block: number[] = [];
    const flush = (): void => {
      for (let k = 0; k < block.length; k += MAX_PASSAGE_LINES) {
        const run = block.slice(k, k + MAX_PASSAGE_LINES);
        const text = run.map((i) => doc.lines[i]!.trim()).join('\n');
        if (text.replace(/[^A-Za-z0-9]/gu, '').length < 4) continue;
        const start = run[0]!;
        const end = run[run.length - 1]!;
        passages.push({
          id: firstId + passages.length,
          text,
          title: paperTitle(paper),
          paperKind: paper.kind,
          meetingDate: paper.meetingDate,
          item: itemAt(start),
          source: { file: doc.file, lineStart: start + 1, lineEnd: end + 1, page: parsed.pages[start] ?? null },
        });
      }
      block = [];
    };
    for (let i = paper.source.lineStart - 1; i <= paper.source.lineEnd - 1; i++) {
      const line = doc.lines[i] ?? '';
      if (line.trim() === '' || PAGE_FOOTER.test(line)) flush();
      else block.push(i);
    }
    flush();
  }
  return passages;
}

function paperTitle(paper: Paper): string {
  return paper.title;
}

/** The minute item or agenda item a line sits in, as "11 School Exclusion and Suspensions". */
function itemLookup(parsed: ParsedFile): (index: number) => string | null {
  const ranges = [
    ...parsed.minutes.flatMap((m) => m.items.map((i) => ({ ...i.source, label: `item ${i.number} ${i.title}` }))),
    ...parsed.agendaItems.map((i) => ({ ...i.source, label: `item ${i.number} ${i.title}` })),
  ];
  return (index) => ranges.find((r) => index + 1 >= r.lineStart && index + 1 <= r.lineEnd)?.label ?? null;
}
