import type { Element } from 'domhandler';
import type { SourceDocument } from '../../ingest';
import type { Meeting, MinuteItem, Paper, Resolution } from '../../model';
import { findDates } from '../dates';
import type { ParsedFile } from '../parsedCorpus';
import { indexedLines, resolutionOf } from './decisionText';
import type { PaperReader } from './index';
import { byClass, isLabel, isPage, labelledValue, lineSpan, MODERNGOV, pageMinutes, rangeOfAll, rendered, sections, subTitle, textOf, unreadable } from './moderngov';
import { fileFindings, meetingRecord } from './common';

const D = MODERNGOV.decisionDetails;

/**
 * A ModernGov decision's details page (ieDecisionDetails, ieIssueDetails): the decision's title,
 * its decision maker, the decision and the reasons for it, the date of decision and the meeting it
 * was decided at. The decision is a Resolution of the decision maker, dated the day it was taken.
 */
export const decisionDetailsReader: PaperReader = {
  layout: 'moderngov_decision_details',
  recognises: (doc) => isPage(doc, 'decisionDetails'),
  read: readDecisionDetails,
};

function readDecisionDetails(doc: SourceDocument): Omit<ParsedFile, 'layout' | 'identity'> {
  const page = rendered(doc)!;
  const { file } = doc;
  const header = subTitle(page);
  const title = header ? textOf(header) : '';
  const parts = sections(page);
  const decision = parts.find((s) => isLabel(s.title, D.decision));
  const decisionRange = decision ? rangeOfAll(page, unlabelled(decision.body)) : undefined;
  const maker = labelledValue(page, D.decisionMaker)?.text ?? null;
  const atMeeting = labelledValue(page, D.decidedAtMeeting);
  const dated = labelledValue(page, D.dateOfDecision);
  const date = findDates(dated?.text ?? '')[0]?.date ?? findDates(atMeeting?.text ?? '')[0]?.date ?? null;
  if (!decisionRange || !date) return unreadable(doc, 'minutes_without_date', 'the decision details page has no decision or no date of decision');
  const itemTitle = title || 'Decision';
  const resolution: Resolution | null = resolutionOf(file, indexedLines(doc, decisionRange), { meetingDate: date, itemNumber: '', itemTitle, labelled: true });
  const explained = [decision!, ...parts.filter((s) => isLabel(s.title, D.reasons) || isLabel(s.title, D.alternatives))];
  const bodyRange = rangeOfAll(page, explained.flatMap((s) => unlabelled(s.body))) ?? decisionRange;
  const itemRange = rangeOfAll(page, explained.flatMap((s) => [s.heading, ...unlabelled(s.body)])) ?? decisionRange;
  const committee = meetingCommittee(atMeeting?.text ?? null) ?? maker;
  const item: MinuteItem = {
    meetingDate: date,
    number: '',
    title: itemTitle,
    body: indexedLines(doc, bodyRange).map((l) => l.text).join('\n'),
    resolutions: resolution ? [resolution] : [],
    votes: [],
    source: lineSpan(file, itemRange),
  };
  const minutes = pageMinutes(date, committee, [item], lineSpan(file, itemRange));
  const meetingDate = atMeeting ? findDates(atMeeting.text)[0]?.date : undefined;
  const meetingRange = atMeeting ? page.rangeOf(atMeeting.paragraph) : undefined;
  // Only a decision taken at a meeting dates a meeting; an officer's or member's decision is no meeting.
  const meetings: Meeting[] =
    meetingDate && committee && meetingRange
      ? [meetingRecord(committee, meetingDate, 'held', 'decision_notice', lineSpan(file, meetingRange))]
      : [];
  const headerRange = header ? page.rangeOf(header) : undefined;
  const paper: Paper = {
    kind: 'decision_notice',
    title: `Decision - ${itemTitle}`,
    meetingDate: date,
    source: lineSpan(file, rangeOfAll(page, [...(header ? [header] : []), ...explained.flatMap((s) => unlabelled(s.body))]) ?? headerRange ?? decisionRange),
  };
  return fileFindings(doc, { papers: [paper], meetings, minutes: [minutes] });
}

/** A section's own text, without the labelled facts ("Date of decision: ...") printed after the last section. */
function unlabelled(body: readonly Element[]): Element[] {
  return body.filter((el) => byClass(el, 'mgLabel').length === 0);
}

/** "11/02/2026 - Cabinet": the committee after the meeting's date. */
function meetingCommittee(text: string | null): string | null {
  if (!text) return null;
  const date = findDates(text)[0];
  const rest = date ? text.slice(date.index + date.length) : text;
  const name = rest.replace(/^[\s,–-]+/u, '').trim();
  return name || null;
}
