import { describe, it, expect } from 'vitest';
import { publicApi, publicTable, apiName } from '../../src/core/api/public/index.js';
import { isReadOnlyCheck } from '../../src/core/api/public/checks.js';
import { connectionForNode, eagerOps, loadTestNode } from '../../src/core/drivers/test/index.js';
import { familyOps, lazyFamilies } from '../../src/core/drivers/test/families.js';
import type { Connection } from '../../src/core/api/connection.js';
import { VirError } from '../../src/core/errors.js';

async function open(readonly: boolean): Promise<Connection> {
  return publicApi(connectionForNode(await loadTestNode('test:///default', '/default')), { readonly });
}

async function failure(p: Promise<unknown>): Promise<{ code: string | undefined; message: string }> {
  try {
    await p;
  } catch (e) {
    if (e instanceof VirError) return { code: e.codeName, message: e.message };
    throw e;
  }
  throw new Error('call succeeded');
}

describe('public API table', () => {
  it('has a row for every method a driver implements, and no other', async () => {
    const node = await loadTestNode('test:///default', '/default');
    const opsOf = familyOps(node);
    const lazy = await Promise.all(lazyFamilies.map((f) => opsOf(f)));
    const implemented = [eagerOps(node), ...lazy].flatMap((ops) => Object.keys(ops));
    expect(Object.keys(publicTable).sort()).toEqual(implemented.sort());
  });

  it('names a libvirt API in every row', () => {
    const names = Object.values(publicTable).map((r) => apiName(r, [undefined, 0, 0, 0, 0]));
    for (const n of names) expect(n).toMatch(/^vir[A-Z]\w+$/);
  });

  it('marks the state-changing calls', () => {
    const refuses = (m: keyof Connection) => publicTable[m].checks.some(isReadOnlyCheck);
    for (const m of ['domainDefineXML', 'domainDestroy', 'networkDestroy', 'storageVolDelete', 'secretGetValue'] as const) {
      expect(refuses(m), m).toBe(true);
    }
    for (const m of ['listAllDomains', 'domainGetXMLDesc', 'networkGetXMLDesc', 'nodeGetInfo', 'close'] as const) {
      expect(refuses(m), m).toBe(false);
    }
  });
});

describe('publicApi on a read-only connection', () => {
  it('refuses writes before the driver runs, leaving state alone', async () => {
    const conn = await open(true);
    const dom = await conn.domainLookupByName('test');
    expect(await failure(conn.domainDestroy(dom, 0))).toEqual({
      code: 'OPERATION_DENIED',
      message: 'operation forbidden: read only access prevents virDomainDestroy',
    });
    expect((await conn.domainGetState(dom, 0)).state).toBe(1);
    expect((await failure(conn.domainDestroy(dom, 1))).message).toMatch(/virDomainDestroyFlags$/);
    expect((await failure(conn.domainCreate(dom, 0))).message).toMatch(/prevents virDomainCreate$/);
    expect((await failure(conn.networkDestroy(await conn.networkLookupByName('default')))).message).toMatch(
      /virNetworkDestroy$/,
    );
  });

  it('keeps libvirt order between argument and read-only checks', async () => {
    const conn = await open(true);
    const dom = await conn.domainLookupByName('test');
    expect((await failure(conn.domainCreateXML(null as unknown as string, 0))).message).toBe(
      'xmlDesc in virDomainCreateXML must not be NULL',
    );
    expect((await failure(conn.domainSetMemoryFlags(dom, 0n, 0))).code).toBe('OPERATION_DENIED');
  });

  it('refuses only the privileged uses of conditional calls', async () => {
    const conn = await open(true);
    const dom = await conn.domainLookupByName('test');
    expect(await conn.domainGetVcpusFlags(dom, 0)).toBe(2);
    expect((await failure(conn.domainGetVcpusFlags(dom, 8))).message).toMatch(/virDomainGetVcpusFlags$/);
    expect(await conn.domainGetXMLDesc(dom, 0)).toContain('<name>test</name>');
    expect((await failure(conn.domainGetXMLDesc(dom, 1))).message).toBe(
      'operation forbidden: virDomainGetXMLDesc with secure flag',
    );
  });
});

describe('publicApi argument checks', () => {
  it('reports them with the public API name', async () => {
    const conn = await open(false);
    const dom = await conn.domainLookupByName('test');
    expect((await failure(conn.domainSetMemoryFlags(dom, 0n, 0))).message).toBe(
      'memory in virDomainSetMemoryFlags must not be zero',
    );
    expect((await failure(conn.domainSetVcpus(dom, 0))).message).toBe('nvcpus in virDomainSetVcpus must not be zero');
    expect((await failure(conn.domainSetVcpusFlags(dom, 2, 4))).message).toBe(
      "Flag 'VIR_DOMAIN_AFFECT_CONFIG' is required by flag 'VIR_DOMAIN_VCPU_MAXIMUM'",
    );
    expect((await failure(conn.nodeGetCellsFreeMemory(0, 0))).message).toBe(
      'maxCells in virNodeGetCellsFreeMemory must be greater than zero',
    );
    expect((await failure(conn.nodeGetCPUStats(-2, 0))).message).toBe(
      'cpuNum in virNodeGetCPUStats only accepts -1 as a negative value',
    );
  });

  it('answers keepalive like libvirt on a local driver', async () => {
    const conn = await open(false);
    expect(await failure(conn.setKeepAlive(5, 6))).toEqual({
      code: 'NO_SUPPORT',
      message: 'this function is not supported by the connection driver: virConnectSetKeepAlive',
    });
  });
});
