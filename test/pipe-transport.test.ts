/** The DevTools pipe transport: NUL-ended messages however the bytes arrive, and its end. */

import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { test } from 'node:test';
import { setImmediate as turn } from 'node:timers/promises';
import { PipeTransport } from '../src/print/pipe-transport.js';

function pair() {
  const toBrowser = new PassThrough();
  const fromBrowser = new PassThrough();
  const transport = new PipeTransport(toBrowser, fromBrowser);
  const received: string[] = [];
  transport.onmessage = (message) => received.push(message);
  return { toBrowser, fromBrowser, transport, received };
}

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await turn();
}

test('messages are delivered whole and in order, however the bytes are cut', async () => {
  const messages = ['{"id":1}', '{"id":2,"text":"政府信息公开"}', '', '{"id":3,"emoji":"📄"}'];
  const bytes = Buffer.from(messages.map((m) => `${m}\0`).join(''));
  // Every way of cutting the stream in two, and byte by byte.
  for (let cut = 0; cut <= bytes.length; cut++) {
    const { fromBrowser, received } = pair();
    fromBrowser.write(bytes.subarray(0, cut));
    fromBrowser.write(bytes.subarray(cut));
    await settle();
    assert.deepEqual(received, messages, `cut at ${cut}`);
  }
  const { fromBrowser, received } = pair();
  for (const byte of bytes) fromBrowser.write(Buffer.from([byte]));
  await settle();
  assert.deepEqual(received, messages, 'byte by byte');
});

test('a message is sent with its NUL; nothing is sent after close()', async () => {
  const { toBrowser, transport } = pair();
  const sent: Buffer[] = [];
  toBrowser.on('data', (chunk: Buffer) => sent.push(chunk));
  transport.send('{"id":1,"method":"Browser.getVersion"}');
  transport.close();
  transport.send('{"id":2}');
  await settle();
  assert.equal(Buffer.concat(sent).toString(), '{"id":1,"method":"Browser.getVersion"}\0');
});

test('the browser closing its pipe is reported once; after close() or abandon() nothing more is', async () => {
  const closed = pair();
  let closes = 0;
  closed.transport.onclose = () => closes++;
  closed.fromBrowser.destroy();
  await settle();
  closed.transport.abandon();
  assert.equal(closes, 1);

  const ours = pair();
  let oursCloses = 0;
  ours.transport.onclose = () => oursCloses++;
  ours.transport.close();
  ours.fromBrowser.write('{"late":true}\0');
  ours.fromBrowser.destroy();
  await settle();
  assert.equal(oursCloses, 0, 'Puppeteer closed it: no close to report');
  assert.deepEqual(ours.received, []);

  const abandoned = pair();
  let abandonedCloses = 0;
  abandoned.transport.onclose = () => abandonedCloses++;
  abandoned.transport.abandon();
  assert.equal(abandonedCloses, 1, 'waiting calls fail at once');
});

test('a pipe that closed before the transport listened is still reported', async () => {
  const fromBrowser = new PassThrough();
  fromBrowser.destroy();
  await settle();
  const transport = new PipeTransport(new PassThrough(), fromBrowser);
  let closes = 0;
  transport.onclose = () => closes++;
  await settle();
  assert.equal(closes, 1);
});

test('a write to a browser that is gone does not throw', async () => {
  const toBrowser = new PassThrough();
  const transport = new PipeTransport(toBrowser, new PassThrough());
  toBrowser.destroy(new Error('EPIPE'));
  await settle();
  assert.doesNotThrow(() => transport.send('{"id":9}'));
  await settle();
});
