// Failures the properties found, pinned as regression tests named after the fast-check seed (and path) that
// found them, replaying the shrunk counterexample. Each fails until the simulator bug it names is fixed.
import { describe, expect, it } from 'vitest';
import { PropertyRun } from './harness';
import type { Command } from './harness';

describe('pinned property failures', () => {
  // converges.test.ts, "empty scenario with a OrderedReady StatefulSet", { seed: 3, path: "100:0:1:3:1:5:6:6:6:7:8:7:7" }.
  // web-0's node goes NotReady (kubelet stopped), so the taint eviction controller schedules web-0's deletion
  // for 300s later. The user deletes web-0; when the kubelet comes back the old web-0 goes and the StatefulSet
  // controller creates a new web-0 in the same instant, before the taint eviction controller handles the old
  // pod's deletion: the scheduled eviction, keyed by namespace/name, is never cancelled and deletes the new
  // web-0 on a healthy node (upstream cancels it when the pod is deleted).
  it('seed 3: the taint eviction controller deletes a re-created pod on a node without NoExecute taints', () => {
    const commands: Command[] = [
      { type: 'kubelet', node: 2, running: false },
      { type: 'advance', ms: 60_000 },
      { type: 'deletePod', pick: 0, force: false, wait: false },
    ];
    const run = new PropertyRun({
      scenario: 'empty',
      seed: 1,
      set: { podManagementPolicy: 'OrderedReady', whenScaled: 'Retain', whenDeleted: 'Retain', replicas: 1 },
    });
    run.runAll(commands);
    expect(() => run.heal()).not.toThrow();
    expect(run.convergenceProblems()).toEqual([]);
  });

  // converges.test.ts, "empty scenario with a Parallel StatefulSet", { seed: 10, path: "316:0:2:3:3:6:6" }.
  // whenScaled=Delete: moving spec.ordinals.start past web-0 condemns it, so its claim www-web-0 gets web-0 as
  // owner. The user deletes the set while web-0 terminates and re-applies it (heal): the new set finds www-web-0
  // still owned by the old web-0 (a stale claim) and waits. The garbage collector then deletes the claim, but
  // neither that nor the old pod's deletion (its controllerRef names the old set's uid) enqueues the new set,
  // and the simulator has no informer resync: web-0 is never created. Upstream's StatefulSet informer resyncs
  // every 30s (statefulSetResyncPeriod in stateful_set.go), so the set recovers within half a minute.
  it('seed 10: a re-created StatefulSet waiting on a stale claim never syncs again once the claim is gone', () => {
    const commands: Command[] = [
      { type: 'advance', ms: 5_000 },
      { type: 'patchSet', field: 'ordinalsStart', value: 1 },
      { type: 'deleteSet', orphan: false },
    ];
    const run = new PropertyRun({
      scenario: 'empty',
      seed: 1,
      set: { podManagementPolicy: 'Parallel', whenScaled: 'Delete', whenDeleted: 'Retain', replicas: 1 },
    });
    run.runAll(commands).heal();
    expect(run.convergenceProblems()).toEqual([]);
  });

  // The same stall under OrderedReady, found by an exploratory run of the same property (no fast-check seed):
  // scale to 0 while web-0 is still starting (its claim now belongs to web-0), delete the set, re-apply it.
  it('OrderedReady: scale to 0, delete the set and re-apply it while web-0 terminates: web-0 never comes back', () => {
    const commands: Command[] = [
      { type: 'advance', ms: 3_197 },
      { type: 'scale', target: 'sts', replicas: 0 },
      { type: 'deleteSet', orphan: false },
      { type: 'applySet' },
      { type: 'advance', ms: 15 * 60_000 },
    ];
    const run = new PropertyRun({
      scenario: 'empty',
      seed: 90236897,
      set: { podManagementPolicy: 'OrderedReady', whenScaled: 'Delete', whenDeleted: 'Retain', replicas: 1 },
    });
    run.runAll(commands);
    expect(run.convergenceProblems()).toEqual([]);
  });

  // compare.test.ts, { seed: 1537329442, path: "238:8:18:7:10:10:12:13:15:17:23:19:19" }. node-3's kubelet stops
  // with a mysql pod on it; after a force delete the new pod runs on node-4 once the attach-detach controller
  // force-detaches the volume from the unhealthy node (6 minutes). node-3's status.volumesInUse still lists the
  // volume: nobody updates a dead kubelet's report, in Kubernetes either. The invariant had counted that stale
  // report as a second mount; it now reads volumesInUse of Ready nodes only (attachment stays checked everywhere).
  it('seed 1537329442: a dead node\'s stale volumesInUse is not a second mount', () => {
    const commands: Command[] = [
      { type: 'kubelet', node: 2, running: false },
      { type: 'advance', ms: 60_000 },
      { type: 'deletePod', pick: 7, force: true, wait: false },
      { type: 'deletePod', pick: 17, force: false, wait: true },
      { type: 'patchSet', field: 'partition', value: 0 },
    ];
    const run = new PropertyRun({ scenario: 'compare', seed: 367472405 });
    expect(() => run.runAll(commands)).not.toThrow();
  });
});
