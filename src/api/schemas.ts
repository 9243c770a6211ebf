// Shared pieces of the route definitions: the error schema, the error responses every route
// documents, the bearer security requirement, and loose JSON schemas for bodies whose shape is
// documented by the types they come from (src/store/types.ts, src/events/timeline.ts …).
import { createRoute, z, type RouteConfig } from '@hono/zod-openapi';
import { isCalendarDay } from '../core/days.js';

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.enum(['validation', 'unauthorized', 'forbidden', 'not_found', 'conflict', 'internal']),
      message: z.string(),
      field: z.string().optional().openapi({ description: 'the input field at fault (validation errors)' }),
    }),
  })
  .openapi('Error');

const error = (description: string) => ({ description, content: { 'application/json': { schema: ErrorSchema } } });

export const ERROR_RESPONSES = {
  400: error('invalid input; error.field names the field'),
  401: error('missing, unknown or revoked bearer token'),
  403: error('the token\'s role does not allow this'),
  404: error('no such resource'),
  500: error('unexpected server error (details in the server log only)'),
} as const;

/** Any JSON object (the shapes are those of the Readout types named in the description). */
export const Json = z.record(z.string(), z.any()).openapi({ type: 'object' });

export const pageOf = (item: z.ZodType, name: string) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable().openapi({ description: 'pass as ?cursor= for the next page; null on the last page' }) }).openapi(name);

export const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } });

/** createRoute with the bearer requirement, the error responses and a tag. */
export function apiRoute<R extends RouteConfig>(tag: string, config: R) {
  return createRoute({ ...config, tags: [tag], security: [{ bearer: [] }], responses: { ...ERROR_RESPONSES, ...config.responses } });
}

export const DAY = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected a date YYYY-MM-DD (or YYYY-MM, YYYY)').refine(isCalendarDay, 'expected a real calendar date YYYY-MM-DD (or YYYY-MM, YYYY): month 01–12, day within the month');
