// A raw HTTP upload for the request-limit tests: `bytes` of body (a JSON prefix padded with
// spaces, still valid JSON) sent in 64 KiB writes, with or without a Content-Length, on a
// keep-alive connection (as browsers and fetch send: without one, Node's client asks the server
// to close after the answer, which hides whether the server would go on reading). A stubborn
// upload keeps sending after the answer, as a hostile client would, until the server closes.
import { Agent, request } from 'node:http';

export interface UploadResult {
  status: number | null;
  body: string;
  /** Bytes of body this client managed to hand to its socket. */
  sent: number;
}

export interface UploadOptions {
  bytes: number;
  prefix?: string;
  chunked?: boolean;
  method?: string;
  headers?: Record<string, string>;
  stubborn?: boolean;
}

export function upload(base: string, path: string, o: UploadOptions): Promise<UploadResult> {
  const prefix = Buffer.from(o.prefix ?? '');
  const pad = Buffer.alloc(64 * 1024, 0x20);
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  return new Promise((resolve) => {
    let sent = 0;
    let status: number | null = null;
    let body = '';
    let answered = false;
    let stopped = false;
    const req = request(`${base}${path}`, {
      method: o.method ?? 'POST',
      agent,
      headers: { 'content-type': 'application/json', ...(o.chunked ? {} : { 'content-length': String(o.bytes) }), ...o.headers },
    });
    const finish = () => {
      if (stopped) return;
      stopped = true;
      req.destroy();
      agent.destroy();
      resolve({ status, body, sent });
    };
    req.on('response', (res) => {
      status = res.statusCode ?? null;
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => {
        answered = true;
        if (!o.stubborn || sent >= o.bytes) finish();
      });
      res.on('error', finish);
    });
    req.on('error', finish);
    req.on('close', () => setImmediate(finish));
    const pump = () => {
      while (!stopped && sent < o.bytes && (o.stubborn || !answered)) {
        const first = sent === 0 && prefix.length ? prefix : pad;
        const chunk = first.subarray(0, Math.min(first.length, o.bytes - sent));
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (sent >= o.bytes) req.end();
      if (answered) finish();
    };
    pump();
  });
}
