import { describe, expect, it } from 'vitest';
import type { Pod } from '../../../../src/sim/api/core';
import { withDefaults } from '../../../../src/sim/controllers/statefulset/defaults';
import {
  getParentNameAndOrdinal,
  getPersistentVolumeClaimName,
  getPersistentVolumeClaims,
  getPodName,
  getStatefulSetMaxUnavailable,
  identityMatches,
  isRunningAndAvailable,
  isUnavailable,
  newStatefulSetPod,
  newVersionedStatefulSetPod,
  podInOrdinalRange,
  storageMatches,
} from '../../../../src/sim/controllers/statefulset/statefulSetUtils';
import { ControllerError } from '../../../../src/sim/controllers/statefulset/statefulPodControl';
import { slowStartBatch } from '../../../../src/sim/controllers/statefulset/updateStatefulSet';
import { fromTimestamp, toTimestamp } from '../../../../src/sim/runtime/clock';
import { webSet } from './harness';

function stored<T extends { metadata: { uid: string } }>(obj: T, uid: string): T {
  return { ...obj, metadata: { ...obj.metadata, uid } };
}

describe('getParentNameAndOrdinal', () => {
  it.each([
    ['web-0', 'web', 0],
    ['web-12', 'web', 12],
    ['my-db-3', 'my-db', 3],
    ['web', '', -1],
    ['web-', '', -1],
    ['web-x', '', -1],
    ['web-2147483647', 'web', 2147483647],
    ['web-2147483648', 'web', -1],
  ])('%s -> parent %s, ordinal %d', (name, parent, ordinal) => {
    expect(getParentNameAndOrdinal(name)).toEqual({ parent, ordinal });
  });
});

describe('names', () => {
  const set = webSet();
  it.each([
    [0, 'web-0', 'www-web-0'],
    [7, 'web-7', 'www-web-7'],
  ])('ordinal %d -> pod %s, claim %s', (ordinal, pod, claim) => {
    expect(getPodName(set, ordinal)).toBe(pod);
    expect(getPersistentVolumeClaimName(set, set.spec.volumeClaimTemplates![0]!, ordinal)).toBe(claim);
  });
});

describe('newStatefulSetPod', () => {
  const set = stored(webSet(), 'set-uid');
  const pod = newStatefulSetPod(set, 1);

  it('carries the identity: name, labels, hostname, subdomain, controller ownerRef', () => {
    expect(pod.metadata.name).toBe('web-1');
    expect(pod.metadata.generateName).toBe('web-');
    expect(pod.metadata.namespace).toBe('default');
    expect(pod.metadata.labels).toEqual({ app: 'nginx', 'statefulset.kubernetes.io/pod-name': 'web-1', 'apps.kubernetes.io/pod-index': '1' });
    expect(pod.spec.hostname).toBe('web-1');
    expect(pod.spec.subdomain).toBe('nginx');
    expect(pod.metadata.ownerReferences).toEqual([
      { apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'web', uid: 'set-uid', controller: true, blockOwnerDeletion: true },
    ]);
  });

  it('mounts the claim of its own ordinal', () => {
    expect(pod.spec.volumes).toEqual([{ name: 'www', persistentVolumeClaim: { claimName: 'www-web-1' } }]);
    expect(identityMatches(set, pod)).toBe(true);
    expect(storageMatches(set, pod)).toBe(true);
  });

  it('leaves out the subdomain when the set has no serviceName', () => {
    const noService = webSet();
    delete noService.spec.serviceName;
    expect(newStatefulSetPod(noService, 0).spec.subdomain).toBeUndefined();
  });

  it.each([
    ['another set name', (p: Pod) => (p.metadata.name = 'db-1'), false, true],
    ['a missing pod-name label', (p: Pod) => delete p.metadata.labels!['statefulset.kubernetes.io/pod-name'], false, true],
    ['another claim', (p: Pod) => (p.spec.volumes = [{ name: 'www', persistentVolumeClaim: { claimName: 'www-web-0' } }]), true, false],
    ['an emptyDir instead of the claim', (p: Pod) => (p.spec.volumes = [{ name: 'www', emptyDir: {} }]), true, false],
  ])('detects %s', (_what, change, identity, storage) => {
    const copy = structuredClone(pod);
    change(copy);
    expect(identityMatches(set, copy)).toBe(identity);
    expect(storageMatches(set, copy)).toBe(storage);
  });
});

describe('getPersistentVolumeClaims', () => {
  it('labels each claim with the template labels and the selector', () => {
    const set = webSet();
    set.spec.volumeClaimTemplates![0]!.metadata.labels = { tier: 'data' };
    const [entry] = getPersistentVolumeClaims(set, newStatefulSetPod(set, 2));
    expect(entry!.templateName).toBe('www');
    expect(entry!.claim.metadata.name).toBe('www-web-2');
    expect(entry!.claim.metadata.labels).toEqual({ tier: 'data', app: 'nginx' });
    expect(entry!.claim.spec).toEqual({ accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } });
  });
});

describe('ordinals', () => {
  it.each([
    [undefined, 3, 'web-0', true],
    [undefined, 3, 'web-3', false],
    [5, 2, 'web-4', false],
    [5, 2, 'web-5', true],
    [5, 2, 'web-6', true],
    [5, 2, 'web-7', false],
  ])('start %s, replicas %d: %s in range = %s', (start, replicas, name, inRange) => {
    const set = webSet({ replicas, ...(start === undefined ? {} : { ordinals: { start } }) });
    const pod = newStatefulSetPod(set, getParentNameAndOrdinal(name).ordinal);
    expect(podInOrdinalRange(pod, set)).toBe(inRange);
  });
});

describe('availability', () => {
  function readyPod(readySinceMs: number, phase: Pod['status']['phase'] = 'Running'): Pod {
    const pod = stored(newStatefulSetPod(webSet(), 0), 'pod-uid');
    pod.status = { phase, conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: toTimestamp(readySinceMs) }] };
    return pod;
  }
  it.each([
    [0, 0, 0, true],
    [10, 0, 10_000, false],
    [10, 0, 10_001, true],
    [10, 5_000, 14_000, false],
  ])('minReadySeconds %d, Ready since %dms, now %dms -> available %s', (minReadySeconds, since, now, available) => {
    expect(fromTimestamp(toTimestamp(since))).toBe(since);
    expect(isRunningAndAvailable(readyPod(since), minReadySeconds, now)).toBe(available);
  });
  it('counts a terminating pod as unavailable', () => {
    const pod = readyPod(0);
    expect(isUnavailable(pod, 0, 1000)).toBe(false);
    pod.metadata.deletionTimestamp = toTimestamp(1000);
    expect(isUnavailable(pod, 0, 1000)).toBe(true);
  });
});

describe('getStatefulSetMaxUnavailable', () => {
  it.each([
    [undefined, 5, 1],
    [2, 5, 2],
    ['50%', 5, 2],
    ['10%', 5, 1],
    ['100%', 3, 3],
  ])('%s of %d replicas -> %d', (value, replicas, expected) => {
    expect(getStatefulSetMaxUnavailable(value, replicas)).toBe(expected);
  });
});

describe('newVersionedStatefulSetPod', () => {
  it.each([
    [{ type: 'RollingUpdate' as const, rollingUpdate: { partition: 2 } }, 1, 'web-old'],
    [{ type: 'RollingUpdate' as const, rollingUpdate: { partition: 2 } }, 2, 'web-new'],
    [{ type: 'RollingUpdate' as const }, 0, 'web-old'],
    [{ type: 'RollingUpdate' as const }, 1, 'web-new'],
    [{ type: 'OnDelete' as const }, 0, 'web-new'],
  ])('strategy %j, ordinal %d -> revision %s', (updateStrategy, ordinal, revision) => {
    const set = webSet({ replicas: 3, updateStrategy });
    set.status = { replicas: 3, currentReplicas: 1 };
    const pod = newVersionedStatefulSetPod(set, set, 'web-old', 'web-new', ordinal);
    expect(pod.metadata.labels!['controller-revision-hash']).toBe(revision);
  });
});

describe('withDefaults', () => {
  it('fills in the upstream defaults for absent fields', () => {
    const set = webSet();
    delete set.spec.replicas;
    const spec = withDefaults(set).spec;
    expect(spec.replicas).toBe(1);
    expect(spec.podManagementPolicy).toBe('OrderedReady');
    expect(spec.updateStrategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { partition: 0 } });
    expect(spec.revisionHistoryLimit).toBe(10);
    expect(spec.minReadySeconds).toBe(0);
    expect(spec.persistentVolumeClaimRetentionPolicy).toEqual({ whenDeleted: 'Retain', whenScaled: 'Retain' });
  });
  it('keeps an explicit RollingUpdate without a rollingUpdate block as it is', () => {
    expect(withDefaults(webSet({ updateStrategy: { type: 'RollingUpdate' } })).spec.updateStrategy).toEqual({ type: 'RollingUpdate' });
  });
});

describe('slowStartBatch', () => {
  it('runs batches of 1, 2, 4, ... and stops after the first batch with a failure', () => {
    const seen: number[] = [];
    expect(slowStartBatch(1, 10, (i) => seen.push(i))).toBe(10);
    expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const tried: number[] = [];
    expect(() =>
      slowStartBatch(1, 10, (i) => {
        tried.push(i);
        if (i === 1 || i === 2) throw new ControllerError(`boom ${i}`);
      }),
    ).toThrow('[boom 1, boom 2]');
    // Batches [0], [1, 2], [3, 4, 5, 6]: the failing batch finishes, the next one never starts.
    expect(tried).toEqual([0, 1, 2]);
    tried.length = 0;
    expect(() =>
      slowStartBatch(1, 10, (i) => {
        tried.push(i);
        if (i === 3) throw new ControllerError('boom 3');
      }),
    ).toThrow('boom 3');
    expect(tried).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });
});
