export { PanelBot, type PanelBotOptions } from './PanelBot';
export { createOnTurnError } from './onTurnError';
export { renderAnswer, type RenderOptions } from './renderAnswer';
export { toQuestion, MAX_QUESTION_CHARS, MAX_QUESTION_TERMS, type Inbound } from './toQuestion';
export { FileConversationStore, MemoryConversationStore, type ConversationStore } from './ConversationStore';
export { JsonLinesFeedbackStore, MemoryFeedbackStore, type FeedbackStore, type FeedbackRecord } from './FeedbackStore';
export { RateLimiter, type RateLimitOptions } from './RateLimiter';
export { createJsonLogger, SILENT_LOGGER, type Logger, type LogLevel } from './logger';
export { EXAMPLE_QUESTIONS } from './examples';
