import type { Element } from 'domhandler';
import type { RenderedHtml, SourceDocument } from '../../ingest';
import type { Committee, CommitteeMember, Paper } from '../../model';
import { canonicalCommittee } from '../committees';
import type { ParsedFile } from '../parsedCorpus';
import type { PaperReader } from './index';
import { isLabel, isPage, labelledValue, lineSpan, memberName, MODERNGOV, parseContact, rangeOfAll, rendered, sections, subTitle, textOf, unreadable } from './moderngov';
import { fileFindings } from './common';

const D = MODERNGOV.committeeDetails;

/**
 * A ModernGov committee details page: the committee's name (the subtitle), its purpose, its
 * membership with roles in brackets ("(Chair)", "(Vice-Chair)"), substitutes, the support officer.
 */
export const committeeDetailsReader: PaperReader = {
  layout: 'moderngov_committee_details',
  recognises: (doc) => isPage(doc, 'committeeDetails'),
  read: readCommitteeDetails,
};

function readCommitteeDetails(doc: SourceDocument): Omit<ParsedFile, 'layout' | 'identity'> {
  const page = rendered(doc)!;
  const header = subTitle(page);
  const name = header ? textOf(header) : '';
  const headerRange = header ? page.rangeOf(header) : undefined;
  if (!header || !name || !headerRange) return unreadable(doc, 'unknown_committee', 'the committee details page names no committee');
  const parts = sections(page);
  const purposeSection = parts.find((s) => isLabel(s.title, D.purpose));
  const purposeRange = purposeSection ? rangeOfAll(page, purposeSection.body) : undefined;
  const purpose = purposeRange ? doc.lines.slice(purposeRange.first, purposeRange.last + 1).filter((l) => l.trim() !== '').join('\n') : null;
  const members = parts.filter((s) => isLabel(s.title, D.membership)).flatMap((s) => listedMembers(s.body, null));
  const substitutes = parts.filter((s) => isLabel(s.title, D.substitutesHeadings)).flatMap((s) => listedMembers(s.body, 'Substitute'));
  const everyone = [...members, ...substitutes];
  const officer = labelledValue(page, D.supportOfficer);
  const used = [header, ...parts.flatMap((s) => [s.heading, ...s.body])];
  const range = rangeOfAll(page, officer ? [...used, officer.paragraph] : used) ?? headerRange;
  const committee: Committee = {
    name,
    canonical: canonicalCommittee(name),
    chair: withRole(everyone, D.roles.chair),
    viceChair: withRole(everyone, D.roles.viceChair),
    members: everyone,
    substitutes: everyone.filter((m) => m.role !== null && isLabel(m.role, D.roles.substitute)).map((m) => m.name),
    supportOfficer: officer ? parseContact(officer.text) : null,
    purpose,
    source: lineSpan(doc.file, range),
  };
  const paper: Paper = { kind: 'committee_details', title: `Committee details - ${name}`, meetingDate: null, source: lineSpan(doc.file, range) };
  return fileFindings(doc, { papers: [paper], committees: [committee] });
}

/** The list items of a membership or attendance section: "Councillor Jo Bloggs (Chair)" -> name and role. */
export function listedMembers(body: readonly Element[], sectionRole: string | null): CommitteeMember[] {
  const items = body.flatMap((el) => (el.name === 'li' ? [el] : listItems(el)));
  return items
    .map((li) => {
      const text = textOf(li);
      const bracketed = [...text.matchAll(/\(([^)]+)\)/gu)].map((m) => m[1]!.trim());
      const role = bracketed.find((b) => isRole(b)) ?? sectionRole;
      return { name: memberName(linkedName(li) ?? text), role };
    })
    .filter((m) => m.name !== '');
}

/**
 * The person a list item links to: "<a>Mayor Jo Bloggs</a> (Chair) Northshire Combined Authority" names
 * the body the member sits for after the role; the link's text is the member. Null: no link in the item.
 */
function linkedName(li: Element): string | null {
  const link = li.children.find((c): c is Element => c.type === 'tag' && c.name === 'a');
  const text = link ? textOf(link).trim() : '';
  return text || null;
}

/** The first member listed with one of these roles: the chair, the vice-chair. */
export function withRole(members: readonly CommitteeMember[], roles: readonly string[]): string | null {
  return members.find((m) => m.role !== null && isLabel(m.role, roles))?.name ?? null;
}

function isRole(text: string): boolean {
  return Object.values(D.roles).some((roles) => isLabel(text, roles));
}

function listItems(el: Element): Element[] {
  const out: Element[] = [];
  for (const c of el.children) {
    if (c.type !== 'tag') continue;
    const child = c as Element;
    if (child.name === 'li') out.push(child);
    else out.push(...listItems(child));
  }
  return out;
}

/** Exported for the structure page: a page's list items under its section headings. */
export function sectionListItems(page: RenderedHtml): { section: string; item: Element }[] {
  return sections(page).flatMap((s) => s.body.flatMap((el) => (el.name === 'li' ? [el] : listItems(el))).map((item) => ({ section: s.title, item })));
}
