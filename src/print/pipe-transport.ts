/**
 * The DevTools protocol over the pipes Chromium opens with --remote-debugging-pipe: it reads
 * messages on its file descriptor 3 and writes them on 4, each a JSON text ended by a NUL byte.
 * Unlike a TCP port, the pipes are ours alone, and Chromium exits when they close: a browser
 * cannot outlive a nianbao process that died without cleaning up.
 */

import type { Readable, Writable } from 'node:stream';
import type { ConnectionTransport } from 'puppeteer-core';

/** Puppeteer's view of the two pipes: `send` writes a message, `onmessage` gets each one read. */
export class PipeTransport implements ConnectionTransport {
  onmessage?: (message: string) => void;
  onclose?: () => void;
  private pending: Buffer[] = [];
  private closed = false;

  constructor(
    private readonly toBrowser: Writable,
    fromBrowser: Readable,
  ) {
    fromBrowser.on('data', (chunk: Buffer) => !this.closed && this.receive(chunk));
    fromBrowser.once('close', () => this.end());
    // A broken pipe means the browser is gone: the close above reports it.
    fromBrowser.on('error', () => undefined);
    toBrowser.on('error', () => undefined);
    // A browser that died before we listened: its pipe closed unseen.
    if (fromBrowser.destroyed) setImmediate(() => this.end());
  }

  /** The browser is given up on: whatever waits on an answer from it fails now. */
  abandon(): void {
    this.end();
  }

  send(message: string): void {
    if (this.closed) return;
    this.toBrowser.write(`${message}\0`);
  }

  /** Stops listening (Puppeteer's disconnect); the pipes close with the browser or with us. */
  close(): void {
    this.closed = true;
  }

  private receive(chunk: Buffer): void {
    let end = chunk.indexOf(0);
    if (end === -1) {
      this.pending.push(chunk);
      return;
    }
    let start = 0;
    let message: Buffer = Buffer.concat([...this.pending, chunk.subarray(0, end)]);
    this.pending = [];
    for (;;) {
      const text = message.toString('utf8');
      // Messages are handed over one event-loop turn later, as Puppeteer's own transports do.
      setImmediate(() => this.onmessage?.(text));
      start = end + 1;
      end = chunk.indexOf(0, start);
      if (end === -1) break;
      message = chunk.subarray(start, end);
    }
    if (start < chunk.length) this.pending.push(chunk.subarray(start));
  }

  private end(): void {
    if (this.closed) return;
    this.closed = true;
    this.onclose?.();
  }
}
