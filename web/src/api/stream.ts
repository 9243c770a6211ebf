// Server-sent events over fetch: EventSource cannot send the bearer header, so the stream is
// read with fetch and parsed here (the text/event-stream format: "event:", "id:", "data:" lines,
// a blank line ends a message). Reconnects after a drop with Last-Event-ID, backing off.
import { authHeaders } from './client';

export interface StreamMessage {
  event: string;
  id: string | null;
  data: string;
}

/** Splits a chunked event-stream body into messages; keeps the unfinished tail between chunks. */
export function createParser(onMessage: (m: StreamMessage) => void): (chunk: string) => void {
  let buffer = '';
  return (chunk) => {
    buffer += chunk.replace(/\r\n?/g, '\n');
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let event = 'message';
      let id: string | null = null;
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') event = value;
        else if (field === 'id') id = value;
        else if (field === 'data') data.push(value);
      }
      if (data.length) onMessage({ event, id, data: data.join('\n') });
    }
  };
}

export type StreamState = 'connecting' | 'open' | 'retrying';

/** Follows /stream until the signal aborts; calls back per message and on state changes. */
export async function followStream(path: string, signal: AbortSignal, onMessage: (m: StreamMessage) => void, onState: (s: StreamState, detail?: string) => void): Promise<void> {
  let lastId: string | null = null;
  let delay = 1000;
  while (!signal.aborted) {
    onState('connecting');
    try {
      const headers: Record<string, string> = { accept: 'text/event-stream', ...authHeaders() };
      if (lastId) headers['last-event-id'] = lastId;
      const res = await fetch(path, { signal, headers });
      if (!res.ok || !res.body) throw new Error(`the stream answered ${res.status}`);
      onState('open');
      delay = 1000;
      const parse = createParser((m) => {
        if (m.id) lastId = m.id;
        onMessage(m);
      });
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        parse(value);
      }
    } catch (err) {
      if (signal.aborted) return;
      onState('retrying', (err as Error).message);
    }
    await new Promise((r) => setTimeout(r, delay));
    delay = Math.min(delay * 2, 30_000);
  }
}
