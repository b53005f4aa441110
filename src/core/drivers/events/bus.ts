/**
 * One node's event state (libvirt's virObjectEventState): callbacks registered by every
 * connection sharing the node, ids from one counter starting at 0 as libvirt hands them out,
 * and events queued by the API that caused them and delivered once that call has returned.
 */
export class EventBus<E> {
  private regs: { id: number; eventID: number; key?: string; cb: (ev: E) => void }[] = [];
  private nextId = 0;

  register(key: string | undefined, eventID: number, cb: (ev: E) => void): number {
    const id = this.nextId++;
    this.regs.push({ id, eventID, key, cb });
    return id;
  }

  deregister(id: number): boolean {
    const before = this.regs.length;
    this.regs = this.regs.filter((r) => r.id !== id);
    return this.regs.length !== before;
  }

  /** Queues `ev` for the callbacks of `eventID` that watch everything or `key`. */
  emit(key: string, eventID: number, ev: E): void {
    const targets = this.regs.filter((r) => r.eventID === eventID && (r.key === undefined || r.key === key));
    if (!targets.length) return;
    setImmediate(() => {
      for (const r of targets) if (this.regs.some((x) => x.id === r.id)) r.cb(ev);
    });
  }
}
