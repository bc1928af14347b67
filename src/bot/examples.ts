/**
 * The example prompts: shown in the welcome and help messages and in the manifest's command
 * lists (scripts/manifest.ts imports them), so the three places cannot drift apart. Each `text`
 * is at most 32 characters: the manifest's limit for a command title, which Teams sends as typed.
 */
export const EXAMPLE_QUESTIONS: readonly { readonly title: string; readonly text: string; readonly description: string }[] = [
  { title: 'Next meeting', text: 'When is the next meeting?', description: 'Date, time, venue and chair of the next panel meeting' },
  { title: 'Exclusions', text: 'What was resolved on exclusions?', description: 'What the panel resolved on school exclusions, with the minutes cited' },
  { title: 'Agenda', text: 'What is on the next agenda?', description: 'The items, presenters and pages for the next meeting' },
];
