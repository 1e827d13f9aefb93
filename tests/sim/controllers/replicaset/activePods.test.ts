import { describe, expect, it } from 'vitest';
import type { Pod } from '../../../../src/sim/api/core';
import {
  activePodsWithRanksLess,
  getDeletionCost,
  getPodsRankedByRelatedPodsOnSameNode,
  getPodsToDelete,
  logarithmicRankDiff,
  sortActivePodsWithRanks,
} from '../../../../src/sim/controllers/replicaset/activePods';
import { slowStartBatch } from '../../../../src/sim/controllers/replicaset/replicaSet';
import { toTimestamp } from '../../../../src/sim/runtime/clock';

interface PodShape {
  name: string;
  node?: string;
  phase?: Pod['status']['phase'];
  readyAtS?: number;
  cost?: string;
  restarts?: number;
  createdAtS?: number;
  deleting?: boolean;
}

function pod(s: PodShape): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: s.name,
      namespace: 'default',
      uid: `uid-${s.name}`,
      resourceVersion: '1',
      creationTimestamp: toTimestamp((s.createdAtS ?? 0) * 1000),
      ...(s.cost !== undefined ? { annotations: { 'controller.kubernetes.io/pod-deletion-cost': s.cost } } : {}),
      ...(s.deleting ? { deletionTimestamp: toTimestamp(0) } : {}),
    },
    spec: { containers: [{ name: 'nginx', image: 'nginx' }], ...(s.node ? { nodeName: s.node } : {}) },
    status: {
      phase: s.phase ?? 'Running',
      conditions: s.readyAtS !== undefined ? [{ type: 'Ready', status: 'True', lastTransitionTime: toTimestamp(s.readyAtS * 1000) }] : [],
      containerStatuses: [{ name: 'nginx', state: {}, lastState: {}, ready: s.readyAtS !== undefined, restartCount: s.restarts ?? 0, image: 'nginx', imageID: '' }],
    },
  };
}

const NOW = 1000_000;
const ready = { node: 'n1', phase: 'Running' as const, readyAtS: 10, createdAtS: 5 };

describe('ActivePodsWithRanks.Less: which pod a ReplicaSet deletes first', () => {
  it.each<[string, PodShape, number, PodShape, number]>([
    ['unassigned before assigned', { name: 'a', phase: 'Running' }, 0, { name: 'b', ...ready }, 0],
    ['Pending before Running', { name: 'a', node: 'n1', phase: 'Pending' }, 0, { name: 'b', node: 'n1', phase: 'Running' }, 0],
    ['Pending before Unknown', { name: 'a', node: 'n1', phase: 'Pending' }, 0, { name: 'b', node: 'n1', phase: 'Unknown' }, 0],
    ['Unknown before Running', { name: 'a', node: 'n1', phase: 'Unknown' }, 0, { name: 'b', node: 'n1', phase: 'Running' }, 0],
    ['not ready before ready', { name: 'a', node: 'n1', phase: 'Running' }, 0, { name: 'b', ...ready }, 0],
    ['lower pod-deletion-cost first', { name: 'a', ...ready, cost: '-5' }, 0, { name: 'b', ...ready }, 9],
    ['more pods of the set on the node first', { name: 'a', ...ready }, 3, { name: 'b', ...ready }, 1],
    ['ready more recently first (another power-of-two bucket)', { name: 'a', ...ready, readyAtS: 900 }, 1, { name: 'b', ...ready, readyAtS: 10 }, 1],
    ['more restarts first', { name: 'a', ...ready, restarts: 4 }, 1, { name: 'b', ...ready, restarts: 1 }, 1],
    ['newer first', { name: 'a', ...ready, createdAtS: 900 }, 1, { name: 'b', ...ready, createdAtS: 1 }, 1],
    ['rank beats ready time', { name: 'a', ...ready, readyAtS: 1 }, 2, { name: 'b', ...ready, readyAtS: 990 }, 1],
    ['cost beats rank', { name: 'a', ...ready, cost: '1' }, 1, { name: 'b', ...ready, cost: '2' }, 5],
    ['readiness beats cost', { name: 'a', node: 'n1', cost: '100' }, 0, { name: 'b', ...ready, cost: '-100' }, 0],
  ])('%s', (_title, a, rankA, b, rankB) => {
    const pa = { pod: pod(a), rank: rankA };
    const pb = { pod: pod(b), rank: rankB };
    expect(activePodsWithRanksLess(pa, pb, NOW)).toBe(true);
    expect(activePodsWithRanksLess(pb, pa, NOW)).toBe(false);
  });

  it('breaks ties inside one log2 age bucket by uid', () => {
    // Ready 1000s and 1001s ago: the same power-of-two bucket of nanoseconds, so the uid decides.
    const a = { pod: pod({ name: 'a', ...ready, readyAtS: 1000 }), rank: 0 };
    const b = { pod: pod({ name: 'b', ...ready, readyAtS: 999 }), rank: 0 };
    expect(logarithmicRankDiff(1000_000, 999_000, 2000_000)).toBe(0);
    expect(activePodsWithRanksLess(a, b, 2000_000)).toBe(true);
    expect(activePodsWithRanksLess(b, a, 2000_000)).toBe(false);
    // Without a reference time the exact times decide: b became ready earlier, so a goes first.
    expect(activePodsWithRanksLess(b, a)).toBe(false);
  });

  it.each([
    ['100', 100],
    ['-3', -3],
    ['abc', 0],
    ['99999999999', 0],
  ])('reads pod-deletion-cost %s as %d', (raw, cost) => {
    expect(getDeletionCost(pod({ name: 'a', cost: raw }))).toBe(cost);
  });

  it('sorts a mixed set in the real order', () => {
    const pods = [
      pod({ name: 'ready-old', ...ready, readyAtS: 1 }),
      pod({ name: 'ready-new', ...ready, readyAtS: 900 }),
      pod({ name: 'running', node: 'n1', phase: 'Running' }),
      pod({ name: 'pending', node: 'n1', phase: 'Pending' }),
      pod({ name: 'unscheduled', phase: 'Pending' }),
      pod({ name: 'cheap', ...ready, cost: '-1' }),
    ];
    const order = sortActivePodsWithRanks(pods.map((p) => ({ pod: p, rank: 0 })), NOW).map((r) => r.pod.metadata.name);
    expect(order).toEqual(['unscheduled', 'pending', 'running', 'cheap', 'ready-new', 'ready-old']);
  });

  it('ranks by active related pods on the same node and deletes the doubled-up ones first', () => {
    const mine = [pod({ name: 'a', ...ready, node: 'n1' }), pod({ name: 'b', ...ready, node: 'n2' })];
    const related = [...mine, pod({ name: 'x', ...ready, node: 'n2' }), pod({ name: 'y', ...ready, node: 'n2', deleting: true })];
    expect(getPodsRankedByRelatedPodsOnSameNode(mine, related).map((r) => r.rank)).toEqual([1, 2]);
    expect(getPodsToDelete(mine, related, 1, NOW).map((p) => p.metadata.name)).toEqual(['b']);
    expect(getPodsToDelete(mine, related, 2, NOW).map((p) => p.metadata.name)).toEqual(['a', 'b']);
  });
});

describe('slowStartBatch', () => {
  it('runs batches of 1, 2, 4, ... up to the count', () => {
    const sizes: number[] = [];
    let calls = 0;
    const result = slowStartBatch(10, 1, () => {
      calls++;
    });
    for (let b = 1, left = 10; left > 0; b *= 2) {
      sizes.push(Math.min(b, left));
      left -= Math.min(b, left);
    }
    expect(sizes).toEqual([1, 2, 4, 3]);
    expect(calls).toBe(10);
    expect(result).toEqual({ successes: 10 });
  });

  it('finishes the failing batch and skips the rest', () => {
    let calls = 0;
    const result = slowStartBatch(20, 1, () => {
      calls++;
      if (calls === 4) throw new Error('quota exceeded');
    });
    // Batches 1 and 2 succeed (3 calls); batch of 4 runs fully with one failure; nothing after.
    expect(calls).toBe(7);
    expect(result.successes).toBe(6);
    expect(result.error?.message).toBe('quota exceeded');
  });
});
