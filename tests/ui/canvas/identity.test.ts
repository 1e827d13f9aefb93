/**
 * The canvas reuses what it drew for objects whose snapshot objects did not change (views, nodes, layout
 * nodes). Whatever it reuses, the drawing must be the one made from unshared copies: random scripts on
 * the compare scenario, each snapshot drawn by two canvas stores, one fed the snapshots as the client
 * rebuilds them from patches, one fed structured clones.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { startScenario } from '../../../src/sim/scenarios';
import { buildSnapshot } from '../../../src/sim/snapshot';
import { Terminal } from '../../../src/sim/terminal/terminal';
import { createCanvasStore } from '../../../src/ui/canvas/canvasStore';
import { initialLayoutState } from '../../../src/ui/canvas/model';
import type { CanvasNode } from '../../../src/ui/canvas/model';
import { snapshotToFlow } from '../../../src/ui/canvas/snapshotToFlow';
import { runScript, scripts } from '../scriptedRun';
import { overTheWire } from '../wire';

describe('the canvas with shared objects', () => {
  it('draws what it draws from unshared copies, step for step', () => {
    fc.assert(
      fc.property(scripts, (script) => {
        const wire = overTheWire();
        const options = { exitMs: 0, now: () => 0, schedule: () => {} };
        const shared = createCanvasStore(options);
        const copied = createCanvasStore(options);
        runScript(script, (snapshot) => {
          shared.getState().update(wire(snapshot));
          copied.getState().update(structuredClone(snapshot));
          const a = shared.getState();
          const b = copied.getState();
          expect(a.nodes).toEqual(b.nodes);
          expect(a.edges).toEqual(b.edges);
          expect(a.views).toEqual(b.views);
          expect(a.layout).toEqual(b.layout);
        });
      }),
      { numRuns: 12 },
    );
  }, 60_000);

  it('draws with the last drawing to reuse what a fresh drawing draws, step for step', () => {
    fc.assert(
      fc.property(scripts, (script) => {
        const wire = overTheWire();
        let layout = initialLayoutState;
        let previous = new Map<string, CanvasNode>();
        runScript(script, (snapshot) => {
          const patched = wire(snapshot);
          const reused = snapshotToFlow(patched, layout, previous);
          expect(reused).toEqual(snapshotToFlow(structuredClone(patched), layout));
          layout = reused.layout;
          previous = new Map(reused.nodes.map((n) => [n.id, n]));
        });
      }),
      { numRuns: 12 },
    );
  }, 60_000);

  it('moves a reused pod when another pod leaves the tray before it', () => {
    const { cluster } = startScenario('compare', 1);
    const terminal = new Terminal(cluster, () => {});
    for (const n of [1, 2, 3, 4]) terminal.feed(`kubectl cordon node-${n}`);
    terminal.feed('kubectl scale deployment mysql-deploy --replicas=6');
    cluster.advance(2000);
    const before = buildSnapshot(cluster);
    const pending = before.pods.filter((p) => p.nodeName === null).map((p) => p.name).sort();
    expect(pending).toHaveLength(3);
    const first = snapshotToFlow(before, initialLayoutState);
    // The first pending pod goes; the others keep their snapshot objects (as a patch would hand them on)
    // but move up the tray.
    const after = { ...before, pods: before.pods.filter((p) => p.name !== pending[0]) };
    const reused = snapshotToFlow(after, first.layout, new Map(first.nodes.map((n) => [n.id, n])));
    const fresh = snapshotToFlow(after, first.layout);
    expect(reused).toEqual(fresh);
    const moved = (f: typeof fresh) => f.nodes.find((n) => n.ariaLabel === `Pod ${pending[1]}`)!.position;
    expect(moved(fresh)).not.toEqual(moved(first));
  });
});
