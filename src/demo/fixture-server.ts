// A small local HTTP server for `readout demo` and integration tests: serves a folder of
// sample files (feeds, pages, sitemaps) plus routes that tests add, change or remove while
// it runs. Binds to 127.0.0.1 on a free port by default, so nothing leaves the machine.
//
// Files: `{{base}}` in text files is replaced by the server's base URL; every file response
// has an ETag (hash of the body as served) and a Last-Modified (the file's mtime), and
// conditional requests get 304. A file whose name carries an encoding (`page.latin1.html`,
// `feed.euc-kr.xml`) is sent without a charset parameter, so clients must find it themselves.
import { createHash } from 'node:crypto';
import { realpath, readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import iconv from 'iconv-lite';

export type FixtureHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface FixtureRoute {
  /** Default 200. */
  status?: number;
  headers?: Record<string, string>;
  /** A string body has `{{base}}` replaced; a Buffer is sent as is. */
  body?: string | Buffer;
  /** Full control of the response (errors, hangs, redirects); status, headers and body are then ignored. */
  handler?: FixtureHandler;
}

export interface FixtureServerOptions {
  /** Folder served under `/`. Without it, only routes answer. */
  dir?: string;
  /** Keyed by path (`/feed.xml`) or path with query (`/feed.xml?page=2`). */
  routes?: Record<string, FixtureRoute>;
  host?: string;
  /** 0 (default) picks a free port. */
  port?: number;
}

export interface FixtureRequest {
  method: string;
  /** Path and query as requested. */
  path: string;
  headers: Record<string, string | string[] | undefined>;
  /** Date.now() when the request arrived. */
  at: number;
}

const PLACEHOLDER = '{{base}}';
/** Files in which `{{base}}` is replaced. */
const TEXT_EXTENSIONS = new Set(['.xml', '.html', '.htm', '.json', '.txt', '.opml', '.rss', '.atom']);

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.htm': 'text/html',
  '.xml': 'application/xml',
  '.rss': 'application/rss+xml',
  '.atom': 'application/atom+xml',
  '.json': 'application/json',
  '.txt': 'text/plain',
  '.opml': 'text/x-opml',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
};

/**
 * Content-Type for a served file. XML is sniffed so feeds get their own types; text gets
 * `charset=utf-8` unless the name carries another encoding (`x.latin1.html`, `x.euc-kr.xml`).
 */
export function contentTypeFor(filePath: string, body: Buffer): string {
  const ext = extname(filePath).toLowerCase();
  let type = TYPES[ext] ?? 'application/octet-stream';
  if (ext === '.xml') {
    const head = body.subarray(0, 2048).toString('latin1');
    if (/<rss[\s>]|<rdf:RDF[\s>]/.test(head)) type = 'application/rss+xml';
    else if (/<feed[\s>]/.test(head)) type = 'application/atom+xml';
  }
  const isText = TEXT_EXTENSIONS.has(ext) || type === 'text/css' || type === 'text/javascript';
  if (!isText || type === 'application/json' || encodingInName(filePath)) return type;
  return `${type}; charset=utf-8`;
}

/** True when a middle part of the file name is an encoding label (`page.latin1.html`). */
export function encodingInName(filePath: string): boolean {
  const parts = filePath.split(/[\\/]/).pop()?.split('.') ?? [];
  return parts.slice(1, -1).some((p) => iconv.encodingExists(p.toLowerCase()));
}

/** Replaces `{{base}}` at the byte level, so files in any ASCII-compatible encoding survive. */
function substitute(body: Buffer, base: string): Buffer {
  const needle = Buffer.from(PLACEHOLDER, 'latin1');
  if (body.indexOf(needle) === -1) return body;
  const out: Buffer[] = [];
  const replacement = Buffer.from(base, 'latin1');
  let from = 0;
  for (let at = body.indexOf(needle); at !== -1; at = body.indexOf(needle, from)) {
    out.push(body.subarray(from, at), replacement);
    from = at + needle.length;
  }
  out.push(body.subarray(from));
  return Buffer.concat(out);
}

function etagOf(body: Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

/** RFC 9110 §13.1: If-None-Match wins over If-Modified-Since; weak comparison for GET/HEAD. */
function notModified(req: IncomingMessage, etag: string | undefined, lastModified: Date | undefined): boolean {
  const inm = req.headers['if-none-match'];
  if (inm !== undefined) {
    if (!etag) return false;
    const bare = (t: string): string => t.trim().replace(/^W\//, '');
    return inm.split(',').some((t) => t.trim() === '*' || bare(t) === bare(etag));
  }
  const ims = req.headers['if-modified-since'];
  if (ims === undefined || !lastModified) return false;
  const since = Date.parse(ims);
  return !Number.isNaN(since) && Math.floor(lastModified.getTime() / 1000) * 1000 <= since;
}

function send(req: IncomingMessage, res: ServerResponse, status: number, headers: Record<string, string>, body: Buffer): void {
  const etag = headers['ETag'] ?? headers['etag'];
  const lm = headers['Last-Modified'] ?? headers['last-modified'];
  const cacheable = status === 200 && (req.method === 'GET' || req.method === 'HEAD');
  if (cacheable && notModified(req, etag, lm ? new Date(lm) : undefined)) {
    const kept = Object.entries(headers).filter(([k]) => /^(etag|last-modified|cache-control|vary)$/i.test(k));
    res.writeHead(304, Object.fromEntries(kept)).end();
    return;
  }
  res.writeHead(status, { ...headers, 'Content-Length': String(body.length) });
  res.end(req.method === 'HEAD' ? undefined : body);
}

export class FixtureServer {
  readonly requests: FixtureRequest[] = [];
  private readonly routes = new Map<string, FixtureRoute>();
  private baseUrlValue = '';

  private constructor(
    private readonly server: Server,
    private readonly root: string | null,
  ) {}

  static async start(options: FixtureServerOptions = {}): Promise<FixtureServer> {
    const root = options.dir === undefined ? null : await realpath(resolve(options.dir));
    const server = createServer();
    const fixture = new FixtureServer(server, root);
    for (const [path, route] of Object.entries(options.routes ?? {})) fixture.route(path, route);
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      fixture.handle(req, res).catch((err: unknown) => {
        if (!res.headersSent) {
          const msg = `fixture server error: ${err instanceof Error ? err.message : String(err)}\n`;
          res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' }).end(msg);
        } else res.destroy(err instanceof Error ? err : undefined);
      });
    });
    const host = options.host ?? '127.0.0.1';
    await new Promise<void>((ok, fail) => {
      server.once('error', fail);
      server.listen(options.port ?? 0, host, () => {
        server.off('error', fail);
        ok();
      });
    });
    const { port } = server.address() as AddressInfo;
    fixture.baseUrlValue = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
    return fixture;
  }

  /** e.g. `http://127.0.0.1:41234`, no trailing slash. */
  get baseUrl(): string {
    return this.baseUrlValue;
  }

  /** Adds, replaces (`route`) or removes (`null`) a route while the server runs. */
  route(path: string, route: FixtureRoute | null): void {
    const key = path.startsWith('/') ? path : `/${path}`;
    if (route === null) this.routes.delete(key);
    else this.routes.set(key, route);
  }

  /**
   * Stops listening and drops open connections, including requests a handler never
   * answers. Calling it again is harmless.
   */
  async close(): Promise<void> {
    if (!this.server.listening) return;
    await new Promise<void>((ok, fail) => {
      this.server.close((err) => (err ? fail(err) : ok()));
      this.server.closeAllConnections();
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const rawPath = req.url ?? '/';
    this.requests.push({ method: req.method ?? 'GET', path: rawPath, headers: { ...req.headers }, at: Date.now() });
    // Prefixed rather than resolved, so `//x/y` stays a path and not a host.
    const url = new URL(`http://fixture.invalid${rawPath.startsWith('/') ? '' : '/'}${rawPath}`);
    const route = this.routes.get(url.pathname + url.search) ?? this.routes.get(url.pathname);
    if (route) return this.serveRoute(req, res, url.pathname, route);
    if (this.root !== null && (req.method === 'GET' || req.method === 'HEAD')) {
      if (await this.serveFile(req, res, rawPath)) return;
    }
    send(req, res, 404, { 'Content-Type': 'text/plain; charset=utf-8' }, Buffer.from('Not found\n'));
  }

  private async serveRoute(req: IncomingMessage, res: ServerResponse, pathname: string, route: FixtureRoute): Promise<void> {
    if (route.handler) return route.handler(req, res);
    const body = typeof route.body === 'string' ? Buffer.from(route.body.split(PLACEHOLDER).join(this.baseUrl)) : (route.body ?? Buffer.alloc(0));
    const headers: Record<string, string> = { ...route.headers };
    const has = (name: string): boolean => Object.keys(headers).some((k) => k.toLowerCase() === name);
    if (!has('content-type')) headers['Content-Type'] = contentTypeFor(pathname, body).replace('application/octet-stream', 'text/plain; charset=utf-8');
    if (!has('etag')) headers['ETag'] = etagOf(body);
    send(req, res, route.status ?? 200, headers, body);
  }

  /**
   * Serves a file under the root; false when there is none (the caller answers 404). A path
   * that leads outside the root, by `..` or through a symbolic link, gets 403.
   */
  private async serveFile(req: IncomingMessage, res: ServerResponse, rawPath: string): Promise<boolean> {
    const root = this.root as string;
    let pathname: string;
    try {
      pathname = decodeURIComponent(rawPath.split(/[?#]/)[0] ?? '/');
    } catch {
      send(req, res, 400, { 'Content-Type': 'text/plain; charset=utf-8' }, Buffer.from('Bad request\n'));
      return true;
    }
    const forbidden = (): true => {
      send(req, res, 403, { 'Content-Type': 'text/plain; charset=utf-8' }, Buffer.from('Forbidden\n'));
      return true;
    };
    if (pathname.includes('\0')) return forbidden();
    let file = resolve(join(root, pathname));
    if (!inside(root, file)) return forbidden();
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      // Symbolic links must not lead out of the root either.
      file = await realpath(file);
      if (!inside(root, file)) return forbidden();
      const info = await stat(file);
      if (!info.isFile()) return false;
      let body: Buffer = await readFile(file);
      if (TEXT_EXTENSIONS.has(extname(file).toLowerCase())) body = substitute(body, this.baseUrl);
      const headers = {
        'Content-Type': contentTypeFor(file, body),
        ETag: etagOf(body),
        'Last-Modified': info.mtime.toUTCString(),
      };
      send(req, res, 200, headers, body);
      return true;
    } catch (err) {
      if (isMissing(err)) return false;
      throw err;
    }
  }
}

function inside(root: string, file: string): boolean {
  const rel = relative(root, file);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

function isMissing(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR';
}
