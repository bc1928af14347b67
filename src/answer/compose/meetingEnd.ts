import type { Minutes } from '../../model';
import type { PaperIndex } from '../../search';
import { CitationList, citeLines, findLine } from '../cite';
import { shortDate } from '../dateRefs';
import { phrase } from '../questionGrammar';
import { printedLine } from './meetingRecords';
/** When a meeting ended, as its minutes close. */

const MEETING_ENDED = phrase('meetingEnded');

/** "When did it end": the minutes' closing line ("Meeting ended at 7.30 pm"), quoted, where they have one. */
export function endedNote(index: PaperIndex, minutes: Minutes, cites: CitationList): string {
  const { file, lineStart, lineEnd } = minutes.source;
  const n = findLine(index, file, lineStart, lineEnd, MEETING_ENDED);
  if (n === null) return ' The minutes do not say when it ended.';
  const line = printedLine(index, file, n);
  return ` The minutes close: "${line}" ${cites.add(citeLines(index, file, n, n, `Minutes - ${shortDate(minutes.meetingDate)}`, minutes.meetingDate))}.`;
}
