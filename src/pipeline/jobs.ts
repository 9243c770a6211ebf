// The job kinds that drive source → fetch → extract → store → analyze, and their validated payloads.
import { z } from 'zod';
import { ReadoutError } from '../core/errors.js';
import { capText, FIELD_LIMITS, webUrlProblem, type CappedField } from '../core/limits.js';
import type { NewJob } from '../store/types.js';

export const JOB_KINDS = ['poll', 'article', 'comments', 'analyze', 'deliver'] as const;
export type JobKind = (typeof JOB_KINDS)[number];
/** The kinds that fetch and store (everything before analysis), and alert deliveries (src/alerts/). */
export const FETCH_KINDS = ['poll', 'article', 'comments', 'deliver'] as const satisfies readonly JobKind[];
export const ANALYZE_KIND = 'analyze' satisfies JobKind;
/** Alert deliveries (src/alerts/evaluate.ts). */
export const DELIVER_KINDS = ['deliver'] as const satisfies readonly JobKind[];

/**
 * The job that analyses a stored article: one pending per article (the dedupe key), and a
 * finished or failed one is queued again, so a failure never blocks a later analysis.
 */
export function analyzeJob(articleId: number): NewJob {
  return { kind: ANALYZE_KIND, payload: { articleId }, dedupeKey: `analyze:${articleId}`, maxAttempts: 2, requeueFinished: true };
}

/** A hint cut to its field's cap (enqueueFeedItems cuts before enqueueing; this guards older rows). */
const capped = (field: CappedField) => z.string().transform((s) => capText(s, FIELD_LIMITS[field])).nullable().optional();

/** An http(s) URL within the length cap: nothing else is fetched or stored as an article. */
const WebUrl = z.string().superRefine((url, ctx) => {
  const problem = webUrlProblem(url);
  if (problem) ctx.addIssue({ code: 'custom', message: `the URL ${problem}` });
});

/** What a feed or sitemap said about an item: used when the page itself lacks it. */
const ItemHints = z
  .object({
    title: capped('title'),
    published: capped('published'),
    author: capped('byline'),
    summary: capped('summary'),
  })
  .optional();

export const PayloadSchemas = {
  /** Poll one source (feed, sitemap, page, comment feed) once. */
  poll: z.object({ sourceId: z.number().int() }),
  /** Fetch one article page, extract and store it. */
  article: z.object({ url: WebUrl, sourceId: z.number().int().nullable(), hints: ItemHints }),
  /** Fetch one comment feed and attach its items to the article. */
  comments: z.object({ url: WebUrl, articleUrl: WebUrl.nullable(), sourceId: z.number().int().nullable() }),
  /** Analyse one stored article and save its analysis (src/pipeline/analyze-stage.ts). */
  analyze: z.object({ articleId: z.number().int() }),
  /** Send one alert delivery (webhook or file) and record its outcome (src/alerts/evaluate.ts). */
  deliver: z.object({ deliveryId: z.number().int() }),
} satisfies Record<JobKind, z.ZodType>;

export type Payload<K extends JobKind> = z.infer<(typeof PayloadSchemas)[K]>;
export type ItemHints = z.infer<typeof ItemHints>;

/** An item's hints as they go into a job payload: every field cut to its cap. */
export function capHints(h: { title: string | null; published: string | null; author: string | null; summary: string | null }): NonNullable<ItemHints> {
  const cut = (v: string | null, field: CappedField) => (v === null ? null : capText(v, FIELD_LIMITS[field]));
  return { title: cut(h.title, 'title'), published: cut(h.published, 'published'), author: cut(h.author, 'byline'), summary: cut(h.summary, 'summary') };
}

export function parsePayload<K extends JobKind>(kind: K, payload: unknown): Payload<K> {
  const result = PayloadSchemas[kind].safeParse(payload);
  if (!result.success) throw new ReadoutError('input', `job payload for ${kind} is invalid: ${result.error.issues[0]?.message ?? 'unknown'}`);
  return result.data as Payload<K>;
}

export function isJobKind(kind: string): kind is JobKind {
  return (JOB_KINDS as readonly string[]).includes(kind);
}
