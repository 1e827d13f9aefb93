// Node loss, recovery, drain and PodDisruptionBudgets in the compare scenario (StatefulSet mysql with PVCs,
// Deployment mysql-deploy with emptyDir), driven through the terminal as a user would.
import { describe, expect, it } from 'vitest';
import type { Event, Node, Pod } from '../../../src/sim/api/core';
import type { PodDisruptionBudget } from '../../../src/sim/api/other';
import { startScenario } from '../../../src/sim/scenarios';
import { Terminal } from '../../../src/sim/terminal/terminal';
import type { Cluster } from '../../../src/sim/cluster';

function setup() {
  const { cluster } = startScenario('compare', 1);
  let out = '';
  const terminal = new Terminal(cluster, (t) => (out += t));
  const run = (line: string) => {
    out = '';
    terminal.feed(line);
    return out;
  };
  return { cluster, run };
}

const pod = (c: Cluster, name: string) => c.api.get<Pod>('Pod', 'default', name);
const node = (c: Cluster, name: string) => c.api.get<Node>('Node', undefined, name)!;
const ready = (p: Pod | undefined) => p?.status.conditions?.find((x) => x.type === 'Ready')?.status;
const nodeReady = (n: Node) => n.status.conditions.find((x) => x.type === 'Ready')!;
const deployPodsOn = (c: Cluster, nodeName: string) => c.api.list<Pod>('Pod', 'default').filter((p) => p.metadata.name.startsWith('mysql-deploy-') && p.spec.nodeName === nodeName);
const events = (c: Cluster, reason: string) => c.api.list<Event>('Event').filter((e) => e.reason === reason);

describe('a stopped node (the machine lost power)', () => {
  it('goes NotReady after the grace period; its pods leave Ready but still show Running', () => {
    const { cluster: c, run } = setup();
    const home = pod(c, 'mysql-1')!.spec.nodeName!;
    expect(deployPodsOn(c, home).length).toBeGreaterThan(0);
    expect(run(`sim node stop ${home}`)).toBe(`node/${home} stopped (the machine lost power: its kubelet no longer reports)\n`);
    const stoppedAt = c.now();
    c.advance(30_000);
    expect(nodeReady(node(c, home)).status).toBe('True');
    expect(ready(pod(c, 'mysql-1'))).toBe('True');
    c.advance(30_000);
    const cond = nodeReady(node(c, home));
    expect(cond).toMatchObject({ status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.' });
    const notReadyAfter = Date.parse(cond.lastTransitionTime!) - Date.parse(node(c, home).metadata.creationTimestamp) - stoppedAt;
    expect(notReadyAfter).toBeGreaterThanOrEqual(45_000);
    expect(notReadyAfter).toBeLessThanOrEqual(60_000);
    expect(ready(pod(c, 'mysql-1'))).toBe('False');
    expect(run('kubectl get pod mysql-1')).toMatch(/mysql-1\s+1\/1\s+Running/);
    expect(run('kubectl get nodes')).toMatch(new RegExp(`${home}\\s+NotReady`));
    c.advance(10_000);
    expect((node(c, home).spec.taints ?? []).map((t) => `${t.key}:${t.effect}`)).toEqual(['node.kubernetes.io/unreachable:NoSchedule', 'node.kubernetes.io/unreachable:NoExecute']);
    expect(node(c, home).spec.taints!.every((t) => t.timeAdded)).toBe(true);
    expect(events(c, 'NodeNotReady').map((e) => `${e.type} ${e.involvedObject.kind}/${e.involvedObject.name} ${e.message} ${e.source.component}`)).toContain(`Normal Node/${home} Node ${home} status is now: NodeNotReady node-controller`);
    expect(events(c, 'NodeNotReady').some((e) => e.involvedObject.name === 'mysql-1' && e.type === 'Warning' && e.message === 'Node is not ready')).toBe(true);
  });

  it('the Deployment replaces its pod after the 300s toleration; the StatefulSet pod stays Terminating and blocks the set', () => {
    const { cluster: c, run } = setup();
    const home = pod(c, 'mysql-1')!.spec.nodeName!;
    const lost = deployPodsOn(c, home).map((p) => p.metadata.name);
    const before = new Set(c.api.list<Pod>('Pod', 'default').map((p) => p.metadata.name));
    run(`sim node stop ${home}`);
    const stoppedAt = c.now();
    const replaced = c.advanceUntil(() => c.api.list<Pod>('Pod', 'default').some((p) => !before.has(p.metadata.name)), 7 * 60_000);
    expect(replaced).toBe(true);
    const after = c.now() - stoppedAt;
    expect(after).toBeGreaterThanOrEqual(5 * 60_000 + 40_000);
    expect(after).toBeLessThanOrEqual(6 * 60_000 + 10_000);
    const fresh = c.api.list<Pod>('Pod', 'default').find((p) => !before.has(p.metadata.name))!;
    expect(fresh.metadata.name.startsWith('mysql-deploy-')).toBe(true);
    expect(fresh.spec.nodeName).not.toBe(home);
    for (const name of lost) expect(pod(c, name)!.metadata.deletionTimestamp).toBeDefined();
    expect(events(c, 'TaintManagerEviction').map((e) => e.message)).toContain('Marking for deletion Pod default/mysql-1');
    expect(pod(c, 'mysql-1')!.status.conditions!.find((x) => x.type === 'DisruptionTarget')).toMatchObject({ status: 'True', reason: 'DeletionByTaintManager' });
    c.advance(60_000);
    expect(pod(fresh && c, fresh.metadata.name)!.status.phase).toBe('Running');
    run('kubectl scale sts mysql --replicas=4');
    c.advance(30 * 60_000);
    expect(run('kubectl get pod mysql-1')).toMatch(/mysql-1\s+1\/1\s+Terminating/);
    expect(pod(c, 'mysql-3')).toBeUndefined();
  });

  it('force deleting the StatefulSet pod: a new one waits about 6 minutes for its volume (Multi-Attach), then runs in the volume zone', () => {
    const { cluster: c, run } = setup();
    const home = pod(c, 'mysql-1')!.spec.nodeName!;
    const zone = node(c, home).metadata.labels!['topology.kubernetes.io/zone'];
    run(`sim node stop ${home}`);
    c.advance(6 * 60_000);
    expect(run('kubectl delete pod mysql-1 --grace-period=0 --force')).toBe(
      'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\npod "mysql-1" force deleted from default namespace\n',
    );
    const deletedAt = c.now();
    expect(c.advanceUntil(() => !!pod(c, 'mysql-1'), 60_000)).toBe(true);
    const fresh = pod(c, 'mysql-1')!;
    c.advance(30_000);
    expect(node(c, pod(c, 'mysql-1')!.spec.nodeName!).metadata.labels!['topology.kubernetes.io/zone']).toBe(zone);
    expect(events(c, 'FailedAttachVolume').some((e) => e.involvedObject.uid === fresh.metadata.uid && /^Multi-Attach error for volume "pvc-/.test(e.message))).toBe(true);
    expect(c.advanceUntil(() => pod(c, 'mysql-1')?.status.phase === 'Running', 10 * 60_000)).toBe(true);
    const waited = c.now() - deletedAt;
    expect(waited).toBeGreaterThanOrEqual(6 * 60_000);
    expect(waited).toBeLessThanOrEqual(7 * 60_000);
  });

  it('the out-of-service taint lets pod GC force-delete the terminating pods within 20s, and the volume detaches at once', () => {
    const { cluster: c, run } = setup();
    const home = pod(c, 'mysql-1')!.spec.nodeName!;
    run(`sim node stop ${home}`);
    c.advance(90_000);
    expect(run(`kubectl taint nodes ${home} node.kubernetes.io/out-of-service=nodeshutdown:NoExecute`)).toBe(`node/${home} tainted\n`);
    const taintedAt = c.now();
    expect(c.advanceUntil(() => pod(c, 'mysql-1')?.spec.nodeName !== home, 21_000)).toBe(true);
    expect(c.now() - taintedAt).toBeLessThanOrEqual(20_000);
    expect(deployPodsOn(c, home)).toEqual([]);
    expect(c.advanceUntil(() => pod(c, 'mysql-1')?.status.phase === 'Running', 60_000)).toBe(true);
  });

  it('recovers when the machine comes back: Ready again, taints gone, pods Ready', () => {
    const { cluster: c, run } = setup();
    const home = pod(c, 'mysql-1')!.spec.nodeName!;
    run(`sim node stop ${home}`);
    c.advance(2 * 60_000);
    expect(run(`sim node start ${home}`)).toBe(`node/${home} started (the machine is back: its kubelet reports again)\n`);
    c.advance(10_000);
    expect(nodeReady(node(c, home)).status).toBe('True');
    expect(node(c, home).spec.taints ?? []).toEqual([]);
    expect(ready(pod(c, 'mysql-1'))).toBe('True');
    expect(events(c, 'NodeReady').some((e) => e.source.component === 'kubelet' && e.message === `Node ${home} status is now: NodeReady`)).toBe(true);
    c.advance(10 * 60_000);
    expect(pod(c, 'mysql-1')!.metadata.deletionTimestamp).toBeUndefined();
  });

  it('deleting the Node object frees its StatefulSet pod (pod GC, after the 40s quarantine)', () => {
    const { cluster: c, run } = setup();
    const home = pod(c, 'mysql-1')!.spec.nodeName!;
    run(`sim node stop ${home}`);
    c.advance(60_000);
    expect(run(`kubectl delete node ${home}`)).toBe(`node "${home}" deleted\n`);
    const deletedAt = c.now();
    expect(c.advanceUntil(() => pod(c, 'mysql-1')?.spec.nodeName !== home, 2 * 60_000)).toBe(true);
    expect(c.now() - deletedAt).toBeGreaterThanOrEqual(40_000);
    expect(c.now() - deletedAt).toBeLessThanOrEqual(60_000);
    expect(c.advanceUntil(() => pod(c, 'mysql-1')?.status.phase === 'Running', 60_000)).toBe(true);
  });

  it('a zone outage: StatefulSet pods bound to zone-a volumes stay Pending with volume node affinity conflicts; Deployment pods move to zone-b', () => {
    const { cluster: c, run } = setup();
    expect(run('sim zone down zone-a')).toBe(
      'node/node-1 stopped (the machine lost power: its kubelet no longer reports)\nnode/node-2 stopped (the machine lost power: its kubelet no longer reports)\n',
    );
    c.advance(8 * 60_000);
    const zoneA = ['node-1', 'node-2'];
    const active = c.api.list<Pod>('Pod', 'default').filter((p) => p.metadata.name.startsWith('mysql-deploy-') && !p.metadata.deletionTimestamp);
    expect(active).toHaveLength(3);
    for (const p of active) expect(zoneA).not.toContain(p.spec.nodeName);
    const stuck = c.api.list<Pod>('Pod', 'default').filter((p) => p.metadata.name.startsWith('mysql-') && !p.metadata.name.startsWith('mysql-deploy') && zoneA.includes(p.spec.nodeName ?? ''));
    expect(stuck.length).toBeGreaterThan(0);
    for (const p of stuck) run(`kubectl delete pod ${p.metadata.name} --grace-period=0 --force`);
    c.advance(30_000);
    for (const p of stuck) {
      const again = pod(c, p.metadata.name)!;
      expect(again.status.phase).toBe('Pending');
      expect(again.spec.nodeName).toBeUndefined();
      const failed = events(c, 'FailedScheduling').filter((e) => e.involvedObject.uid === again.metadata.uid).map((e) => e.message);
      expect(failed.join('\n')).toMatch(/didn't match PersistentVolume's node affinity/);
    }
  });
});

describe('drain and PodDisruptionBudgets', () => {
  it('drains a healthy node: StatefulSet pods come back under the same name in their volume zone, Deployment pods get new names', () => {
    const { cluster: c, run } = setup();
    const home = pod(c, 'mysql-1')!.spec.nodeName!;
    const zone = node(c, home).metadata.labels!['topology.kubernetes.io/zone'];
    const deploy = deployPodsOn(c, home).map((p) => p.metadata.name);
    const refused = run(`kubectl drain ${home}`);
    expect(refused).toContain(`node/${home} cordoned\nerror: unable to drain node "${home}" due to error: cannot delete Pods with local storage (use --delete-emptydir-data to override): default/${deploy[0]}, continuing command...\nThere are pending nodes to be drained:\n ${home}\ncannot delete Pods with local storage`);
    const out = run(`kubectl drain ${home} --ignore-daemonsets --delete-emptydir-data`);
    expect(out.split('\n')[0]).toBe(`node/${home} already cordoned`);
    expect(out).toContain('evicting pod default/mysql-1\n');
    expect(out).toContain('pod/mysql-1 evicted\n');
    expect(out.endsWith(`node/${home} drained\n`)).toBe(true);
    for (const name of deploy) expect(pod(c, name)).toBeUndefined();
    expect(c.advanceUntil(() => pod(c, 'mysql-1')?.status.phase === 'Running', 2 * 60_000)).toBe(true);
    const moved = pod(c, 'mysql-1')!;
    expect(moved.spec.nodeName).not.toBe(home);
    expect(node(c, moved.spec.nodeName!).metadata.labels!['topology.kubernetes.io/zone']).toBe(zone);
    expect(run('kubectl get nodes')).toMatch(new RegExp(`${home}\\s+Ready,SchedulingDisabled`));
    expect(run(`kubectl uncordon ${home}`)).toBe(`node/${home} uncordoned\n`);
  });

  it('a PDB refuses evictions (429) and drain retries every 5s until its timeout', () => {
    const { cluster: c, run } = setup();
    expect(run('kubectl create pdb mysql-pdb --selector=app=mysql --min-available=3')).toBe('poddisruptionbudget.policy/mysql-pdb created\n');
    c.advance(1_000);
    expect(c.api.get<PodDisruptionBudget>('PodDisruptionBudget', 'default', 'mysql-pdb')!.status).toMatchObject({ currentHealthy: 3, desiredHealthy: 3, disruptionsAllowed: 0, expectedPods: 3 });
    const home = pod(c, 'mysql-2')!.spec.nodeName!;
    const out = run(`kubectl drain ${home} --delete-emptydir-data --timeout=12s`);
    const refusal = 'error when evicting pods/"mysql-2" -n "default" (will retry after 5s): Cannot evict pod as it would violate the pod\'s disruption budget.';
    expect(out.split('\n').filter((l) => l === refusal)).toHaveLength(3);
    expect(out).toContain('error when evicting pods/"mysql-2" -n "default": global timeout reached: 12s');
    expect(pod(c, 'mysql-2')!.metadata.deletionTimestamp).toBeUndefined();
  });

  it('maxUnavailable 1 lets one StatefulSet pod go at a time', () => {
    const { cluster: c, run } = setup();
    run('kubectl create pdb mysql-pdb --selector=app=mysql --max-unavailable=1');
    c.advance(1_000);
    expect(c.api.get<PodDisruptionBudget>('PodDisruptionBudget', 'default', 'mysql-pdb')!.status).toMatchObject({ currentHealthy: 3, desiredHealthy: 2, disruptionsAllowed: 1, expectedPods: 3 });
    const home = pod(c, 'mysql-1')!.spec.nodeName!;
    expect(run(`kubectl drain ${home} --delete-emptydir-data --timeout=2m`)).toContain(`node/${home} drained`);
  });
});
