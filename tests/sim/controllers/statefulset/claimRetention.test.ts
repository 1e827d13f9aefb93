import { describe, expect, it } from 'vitest';
import type { PersistentVolumeClaim } from '../../../../src/sim/api/core';
import type { OwnerReference } from '../../../../src/sim/api/meta';
import {
  isClaimOwnerUpToDate,
  updateClaimOwnerRefForSetAndPod,
} from '../../../../src/sim/controllers/statefulset/claimRetention';
import { getPersistentVolumeClaims, newStatefulSetPod } from '../../../../src/sim/controllers/statefulset/statefulSetUtils';
import { webSet } from './harness';

type Policy = 'Retain' | 'Delete';

function fixture(whenDeleted: Policy, whenScaled: Policy, replicas: number) {
  const set = webSet({ replicas, persistentVolumeClaimRetentionPolicy: { whenDeleted, whenScaled } });
  set.metadata.uid = 'set-uid';
  const pod = newStatefulSetPod(set, 1);
  pod.metadata.uid = 'pod-uid';
  const claim: PersistentVolumeClaim = getPersistentVolumeClaims(set, pod)[0]!.claim;
  return { set, pod, claim };
}

const setRef: OwnerReference = { apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'web', uid: 'set-uid', controller: true, blockOwnerDeletion: true };
const podRef: OwnerReference = { apiVersion: 'v1', kind: 'Pod', name: 'web-1', uid: 'pod-uid', controller: true, blockOwnerDeletion: true };

describe('PVC retention ownerRefs', () => {
  // replicas 2: web-1 is in range; replicas 1: web-1 is condemned.
  it.each([
    ['Retain', 'Retain', 2, []],
    ['Retain', 'Retain', 1, []],
    ['Delete', 'Retain', 2, [setRef]],
    ['Delete', 'Retain', 1, [setRef]],
    ['Retain', 'Delete', 2, []],
    ['Retain', 'Delete', 1, [podRef]],
    ['Delete', 'Delete', 2, [setRef]],
    ['Delete', 'Delete', 1, [podRef]],
  ] as [Policy, Policy, number, OwnerReference[]][])('whenDeleted=%s whenScaled=%s, replicas %d -> %j', (whenDeleted, whenScaled, replicas, refs) => {
    const { set, pod, claim } = fixture(whenDeleted, whenScaled, replicas);
    expect(isClaimOwnerUpToDate(claim, set, pod)).toBe(refs.length === 0);
    updateClaimOwnerRefForSetAndPod(claim, set, pod);
    expect(claim.metadata.ownerReferences ?? []).toEqual(refs);
    expect(isClaimOwnerUpToDate(claim, set, pod)).toBe(true);
  });

  it('removes refs that a Retain policy no longer wants', () => {
    const { set, pod, claim } = fixture('Retain', 'Retain', 2);
    claim.metadata.ownerReferences = [setRef];
    expect(isClaimOwnerUpToDate(claim, set, pod)).toBe(false);
    updateClaimOwnerRefForSetAndPod(claim, set, pod);
    expect(claim.metadata.ownerReferences).toBeUndefined();
  });

  it('leaves a claim alone when it references an earlier pod of the same name', () => {
    const { set, pod, claim } = fixture('Retain', 'Delete', 1);
    claim.metadata.ownerReferences = [{ ...podRef, uid: 'older-pod-uid' }];
    expect(isClaimOwnerUpToDate(claim, set, pod)).toBe(true);
  });

  it('does not add itself next to another controller', () => {
    const { set, pod, claim } = fixture('Delete', 'Retain', 2);
    const other: OwnerReference = { apiVersion: 'v1', kind: 'ConfigMap', name: 'x', uid: 'x-uid', controller: true };
    claim.metadata.ownerReferences = [other];
    expect(isClaimOwnerUpToDate(claim, set, pod)).toBe(true);
  });
});
