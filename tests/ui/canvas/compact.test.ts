import { describe, expect, it } from 'vitest';
import { buildSnapshot } from '../../../src/sim/snapshot';
import { createCanvasStore } from '../../../src/ui/canvas/canvasStore';
import { FLOW_NODE_HELP_ID, descriptionId } from '../../../src/ui/canvas/describe';
import {
  CHIP_GAP,
  CHIP_H,
  CHIP_ROW_H,
  CHIP_W,
  COMPACT_ENTER_PODS,
  COMPACT_EXIT_PODS,
  NODE_CHIP_COLUMNS,
  POD_H,
  POD_W,
  SPARE_CHIP_ROWS,
  chipPosition,
  isCompactLayout,
  stableRows,
} from '../../../src/ui/canvas/geometry';
import { CanvasKind, EdgeKind } from '../../../src/ui/canvas/model';
import type { CanvasNode, Flow } from '../../../src/ui/canvas/model';
import { STATUS_MARKS, chipLabel, compareNatural } from '../../../src/ui/canvas/views';
import { byLabel, podView, run } from './helpers';

const pods = (flow: Flow) => flow.nodes.filter((n) => n.type === CanvasKind.pod);
const parentOf = (flow: Flow, node: CanvasNode) => flow.nodes.find((n) => n.id === node.parentId)!;

describe('when the canvas turns compact', () => {
  it.each([
    [COMPACT_ENTER_PODS, false, false],
    [COMPACT_ENTER_PODS + 1, false, true],
    [300, false, true],
    [COMPACT_EXIT_PODS, true, true],
    [COMPACT_EXIT_PODS - 1, true, false],
    [COMPACT_ENTER_PODS, true, true],
  ])('%i pods, previously compact %s: compact %s', (count, wasCompact, expected) => {
    expect(isCompactLayout(count, wasCompact)).toBe(expected);
  });

  it.each([
    [3, undefined, 3],
    [4, 3, 4],
    [3, 3, 3],
    [3 - SPARE_CHIP_ROWS, 3, 3],
    [2, 2 + SPARE_CHIP_ROWS, 2 + SPARE_CHIP_ROWS],
    [1, 2 + SPARE_CHIP_ROWS, 1],
  ])('needs %i chip rows, drew %s before: draws %i', (needed, previous, expected) => {
    expect(stableRows(needed, previous)).toBe(expected);
  });

  it.each([
    [0, { x: 10, y: 20 }],
    [NODE_CHIP_COLUMNS - 1, { x: 10 + (NODE_CHIP_COLUMNS - 1) * (CHIP_W + CHIP_GAP), y: 20 }],
    [NODE_CHIP_COLUMNS, { x: 10, y: 20 + CHIP_ROW_H }],
  ])('puts chip %i of a row-major grid at %o', (index, expected) => {
    expect(chipPosition(index, NODE_CHIP_COLUMNS, 10, 20)).toEqual(expected);
  });
});

describe('a compact chip', () => {
  it.each([
    [{ ordinal: 17, shape: 'statefulset', nameSuffix: '', name: 'load-17' }, '17'],
    [{ ordinal: 0, shape: 'statefulset', nameSuffix: '', name: 'load-0' }, '0'],
    [
      { ordinal: null, shape: 'deployment', nameSuffix: 'x4k2p', name: 'load-deploy-6d9c8b7f5-x4k2p' },
      'x4k2p',
    ],
    [{ ordinal: null, shape: 'other', nameSuffix: '', name: 'debug' }, 'debug'],
    [{ ordinal: null, shape: 'other', nameSuffix: '', name: 'nginx-debug' }, '…debug'],
  ] as const)('shows %o as %s', (view, expected) => {
    expect(chipLabel(view)).toBe(expected);
  });

  it('has a different mark for every status tone, so colour is never alone', () => {
    const marks = Object.values(STATUS_MARKS);
    expect(new Set(marks).size).toBe(marks.length);
  });
});

describe('snapshotToFlow with hundreds of pods (the stress scenario)', () => {
  const r = run('stress');
  r.cluster.advance(60_000);
  const flow = r.draw();

  it('draws every pod as a chip, keeping its accessible name', () => {
    expect(pods(flow)).toHaveLength(300);
    expect(flow.layout.isCompact).toBe(true);
    for (const name of ['load-0', 'load-17', 'load-149']) {
      const node = byLabel(flow, `Pod ${name}`);
      expect(node.ariaRole).toBe('button');
      expect([node.width, node.height]).toEqual([CHIP_W, CHIP_H]);
      expect(podView(flow, name)).toMatchObject({ isCompact: true, ordinal: Number(name.slice(5)) });
    }
    // The status words are in the description the chip names (drawn inside it, PodChip.tsx).
    const chip = byLabel(flow, 'Pod load-17');
    expect(chip.domAttributes?.['aria-describedby']?.split(' ')).toEqual([
      FLOW_NODE_HELP_ID,
      descriptionId(chip.id),
    ]);
    const deployPod = pods(flow).find((n) => n.ariaLabel?.startsWith('Pod load-deploy-'))!;
    expect(deployPod.data).toMatchObject({ kind: 'pod', shape: 'deployment', isCompact: true });
  });

  it('lays the chips out in a grid inside their node box, none overlapping and none outside', () => {
    const byBox = new Map<string, CanvasNode[]>();
    for (const pod of pods(flow)) byBox.set(pod.parentId!, [...(byBox.get(pod.parentId!) ?? []), pod]);
    expect(byBox.size).toBe(12);
    for (const [boxId, chips] of byBox) {
      const box = flow.nodes.find((n) => n.id === boxId)!;
      expect(box.type).toBe(CanvasKind.node);
      const cells = new Set<string>();
      for (const chip of chips) {
        const { x, y } = chip.position;
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x + CHIP_W).toBeLessThanOrEqual(box.width!);
        expect(y + CHIP_H).toBeLessThanOrEqual(box.height!);
        cells.add(`${x},${y}`);
      }
      expect(cells.size).toBe(chips.length);
    }
  });

  it('draws no per-pod edges, and the boxes are far shorter than with cards', () => {
    expect(flow.edges.filter((e) => e.type === EdgeKind.service || e.type === EdgeKind.volume)).toEqual([]);
    const box = parentOf(flow, byLabel(flow, 'Pod load-0'));
    const chipsInBox = pods(flow).filter((p) => p.parentId === box.id).length;
    expect(box.height!).toBeLessThan((chipsInBox * POD_H) / 4);
  });

  it('keeps the box sizes while a pod is replaced, so nothing below moves', () => {
    const boxHeight = parentOf(flow, byLabel(flow, 'Pod load-0')).height;
    r.sh('kubectl delete pod load-3 --wait=false');
    r.cluster.advance(1_000);
    const during = r.draw();
    expect(parentOf(during, byLabel(during, 'Pod load-0')).height).toBe(boxHeight);
    r.cluster.advance(30_000);
    const after = r.draw();
    expect(parentOf(after, byLabel(after, 'Pod load-0')).height).toBe(boxHeight);
    expect(byLabel(after, 'Pod load-3').position).toEqual(byLabel(flow, 'Pod load-3').position);
  });

  it('lets a removed chip go at once: no fading ghost', () => {
    const store = createCanvasStore({ exitMs: 200, now: () => 0, schedule: () => undefined });
    store.getState().update(buildSnapshot(r.cluster));
    const before = store.getState().nodes.length;
    r.sh('kubectl scale statefulset load --replicas=149');
    r.cluster.advance(30_000);
    store.getState().update(buildSnapshot(r.cluster));
    expect(store.getState().exiting).toEqual({});
    expect(store.getState().nodes).toHaveLength(before - 1);
    expect(store.getState().nodes.some((n) => n.ariaLabel === 'Pod load-149')).toBe(false);
  });
});

describe('leaving the compact drawing', () => {
  it('stays compact down to the exit threshold, then draws cards again', () => {
    const r = run('stress');
    r.cluster.advance(60_000);
    expect(r.draw().layout.isCompact).toBe(true);
    // 50 + 50 = 100 pods: at the exit threshold, still compact.
    r.sh('kubectl scale statefulset load --replicas=50');
    r.sh('kubectl scale deployment load-deploy --replicas=50');
    r.cluster.advance(60_000);
    const hundred = r.draw();
    expect(pods(hundred)).toHaveLength(COMPACT_EXIT_PODS);
    expect(hundred.layout.isCompact).toBe(true);
    r.sh('kubectl scale deployment load-deploy --replicas=49');
    r.cluster.advance(60_000);
    const cards = r.draw();
    expect(cards.layout.isCompact).toBeFalsy();
    expect(podView(cards, 'load-0').isCompact).toBe(false);
    expect([byLabel(cards, 'Pod load-0').width, byLabel(cards, 'Pod load-0').height]).toEqual([POD_W, POD_H]);
  });

  it('never draws the compare scenario compact', () => {
    const flow = run('compare').draw();
    expect(flow.layout.isCompact).toBeFalsy();
    expect(pods(flow).every((p) => p.width === POD_W && p.data.kind === 'pod' && !p.data.isCompact)).toBe(
      true,
    );
    expect(pods(flow).every((p) => p.domAttributes === undefined)).toBe(true);
  });
});

describe('compareNatural', () => {
  /** The straightforward definition it must agree with: split into runs, compare run by run. */
  function reference(a: string, b: string): number {
    const pa = a.match(/\d+|\D+/g) ?? [];
    const pb = b.match(/\d+|\D+/g) ?? [];
    for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
      const x = pa[i]!;
      const y = pb[i]!;
      if (x === y) continue;
      const isNumber = /^\d/.test(x) && /^\d/.test(y);
      if (isNumber && Number(x) !== Number(y)) return Number(x) - Number(y);
      return x < y ? -1 : 1;
    }
    return pa.length - pb.length || (a < b ? -1 : a > b ? 1 : 0);
  }
  const names = [
    '',
    'a',
    'ab',
    '1',
    '01',
    '10',
    'mysql-0',
    'mysql-1',
    'mysql-01',
    'mysql-2',
    'mysql-10',
    'mysql-deploy-x',
    'mysql-deploy-57dd7c6cf4-x4k2p',
    'mysql-deploy-57dd7c6cf4-x4k2',
    'default/load-149',
    'default/load-15',
    'default/load-deploy-6d9c8b7f5-q8z2m',
    'data-mysql-1',
    'node-1',
    'node-12',
    'node-1a',
    '2x',
    'x2',
  ];

  it('orders every pair of names as splitting them into runs does', () => {
    for (const a of names)
      for (const b of names)
        expect(Math.sign(compareNatural(a, b)), `${a} vs ${b}`).toBe(Math.sign(reference(a, b)));
  });
});
