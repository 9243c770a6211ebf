// The job kinds that drive source → fetch → extract → store, and their validated payloads.
import { z } from 'zod';
import { ReadoutError } from '../core/errors.js';

export const JOB_KINDS = ['poll', 'article', 'comments'] as const;
export type JobKind = (typeof JOB_KINDS)[number];

/** What a feed or sitemap said about an item: used when the page itself lacks it. */
const ItemHints = z
  .object({
    title: z.string().nullable().optional(),
    published: z.string().nullable().optional(),
    author: z.string().nullable().optional(),
    summary: z.string().nullable().optional(),
  })
  .optional();

export const PayloadSchemas = {
  /** Poll one source (feed, sitemap, page, comment feed) once. */
  poll: z.object({ sourceId: z.number().int() }),
  /** Fetch one article page, extract and store it. */
  article: z.object({ url: z.string().url(), sourceId: z.number().int().nullable(), hints: ItemHints }),
  /** Fetch one comment feed and attach its items to the article. */
  comments: z.object({ url: z.string().url(), articleUrl: z.string().url().nullable(), sourceId: z.number().int().nullable() }),
} satisfies Record<JobKind, z.ZodType>;

export type Payload<K extends JobKind> = z.infer<(typeof PayloadSchemas)[K]>;
export type ItemHints = z.infer<typeof ItemHints>;

export function parsePayload<K extends JobKind>(kind: K, payload: unknown): Payload<K> {
  const result = PayloadSchemas[kind].safeParse(payload);
  if (!result.success) throw new ReadoutError('input', `job payload for ${kind} is invalid: ${result.error.issues[0]?.message ?? 'unknown'}`);
  return result.data as Payload<K>;
}

export function isJobKind(kind: string): kind is JobKind {
  return (JOB_KINDS as readonly string[]).includes(kind);
}
