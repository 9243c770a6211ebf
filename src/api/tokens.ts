// API tokens over HTTP (admin): GET /tokens, POST /tokens (the token is in the answer once),
// DELETE /tokens/{id}. The CLI equivalent is `readout tokens create|list|revoke`. GET /me (any
// role) names the caller's token and role, so a client can offer only what the role allows
// without probing write routes (every refused probe would be a 403 in the browser console).
import { z } from '@hono/zod-openapi';
import { API_ROLES } from '../store/api-tokens.js';
import type { ApiRole } from '../store/types.js';
import type { ApiApp, RouteDeps } from './app.js';
import { generateToken, requireRole } from './auth.js';
import { notFound } from './errors.js';
import { apiRoute, json } from './schemas.js';

const Token = z
  .object({ id: z.number().int(), name: z.string(), role: z.enum(API_ROLES as unknown as [ApiRole, ...ApiRole[]]), createdAt: z.string(), lastUsedAt: z.string().nullable(), revokedAt: z.string().nullable() })
  .openapi('ApiToken');

const me = apiRoute('tokens', {
  method: 'get',
  path: '/me',
  summary: 'the token this request is signed with: its name and role (any role)',
  responses: { 200: json(z.object({ name: z.string(), role: z.enum(API_ROLES as unknown as [ApiRole, ...ApiRole[]]) }).openapi('Me'), 'the caller') },
});

const list = apiRoute('tokens', { method: 'get', path: '/tokens', summary: 'API tokens, revoked ones included (admin)', middleware: [requireRole('admin')] as const, responses: { 200: json(z.object({ items: z.array(Token) }), 'the tokens') } });

const create = apiRoute('tokens', {
  method: 'post',
  path: '/tokens',
  summary: 'create a token; the answer is the only time it is shown (admin)',
  middleware: [requireRole('admin')] as const,
  request: { body: { required: true, content: { 'application/json': { schema: z.object({ name: z.string().min(1).max(100), role: z.enum(API_ROLES as unknown as [ApiRole, ...ApiRole[]]) }).strict() } } } },
  responses: { 201: json(z.object({ token: z.string(), info: Token }).openapi('NewApiToken'), 'the new token') },
});

const revoke = apiRoute('tokens', {
  method: 'delete',
  path: '/tokens/{id}',
  summary: 'revoke a token (admin)',
  middleware: [requireRole('admin')] as const,
  request: { params: z.object({ id: z.coerce.number().int().min(1).openapi({ param: { name: 'id', in: 'path' } }) }) },
  responses: { 200: json(z.object({ revoked: z.number().int() }), 'revoked') },
});

export function registerTokens(app: ApiApp, deps: RouteDeps): void {
  app.openapi(me, (c) => {
    const { name, role } = c.get('token');
    return c.json({ name, role }, 200);
  });
  app.openapi(list, async (c) => c.json({ items: await deps.store.listApiTokens() }, 200));
  app.openapi(create, async (c) => {
    const { name, role } = c.req.valid('json');
    const { token, hash } = generateToken();
    const info = await deps.store.createApiToken({ name, role, hash });
    return c.json({ token, info }, 201);
  });
  app.openapi(revoke, async (c) => {
    const { id } = c.req.valid('param');
    if ((await deps.store.revokeApiToken(id)) === 0) throw notFound(`no active token ${id}`);
    return c.json({ revoked: id }, 200);
  });
}
