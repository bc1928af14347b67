import type { Report, ReportSection } from '../model';
import { findCommitteeName } from './committees';
import { findDates } from './dates';
import { COUNCIL_LETTERHEAD, isBlank, type PageOf, plain, span } from './lines';

/** Cover-table labels (first cell) and the field each fills. */
const FIELDS: readonly [RegExp, keyof CoverFields][] = [
  [/^Report title/iu, 'title'],
  [/^Cabinet member/iu, 'cabinetMember'],
  [/^Accountable director/iu, 'accountableDirector'],
  [/^Originating service/iu, 'originatingService'],
  [/^Accountable employee/iu, 'accountableEmployee'],
];

interface CoverFields {
  title: string | null;
  cabinetMember: string | null;
  accountableDirector: string | null;
  originatingService: string | null;
  accountableEmployee: string | null;
}

/** "1.0 Purpose", "2.0 Background": a report's numbered sections. */
const SECTION = /^\s*(?:[-•]\s*)?(\d{1,2}\.0)\s+(?:\*\*)?([A-Z][^.]{2,80}?)(?:\*\*)?\s*$/u;
const RECOMMENDATION_HEAD = /^Recommendations?(?:\(s\))? for (?:action or )?(?:decision|noting|information)/iu;

/** Reads a report's cover table, recommendations and section headings in lines[start..end]. */
export function parseReport(file: string, lines: readonly string[], start: number, end: number, pageOf: PageOf): Report {
  const cover: CoverFields = { title: null, cabinetMember: null, accountableDirector: null, originatingService: null, accountableEmployee: null };
  let committee: string | null = null;
  let meetingDate: string | null = null;
  const recommendations: string[] = [];
  const sections: ReportSection[] = [];
  let inRecommendations = false;
  for (let i = start; i <= end; i++) {
    const raw = lines[i] ?? '';
    if (isBlank(raw)) continue;
    const line = plain(raw);
    if (i < start + 12 && COUNCIL_LETTERHEAD.test(raw)) {
      committee = findCommitteeName(raw.replace(COUNCIL_LETTERHEAD, ''));
      meetingDate = findDates(raw)[0]?.date ?? meetingDate;
    }
    const field = FIELDS.find(([label]) => label.test(raw.trim()));
    if (field && cover[field[1]] === null) {
      const cells = raw.split('\t').map((c) => plain(c)).filter(Boolean);
      cover[field[1]] = cells.slice(1).join(' ') || null;
      continue;
    }
    if (RECOMMENDATION_HEAD.test(line)) {
      inRecommendations = true;
      continue;
    }
    const section = SECTION.exec(raw);
    if (section) {
      inRecommendations = false;
      sections.push({ number: section[1] ?? '', title: plain(section[2] ?? ''), source: span(file, i, i, pageOf) });
      continue;
    }
    if (inRecommendations && /^\s*(?:[-•]\s*)?(?:\d{1,2}[.)]|[a-z][.)])\s+/u.test(raw)) {
      recommendations.push(line.replace(/^(?:\d{1,2}[.)]|[a-z][.)])\s+/u, ''));
    }
  }
  return {
    title: cover.title ?? 'Report',
    committee,
    meetingDate,
    cabinetMember: cover.cabinetMember,
    accountableDirector: cover.accountableDirector,
    accountableEmployee: cover.accountableEmployee,
    originatingService: cover.originatingService,
    recommendations,
    sections,
    source: span(file, start, end, pageOf),
  };
}
