import { describe, expect, it } from 'vitest';
import type { EndpointSlice } from '../../../src/sim/api/other';
import { Cluster } from '../../../src/sim/cluster';
import { DEFAULT_NODES } from '../../../src/sim/scenarios/bootstrap';

describe('EndpointSlice controller in a Cluster', () => {
  it('syncs Services that existed before it started (kube-dns gets its placeholder slice)', () => {
    const cluster = new Cluster({ seed: 3, nodes: DEFAULT_NODES });
    const slices = cluster.api.list<EndpointSlice>('EndpointSlice');
    expect(slices.map((s) => s.metadata.labels?.['kubernetes.io/service-name'])).toEqual(['kube-dns']);
    expect(slices[0]!.metadata.name).toMatch(/^kube-dns-[a-z0-9]{5}$/);
  });
});
