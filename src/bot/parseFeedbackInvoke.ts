import { z } from 'zod';

/** What Teams sends with `message/submitAction` when a user presses thumbs up/down. */
const FeedbackInvokeValue = z.object({
  actionName: z.literal('feedback').optional(),
  actionValue: z.object({
    reaction: z.enum(['like', 'dislike']),
    // A JSON string, e.g. '{"feedbackText":"Wrong meeting"}'; may be absent or empty.
    feedback: z.string().optional(),
  }),
});

export interface FeedbackSubmission {
  readonly reaction: 'like' | 'dislike';
  readonly text: string | null;
}

/** Feedback text is capped: it is stored, and a client could send megabytes. */
const MAX_FEEDBACK_TEXT_CHARS = 2_000;

export function parseFeedbackInvoke(value: unknown): FeedbackSubmission | undefined {
  const parsed = FeedbackInvokeValue.safeParse(value);
  if (!parsed.success) return undefined;
  const { reaction, feedback } = parsed.data.actionValue;
  return { reaction, text: readFeedbackText(feedback) };
}

function readFeedbackText(raw: string | undefined): string | null {
  if (!raw) return null;
  let text: unknown = raw;
  try {
    const json: unknown = JSON.parse(raw);
    if (json && typeof json === 'object' && 'feedbackText' in json) text = json.feedbackText;
  } catch {
    // Not JSON: older clients send the text itself.
  }
  return typeof text === 'string' && text.trim() !== '' ? text.trim().slice(0, MAX_FEEDBACK_TEXT_CHARS) : null;
}
