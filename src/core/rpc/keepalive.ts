import { keepaliveTimeout } from './link-errors.js';
import type { VirError } from './../errors.js';

export interface KeepaliveHooks {
  sendPing(): void;
  dead(err: VirError): void;
}

/**
 * The client half of libvirt's keepalive: after `interval` seconds with nothing received,
 * send a PING; after `count` PINGs with still nothing back, declare the peer dead
 * (about interval × (count + 1) seconds of silence). Any received packet resets it.
 * virsh's defaults are interval 5, count 6 (-k / -K); interval 0 disables it.
 */
export class Keepalive {
  private timer?: NodeJS.Timeout;
  private lastReceived = Date.now();
  private left: number;

  constructor(
    private readonly interval: number,
    private readonly count: number,
    private readonly hooks: KeepaliveHooks,
  ) {
    this.left = count;
  }

  start(): void {
    if (this.interval <= 0 || this.timer) return;
    this.timer = setInterval(() => this.tick(), this.interval * 1000);
    // Pings must never keep a finished virsh-ts process alive.
    this.timer.unref();
  }

  received(): void {
    this.lastReceived = Date.now();
    this.left = this.count;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  private tick(): void {
    if (Date.now() - this.lastReceived < this.interval * 1000 - 50) return;
    if (this.left === 0) {
      this.stop();
      this.hooks.dead(keepaliveTimeout());
      return;
    }
    this.left--;
    this.hooks.sendPing();
  }
}
