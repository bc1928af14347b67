import type { AgreedAction, MinuteItem } from '../model';
import type { LineSource } from './people';

const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December)';
/**
 * A commitment: "agreed to present", "offered to bring", "undertook to circulate", "requested a report",
 * "The Deputy Director of Education to share ...". Not "agreed to note the report" (a decision, not a task)
 * nor "support offered to families" (a service, not a promise).
 */
const COMMITMENT = new RegExp(
  [
    String.raw`\b(?:agreed|offered|undertook|promised|was asked|were asked)\s+to\s+(?!(?:the|a|an|all|note|noted|endorse|approve|support|accept|comment|make|families|care|children|young|people|parents|over)\b)[a-z]+`,
    String.raw`\b(?:requested|asked for)\b[^.]*\b(?:report|update|briefing)\b`,
    String.raw`^(?:The\s+)?[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’&-]*|of|and|for|&))*\s+to\s+(?:share|circulate|provide|present|send|bring)\b`,
  ].join('|'),
  'u',
);
/** "to a future meeting", "in September 2021", "the next report", "return to the committee": the subject comes back. */
const RETURNS = new RegExp(String.raw`\bfuture meetings?\b|\bnext (?:report|meeting|year)\b|\bcome back\b|\breport back\b|\breturn(?:ing)? to\b|\bfurther (?:update|report)\b|\bwork programme\b|\b(?:in|by)\s+${MONTH}\b|\bmeeting (?:in\s+)?${MONTH}\b`, 'iu');
const WHEN = new RegExp(String.raw`\b${MONTH}(?:\s+\d{4})?\b|\bnext year\b|\bfuture meetings?\b`, 'u');
/** Who agreed: the sentence's opening run of capitalised words ("The Principal Social Worker", "Officers", "Cllr Self"), before its verb. */
const SUBJECT = /^(The\s+(?:panel|committee|board|group)\b|(?:The\s+)?[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’&-]*|of|and|for|&))*)(?:,\s[^,]{3,80},)?\s+(?:[a-z][^.]*?\s+)?(?:agreed|offered|undertook|promised|requested|asked|was asked|were asked|to (?:share|circulate|provide|present|send|bring))\b/u;
/** A presenter being invited is not a task agreed. */
const INVITED = /\binvited\b/u;

/** Sentences of a minute item (in its lines, not its heading) that record something agreed to be done. */
export function agreedActions(lines: LineSource, item: MinuteItem): AgreedAction[] {
  const out: AgreedAction[] = [];
  for (let n = item.source.lineStart + 1; n <= Math.min(item.source.lineEnd, lines.length); n++) {
    const line = (lines.at(n - 1) ?? '').replace(/\*\*/gu, '').trim();
    for (const sentence of line.split(/(?<=[.;])\s+(?=[A-Z0-9])/u)) {
      if (!COMMITMENT.test(sentence) || INVITED.test(sentence)) continue;
      const text = sentence.replace(/^(?:[-•]\s*)?(?:\d{1,2}[.)]\s+)?/u, '').trim();
      out.push({
        meetingDate: item.meetingDate,
        itemNumber: item.number,
        itemTitle: item.title,
        who: SUBJECT.exec(text)?.[1]?.trim() ?? null,
        text,
        returns: RETURNS.test(text),
        when: WHEN.exec(text)?.[0] ?? null,
        source: { file: item.source.file, lineStart: n, lineEnd: n, page: item.source.page },
      });
    }
  }
  return out;
}
