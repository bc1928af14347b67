import type { Activity } from 'botbuilder';
import type { Reference } from './AnnouncementStore';

/** Sends to a conversation outside a turn. Both methods throw when the message did not go. */
export interface Messenger {
  /** Posts and returns the new message's id (needed to update it later). */
  post(reference: Reference, activity: Partial<Activity>): Promise<string>;
  /** Replaces a message posted earlier, in place. */
  update(reference: Reference, activityId: string, activity: Partial<Activity>): Promise<void>;
}
