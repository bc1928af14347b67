import type { SourceDocument } from '../../ingest';
import type { Committee, Paper } from '../../model';
import { canonicalCommittee } from '../committees';
import type { ParsedFile } from '../parsedCorpus';
import { sectionListItems } from './committeeDetails';
import type { PaperReader } from './index';
import { isPage, lineSpan, rangeOfAll, rendered, textOf, unreadable } from './moderngov';
import { fileFindings } from './common';

/**
 * A ModernGov committee structure page: the council's committees, listed under headings
 * ("Regulatory", "Overview & Scrutiny"). Each becomes a Committee with no members, so the bot knows
 * which committees exist; their details pages say who sits on them.
 */
export const committeeStructureReader: PaperReader = {
  layout: 'moderngov_committee_structure',
  recognises: (doc) => isPage(doc, 'committeeStructure'),
  read: readCommitteeStructure,
};

function readCommitteeStructure(doc: SourceDocument): Omit<ParsedFile, 'layout' | 'identity'> {
  const page = rendered(doc)!;
  const committees: Committee[] = [];
  const seen = new Set<string>();
  for (const { item } of sectionListItems(page)) {
    const name = textOf(item);
    const range = page.rangeOf(item);
    if (!name || !range || seen.has(name)) continue;
    seen.add(name);
    committees.push({ name, canonical: canonicalCommittee(name), chair: null, viceChair: null, members: [], substitutes: [], supportOfficer: null, purpose: null, source: lineSpan(doc.file, range) });
  }
  if (committees.length === 0) return unreadable(doc, 'unknown_committee', 'the committee structure page lists no committees');
  const range = rangeOfAll(page, sectionListItems(page).map((s) => s.item))!;
  const paper: Paper = { kind: 'committee_list', title: 'Committee structure', meetingDate: null, source: lineSpan(doc.file, range) };
  return fileFindings(doc, { papers: [paper], committees });
}
