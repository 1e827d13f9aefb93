import { describe, expect, it } from 'vitest';
import type { EventSnapshot, NodeSnapshot, PersistentVolumeClaimSnapshot } from '../../../src/protocol';
import { routeServiceEdge, routeVolumeEdge, serviceLaneY, volumeState } from '../../../src/ui/canvas/edges';
import { STORAGE_HEADER_H } from '../../../src/ui/canvas/geometry';
import { roundedPath } from '../../../src/ui/canvas/paths';

const PV = 'pvc-1111';
const UNIQUE = `kubernetes.io/csi/csi.playground.k8s.io^${PV}`;

const node = (attached: string[], inUse: string[]): NodeSnapshot => ({
  name: 'node-1',
  uid: 'n1',
  zone: 'zone-a',
  status: 'Ready',
  isReady: true,
  isUnschedulable: false,
  podCIDR: '10.244.1.0/24',
  volumesAttached: attached,
  volumesInUse: inUse,
});

const pvc = (bound: boolean): PersistentVolumeClaimSnapshot => ({
  name: 'data-mysql-0',
  namespace: 'default',
  uid: 'c1',
  phase: bound ? 'Bound' : 'Pending',
  volumeName: bound ? PV : null,
  storageClassName: 'standard',
  request: '1Gi',
  accessModes: ['ReadWriteOnce'],
  selectedNode: 'node-1',
  isTerminating: false,
});

const attachEvent = (reason: string, time: number): EventSnapshot => ({
  uid: `${reason}-${time}`,
  namespace: 'default',
  type: reason === 'FailedAttachVolume' ? 'Warning' : 'Normal',
  reason,
  message:
    reason === 'FailedAttachVolume'
      ? `Multi-Attach error for volume "${PV}" Volume is already used by pod(s) mysql-deploy-1`
      : `AttachVolume.Attach succeeded for volume "${PV}"`,
  object: 'pod/p',
  involvedUid: 'p',
  source: 'attachdetach-controller',
  count: 1,
  time,
});

describe('volumeState', () => {
  it.each([
    ['no node yet', null, pvc(true), node([UNIQUE], [UNIQUE]), [], 'waiting'],
    ['claim not bound', 'node-1', pvc(false), node([], []), [], 'waiting'],
    ['bound, not attached', 'node-1', pvc(true), node([], []), [], 'attaching'],
    ['attached, not mounted', 'node-1', pvc(true), node([UNIQUE], []), [], 'attaching'],
    ['attached and in use', 'node-1', pvc(true), node([UNIQUE], [UNIQUE]), [], 'mounted'],
    [
      'Multi-Attach error',
      'node-1',
      pvc(true),
      node([], []),
      [attachEvent('FailedAttachVolume', 1)],
      'blocked',
    ],
    [
      'attached after an error',
      'node-1',
      pvc(true),
      node([], []),
      [attachEvent('FailedAttachVolume', 1), attachEvent('SuccessfulAttachVolume', 2)],
      'attaching',
    ],
  ] as const)('%s: %s', (_label, nodeName, claim, n, events, state) => {
    expect(volumeState({ uid: 'p', nodeName }, claim, n, events).state).toBe(state);
  });

  it('carries the Multi-Attach message when blocked', () => {
    const { message } = volumeState({ uid: 'p', nodeName: 'node-1' }, pvc(true), node([], []), [
      attachEvent('FailedAttachVolume', 1),
    ]);
    expect(message).toBe(
      `Multi-Attach error for volume "${PV}" Volume is already used by pod(s) mysql-deploy-1`,
    );
  });
});

describe('edge routes', () => {
  it('runs a Service edge down to its lane, across, down the gutter and into the DNS label', () => {
    const { points, labelAt } = routeServiceEdge(
      { x: 100, y: 0, width: 300, height: 80 },
      { x: 500, y: 300, width: 236, height: 100 },
      1,
      true,
    );
    const lane = serviceLaneY(1);
    expect(points).toEqual([
      { x: 250, y: 80 },
      { x: 250, y: lane },
      { x: 489, y: lane },
      { x: 489, y: 290 },
      { x: 500, y: 290 },
    ]);
    expect(labelAt).toEqual({ x: 504, y: 290 });
  });

  it('runs a volume edge out of the card, down beside the node and into the top of the claim', () => {
    const points = routeVolumeEdge(
      { x: 26, y: 244, width: 236, height: 100 },
      { x: 18, y: 502, width: 112, height: 64 },
      { x: 14, y: 502 - STORAGE_HEADER_H, width: 536, height: 108 },
      0,
    );
    expect(points[0]).toEqual({ x: 262, y: 294 });
    expect(points.at(-1)).toEqual({ x: 74, y: 502 });
    expect(points[2]!.y).toBeLessThan(502 - STORAGE_HEADER_H);
  });

  it('enters a claim in a lower row of the band from its left side, past the cylinders above it', () => {
    const points = routeVolumeEdge(
      { x: 26, y: 244, width: 236, height: 100 },
      { x: 26, y: 580, width: 112, height: 64 },
      { x: 14, y: 502 - STORAGE_HEADER_H, width: 536, height: 186 },
      2,
    );
    expect(points.slice(-3)).toEqual([
      { x: 20, y: points[2]!.y },
      { x: 20, y: 612 },
      { x: 26, y: 612 },
    ]);
  });

  it.each([
    [[{ x: 0, y: 0 }], 'M 0 0'],
    [
      [
        { x: 0, y: 0 },
        { x: 10, y: 0 },
      ],
      'M 0 0 L 10 0',
    ],
    [
      [
        { x: 0, y: 0 },
        { x: 20, y: 0 },
        { x: 20, y: 20 },
      ],
      'M 0 0 L 12 0 Q 20 0 20 8 L 20 20',
    ],
    [
      [
        { x: 0, y: 0 },
        { x: 4, y: 0 },
        { x: 4, y: 20 },
      ],
      'M 0 0 L 2 0 Q 4 0 4 2 L 4 20',
    ],
  ])('roundedPath(%o)', (points, d) => {
    expect(roundedPath(points)).toBe(d);
  });
});
