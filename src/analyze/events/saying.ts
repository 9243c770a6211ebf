// The statement-type events: what a speaker does by speaking. A speech, a briefing or a tweet is
// one occasion however many claims it holds, and outlets code its words as different types (one
// writes "warned", another "criticised", a third "said"), so these types meet as one occasion
// when the speaker and the day are the same (events/happenings.ts in an article, src/events/
// identity.ts across outlets).
import type { EventType } from '../types.js';

export const SAYING_TYPES: ReadonlySet<EventType> = new Set(['STATEMENT', 'ACCUSE', 'REJECT', 'THREATEN', 'REQUEST', 'SUPPORT']);
