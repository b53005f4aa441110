import type { VolStream } from '../../core/api/storage.js';
import { P } from '../../core/rpc/procedures/index.js';
import { serveStream, type Served } from './serve.js';

/** A driver's finished data handed out as a stream (the screenshot the driver returns whole). */
function streamOf(data: Uint8Array): VolStream {
  let left: Uint8Array | undefined = data;
  return {
    async send() {},
    async recv() {
      const out = left?.length ? left : undefined;
      left = undefined;
      return out;
    },
    async finish() {},
    async abort() {},
  };
}

/** Calls whose data travels as a stream on their serial. */
export const streamServed: Served[] = [
  serveStream(P.storageVolUpload, async (c, a) => ({ ret: undefined, stream: await c.storageVolUpload(a.vol, a.offset, a.length, a.flags) })),
  serveStream(P.storageVolDownload, async (c, a) => ({ ret: undefined, stream: await c.storageVolDownload(a.vol, a.offset, a.length, a.flags) })),
  serveStream(P.domainOpenConsole, async (c, a) => ({ ret: undefined, stream: await c.domainOpenConsole(a.dom, a.dev_name ?? null, a.flags) })),
  serveStream(P.domainScreenshotMime, async (c, a) => {
    const shot = await c.domainScreenshot(a.dom, a.screen, a.flags);
    return { ret: { mime: shot.mime }, stream: streamOf(shot.data) };
  }),
];
