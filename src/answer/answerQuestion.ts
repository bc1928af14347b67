import type { Answer, Meeting, Question } from '../model';
import type { PaperIndex } from '../search';
import { panelMeetings } from './compose/meetings';
import { type DateRef, otherYears } from './dateRefs';
import { chairOfOtherBody } from './chairOfBody';
import { committeeLabel } from './committees';
import { notFound } from './notFound';
import { contextOf } from './followUp';
import { combineAnswers } from './compose/combineAnswers';
import { kindHearing, kindNamed, type QuestionKind } from './kinds';
import { questionsAsked, readQuestion, type Reading } from './read';
import { readAsked } from './read/readAsked';
import { answerFromText } from './compose/textBehind';

/** "What was resolved at the last meeting": the last meeting before the day asked that has minutes. */
function lastMinutedMeeting(index: PaperIndex, asOf: string): DateRef[] {
  const date = index.corpus.minutes.map((m) => m.meetingDate).filter((d) => d < asOf).sort().pop();
  return date ? [{ from: date, to: date, label: date, exactDay: true }] : [];
}

/** Kinds about the panel's own meetings: asked of another committee, the panel's answer would be wrong. */
const MEETING_KINDS = new Set(['next_meeting', 'last_meeting', 'meeting_info', 'meeting_list', 'agenda']);
/** Details only minutes record. */
const MINUTES_DETAILS = new Set(['apologies', 'declarations', 'attendance']);

/**
 * Answers one question from the index. Pure: no I/O, no clock (the question carries its day).
 * A question that asks several things ("when is the next meeting and who chairs it?") has each part
 * answered in turn, a later part read as a follow-up of the one before.
 */
export function answerQuestion(index: PaperIndex, asked: Question): Answer {
  // Shorthand of the papers' nouns ("cttee") written out once, and the message split into its questions, before any reading.
  const { whole, parts } = questionsAsked(asked.text);
  const question = { ...asked, text: whole };
  // Parts of one kind ("how many ... and how big ...") are one search: each kind weighs its own parts.
  if (parts.length === 1 || sameKind(index, question, parts)) return answerOne(index, question);
  const answers: Answer[] = [];
  let previous = question.previous;
  for (const text of parts) {
    const answer = answerOne(index, { ...question, text, previous });
    answers.push(answer);
    previous = answer.context ?? previous;
  }
  // Split wrongly ("pupils and what they need"), no part answers: the question read whole may.
  if (answers.every((a) => a.kind === 'not_found')) return answerOne(index, question);
  return combineAnswers(answers);
}

function sameKind(index: PaperIndex, question: Question, parts: readonly string[]): boolean {
  const meetings = panelMeetings(index);
  const read = parts.map((text) => readQuestion(text, question.asOf, meetings));
  const [first] = read;
  return read.every((u) => u.kind === first!.kind && (u.detail === first!.detail || kindNamed(u.kind).answersSeveralDetails === true));
}

function answerOne(index: PaperIndex, question: Question): Answer {
  const meetings = panelMeetings(index);
  // A follow-up ("who presented it?") is read with the previous answer's meeting and item.
  const read = readAsked(index, question);
  // "At the last meeting" (a decision, apologies, who came) is the last meeting with minutes.
  const lastMinuted = read.detail === 'last_meeting' || (MINUTES_DETAILS.has(read.detail ?? '') && read.dates.length === 0 && read.said.has('lastMeeting'));
  const u = lastMinuted ? { ...read, dates: lastMinutedMeeting(index, read.asOf) } : read;
  const other = MEETING_KINDS.has(u.kind) ? (u.otherBody ?? null) : null;
  // Of a body the papers hold no records of, a line naming its chair in passing still answers who chairs it.
  const passing = other && u.detail === 'chair' ? chairOfOtherBody(index, other, u.asOf) : null;
  if (passing) return passing;
  if (other) return notFound(index, `The papers hold nothing of ${/^the\b/iu.test(other) ? '' : 'the '}${other}: they are the papers of ${committeeLabel(index, null)}.`);
  const kind = kindHearing(u);
  // The chain: the kind; the same kind in another year, for a month said without one; the papers' text.
  const answer = kind.answer(index, u, (denied) => inOtherYear(index, kind, u, meetings, question.previous) ?? answerFromText(index, u, denied));
  return answer.kind === 'not_found' || answer.context ? answer : withContext(answer, u, question.previous);
}

/** "In jan" without a year: when the nearest January does not answer, another year's January may. */
function inOtherYear(index: PaperIndex, kind: QuestionKind, u: Reading, meetings: readonly Meeting[], previous: Question['previous']): Answer | null {
  const [first, ...rest] = u.dates;
  for (const ref of first && rest.length === 0 ? otherYears(first, u.asOf, meetings) : []) {
    const reading = { ...u, dates: [ref] };
    // Within this link the year is all that changes: a kind that cannot answer then says so, and the chain goes on.
    const other = kind.answer(index, reading, (denied) => denied);
    if (other.kind !== 'not_found') return withContext(other, reading, previous);
  }
  return null;
}

function withContext(answer: Answer, u: Reading, previous: Question['previous']): Answer {
  const context = contextOf(answer, u, previous);
  return context ? { ...answer, context } : answer;
}
