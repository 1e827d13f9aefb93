import { describe, expect, it } from 'vitest';
import { idOfRef, refOfView } from '../../../src/ui/canvas/selection';
import { byLabel, run } from './helpers';

describe('the shared selection', () => {
  const flow = run('compare').draw();
  const views = Object.fromEntries(flow.nodes.map((n) => [n.id, n.data]));

  it.each([
    ['Pod mysql-0', { kind: 'Pod', namespace: 'default', name: 'mysql-0' }],
    ['Node node-3', { kind: 'Node', namespace: null, name: 'node-3' }],
    ['Zone zone-a', { kind: 'Zone', namespace: null, name: 'zone-a' }],
    [
      'PersistentVolumeClaim data-mysql-1',
      { kind: 'PersistentVolumeClaim', namespace: 'default', name: 'data-mysql-1' },
    ],
    ['Service mysql-deploy', { kind: 'Service', namespace: 'default', name: 'mysql-deploy' }],
    ['Unscheduled', null],
    ['Storage zone-b', null],
  ])('%s draws %o, and that object maps back to it', (label, ref) => {
    const node = byLabel(flow, label);
    expect(refOfView(node.data)).toEqual(ref);
    if (ref) expect(idOfRef(views, {}, ref)).toBe(node.id);
  });

  it('maps a PersistentVolume by its full name', () => {
    const pv = flow.nodes.find((n) => n.data.kind === 'pv')!;
    const ref = refOfView(pv.data)!;
    expect(ref).toMatchObject({ kind: 'PersistentVolume', namespace: null });
    expect(pv.ariaLabel).toBe(`PersistentVolume ${ref.name}`);
    expect(idOfRef(views, {}, ref)).toBe(pv.id);
  });

  it('finds nothing for an object the canvas does not draw, or one fading out', () => {
    expect(idOfRef(views, {}, { kind: 'Pod', namespace: 'default', name: 'mysql-9' })).toBeNull();
    expect(idOfRef(views, {}, null)).toBeNull();
    const id = byLabel(flow, 'Pod mysql-0').id;
    expect(idOfRef(views, { [id]: true }, { kind: 'Pod', namespace: 'default', name: 'mysql-0' })).toBeNull();
  });
});
