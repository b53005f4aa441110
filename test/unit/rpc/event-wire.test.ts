// Every domain event the RPC layer carries survives the trip: the daemon's message for an
// event, encoded with the procedure's own codec and decoded again, gives the client the
// same event under the same callback id.
import { describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../../src/core/api/events.js';
import { DOMAIN_EVENT_BY_PROC, DOMAIN_EVENT_WIRE } from '../../../src/core/rpc/event-wire.js';
import { decode, encode } from '../../../src/core/rpc/xdr/index.js';

const dom = { name: 'vm1', uuid: '6f627cde-20fd-4c1b-9ee1-8aaafefd3779', id: 3 };

/** One event per id, with every field its message carries filled in. */
const samples: DomainEvent[] = [
  { eventID: 0, dom, event: 5, detail: 1 },
  { eventID: 1, dom },
  { eventID: 2, dom, offset: -3600n },
  { eventID: 3, dom, action: 2 },
  { eventID: 4, dom, srcPath: '/img/a.qcow2', devAlias: 'virtio-disk0', action: 1 },
  {
    eventID: 5,
    dom,
    graphics: {
      phase: 1,
      local: { family: 0, node: '127.0.0.1', service: '5900' },
      remote: { family: 1, node: '::1', service: '41234' },
      authScheme: 'vnc',
      subject: [{ type: 'x509dname', name: 'CN=client' }],
    },
  },
  { eventID: 6, dom, srcPath: '/img/a.qcow2', devAlias: 'virtio-disk0', action: 2, reasonText: 'enospc' },
  { eventID: 7, dom },
  { eventID: 8, dom, disk: '/img/a.qcow2', type: 3, status: 0 },
  { eventID: 9, dom, oldSrcPath: '/iso/a.iso', newSrcPath: undefined, devAlias: 'ide0-1-0', reason: 1 },
  { eventID: 10, dom, devAlias: 'ide0-1-0', reason: 0 },
  { eventID: 11, dom, reason: 0 },
  { eventID: 12, dom, reason: 0 },
  { eventID: 13, dom, actual: 524288n },
  { eventID: 14, dom, reason: 0 },
  { eventID: 15, dom, devAlias: 'net0' },
  { eventID: 16, dom, disk: 'vda', type: 4, status: 3 },
  {
    eventID: 17,
    dom,
    params: [
      { field: 'cputune.vcpupin0', type: 7, value: '0-1' },
      { field: 'cputune.shares', type: 4, value: 1024n },
    ],
  },
  { eventID: 18, dom, state: 1, reason: 2 },
  { eventID: 19, dom, devAlias: 'net1' },
  { eventID: 20, dom, iteration: 7 },
  {
    eventID: 21,
    dom,
    params: [
      { field: 'time_elapsed', type: 4, value: 2127n },
      { field: 'compression_cache_miss_rate', type: 5, value: 0.25 },
      { field: 'auto_converge', type: 6, value: true },
    ],
  },
  { eventID: 22, dom, devAlias: 'dimm0' },
  { eventID: 23, dom, type: 2, nsuri: 'http://example.org/ns' },
  { eventID: 24, dom, dev: 'vda[1]', path: undefined, threshold: 1n << 33n, excess: 4096n },
  { eventID: 25, dom, recipient: 1, action: 3, flags: 3 },
  { eventID: 26, dom, devAlias: 'virtiomem0', size: 1n << 30n },
];

describe('domain event messages', () => {
  it('cover every id the table knows', () => {
    expect(samples.map((e) => e.eventID)).toEqual([...DOMAIN_EVENT_WIRE.keys()].sort((a, b) => a - b));
  });

  for (const ev of samples) {
    it(`event id ${ev.eventID} round-trips`, () => {
      const wire = DOMAIN_EVENT_WIRE.get(ev.eventID)!;
      const bytes = encode(wire.proc.args, wire.toMsg(41, ev));
      const back = DOMAIN_EVENT_BY_PROC.get(wire.proc.number)!.fromMsg(decode(wire.proc.args, bytes));
      expect(back.callbackID).toBe(41);
      expect(back.ev).toEqual(ev);
    });
  }
});
