import { describe, expect, it } from 'vitest';
import type { PersistentVolumeClaim, Pod } from '../../../src/sim/api/core';
import { buildSnapshot } from '../../../src/sim/snapshot';
import { NODE_W, POD_H, POD_W, SERVICE_H } from '../../../src/ui/canvas/geometry';
import { EdgeKind, initialLayoutState } from '../../../src/ui/canvas/model';
import type { CanvasEdge, Flow } from '../../../src/ui/canvas/model';
import { snapshotToFlow } from '../../../src/ui/canvas/snapshotToFlow';
import { statusText } from '../../../src/ui/canvas/views';
import { byLabel, parentLabel, podView, run } from './helpers';

const labels = (flow: Flow, prefix: string) =>
  flow.nodes.map((n) => n.ariaLabel ?? '').filter((l) => l.startsWith(prefix));

function absolute(flow: Flow, label: string): { x: number; y: number; width: number; height: number } {
  let node = byLabel(flow, label);
  const r = { x: node.position.x, y: node.position.y, width: node.width!, height: node.height! };
  while (node.parentId) {
    node = flow.nodes.find((n) => n.id === node.parentId)!;
    r.x += node.position.x;
    r.y += node.position.y;
  }
  return r;
}

function absoluteRight(flow: Flow, label: string): number {
  const r = absolute(flow, label);
  return r.x + r.width;
}

const edgesOf = (flow: Flow, kind: string): CanvasEdge[] => flow.edges.filter((e) => e.type === kind);

describe('snapshotToFlow on the compare scenario', () => {
  const flow = run('compare').draw();

  it('draws the zones as columns with their nodes inside, in name order', () => {
    expect(labels(flow, 'Zone ')).toEqual(['Zone zone-a', 'Zone zone-b']);
    expect(labels(flow, 'Node ')).toEqual(['Node node-1', 'Node node-2', 'Node node-3', 'Node node-4']);
    expect(
      ['node-1', 'node-2', 'node-3', 'node-4'].map((n) => parentLabel(flow, byLabel(flow, `Node ${n}`))),
    ).toEqual(['Zone zone-a', 'Zone zone-a', 'Zone zone-b', 'Zone zone-b']);
    const a = absolute(flow, 'Zone zone-a');
    const b = absolute(flow, 'Zone zone-b');
    expect(a.y).toBe(b.y);
    expect(b.x).toBeGreaterThan(a.x + a.width);
    expect(byLabel(flow, 'Node node-1').data).toMatchObject({
      status: 'Ready',
      statusWords: ['Ready'],
      isReady: true,
    });
  });

  it('puts every pod inside the box of the node it runs on, keyed by uid', () => {
    const snapshot = run('compare').cluster;
    const pods = buildSnapshot(snapshot).pods;
    for (const pod of pods) {
      const node = byLabel(flow, `Pod ${pod.name}`);
      expect(node.id).toBe(`pod:${pod.uid}`);
      expect(parentLabel(flow, node)).toBe(`Node ${pod.nodeName}`);
      const inner = absolute(flow, `Pod ${pod.name}`);
      const box = absolute(flow, `Node ${pod.nodeName}`);
      expect(inner.x).toBeGreaterThanOrEqual(box.x);
      expect(inner.x + POD_W).toBeLessThanOrEqual(box.x + NODE_W);
      expect(inner.y + POD_H).toBeLessThanOrEqual(box.y + box.height);
    }
  });

  it('tells StatefulSet pods (ordinal) from Deployment pods (random suffix)', () => {
    expect(podView(flow, 'mysql-2')).toMatchObject({
      shape: 'statefulset',
      ordinal: 2,
      ownerKind: 'StatefulSet',
      status: 'Running',
      tone: 'ready',
      ready: '1/1',
      restarts: '0',
      warningCount: 0,
    });
    const deploy = labels(flow, 'Pod mysql-deploy-');
    expect(deploy).toHaveLength(3);
    const view = podView(flow, deploy[0]!.slice('Pod '.length));
    expect(view).toMatchObject({ shape: 'deployment', ordinal: null, ownerKind: 'Deployment' });
    expect(view.namePrefix).toMatch(/^mysql-deploy-[a-z0-9]+-$/);
    expect(view.nameSuffix).toMatch(/^[a-z0-9]{5}$/);
    expect(view.ip).toMatch(/^10\.244\.\d+\.\d+$/);
  });

  it('puts each claim and its volume in the storage band of the volume zone', () => {
    for (const ordinal of [0, 1, 2]) {
      const pod = podView(flow, `mysql-${ordinal}`);
      const pvc = byLabel(flow, `PersistentVolumeClaim data-mysql-${ordinal}`);
      const zone = parentLabel(flow, byLabel(flow, `Node ${pod.nodeName}`))!.slice('Zone '.length);
      expect(parentLabel(flow, pvc)).toBe(`Storage ${zone}`);
      expect(pvc.data).toMatchObject({ phase: 'Bound', request: '1Gi', accessModes: 'RWO' });
      const pvName = pvc.data.kind === 'pvc' ? pvc.data.volumeName! : '';
      const pv = byLabel(flow, `PersistentVolume ${pvName}`);
      expect(parentLabel(flow, pv)).toBe(`Storage ${zone}`);
      expect(pv.data).toMatchObject({ phase: 'Bound', shortName: `${pvName.slice(0, 12)}…` });
    }
  });

  it('draws the Services above the zones, unfocusable bands and columns in reading order', () => {
    expect(labels(flow, 'Service ')).toEqual(['Service mysql', 'Service mysql-deploy']);
    const zoneTop = absolute(flow, 'Zone zone-a').y;
    expect(absolute(flow, 'Service mysql').y + SERVICE_H).toBeLessThan(zoneTop);
    expect(flow.nodes[0]!.ariaLabel).toBe('Service mysql');
    expect(byLabel(flow, 'Storage zone-a').focusable).toBe(false);
    const index = new Map(flow.nodes.map((n, i) => [n.id, i]));
    for (const n of flow.nodes) if (n.parentId) expect(index.get(n.parentId)!).toBeLessThan(index.get(n.id)!);
  });

  it('labels the headless Service edge to each ready pod with its DNS name', () => {
    const edges = edgesOf(flow, EdgeKind.service).filter(
      (e) => e.source === byLabel(flow, 'Service mysql').id,
    );
    expect(edges.map((e) => (e.data?.kind === 'service' ? e.data.label : null))).toEqual([
      'mysql-0.mysql.default.svc.cluster.local',
      'mysql-1.mysql.default.svc.cluster.local',
      'mysql-2.mysql.default.svc.cluster.local',
    ]);
    expect(edges.map((e) => e.target)).toEqual([0, 1, 2].map((i) => byLabel(flow, `Pod mysql-${i}`).id));
  });

  it("fans the ClusterIP Service's edges out to the Deployment's ready pods, unlabelled", () => {
    const svc = byLabel(flow, 'Service mysql-deploy');
    expect(svc.data).toMatchObject({ isHeadless: false, readyEndpoints: 3, endpoints: 3 });
    const edges = edgesOf(flow, EdgeKind.service).filter((e) => e.source === svc.id);
    expect(edges.map((e) => flow.nodes.find((n) => n.id === e.target)!.ariaLabel).sort()).toEqual(
      labels(flow, 'Pod mysql-deploy-').sort(),
    );
    expect(edges.every((e) => e.data?.kind === 'service' && e.data.label === null)).toBe(true);
  });

  it('draws pod -> claim edges as mounted and claim -> volume edges as bound', () => {
    const volume = edgesOf(flow, EdgeKind.volume);
    expect(volume).toHaveLength(3);
    expect(volume.every((e) => e.data?.kind === 'volume' && e.data.state === 'mounted')).toBe(true);
    const binding = edgesOf(flow, EdgeKind.binding);
    expect(binding).toHaveLength(3);
    expect(binding.every((e) => e.data?.kind === 'binding' && e.data.isBound)).toBe(true);
  });

  it('routes every edge along horizontal and vertical segments only', () => {
    for (const edge of flow.edges) {
      const points = edge.data!.points;
      for (let i = 1; i < points.length; i++) {
        const [p, q] = [points[i - 1]!, points[i]!];
        expect(p.x === q.x || p.y === q.y).toBe(true);
      }
    }
  });

  it('is pure: the same snapshot and layout give the same flow', () => {
    const r = run('compare');
    const snapshot = buildSnapshot(r.cluster);
    expect(snapshotToFlow(snapshot, initialLayoutState)).toEqual(
      snapshotToFlow(snapshot, initialLayoutState),
    );
  });
});

describe('snapshotToFlow as the cluster changes', () => {
  it('keeps a re-created StatefulSet pod in its ordinal slot, as a new node', () => {
    const r = run('compare');
    r.sh('kubectl cordon node-2');
    const before = r.draw();
    const old = byLabel(before, 'Pod mysql-1');
    expect(parentLabel(before, old)).toBe('Node node-1');
    r.sh('kubectl delete pod mysql-1');
    const during = r.draw();
    expect(during.nodes.some((n) => n.id === old.id)).toBe(false);
    r.cluster.advanceUntil(
      () => buildSnapshot(r.cluster).pods.some((p) => p.name === 'mysql-1' && p.isReady),
      120_000,
    );
    const after = r.draw();
    const recreated = byLabel(after, 'Pod mysql-1');
    expect(recreated.id).not.toBe(old.id);
    expect(parentLabel(after, recreated)).toBe('Node node-1');
    expect(recreated.position).toEqual(old.position);
  });

  it('puts a pod no node can take in the unscheduled tray, with its FailedScheduling warning', () => {
    const r = run('compare');
    r.cluster.api.create<Pod>({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'lost', namespace: 'default', uid: '', resourceVersion: '', creationTimestamp: '' },
      spec: { nodeSelector: { disk: 'none' }, containers: [{ name: 'nginx', image: 'nginx' }] },
      status: { phase: 'Pending' },
    });
    r.cluster.advance(5_000);
    const flow = r.draw();
    const lost = byLabel(flow, 'Pod lost');
    expect(parentLabel(flow, lost)).toBe('Unscheduled');
    expect(podView(flow, 'lost')).toMatchObject({ status: 'Pending', tone: 'pending', nodeName: null });
    expect(podView(flow, 'lost').warningCount).toBeGreaterThan(0);
    expect(podView(flow, 'lost').lastWarning).toMatch(/^FailedScheduling: 0\/4 nodes are available/);
    expect(byLabel(flow, 'Unscheduled').data).toMatchObject({ podCount: 1 });
  });

  it('counts down the grace period of a Terminating pod', () => {
    const r = run('compare');
    const name = buildSnapshot(r.cluster).pods.find((p) => p.workloadKind === 'Deployment')!.name;
    r.sh(`kubectl delete pod ${name} --grace-period=30 --wait=false`);
    const view = podView(r.draw(), name);
    expect(view.status).toBe('Terminating');
    expect(view.tone).toBe('terminating');
    expect(view.graceSecondsLeft).toBe(30);
    expect(statusText(view)).toBe('Terminating 30s');
  });

  it('puts a new StatefulSet pod in the tray until the scheduler binds it, with no volume edge yet', () => {
    const r = run('compare');
    r.sh('kubectl scale sts mysql --replicas=4');
    const flow = r.draw();
    const pod = byLabel(flow, 'Pod mysql-3');
    expect(parentLabel(flow, pod)).toBe('Unscheduled');
    expect(podView(flow, 'mysql-3')).toMatchObject({ ordinal: 3, status: 'Pending', nodeName: null });
    expect(flow.edges.some((e) => e.source === pod.id)).toBe(false);
    const tray = byLabel(flow, 'Unscheduled');
    expect(tray.position.y).toBe(0);
    // At the right end of the top band, clear of the gutter the Service edges drop into beside node-4.
    expect(tray.position.x + tray.width!).toBeGreaterThanOrEqual(absoluteRight(flow, 'Zone zone-b'));
    expect(tray.position.x).toBeGreaterThan(absolute(flow, 'Node node-4').x + 6);
    expect(tray.position.x).toBeGreaterThan(absoluteRight(flow, 'Service mysql-deploy'));
  });

  it('draws pending claims without a node in the tray', () => {
    const r = run('empty');
    r.cluster.api.create<PersistentVolumeClaim>({
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'orphan', namespace: 'default', uid: '', resourceVersion: '', creationTimestamp: '' },
      spec: {
        accessModes: ['ReadWriteOnce'],
        storageClassName: 'standard',
        resources: { requests: { storage: '1Gi' } },
      },
      status: { phase: 'Pending' },
    });
    const flow = r.draw();
    expect(parentLabel(flow, byLabel(flow, 'PersistentVolumeClaim orphan'))).toBe('Unscheduled');
    expect(byLabel(flow, 'Unscheduled').data).toMatchObject({ podCount: 0, claimCount: 1 });
  });
});
