import { describe, expect, it } from 'vitest';
import type { ClusterSnapshot } from '../../../src/protocol';
import { buildSnapshot } from '../../../src/sim/snapshot';
import { createCanvasStore } from '../../../src/ui/canvas/canvasStore';
import { run } from './helpers';

/** A canvas store on a hand-cranked clock: timers run when the test says so. */
function manualStore(exitMs = 200) {
  let t = 0;
  const timers: { at: number; fn: () => void }[] = [];
  const store = createCanvasStore({
    exitMs,
    now: () => t,
    schedule: (fn, ms) => timers.push({ at: t + ms, fn }),
  });
  const tick = (ms: number) => {
    t += ms;
    for (const timer of timers.splice(0).filter((x) => x.at <= t)) timer.fn();
  };
  return { store, tick };
}

const podId = (snapshot: ClusterSnapshot, name: string) =>
  `pod:${snapshot.pods.find((p) => p.name === name)!.uid}`;

describe('the canvas store', () => {
  it('keeps every unchanged object when one pod changes, so only that card re-renders', () => {
    const r = run('compare');
    const { store } = manualStore();
    const first = buildSnapshot(r.cluster);
    store.getState().update(first);
    const before = store.getState();
    const changed: ClusterSnapshot = {
      ...first,
      pods: first.pods.map((p) =>
        p.name === 'mysql-0' ? { ...p, status: 'Terminating', isReady: false } : p,
      ),
    };
    store.getState().update(changed);
    const after = store.getState();
    expect(after.nodes).toBe(before.nodes);
    const id0 = podId(first, 'mysql-0');
    expect(after.views[id0]).not.toBe(before.views[id0]);
    const unchanged = Object.keys(before.views).filter(
      (id) => id !== id0 && after.views[id] !== before.views[id],
    );
    // The headless Service's view changes too only if its endpoints changed; here only the pod did.
    expect(unchanged).toEqual([]);
    expect(after.edges).toBe(before.edges);
  });

  it("tells each node's listeners about that node's changes only", () => {
    const r = run('compare');
    const { store } = manualStore();
    const first = buildSnapshot(r.cluster);
    store.getState().update(first);
    const heard: string[] = [];
    const ids = ['mysql-0', 'mysql-1'].map((name) => podId(first, name));
    const stops = ids.map((id) => store.getState().subscribeNode(id, () => heard.push(id)));
    store.getState().update({
      ...first,
      pods: first.pods.map((p) => (p.name === 'mysql-0' ? { ...p, status: 'Terminating', isReady: false } : p)),
    });
    expect(heard).toEqual([ids[0]]);
    store.getState().highlight(ids[1]!);
    expect(heard).toEqual([ids[0], ids[1]]);
    store.getState().highlight(null);
    expect(heard).toEqual([ids[0], ids[1], ids[1]]);
    stops.forEach((stop) => stop());
    store.getState().highlight(ids[0]!);
    expect(heard).toHaveLength(3);
  });

  it('keeps layout nodes free of data: views live beside them, one per id', () => {
    const r = run('compare');
    const { store } = manualStore();
    store.getState().update(buildSnapshot(r.cluster));
    const { nodes, views } = store.getState();
    expect(nodes.every((n) => Object.keys(n.data).length === 0)).toBe(true);
    expect(Object.keys(views).sort()).toEqual(nodes.map((n) => n.id).sort());
  });

  it('lets a deleted pod fade out for a moment, unfocusable, then drops it', () => {
    const r = run('compare');
    const { store, tick } = manualStore(200);
    const first = buildSnapshot(r.cluster);
    store.getState().update(first);
    const id = podId(first, 'mysql-0');
    store.getState().update({ ...first, pods: first.pods.filter((p) => p.name !== 'mysql-0') });
    const ghost = store.getState().nodes.find((n) => n.id === id);
    expect(ghost).toMatchObject({ focusable: false, selectable: false });
    expect(store.getState().exiting).toEqual({ [id]: true });
    tick(250);
    expect(store.getState().nodes.some((n) => n.id === id)).toBe(false);
    expect(store.getState().exiting).toEqual({});
  });

  it('drops deleted objects at once when motion is reduced', () => {
    const r = run('compare');
    const { store } = manualStore(0);
    const first = buildSnapshot(r.cluster);
    store.getState().update(first);
    store.getState().update({ ...first, pods: first.pods.filter((p) => p.name !== 'mysql-0') });
    expect(store.getState().nodes.some((n) => n.id === podId(first, 'mysql-0'))).toBe(false);
  });

  it('selects one node, marks it selected, and forgets the selection when the object leaves', () => {
    const r = run('compare');
    const { store } = manualStore(0);
    const first = buildSnapshot(r.cluster);
    store.getState().update(first);
    const id = podId(first, 'mysql-1');
    store.getState().select(id);
    expect(
      store
        .getState()
        .nodes.filter((n) => n.selected)
        .map((n) => n.id),
    ).toEqual([id]);
    store.getState().update({ ...first, pods: first.pods.filter((p) => p.name !== 'mysql-1') });
    expect(store.getState().selectedId).toBeNull();
  });

  it('reports the size of the drawing, to refit the view when it grows', () => {
    const r = run('compare');
    const { store } = manualStore(0);
    store.getState().update(buildSnapshot(r.cluster));
    const small = store.getState().bounds;
    r.sh('kubectl scale sts mysql --replicas=6');
    r.cluster.advanceUntil(
      () => buildSnapshot(r.cluster).pods.filter((p) => p.isReady).length === 9,
      300_000,
    );
    store.getState().update(buildSnapshot(r.cluster));
    expect(store.getState().bounds.height).toBeGreaterThan(small.height);
  });
});
