import type { Answer, PersonRecord } from '../model';
import { committeeKey } from '../parse/committees';
import type { PaperIndex } from '../search';
import { CitationList } from './cite';
import { citeRecord, peopleDirectory } from './people';
import { phrase } from './questionGrammar';

/** Words every kind of body's name ends in ("committee", "panel"): they say a body is meant, not which. */
const BODY_WORD = phrase('committeeBodyWord');
/** A role that is the chair of a body: "Chair of the Authority's Audit Committee", "Vice-Chair of the Planning Panel". */
const CHAIR_OF = /^(?:the\s+)?(vice[- ]?)?chair(?:man|person)?\s+of\b/iu;

/**
 * Where no committee page, attendance list or heading names a body's chair, the minutes of another body
 * may, in passing: "Councillor A B, Chair of the Authority's Audit Committee, attended the meeting ...".
 * The people directory keeps such a line; the chair of `committee` is the newest record whose role is
 * the chair of a body named with every word that tells the committee from others. Null: none.
 */
export function chairNamedInPassing(index: PaperIndex, committee: string, asOf: string, vice = false): Answer | null {
  return chairOf(index, committeeKey(committee).split(' ').filter((w) => w.length > 1 && !BODY_WORD.test(w)), asOf, vice);
}

/**
 * The chair of a body the papers hold no records of ("who chairs the audit committee?" of another
 * committee's papers), where a line names one in passing: the word naming the body, just before its
 * body word ("audit"), must be in the role; words before it ("northby audit committee") may be the
 * council's shorthand, which the role writes otherwise ("the Authority's").
 */
export function chairOfOtherBody(index: PaperIndex, asked: string, asOf: string): Answer | null {
  const words = committeeKey(asked).split(' ').filter((w) => w.length > 1 && !BODY_WORD.test(w));
  const last = words.at(-1);
  return last ? chairOf(index, [last], asOf, false) : null;
}

function chairOf(index: PaperIndex, wanted: readonly string[], asOf: string, vice: boolean): Answer | null {
  if (wanted.length === 0) return null;
  const fits = (p: PersonRecord): boolean => {
    const m = CHAIR_OF.exec(p.role);
    if (!m || Boolean(m[1]) !== vice) return false;
    const role = new Set(committeeKey(p.role.replace(/['’]s\b/gu, '')).split(' '));
    return wanted.every((w) => role.has(w));
  };
  const record = peopleDirectory(index)
    .people.filter((p) => (p.meetingDate ?? '') <= asOf && fits(p))
    .sort((a, b) => (b.meetingDate ?? '').localeCompare(a.meetingDate ?? ''))[0];
  if (!record) return null;
  const cites = new CitationList();
  const c = cites.add(citeRecord(index, record));
  return { kind: 'meeting_info', text: `${record.name}, ${record.role} ${c}.`, citations: cites.items, followUps: [] };
}
