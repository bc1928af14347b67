import { papersGuide, type ExampleQuestion } from '../answer';
import type { PaperIndex } from '../search';

/**
 * The example prompts the app manifest lists (scripts/manifest.ts imports them): fixed, since a
 * manifest is built once for every council, so they name no committee and no topic. Each `text` is
 * at most 32 characters: the manifest's limit for a command title, which Teams sends as typed.
 */
export const EXAMPLE_QUESTIONS: readonly ExampleQuestion[] = [
  { title: 'Next meeting', text: 'When is the next meeting?', description: 'Date, time, venue and chair of the next meeting' },
  { title: 'Latest decisions', text: 'What was resolved last time?', description: 'What the last meeting decided, with the minutes cited' },
  { title: 'Agenda', text: 'What is on the next agenda?', description: 'The items, presenters and pages for the next meeting' },
];

/**
 * The examples the welcome, help and their buttons show: from the papers being served (their next
 * meeting, their latest decision), so a council's first click asks about its own business.
 */
export function examplesFor(index: PaperIndex, asOf: string): readonly ExampleQuestion[] {
  const fromPapers = papersGuide(index, asOf).examples;
  return fromPapers.length > 0 ? fromPapers : EXAMPLE_QUESTIONS;
}
