import type { Activity } from 'botbuilder';

/**
 * Teams refuses a message over about 100 KB (../shared/notes/teams.md: keep under 80 KB), and a
 * refused reply is no reply at all: the user sees nothing. Measured as the JSON sent.
 */
export const MAX_REPLY_BYTES = 80 * 1024;
const SHORTENED = '\n\n_(Shortened: the full reply was too long for Teams.)_';
/** Room left for what is added after the bot's hook sees a reply (ids, timestamps, the connector's envelope). */
const ENVELOPE_BYTES = 2 * 1024;

/**
 * The reply as sent when it fits; else its text cut to fit (cards and citations kept when they
 * leave room for some text, dropped when they alone are too large). Pure.
 */
export function fitReply(activity: Partial<Activity>, maxBytes = MAX_REPLY_BYTES): { readonly activity: Partial<Activity>; readonly shortened: boolean } {
  const limit = maxBytes - ENVELOPE_BYTES;
  if (bytes(activity) <= limit) return { activity, shortened: false };
  let fitted: Partial<Activity> = activity;
  // What is not text must leave at least half the room for it, or it goes.
  if (bytes({ ...activity, text: '' }) > limit / 2) {
    const { attachments: _cards, entities: _citations, ...plain } = activity;
    fitted = plain;
  }
  const text = fitted.text ?? '';
  const room = limit - bytes({ ...fitted, text: '' }) - bytes(SHORTENED);
  return { activity: { ...fitted, text: cut(text, room) + SHORTENED }, shortened: true };
}

function bytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');
}

/** The longest start of `text` whose JSON fits in `room` bytes, cut at a line or word where one is near. */
function cut(text: string, room: number): string {
  let low = 0;
  let high = text.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (bytes(text.slice(0, mid)) <= room) low = mid;
    else high = mid - 1;
  }
  const start = text.slice(0, low);
  const breakAt = Math.max(start.lastIndexOf('\n'), start.lastIndexOf(' '));
  return breakAt > low * 0.8 ? start.slice(0, breakAt) : start;
}
