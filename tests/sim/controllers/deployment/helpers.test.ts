import { describe, expect, it } from 'vitest';
import type { Deployment, DeploymentStatus, ReplicaSet } from '../../../../src/sim/api/apps';
import type { PodTemplateSpec } from '../../../../src/sim/api/core';
import { deploymentComplete, deploymentProgressing } from '../../../../src/sim/controllers/deployment/conditions';
import {
  getTerminatingReplicaCountForReplicaSets,
  maxSurge,
  maxUnavailable,
  newRSNewReplicas,
  resolveFenceposts,
} from '../../../../src/sim/controllers/deployment/deploymentUtil';
import { canonicalJson, computeHash, fnv32a, safeEncodeString, utf8Bytes } from '../../../../src/sim/controllers/deployment/hash';

const template: PodTemplateSpec = {
  metadata: { labels: { app: 'web' } },
  spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] },
};

function deployment(replicas: number, strategy?: Deployment['spec']['strategy']): Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default', uid: 'd', resourceVersion: '1', creationTimestamp: '2026-01-01T09:00:00Z', generation: 1 },
    spec: { replicas, selector: { matchLabels: { app: 'web' } }, template, ...(strategy ? { strategy } : {}) },
  };
}

function rs(replicas: number, status?: ReplicaSet['status']): ReplicaSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: `rs-${replicas}`, namespace: 'default', uid: `u${replicas}`, resourceVersion: '1', creationTimestamp: '2026-01-01T09:00:00Z' },
    spec: { replicas, selector: { matchLabels: { app: 'web' } }, template },
    ...(status ? { status } : {}),
  };
}

describe('computeHash', () => {
  it.each([
    ['', 0x811c9dc5],
    ['a', 0xe40c292c],
    ['foobar', 0xbf9cf968],
  ])('FNV-1a 32 of %j', (text, hash) => {
    expect(fnv32a(utf8Bytes(text))).toBe(hash);
  });

  it.each([
    ['0123456789', '456789bcdf'],
    ['4294967295', '86f8fbc6f9'],
    ['17', '5c'],
  ])('SafeEncodeString(%s) = %s', (input, output) => {
    expect(safeEncodeString(input)).toBe(output);
  });

  it('is canonical: key order does not matter, values do', () => {
    const reordered: PodTemplateSpec = { spec: { containers: [{ image: 'nginx:1.27', name: 'nginx' }] }, metadata: { labels: { app: 'web' } } };
    expect(canonicalJson(reordered)).toBe(canonicalJson(template));
    expect(computeHash(reordered)).toBe(computeHash(template));
    const changed = { ...template, spec: { containers: [{ name: 'nginx', image: 'nginx:1.28' }] } };
    expect(computeHash(changed)).not.toBe(computeHash(template));
  });

  it('renders the decimal FNV hash in the safe alphabet, salted by collisionCount', () => {
    const hash = computeHash(template);
    expect(hash).toBe(safeEncodeString(String(fnv32a(utf8Bytes(canonicalJson(template))))));
    expect(hash).toMatch(/^[456789bcdf]{1,10}$/);
    expect(computeHash(template, 1)).not.toBe(hash);
    expect(computeHash(template, 1)).toBe(computeHash(template, 1));
    expect(computeHash(template, 0)).not.toBe(hash);
  });

  it('pins the hash of a known template (regression)', () => {
    expect(computeHash(template)).toBe(computeHash(JSON.parse(JSON.stringify(template)) as PodTemplateSpec));
    expect(canonicalJson(template)).toBe('{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"image":"nginx:1.27","name":"nginx"}]}}');
  });
});

describe('resolveFenceposts', () => {
  it.each<[number | string | undefined, number | string | undefined, number, number, number]>([
    ['0%', '0%', 0, 0, 1],
    ['39%', '39%', 10, 4, 3],
    [undefined, '39%', 10, 0, 3],
    ['39%', undefined, 10, 4, 0],
    [undefined, undefined, 10, 0, 1],
    ['25%', '25%', 10, 3, 2],
    ['25%', '25%', 3, 1, 0],
    ['25%', '25%', 4, 1, 1],
    ['25%', '25%', 1, 1, 0],
    [0, 0, 5, 0, 1],
    [2, '50%', 5, 2, 2],
    ['100%', 0, 3, 3, 0],
  ])('maxSurge %j, maxUnavailable %j of %d -> %d, %d', (surge, unavailable, desired, expectSurge, expectUnavailable) => {
    expect(resolveFenceposts(surge, unavailable, desired)).toEqual({ surge: expectSurge, unavailable: expectUnavailable });
  });

  it.each([
    ['oops', '39%'],
    ['55%', 'urg'],
  ])('rejects %j / %j', (surge, unavailable) => {
    expect(() => resolveFenceposts(surge, unavailable, 10)).toThrow();
  });

  it.each<[string, Deployment, number, number]>([
    ['defaults 25%/25% of 10', deployment(10), 3, 2],
    ['defaults 25%/25% of 3', deployment(3), 1, 0],
    ['only maxSurge set: maxUnavailable still defaults to 25%', deployment(8, { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0 } }), 0, 2],
    ['both 0: maxUnavailable 1', deployment(4, { rollingUpdate: { maxSurge: 0, maxUnavailable: 0 } }), 0, 1],
    ['maxUnavailable capped at replicas', deployment(2, { rollingUpdate: { maxUnavailable: 5 } }), 1, 2],
    ['Recreate', deployment(10, { type: 'Recreate' }), 0, 0],
    ['zero replicas', deployment(0), 0, 0],
  ])('MaxSurge/MaxUnavailable: %s', (_t, d, surge, unavailable) => {
    expect(maxSurge(d)).toBe(surge);
    expect(maxUnavailable(d)).toBe(unavailable);
  });
});

describe('NewRSNewReplicas', () => {
  it.each<[string, Deployment['spec']['strategy'], number, number, number, number]>([
    ['can not scale up - to newRSReplicas', { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 1 } }, 1, 5, 1, 5],
    ['scale up - to depReplicas', { type: 'RollingUpdate', rollingUpdate: { maxSurge: 10, maxUnavailable: 1 } }, 6, 2, 10, 6],
    ['recreate - to depReplicas', { type: 'Recreate' }, 3, 1, 1, 3],
  ])('%s', (_t, strategy, depReplicas, newRSReplicas, _surge, expected) => {
    const d = deployment(depReplicas, strategy);
    const newRS = rs(newRSReplicas);
    expect(newRSNewReplicas(d, [rs(5)], newRS)).toBe(expected);
  });

  it('fills the surge budget: 10 replicas, 25% surge, old at 10 -> new goes to 3', () => {
    const newRS = { ...rs(0), metadata: { ...rs(0).metadata, uid: 'new' } };
    expect(newRSNewReplicas(deployment(10), [rs(10), newRS], newRS)).toBe(3);
  });
});

describe('status helpers', () => {
  const st = (replicas: number, updated: number, ready: number, available: number): DeploymentStatus => ({ replicas, updatedReplicas: updated, readyReplicas: ready, availableReplicas: available, observedGeneration: 1 });
  it.each<[string, number, DeploymentStatus, boolean]>([
    ['min but not all pods available', 5, st(5, 5, 4, 4), false],
    ['complete', 5, st(5, 5, 5, 5), true],
    ['all available but not updated', 5, st(5, 4, 5, 5), false],
    ['still running old pods', 1, st(2, 1, 1, 1), false],
  ])('DeploymentComplete: %s', (_t, replicas, status, complete) => {
    expect(deploymentComplete(deployment(replicas), status)).toBe(complete);
  });

  it.each<[string, DeploymentStatus, DeploymentStatus, boolean]>([
    ['updated pods', st(10, 4, 4, 4), st(10, 6, 4, 4), true],
    ['not progressing', st(10, 4, 4, 4), st(10, 4, 4, 4), false],
    ['old pods removed', st(10, 4, 6, 6), st(8, 4, 6, 6), true],
    ['less new pods', st(10, 7, 3, 3), st(10, 6, 3, 3), false],
    ['more ready pods', st(10, 10, 9, 8), st(10, 10, 10, 8), true],
    ['more available pods', st(10, 10, 10, 9), st(10, 10, 10, 10), true],
  ])('DeploymentProgressing: %s', (_t, old, next, progressing) => {
    expect(deploymentProgressing({ ...deployment(10), status: old }, next)).toBe(progressing);
  });

  it('sums terminating replicas, unknown when a synced ReplicaSet does not report them', () => {
    expect(getTerminatingReplicaCountForReplicaSets([rs(1, { replicas: 2, terminatingReplicas: 3, observedGeneration: 1 }), rs(2, { replicas: 3, terminatingReplicas: 1 })])).toBe(4);
    expect(getTerminatingReplicaCountForReplicaSets([rs(3, { replicas: 0 })])).toBe(0);
    expect(getTerminatingReplicaCountForReplicaSets([rs(1, { replicas: 1, observedGeneration: 1 })])).toBeUndefined();
  });
});
