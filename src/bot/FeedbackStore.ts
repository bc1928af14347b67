import { randomUUID } from 'node:crypto';
import { appendFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { StateStore } from '../state';

/** One thumbs up/down from Teams' feedback buttons, with what it was about. */
export interface FeedbackRecord {
  readonly time: string;
  readonly conversationId: string;
  /** The bot message the feedback is on (the invoke's replyToId). */
  readonly messageId: string | null;
  readonly reaction: 'like' | 'dislike';
  /** The user's free text, if they wrote any. */
  readonly text: string | null;
  /** The answer kind of that message, when this process sent it. */
  readonly answerKind: string | null;
}

/** Feedback goes to a file per instance, or to the shared StateStore when there is a database. */
export interface FeedbackStore {
  record(feedback: FeedbackRecord): Promise<void>;
}

/** Appends JSON lines to DATA_DIR/feedback.jsonl: each append is one small write, easy to tail. */
export class JsonLinesFeedbackStore implements FeedbackStore {
  private readonly file: string;
  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'feedback.jsonl');
  }
  async record(feedback: FeedbackRecord): Promise<void> {
    await mkdir(path.dirname(this.file), { recursive: true });
    await appendFile(this.file, `${JSON.stringify(feedback)}\n`, 'utf8');
  }
}

/** One record per feedback in the shared StateStore, keyed by time first so the keys sort by time. */
export class StateFeedbackStore implements FeedbackStore {
  static readonly COLLECTION = 'feedback';
  constructor(private readonly state: StateStore) {}
  async record(feedback: FeedbackRecord): Promise<void> {
    await this.state.update(StateFeedbackStore.COLLECTION, `${feedback.time} ${randomUUID()}`, () => ({ ...feedback }));
  }
}

/** In memory, for tests. */
export class MemoryFeedbackStore implements FeedbackStore {
  readonly records: FeedbackRecord[] = [];
  async record(feedback: FeedbackRecord): Promise<void> {
    this.records.push(feedback);
  }
}
