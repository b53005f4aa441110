import { chmodSync, mkdirSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { createServer as createTlsServer, type TLSSocket } from 'node:tls';
import { DaemonClient } from './client.js';
import type { DaemonConfig } from './config.js';
import { driverDispatch } from './dispatch/index.js';
import { driverTable, openDriver } from './drivers.js';
import { stderrSink } from './log.js';
import type { ServerTlsContext } from './tls/context.js';

export interface ServerOptions {
  config: DaemonConfig;
  sockDir: string;
  /** -l / --listen: open the tcp listener when listen_tcp says so. */
  listen: boolean;
  /** -t: exit after this many seconds with no clients (0 = never). */
  timeout: number;
  onIdle(): void;
  /** The TLS listener's context when listen_tls is on (with -l). */
  tls?: ServerTlsContext;
}

/** The listening side: unix rw and ro sockets, tcp, and the clients they accepted. */
export class DaemonServer {
  private readonly servers: Server[] = [];
  private readonly socketFiles: string[] = [];
  private readonly clients = new Set<DaemonClient>();
  private readonly dispatch = driverDispatch();
  private readonly drivers = driverTable();
  private idleTimer?: NodeJS.Timeout;

  constructor(private readonly opts: ServerOptions) {}

  async start(): Promise<void> {
    const c = this.opts.config;
    mkdirSync(this.opts.sockDir, { recursive: true });
    await this.listenUnix(join(this.opts.sockDir, 'libvirt-sock'), c.unix_sock_rw_perms, false);
    await this.listenUnix(join(this.opts.sockDir, 'libvirt-sock-ro'), c.unix_sock_ro_perms, true);
    if (this.opts.listen && c.listen_tcp) await this.listenTcp(c.listen_addr, Number(c.tcp_port));
    if (this.opts.tls) await this.listenTls(this.opts.tls, c.listen_addr, Number(c.tls_port));
    this.armIdle();
  }

  async stop(): Promise<void> {
    clearTimeout(this.idleTimer);
    for (const client of this.clients) client.kick();
    await Promise.all(this.servers.map((s) => new Promise((r) => s.close(r))));
    for (const f of this.socketFiles) rmSync(f, { force: true });
  }

  private accept(readonly: boolean) {
    return (sock: Socket) => {
      if (this.clients.size >= this.opts.config.max_clients) {
        sock.destroy();
        return;
      }
      const c = this.opts.config;
      const client = new DaemonClient(
        sock,
        {
          readonly,
          maxRequests: Math.max(1, c.max_client_requests),
          keepalive: { interval: c.keepalive_interval, count: c.keepalive_count },
          dispatch: this.dispatch,
          open: (name, ro) => openDriver(this.drivers, name, ro),
        },
        (gone) => {
          this.clients.delete(gone);
          this.armIdle();
        },
      );
      this.clients.add(client);
      this.armIdle();
    };
  }

  private listenUnix(path: string, perms: string, readonly: boolean): Promise<void> {
    // A socket file left by a daemon that died is replaced, as libvirtd does.
    rmSync(path, { force: true });
    const srv = createServer(this.accept(readonly));
    return new Promise((resolve, reject) => {
      srv.once('error', reject);
      srv.listen({ path, backlog: this.opts.config.max_queued_clients }, () => {
        chmodSync(path, parseInt(perms, 8));
        this.servers.push(srv);
        this.socketFiles.push(path);
        resolve();
      });
    });
  }

  private listenTcp(host: string | undefined, port: number): Promise<void> {
    const srv = createServer(this.accept(false));
    return new Promise((resolve, reject) => {
      srv.once('error', reject);
      srv.listen({ host, port, backlog: this.opts.config.max_queued_clients }, () => {
        this.servers.push(srv);
        resolve();
      });
    });
  }

  /**
   * The TLS listener: a client is served only after its certificate passed the session
   * check and it got libvirt's one-byte confirmation; a refused one is just disconnected.
   */
  private listenTls(ctx: ServerTlsContext, host: string | undefined, port: number): Promise<void> {
    const serve = this.accept(false);
    const srv = createTlsServer(ctx.options, (sock: TLSSocket) => {
      if (!ctx.admit(sock, stderrSink)) {
        sock.destroy();
        return;
      }
      sock.write(Buffer.from([1]));
      serve(sock);
    });
    // A handshake that fails ends that connection only.
    srv.on('tlsClientError', (_e, sock) => sock.destroy());
    return new Promise((resolve, reject) => {
      srv.once('error', reject);
      srv.listen({ host, port, backlog: this.opts.config.max_queued_clients }, () => {
        this.servers.push(srv);
        resolve();
      });
    });
  }

  /** -t: the daemon leaves once it has had no client for the whole period. */
  private armIdle(): void {
    clearTimeout(this.idleTimer);
    if (this.opts.timeout > 0 && this.clients.size === 0) {
      this.idleTimer = setTimeout(() => this.opts.onIdle(), this.opts.timeout * 1000);
    }
  }
}
