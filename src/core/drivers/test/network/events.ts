/** Network lifecycle event callbacks registered on one node. */
import type { NetworkHandle } from '../../../api/handles.js';
import type { NetworkEventCallback } from '../../../api/network.js';

interface Registration {
  id: number;
  uuid?: string;
  cb: NetworkEventCallback;
}

export class NetworkEvents {
  private regs: Registration[] = [];
  private nextId = 1;

  register(net: NetworkHandle | undefined, cb: NetworkEventCallback): number {
    const id = this.nextId++;
    this.regs.push({ id, uuid: net?.uuid, cb });
    return id;
  }

  deregister(id: number): boolean {
    const before = this.regs.length;
    this.regs = this.regs.filter((r) => r.id !== id);
    return this.regs.length !== before;
  }

  /** Queued like libvirt's event state: delivered after the API call returns. */
  emit(network: NetworkHandle, event: number, detail = 0): void {
    const targets = this.regs.filter((r) => r.uuid === undefined || r.uuid === network.uuid);
    if (targets.length === 0) return;
    queueMicrotask(() => {
      for (const r of targets) r.cb({ network, event, detail });
    });
  }
}
