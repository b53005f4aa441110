import { chmodSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { dirname, join } from 'node:path';
import { createServer as createTlsServer, type TLSSocket } from 'node:tls';
import { virErr } from '../core/errors.js';
import { strerror } from '../core/strerror.js';
import { Program } from '../core/rpc/constants.js';
import { adminServed, Transport, type AdminClient, type AdminServer } from './admin/served.js';
import { DaemonClient } from './client.js';
import type { DaemonConfig } from './config.js';
import { driverDispatch } from './dispatch/index.js';
import { driverTable, openDriver } from './drivers.js';
import { QemuSystem } from './qemu-system.js';
import { daemonLog, reportedAt, stderrSink } from './log.js';
import { DAEMON_NAME } from './paths.js';
import type { ServerTlsContext } from './tls/context.js';

export interface ServerOptions {
  config: DaemonConfig;
  sockDir: string;
  /** Run by root: the read-only socket too, and the admin socket even in unix_sock_dir. */
  privileged: boolean;
  /** unix_sock_dir was set (virDaemonUnixSocketPaths puts fewer sockets there unprivileged). */
  explicitDir: boolean;
  /** -l / --listen: open the tcp listener when listen_tcp says so. */
  listen: boolean;
  /** -t: exit after this many seconds with no clients (0 = never). */
  timeout: number;
  onIdle(): void;
  /** The TLS listener's context when listen_tls is on (with -l, or a tls activation socket). */
  tls?: ServerTlsContext;
  /** systemd socket activation: the sockets handed over, by unit name. */
  activation?: Map<string, number[]>;
}

/** One kind of listener: what its clients get, and the systemd socket unit that may carry it. */
interface Service {
  unit: string;
  server: 'main' | 'admin';
  readonly: boolean;
  transport: number;
  tls?: boolean;
}

const services: Record<'rw' | 'ro' | 'admin' | 'tcp' | 'tls', Service> = {
  rw: { unit: '.socket', server: 'main', readonly: false, transport: Transport.UNIX },
  ro: { unit: '-ro.socket', server: 'main', readonly: true, transport: Transport.UNIX },
  admin: { unit: '-admin.socket', server: 'admin', readonly: false, transport: Transport.UNIX },
  tcp: { unit: '-tcp.socket', server: 'main', readonly: false, transport: Transport.TCP },
  tls: { unit: '-tls.socket', server: 'main', readonly: false, transport: Transport.TLS, tls: true },
};

/** virNetSocketNewListenUNIX / ListenTCP's reports when a socket cannot be bound. */
function listenError(where: { path: string } | { host?: string; port: number } | { fd: number }, e: Error): Error {
  if ('path' in where) {
    // libuv reports bind()'s ENOENT (no such directory) as EACCES.
    const why = (e as NodeJS.ErrnoException).code === 'EACCES' && !existsSync(dirname(where.path)) ? strerror({ code: 'ENOENT' }) : strerror(e);
    return reportedAt('virNetSocketNewListenUNIX:510', new Error(`Failed to bind socket to '${where.path}': ${why}`));
  }
  if ('port' in where) return reportedAt('virNetSocketNewListenTCP:448', new Error(`Unable to bind to port: ${strerror(e)}`));
  return e;
}

/** libvirtd.conf's admin_max_clients default. */
const ADMIN_MAX_CLIENTS = 5000;

/** Socket units are named after the daemon; libvirtd's own unit names work too (drop-in). */
const unitPrefixes = [DAEMON_NAME, 'libvirtd'];

interface Registered extends AdminClient {
  client: DaemonClient;
}

/**
 * The listening side: unix rw, ro and admin sockets, tcp and tls (or the sockets systemd
 * handed over), and the clients each of the daemon's two servers — the main one and
 * "admin", as libvirtd names them — accepted.
 */
export class DaemonServer {
  private readonly servers: Server[] = [];
  private readonly socketFiles: string[] = [];
  private readonly registry = { main: new Map<DaemonClient, Registered>(), admin: new Map<DaemonClient, Registered>() };
  private readonly nextId = { main: 1n, admin: 1n };
  private readonly dispatch = driverDispatch();
  private readonly qemu = new QemuSystem({
    inhibit: (on) => {
      this.inhibitions += on ? 1 : -1;
      this.armIdle();
    },
    log: (where, message) => daemonLog('error', where, message),
  });
  private readonly drivers = driverTable(this.qemu);
  private idleTimer?: NodeJS.Timeout;
  /** Drivers that keep the daemon up whatever -t says (a hypervisor driver with guests running). */
  private inhibitions = 0;

  constructor(private readonly opts: ServerOptions) {}

  async start(): Promise<void> {
    if (this.opts.activation) await this.startActivated(this.opts.activation);
    else await this.startListening();
    // virStateInitialize: drivers take over what an earlier daemon left, once serving.
    void this.qemu.initialize(this.opts.privileged);
    this.armIdle();
  }

  private async startListening(): Promise<void> {
    const c = this.opts.config;
    // The default directory is ours to make; a configured unix_sock_dir must exist already.
    if (!this.opts.explicitDir) mkdirSync(this.opts.sockDir, { recursive: true });
    await this.listenUnix(join(this.opts.sockDir, 'libvirt-sock'), c.unix_sock_rw_perms, services.rw);
    const { privileged, explicitDir } = this.opts;
    if (privileged) await this.listenUnix(join(this.opts.sockDir, 'libvirt-sock-ro'), c.unix_sock_ro_perms, services.ro);
    if (privileged || !explicitDir) await this.listenUnix(join(this.opts.sockDir, 'libvirt-admin-sock'), c.unix_sock_admin_perms, services.admin);
    if (this.opts.listen && c.listen_tcp) await this.listen(services.tcp, { host: c.listen_addr, port: Number(c.tcp_port) });
    if (this.opts.tls) await this.listen(services.tls, { host: c.listen_addr, port: Number(c.tls_port) });
  }

  /** Only the sockets handed over are served; one nobody claims is libvirt's error. */
  private async startActivated(activation: Map<string, number[]>): Promise<void> {
    const unclaimed = new Set(activation.keys());
    for (const service of Object.values(services)) {
      for (const prefix of unitPrefixes) {
        const unit = `${prefix}${service.unit}`;
        const fds = activation.get(unit);
        if (!fds || (service.tls && !this.opts.tls)) continue;
        unclaimed.delete(unit);
        for (const fd of fds) await this.listen(service, { fd });
      }
    }
    if (unclaimed.size) throw reportedAt('virSystemdActivationComplete:958', virErr('INTERNAL_ERROR', 'Some activation file descriptors are unclaimed'));
  }

  async stop(): Promise<void> {
    clearTimeout(this.idleTimer);
    for (const side of Object.values(this.registry)) for (const client of side.keys()) client.kick();
    await Promise.all(this.servers.map((s) => new Promise((r) => s.close(r))));
    for (const f of this.socketFiles) rmSync(f, { force: true });
  }

  private clientCount(): number {
    return this.registry.main.size + this.registry.admin.size;
  }

  /** The admin program's view of the two servers. */
  private adminServers(): AdminServer[] {
    const c = this.opts.config;
    const view = (name: string, side: 'main' | 'admin', maxClients: number, maxUnauthClients: number): AdminServer => ({
      name,
      clients: () => [...this.registry[side].values()],
      maxClients,
      maxUnauthClients,
    });
    // libvirtd's admin server: admin_max_clients (5000) and no anonymous clients at all.
    return [view(DAEMON_NAME, 'main', c.max_clients, 20), view('admin', 'admin', ADMIN_MAX_CLIENTS, 0)];
  }

  private accept(service: Service) {
    return (sock: Socket) => {
      const c = this.opts.config;
      const side = this.registry[service.server];
      if (side.size >= (service.server === 'admin' ? ADMIN_MAX_CLIENTS : c.max_clients)) {
        sock.destroy();
        return;
      }
      const admin = service.server === 'admin';
      const client = new DaemonClient(
        sock,
        {
          readonly: service.readonly,
          maxRequests: Math.max(1, c.max_client_requests),
          keepalive: { interval: c.keepalive_interval, count: c.keepalive_count },
          dispatch: admin ? new Map() : this.dispatch,
          open: (name, ro) => openDriver(this.drivers, name, ro),
          ...(admin ? { program: Program.ADMIN, session: (host: DaemonClient) => adminServed(() => this.adminServers(), () => host.kick()) } : {}),
        },
        (gone) => {
          side.delete(gone);
          this.armIdle();
        },
      );
      const id = this.nextId[service.server]++;
      side.set(client, {
        client,
        id,
        timestamp: BigInt(Math.floor(Date.now() / 1000)),
        transport: service.transport,
        readonly: service.readonly,
        close: () => client.kick(),
      });
      this.armIdle();
    };
  }

  private listenUnix(path: string, perms: string, service: Service): Promise<void> {
    // A socket file left by a daemon that died is replaced, as libvirtd does.
    rmSync(path, { force: true });
    return this.listen(service, { path }).then(() => {
      chmodSync(path, parseInt(perms, 8));
      this.socketFiles.push(path);
    });
  }

  private listen(service: Service, where: { path: string } | { host?: string; port: number } | { fd: number }): Promise<void> {
    const srv = service.tls ? this.tlsServer(this.opts.tls!, this.accept(service)) : createServer(this.accept(service));
    return new Promise((resolve, reject) => {
      srv.once('error', (e) => reject(listenError(where, e)));
      srv.listen({ ...where, backlog: this.opts.config.max_queued_clients }, () => {
        this.servers.push(srv);
        resolve();
      });
    });
  }

  /**
   * The TLS listener: a client is served only after its certificate passed the session
   * check and it got libvirt's one-byte confirmation; a refused one is just disconnected.
   */
  private tlsServer(ctx: ServerTlsContext, serve: (sock: Socket) => void): Server {
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
    return srv;
  }

  /** -t: the daemon leaves once it has had no client and no running guest for the whole period. */
  private armIdle(): void {
    clearTimeout(this.idleTimer);
    if (this.opts.timeout > 0 && this.clientCount() === 0 && this.inhibitions === 0) {
      this.idleTimer = setTimeout(() => this.opts.onIdle(), this.opts.timeout * 1000);
    }
  }
}
