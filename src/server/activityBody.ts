import { z } from 'zod';

// Optional strings may arrive as null from some clients; botbuilder's serialiser accepts that.
const optionalText = z.string().max(100_000).nullish();

/** Who sent or receives an activity: botbuilder copies these into the reply and serialises them. */
const ChannelAccount = z.looseObject({
  id: z.string().max(1024),
  name: optionalText,
  aadObjectId: optionalText,
  role: optionalText,
});

const ConversationAccount = z.looseObject({
  id: z.string().min(1).max(1024),
  isGroup: z.boolean().nullish(),
  conversationType: optionalText,
  name: optionalText,
  aadObjectId: optionalText,
  role: optionalText,
  tenantId: optionalText,
});

/** botbuilder strips the bot's @mention by reading `mentioned.id` and `text` of every mention unchecked. */
const Mention = z.looseObject({ mentioned: ChannelAccount, text: z.string().max(100_000) });
const Entity = z
  .looseObject({ type: z.string().max(256) })
  .refine((e) => e.type.toLowerCase() !== 'mention' || Mention.safeParse(e).success, { message: 'a mention needs mentioned.id and text' });

/**
 * The least an activity needs before botbuilder sees it, and the shape of every field botbuilder
 * reads or copies into the reply. botbuilder answers a body that is not an activity with 500 and its
 * internal message, throws inside the turn on a wrongly typed field (an entity without a type, a
 * member that is null) and fails to serialise a reply that copies one (a numeric locale), so we check
 * first and answer 400 with a short reason.
 */
const ActivityBody = z
  .looseObject({
    type: z.string().min(1).max(64),
    channelId: z.string().min(1).max(256),
    serviceUrl: z.url({ protocol: /^https?$/u }),
    conversation: ConversationAccount,
    from: ChannelAccount.optional(),
    recipient: ChannelAccount.optional(),
    text: z.string().optional(),
    id: optionalText,
    replyToId: optionalText,
    name: optionalText,
    locale: optionalText,
    textFormat: optionalText,
    deliveryMode: optionalText,
    action: optionalText,
    entities: z.array(Entity).max(100).nullish(),
    attachments: z.array(z.looseObject({ contentType: z.string().max(256) })).max(100).nullish(),
    membersAdded: z.array(ChannelAccount).max(1_000).nullish(),
    membersRemoved: z.array(ChannelAccount).max(1_000).nullish(),
    channelData: z.looseObject({}).nullish(),
  })
  // botbuilder's Teams handler reads channelData.eventType of every update and delete unguarded.
  .refine((a) => !['messageUpdate', 'messageDelete'].includes(a.type) || Boolean(a.channelData), { path: ['channelData'] });

export type ActivityCheck = { readonly ok: true } | { readonly ok: false; readonly reason: string };

export function checkActivityBody(body: unknown): ActivityCheck {
  const parsed = ActivityBody.safeParse(body);
  if (parsed.success) return { ok: true };
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? issue.path.join('.') : 'body';
  return { ok: false, reason: `not a Bot Framework activity: ${where} is missing or invalid` };
}
