import { describe, expect, it } from 'vitest';
import type { ClusterSnapshot } from '../../../src/protocol';
import { buildSnapshot } from '../../../src/sim/snapshot';
import { createCanvasStore } from '../../../src/ui/canvas/canvasStore';
import { ARRIVAL_BEAT_MS, podsCreatedByReadiness, withoutHeld } from '../../../src/ui/canvas/orderedArrival';
import { run } from '../canvas/helpers';

const names = (snapshot: ClusterSnapshot, uids: string[]) =>
  uids.map((uid) => snapshot.pods.find((p) => p.uid === uid)?.name);

/**
 * Scales mysql from 3 to `replicas` and plays 100 ms at a time (a play tick at 1x), returning the two
 * snapshots around the tick in which `pod` turned Ready.
 */
function aroundReady(pod: string, replicas = 5): { before: ClusterSnapshot; after: ClusterSnapshot } {
  const r = run('compare');
  r.sh(`kubectl scale sts mysql --replicas=${replicas}`);
  let before = buildSnapshot(r.cluster);
  for (let i = 0; i < 600; i++) {
    r.cluster.advance(100);
    const after = buildSnapshot(r.cluster);
    if (after.pods.find((p) => p.name === pod)?.isReady) return { before, after };
    before = after;
  }
  throw new Error(`${pod} never turned Ready`);
}

describe('pods created because their predecessor turned Ready', () => {
  it('are the StatefulSet pod the same tick created, with its new claim', () => {
    const { before, after } = aroundReady('mysql-3');
    // The simulator creates mysql-4 in the very tick mysql-3 turns Ready.
    expect(before.pods.some((p) => p.name === 'mysql-4')).toBe(false);
    expect(after.pods.some((p) => p.name === 'mysql-4')).toBe(true);
    const held = podsCreatedByReadiness(before, after);
    expect(
      names(
        after,
        held.map((h) => h.uid),
      ),
    ).toEqual(['mysql-4']);
    expect(held[0]!.claims).toEqual(['default/data-mysql-4']);

    const shown = withoutHeld(after, held);
    expect(shown.pods.map((p) => p.name)).not.toContain('mysql-4');
    expect(shown.pvcs.map((c) => c.name)).not.toContain('data-mysql-4');
    expect(shown.pods.find((p) => p.name === 'mysql-3')?.isReady).toBe(true);
    expect(withoutHeld(after, [])).toBe(after);
  });

  it.each([
    ['the first snapshot', (s: ClusterSnapshot) => podsCreatedByReadiness(null, s)],
    ['a snapshot compared with itself', (s: ClusterSnapshot) => podsCreatedByReadiness(s, s)],
  ])('are none for %s', (_, find) => {
    const { after } = aroundReady('mysql-3');
    expect(find(after)).toEqual([]);
  });

  it('are none when the snapshots are far apart (the pod is scheduled already: a seek, a slow tick)', () => {
    const r = run('compare');
    const start = buildSnapshot(r.cluster);
    r.sh('kubectl scale sts mysql --replicas=5');
    r.cluster.advance(60_000);
    expect(podsCreatedByReadiness(start, buildSnapshot(r.cluster))).toEqual([]);
  });

  it('are none for a re-created pod whose predecessor was Ready all along', () => {
    const r = run('compare');
    const before = buildSnapshot(r.cluster);
    r.sh('kubectl delete pod mysql-1 --wait=false');
    r.cluster.advance(15_000);
    const after = buildSnapshot(r.cluster);
    expect(after.pods.some((p) => p.name === 'mysql-1' && !before.pods.some((b) => b.uid === p.uid))).toBe(
      true,
    );
    expect(podsCreatedByReadiness(before, after)).toEqual([]);
  });
});

describe('the canvas holds such a pod back for a beat', () => {
  it('draws mysql-3 Ready first, and mysql-4 with its claim a beat later', () => {
    const { before, after } = aroundReady('mysql-3');
    let t = 0;
    const timers: { at: number; fn: () => void }[] = [];
    const store = createCanvasStore({
      exitMs: 0,
      now: () => t,
      schedule: (fn, ms) => timers.push({ at: t + ms, fn }),
    });
    const labels = () => store.getState().nodes.map((n) => n.ariaLabel);
    store.getState().update(before);
    store.getState().update(after);
    expect(labels()).toContain('Pod mysql-3');
    expect(labels()).not.toContain('Pod mysql-4');
    expect(labels()).not.toContain('PersistentVolumeClaim data-mysql-4');

    t += ARRIVAL_BEAT_MS + 10;
    for (const timer of timers.splice(0).filter((x) => x.at <= t)) timer.fn();
    expect(labels()).toContain('Pod mysql-4');
    expect(labels()).toContain('PersistentVolumeClaim data-mysql-4');
  });
});
