import { describe, expect, it } from 'vitest';
import type { Deployment, ReplicaSet } from '../../../../src/sim/api/apps';
import type { Pod } from '../../../../src/sim/api/core';
import type { Condition } from '../../../../src/sim/api/meta';
import { computeHash } from '../../../../src/sim/controllers/deployment/hash';
import { isPodReady } from '../../../../src/sim/controllers/replicaset/podUtils';
import { Harness } from '../replicaset/harness';

const meta = { uid: '', resourceVersion: '', creationTimestamp: '' };

function web(replicas: number, spec: Partial<Deployment['spec']> = {}, image = 'nginx:1.27'): Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { ...meta, name: 'web', namespace: 'default', labels: { app: 'web' } },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image }] } },
      ...spec,
    },
  };
}

const getD = (h: Harness) => h.api.get<Deployment>('Deployment', 'default', 'web')!;
const rsList = (h: Harness) => h.api.list<ReplicaSet>('ReplicaSet', 'default');
const rsNamed = (h: Harness, name: string) => h.api.get<ReplicaSet>('ReplicaSet', 'default', name)!;
const cond = (h: Harness, type: string) => getD(h).status?.conditions?.find((c) => c.type === type);
const brief = (c: Condition | undefined) => c && `${c.status} ${c.reason}: ${c.message}`;
const depEvents = (h: Harness) => h.events('Deployment', 'web', 'deployment-controller');

function setImage(h: Harness, image: string): void {
  h.api.mutate<Deployment>('Deployment', 'default', 'web', (d) => {
    d.spec.template.spec.containers[0]!.image = image;
  });
}

function setReplicas(h: Harness, replicas: number): void {
  h.api.mutate<Deployment>('Deployment', 'default', 'web', (d) => {
    d.spec.replicas = replicas;
  });
}

describe('Deployment controller', () => {
  it('creates <deploy>-<pod-template-hash> with 3 pods, labels, owners, annotations, events and conditions', () => {
    const h = new Harness();
    h.api.create(web(3));
    h.settle();
    const d = getD(h);
    const hash = computeHash(d.spec.template);
    const rsName = `web-${hash}`;
    const rs = rsNamed(h, rsName);
    expect(rsList(h)).toHaveLength(1);
    expect(rs.metadata.labels).toEqual({ app: 'web', 'pod-template-hash': hash });
    expect(rs.spec.selector).toEqual({ matchLabels: { app: 'web', 'pod-template-hash': hash } });
    expect(rs.spec.template.metadata?.labels).toEqual({ app: 'web', 'pod-template-hash': hash });
    expect(rs.spec.replicas).toBe(3);
    expect(rs.metadata.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: d.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    expect(rs.metadata.annotations).toEqual({
      'deployment.kubernetes.io/revision': '1',
      'deployment.kubernetes.io/desired-replicas': '3',
      'deployment.kubernetes.io/max-replicas': '4',
    });
    expect(d.metadata.annotations).toEqual({ 'deployment.kubernetes.io/revision': '1' });

    const pods = h.pods();
    expect(pods).toHaveLength(3);
    for (const pod of pods) {
      expect(pod.metadata.name).toMatch(new RegExp(`^${rsName}-[bcdfghjklmnpqrstvwxz2456789]{5}$`));
      expect(pod.metadata.labels).toEqual({ app: 'web', 'pod-template-hash': hash });
      expect(pod.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'ReplicaSet', name: rsName, uid: rs.metadata.uid, controller: true });
    }
    expect(depEvents(h)).toEqual([`ScalingReplicaSet: Scaled up replica set ${rsName} from 0 to 3`]);
    expect(h.events('ReplicaSet', rsName, 'replicaset-controller')).toHaveLength(3);

    expect(brief(cond(h, 'Progressing'))).toBe(`True ReplicaSetUpdated: ReplicaSet "${rsName}" is progressing.`);
    expect(brief(cond(h, 'Available'))).toBe('False MinimumReplicasUnavailable: Deployment does not have minimum availability.');
    expect(getD(h).status).toMatchObject({ observedGeneration: 1, replicas: 3, updatedReplicas: 3, unavailableReplicas: 3, terminatingReplicas: 0 });

    h.advance(5000);
    expect(getD(h).status).toMatchObject({ observedGeneration: 1, replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3, terminatingReplicas: 0 });
    expect(getD(h).status?.unavailableReplicas).toBeUndefined();
    expect(getD(h).status?.conditions?.map((c) => c.type)).toEqual(['Available', 'Progressing']);
    expect(brief(cond(h, 'Available'))).toBe('True MinimumReplicasAvailable: Deployment has minimum availability.');
    expect(brief(cond(h, 'Progressing'))).toBe(`True NewReplicaSetAvailable: ReplicaSet "${rsName}" has successfully progressed.`);
  });

  it('scales up and down with events; scale-down removes not-ready pods first', () => {
    let held = new Set<string>();
    const h = new Harness({ kubelet: { readyGate: (p) => !held.has(p.metadata.name) } });
    h.api.create(web(3));
    h.advance(5000);
    const rsName = rsList(h)[0]!.metadata.name;
    const before = new Set(h.pods().map((p) => p.metadata.name));
    held = new Set(['*']);
    h.ctx.api.watch('Pod', (e) => {
      if (e.type === 'ADDED') held.add(e.object.metadata.name);
    });
    setReplicas(h, 5);
    h.advance(5000);
    expect(rsNamed(h, rsName).spec.replicas).toBe(5);
    expect(rsNamed(h, rsName).metadata.annotations).toMatchObject({ 'deployment.kubernetes.io/desired-replicas': '5', 'deployment.kubernetes.io/max-replicas': '7' });
    expect(h.pods().filter(isPodReady)).toHaveLength(3);

    setReplicas(h, 3);
    h.settle();
    expect(rsNamed(h, rsName).spec.replicas).toBe(3);
    const survivors = h.pods().filter((p) => !p.metadata.deletionTimestamp).map((p) => p.metadata.name);
    expect(new Set(survivors)).toEqual(before);
    expect(depEvents(h)).toEqual([
      `ScalingReplicaSet: Scaled up replica set ${rsName} from 0 to 3`,
      `ScalingReplicaSet: Scaled up replica set ${rsName} from 3 to 5`,
      `ScalingReplicaSet: Scaled down replica set ${rsName} from 5 to 3`,
    ]);
  });

  it('replaces a terminating pod at once', () => {
    const h = new Harness({ kubelet: { terminateMs: 30_000 } });
    h.api.create(web(3));
    h.advance(5000);
    const victim = h.pods()[1]!.metadata.name;
    h.api.delete('Pod', 'default', victim);
    h.settle();
    expect(h.pods().filter((p) => !p.metadata.deletionTimestamp)).toHaveLength(3);
    expect(getD(h).status).toMatchObject({ replicas: 3, readyReplicas: 2, availableReplicas: 2, terminatingReplicas: 1 });
  });

  it('rolls 10 replicas with 25%/25%: never above 13 pods nor below 8 available, step by step', () => {
    const h = new Harness({ kubelet: { startMs: 700, readyMs: 1300, terminateMs: 1500 } });
    h.api.create(web(10));
    h.advance(10_000);
    const oldName = rsList(h)[0]!.metadata.name;
    setImage(h, 'nginx:1.28');
    h.settle();
    const newName = rsList(h).find((r) => r.metadata.name !== oldName)!.metadata.name;
    expect(newName).toBe(`web-${computeHash(getD(h).spec.template)}`);
    // At one instant: new takes the surge (10 + 3 - 10 = 3); old drops to minAvailable (10 - 2 = 8);
    // that frees 2 in the 13-pod budget, so new goes to 5. Then it waits for new pods to become available.
    expect(rsNamed(h, newName).spec.replicas).toBe(5);
    expect(rsNamed(h, oldName).spec.replicas).toBe(8);
    expect(depEvents(h).slice(1)).toEqual([
      `ScalingReplicaSet: Scaled up replica set ${newName} from 0 to 3`,
      `ScalingReplicaSet: Scaled down replica set ${oldName} from 10 to 8`,
      `ScalingReplicaSet: Scaled up replica set ${newName} from 3 to 5`,
    ]);
    expect(rsNamed(h, newName).metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2');
    expect(getD(h).metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2');

    let steps = 0;
    h.advance(60_000, () => {
      steps++;
      const specSum = rsList(h).reduce((n, r) => n + (r.spec.replicas ?? 0), 0);
      const active = h.pods().filter((p) => !p.metadata.deletionTimestamp);
      expect(specSum).toBeLessThanOrEqual(13);
      expect(active.length).toBeLessThanOrEqual(13);
      expect(active.filter(isPodReady).length).toBeGreaterThanOrEqual(8);
    });
    expect(steps).toBeGreaterThan(10);
    expect(rsNamed(h, newName).status).toMatchObject({ replicas: 10, readyReplicas: 10, availableReplicas: 10 });
    expect(rsNamed(h, oldName).spec.replicas).toBe(0);
    expect(rsNamed(h, oldName).metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('1');
    expect(h.pods().every((p) => p.metadata.labels?.['pod-template-hash'] === newName.slice(4))).toBe(true);
    expect(brief(cond(h, 'Progressing'))).toBe(`True NewReplicaSetAvailable: ReplicaSet "${newName}" has successfully progressed.`);
    expect(getD(h).status).toMatchObject({ replicas: 10, updatedReplicas: 10, availableReplicas: 10, terminatingReplicas: 0 });
    const ups = depEvents(h).filter((e) => e.includes(newName));
    expect(ups[ups.length - 1]).toMatch(new RegExp(`Scaled up replica set ${newName} from \\d+ to 10$`));
  });

  it('Recreate scales the old ReplicaSet to 0 and waits until its pods are gone', () => {
    const h = new Harness({ kubelet: { terminateMs: 5000 } });
    h.api.create(web(3, { strategy: { type: 'Recreate' } }));
    h.advance(5000);
    const oldName = rsList(h)[0]!.metadata.name;
    setImage(h, 'nginx:1.28');
    h.settle();
    expect(rsList(h).map((r) => r.metadata.name)).toEqual([oldName]);
    expect(rsNamed(h, oldName).spec.replicas).toBe(0);
    expect(h.pods().every((p) => p.metadata.deletionTimestamp)).toBe(true);
    h.advance(4900);
    expect(rsList(h)).toHaveLength(1);
    h.advance(200);
    const newRS = rsList(h).find((r) => r.metadata.name !== oldName)!;
    expect(newRS.spec.replicas).toBe(3);
    expect(depEvents(h).slice(1)).toEqual([
      `ScalingReplicaSet: Scaled down replica set ${oldName} from 3 to 0`,
      `ScalingReplicaSet: Scaled up replica set ${newRS.metadata.name} from 0 to 3`,
    ]);
    h.advance(5000);
    expect(brief(cond(h, 'Available'))).toBe('True MinimumReplicasAvailable: Deployment has minimum availability.');
  });

  it('reports ProgressDeadlineExceeded when the rollout makes no progress for progressDeadlineSeconds', () => {
    const h = new Harness({ kubelet: { readyGate: () => false } });
    h.api.create(web(2, { progressDeadlineSeconds: 60 }));
    h.advance(59_000);
    const rsName = rsList(h)[0]!.metadata.name;
    expect(cond(h, 'Progressing')?.reason).toBe('ReplicaSetUpdated');
    h.advance(3000);
    expect(brief(cond(h, 'Progressing'))).toBe(`False ProgressDeadlineExceeded: ReplicaSet "${rsName}" has timed out progressing.`);
  });

  it('pauses and resumes: no new ReplicaSet while paused', () => {
    const h = new Harness();
    h.api.create(web(2));
    h.advance(5000);
    h.api.mutate<Deployment>('Deployment', 'default', 'web', (d) => {
      d.spec.paused = true;
      d.spec.template.spec.containers[0]!.image = 'nginx:1.28';
    });
    h.advance(5000);
    expect(rsList(h)).toHaveLength(1);
    expect(brief(cond(h, 'Progressing'))).toBe('Unknown DeploymentPaused: Deployment is paused');
    h.api.mutate<Deployment>('Deployment', 'default', 'web', (d) => {
      d.spec.paused = false;
    });
    h.advance(20_000);
    expect(rsList(h)).toHaveLength(2);
    expect(getD(h).status).toMatchObject({ replicas: 2, updatedReplicas: 2, availableReplicas: 2 });
    expect(cond(h, 'Progressing')?.reason).toBe('NewReplicaSetAvailable');
  });

  it('keeps revisionHistoryLimit old ReplicaSets and counts revisions up', () => {
    const h = new Harness({ kubelet: { terminateMs: 100 } });
    h.api.create(web(1, { revisionHistoryLimit: 1 }));
    h.advance(5000);
    for (const image of ['nginx:1.28', 'nginx:1.29', 'nginx:1.30']) {
      setImage(h, image);
      h.advance(20_000);
    }
    const revisions = rsList(h).map((r) => r.metadata.annotations?.['deployment.kubernetes.io/revision']).sort();
    expect(revisions).toEqual(['3', '4']);
    expect(getD(h).metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('4');
  });

  it('scales proportionally in the middle of a rollout', () => {
    const h = new Harness({ kubelet: { readyGate: (p: Pod) => p.spec.containers[0]!.image === 'nginx:1.27' } });
    h.api.create(web(10));
    h.advance(10_000);
    setImage(h, 'nginx:broken');
    h.advance(10_000);
    const [a, b] = rsList(h);
    const sizes = () => Object.fromEntries(rsList(h).map((r) => [r.spec.template.spec.containers[0]!.image, r.spec.replicas]));
    expect(sizes()).toEqual({ 'nginx:1.27': 8, 'nginx:broken': 5 });
    expect(a && b).toBeTruthy();
    setReplicas(h, 20);
    h.settle();
    // 13 -> 25 (20 + 5 surge): old 8*25/13 = 15.4 -> +7, new 5*25/13 = 9.6 -> +5.
    expect(sizes()).toEqual({ 'nginx:1.27': 15, 'nginx:broken': 10 });
  });
});
