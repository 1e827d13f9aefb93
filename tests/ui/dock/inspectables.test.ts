import { beforeAll, describe, expect, it } from 'vitest';
import type { ClusterSnapshot } from '../../../src/protocol';
import { startScenario } from '../../../src/sim/scenarios';
import { buildSnapshot } from '../../../src/sim/snapshot';
import {
  eventSubjects,
  existsIn,
  inspectables,
  isApiObject,
  refKey,
  refLabel,
  sameRef,
} from '../../../src/ui/dock/inspectables';

let snapshot: ClusterSnapshot;
beforeAll(() => {
  snapshot = buildSnapshot(startScenario('compare', 1).cluster);
});

describe('inspectables', () => {
  it('names every object as the canvas does, grouped', () => {
    const labels = inspectables(snapshot).map((i) => `${i.group}: ${i.label}`);
    expect(labels).toEqual(
      expect.arrayContaining([
        'Workloads: StatefulSet mysql',
        'Workloads: Deployment mysql-deploy',
        'Pods: Pod mysql-0',
        'Zones: Zone zone-a',
        'Zones: Zone zone-b',
        'Nodes: Node node-1',
        'Services: Service mysql',
        'PersistentVolumeClaims: PersistentVolumeClaim data-mysql-0',
      ]),
    );
    expect(labels.filter((l) => l.startsWith('PersistentVolumes: PersistentVolume pvc-'))).toHaveLength(3);
    expect(inspectables(null)).toEqual([]);
  });

  it('labels objects outside the default namespace with it', () => {
    expect(refLabel({ kind: 'Pod', namespace: 'kube-system', name: 'coredns-1' })).toBe(
      'Pod coredns-1 (kube-system)',
    );
    expect(refLabel({ kind: 'Node', namespace: null, name: 'node-1' })).toBe('Node node-1');
  });

  it('tells refs apart by kind, namespace and name', () => {
    const a = { kind: 'Pod', namespace: 'default', name: 'mysql-0' };
    expect(sameRef(a, { ...a })).toBe(true);
    expect(sameRef(a, { ...a, namespace: 'other' })).toBe(false);
    expect(sameRef(a, null)).toBe(false);
    expect(refKey(a)).not.toBe(refKey({ ...a, kind: 'Service' }));
  });

  it('knows which objects still exist, and that zones are not API objects', () => {
    expect(existsIn(snapshot, { kind: 'Pod', namespace: 'default', name: 'mysql-2' })).toBe(true);
    expect(existsIn(snapshot, { kind: 'Pod', namespace: 'default', name: 'mysql-9' })).toBe(false);
    expect(isApiObject({ kind: 'Zone', namespace: null, name: 'zone-a' })).toBe(false);
    expect(
      (
        [
          ['Zone', null, 'zone-b'],
          ['Zone', null, 'zone-c'],
          ['Node', null, 'node-4'],
          ['StatefulSet', 'default', 'mysql'],
          ['Deployment', 'default', 'mysql'],
          ['Service', 'default', 'mysql-deploy'],
          ['PersistentVolumeClaim', 'default', 'data-mysql-0'],
          ['PersistentVolumeClaim', 'other', 'data-mysql-0'],
        ] as const
      ).map(([kind, namespace, name]) => existsIn(snapshot, { kind, namespace, name })),
    ).toEqual([true, false, true, true, false, true, true, false]);
    expect(existsIn(null, { kind: 'Pod', namespace: 'default', name: 'mysql-0' })).toBe(false);
    expect(isApiObject({ kind: 'Node', namespace: null, name: 'node-1' })).toBe(true);
  });

  it("takes a zone's events from its nodes", () => {
    expect(eventSubjects(snapshot, { kind: 'Zone', namespace: null, name: 'zone-a' })).toEqual([
      { kind: 'Node', namespace: null, name: 'node-1' },
      { kind: 'Node', namespace: null, name: 'node-2' },
    ]);
    const pod = { kind: 'Pod', namespace: 'default', name: 'mysql-0' };
    expect(eventSubjects(snapshot, pod)).toEqual([pod]);
  });
});
