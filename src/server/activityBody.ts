import { z } from 'zod';

/**
 * The least an activity needs before botbuilder sees it. botbuilder answers a body that is not an
 * activity with 500 and its internal message, and validates before it authenticates, so we check
 * first and answer 400 with a short reason.
 */
const ActivityBody = z.looseObject({
  type: z.string().min(1).max(64),
  channelId: z.string().min(1).max(256),
  serviceUrl: z.url({ protocol: /^https?$/u }),
  conversation: z.looseObject({ id: z.string().min(1).max(1024) }),
  from: z.looseObject({ id: z.string().max(1024) }).optional(),
  text: z.string().optional(),
});

export type ActivityCheck = { readonly ok: true } | { readonly ok: false; readonly reason: string };

export function checkActivityBody(body: unknown): ActivityCheck {
  const parsed = ActivityBody.safeParse(body);
  if (parsed.success) return { ok: true };
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? issue.path.join('.') : 'body';
  return { ok: false, reason: `not a Bot Framework activity: ${where} is missing or invalid` };
}
