// The invariant checkers of tests/support/invariants.ts can fail: each one, given a state that breaks it
// (made by writing to the API server or the volume files behind the controllers' backs), reports it.
import { describe, expect, it } from 'vitest';
import type { Node, PersistentVolumeClaim, Pod } from '../../../src/sim/api/core';
import type { Cluster } from '../../../src/sim/cluster';
import { startScenario } from '../../../src/sim/scenarios';
import { pvVolumeId } from '../../../src/sim/storage/files';
import { InvariantMonitor, stateFingerprint } from '../../support/invariants';
import type { InvariantName } from '../../support/invariants';
import { PropertyRun } from './harness';

function compare(): { cluster: Cluster; monitor: InvariantMonitor } {
  const { cluster } = startScenario('compare', 7);
  const monitor = new InvariantMonitor(cluster);
  expect(monitor.check()).toEqual([]);
  return { cluster, monitor };
}

function pvOf(cluster: Cluster, claim: string): string {
  return cluster.api.get<PersistentVolumeClaim>('PersistentVolumeClaim', 'default', claim)!.spec.volumeName!;
}

function nodeOf(cluster: Cluster, pod: string): string {
  return cluster.api.get<Pod>('Pod', 'default', pod)!.spec.nodeName!;
}

function invariants(monitor: InvariantMonitor): InvariantName[] {
  return monitor.check().map((v) => v.invariant);
}

describe('invariant checkers', () => {
  it('identity: a pod whose pod-name label or hostname names another identity', () => {
    const { cluster, monitor } = compare();
    cluster.api.mutate<Pod>('Pod', 'default', 'mysql-2', (p) => {
      p.metadata.labels!['statefulset.kubernetes.io/pod-name'] = 'mysql-1';
    });
    const violations = monitor.check();
    expect(violations.map((v) => v.message)).toContain(
      'pod mysql-2 has statefulset.kubernetes.io/pod-name=mysql-1',
    );
  });

  it('orderedReady: a Ready pod after a predecessor that is not Ready, unless disturbed by hand', () => {
    const { cluster, monitor } = compare();
    const unready = () =>
      cluster.api.mutate<Pod>(
        'Pod',
        'default',
        'mysql-1',
        (p) => {
          p.status.conditions = (p.status.conditions ?? []).map((c) =>
            c.type === 'Ready' ? { ...c, status: 'False' } : c,
          );
        },
        { subresource: 'status' },
      );
    unready();
    expect(monitor.check().map((v) => v.message)).toEqual([
      'OrderedReady StatefulSet mysql: mysql-2 is Ready but mysql-1 is Running, not Ready',
    ]);

    const second = compare();
    second.monitor.userDeletedPod(second.cluster.api.get<Pod>('Pod', 'default', 'mysql-1')!);
    second.cluster.api.mutate<Pod>(
      'Pod',
      'default',
      'mysql-1',
      (p) => {
        p.status.conditions = (p.status.conditions ?? []).map((c) =>
          c.type === 'Ready' ? { ...c, status: 'False' } : c,
        );
      },
      { subresource: 'status' },
    );
    expect(second.monitor.check()).toEqual([]);
  });

  it('readWriteOnce: a volume attached to a second node, and a detach while mounted', () => {
    const { cluster, monitor } = compare();
    const pv = pvOf(cluster, 'data-mysql-0');
    const unique = cluster.api
      .get<Node>('Node', undefined, nodeOf(cluster, 'mysql-0'))!
      .status.volumesAttached!.find((v) => v.name.endsWith(`^${pv}`))!.name;
    const other = ['node-1', 'node-2', 'node-3', 'node-4'].find((n) => n !== nodeOf(cluster, 'mysql-0'))!;
    cluster.api.mutate<Node>(
      'Node',
      undefined,
      other,
      (n) =>
        void (n.status.volumesAttached = [
          ...(n.status.volumesAttached ?? []),
          { name: unique, devicePath: '' },
        ]),
      { subresource: 'status' },
    );
    const messages = monitor.check().map((v) => v.message);
    expect(
      messages.some((m) => m.startsWith(`ReadWriteOnce volume ${pv} is attached to `) && m.includes(other)),
    ).toBe(true);

    const second = compare();
    const home = nodeOf(second.cluster, 'mysql-0');
    const pv0 = pvOf(second.cluster, 'data-mysql-0');
    second.cluster.api.mutate<Node>(
      'Node',
      undefined,
      home,
      (n) => void (n.status.volumesAttached = n.status.volumesAttached!.filter((v) => !v.name.endsWith(pv0))),
      { subresource: 'status' },
    );
    expect(second.monitor.check().map((v) => v.message)).toContain(
      `volume ${pv0} was detached from healthy node ${home} while still mounted there`,
    );
  });

  it('pvcRetention: deleting a Retain claim that no user deleted', () => {
    const { cluster, monitor } = compare();
    cluster.api.delete('PersistentVolumeClaim', 'default', 'data-mysql-2');
    expect(monitor.check().map((v) => v.message)).toEqual([
      'PVC data-mysql-2 was deleted although StatefulSet mysql has whenScaled=Retain, whenDeleted=Retain, replicas=3 and no user deleted it or its set',
    ]);

    const second = compare();
    second.monitor.userDeletedClaim('default', 'data-mysql-2');
    second.cluster.api.delete('PersistentVolumeClaim', 'default', 'data-mysql-2');
    expect(invariants(second.monitor)).toEqual([]);
  });

  it('volumeFiles: a written file that changes, and files that vanish while their PV exists', () => {
    const run = new PropertyRun({ scenario: 'compare', seed: 7 });
    run.run({ type: 'write', pick: 0 });
    const volume = pvVolumeId(pvOf(run.cluster, 'data-mysql-0'));
    expect(run.cluster.ctx.files.read(volume, 'marker-1')).toBe('w1\n');
    run.cluster.ctx.files.write(volume, 'marker-1', 'other\n');
    expect(run.monitor.check().map((v) => v.message)).toEqual([
      `file marker-1 on ${volume.replace('pv:', 'PV ')} changed to "other\\n"; written "w1\\n"`,
    ]);
    run.cluster.ctx.files.drop(volume);
    expect(invariants(run.monitor)).toEqual(['volumeFiles']);
  });

  it('stateFingerprint: equal for the same seed, different for another', () => {
    const a = startScenario('compare', 3).cluster;
    const b = startScenario('compare', 3).cluster;
    const c = startScenario('compare', 4).cluster;
    expect(stateFingerprint(a)).toBe(stateFingerprint(b));
    expect(stateFingerprint(a)).not.toBe(stateFingerprint(c));
  });
});
