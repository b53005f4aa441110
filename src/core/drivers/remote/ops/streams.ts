import { P } from '../../../rpc/procedures/index.js';
import type { Session } from '../session.js';
import type { Ops } from './util.js';

/** The calls whose data travels as a stream on the call's serial. */
export function streamOps(s: Session): Ops {
  return {
    storageVolUpload: async (vol, offset, length, flags) => (await s.callStream(P.storageVolUpload, { vol, offset, length, flags })).stream,
    storageVolDownload: async (vol, offset, length, flags) => (await s.callStream(P.storageVolDownload, { vol, offset, length, flags })).stream,
    domainOpenConsole: async (dom, devName, flags) => (await s.callStream(P.domainOpenConsole, { dom, dev_name: devName ?? undefined, flags })).stream,
    async domainScreenshot(dom, screen, flags) {
      const { ret, stream } = await s.callStream(P.domainScreenshotMime, { dom, screen, flags });
      const parts: Uint8Array[] = [];
      for (let chunk = await stream.recv(); chunk; chunk = await stream.recv()) parts.push(chunk);
      await stream.finish();
      return { mime: ret.mime ?? '', data: Buffer.concat(parts) };
    },
  };
}
