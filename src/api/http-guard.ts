// Bounds that live below Hono, on Node's HTTP server (used by `readout serve` and the demo):
// - the request line plus headers are capped by Node's parser (maxHeaderSize = api.limits.
//   headerBytes): 431, or 414 when the request line alone is too long, as a JSON error;
// - slow clients are cut off (headersTimeout, requestTimeout: the request must arrive in time;
//   a long response such as /stream is not affected);
// - a body the app answered without reading (401, 413, 414, 429 …) is not pulled off the wire:
//   Node and @hono/node-server would read and discard it (up to 64 MB), so a client could make
//   the server read any upload it likes with no token. Such an answer closes the connection
//   instead (`Connection: close`), so the server reads only what arrived before it answered.
import { STATUS_CODES, type IncomingMessage, type Server, type ServerOptions, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ApiLimits } from '../config/config.js';
import { errorBody, type ErrorCode } from './errors.js';

export const HEADERS_TIMEOUT_MS = 20_000;
export const REQUEST_TIMEOUT_MS = 60_000;

/** Options for http.createServer (through @hono/node-server's serverOptions). */
export function serverOptions(limits: ApiLimits): ServerOptions {
  return { maxHeaderSize: limits.headerBytes, headersTimeout: HEADERS_TIMEOUT_MS, requestTimeout: REQUEST_TIMEOUT_MS };
}

function rawJson(status: number, code: ErrorCode, message: string): string {
  const body = JSON.stringify(errorBody(code, message));
  return [
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}`,
    'Content-Type: application/json',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Cache-Control: no-store',
    'X-Content-Type-Options: nosniff',
    'Connection: close',
    '',
    body,
  ].join('\r\n');
}

/** The JSON answer to a request Node's parser refused, or null to just close (a reset, a timeout mid-body). */
function clientErrorResponse(err: NodeJS.ErrnoException & { rawPacket?: Buffer }, limits: ApiLimits): string | null {
  if (err.code === 'HPE_HEADER_OVERFLOW') {
    // The packet starts the request and its first line (method and URL) alone is over the limit.
    const packet = err.rawPacket;
    const eol = packet?.indexOf('\r\n') ?? -1;
    const lineTooLong = packet !== undefined && /^[A-Z]+ /.test(packet.subarray(0, 16).toString('latin1')) && (eol === -1 || eol > limits.headerBytes);
    return lineTooLong
      ? rawJson(414, 'uri_too_long', `the request line is longer than ${limits.headerBytes} bytes (config api.limits.headerBytes); shorten the URL`)
      : rawJson(431, 'header_too_large', `the request headers are larger than ${limits.headerBytes} bytes (config api.limits.headerBytes)`);
  }
  if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT') return rawJson(408, 'validation', 'the request took too long to arrive');
  if (err.code === 'ECONNRESET') return null;
  return rawJson(400, 'validation', 'malformed HTTP request');
}

/**
 * Marks the answer to a request whose body is still unread as the connection's last. Node then
 * stops after the response is written (destroySoon) instead of keeping the connection open and
 * pulling the rest of the body off the wire to reach the next request.
 */
function closeIfBodyUnread(req: IncomingMessage, res: ServerResponse): void {
  const writeHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, ...args: Parameters<ServerResponse['writeHead']>) {
    if (!req.complete && !this.headersSent) this.setHeader('connection', 'close');
    return writeHead.apply(this, args);
  } as ServerResponse['writeHead'];
}

/** Installs the JSON parser errors and the unread-body rule on a server. */
export function guardServer(server: Server, limits: ApiLimits): void {
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    const answer = socket.writable ? clientErrorResponse(err, limits) : null;
    if (answer) socket.end(answer);
    else socket.destroy();
  });
  server.on('request', closeIfBodyUnread);
}
