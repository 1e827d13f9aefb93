import { describe, expect, it } from 'vitest';
import { arrowDirection, focusTargets, nextInDirection } from '../../../src/ui/canvas/keyboard';
import { byLabel, run } from './helpers';

describe('arrow-key movement on the canvas', () => {
  const flow = run('compare').draw();
  const targets = focusTargets(flow.nodes);
  const id = (label: string) => byLabel(flow, label).id;
  const label = (nodeId: string | null) => flow.nodes.find((n) => n.id === nodeId)?.ariaLabel ?? null;
  const deployOnNode1 = flow.nodes.find(
    (n) => n.ariaLabel?.startsWith('Pod mysql-deploy-') && n.parentId === id('Node node-1'),
  )!.ariaLabel!;
  const deployOnNode2 = flow.nodes.find(
    (n) => n.ariaLabel?.startsWith('Pod mysql-deploy-') && n.parentId === id('Node node-2'),
  )!.ariaLabel!;

  it.each([
    ['ArrowUp', 'up'],
    ['ArrowDown', 'down'],
    ['ArrowLeft', 'left'],
    ['ArrowRight', 'right'],
    ['Enter', null],
  ])('%s is %s', (key, direction) => {
    expect(arrowDirection(key)).toBe(direction);
  });

  it('leaves out what cannot take focus (the storage bands)', () => {
    expect(targets.has(id('Storage zone-a'))).toBe(false);
    expect(targets.has(id('Pod mysql-1'))).toBe(true);
  });

  it.each([
    ['Pod mysql-1', 'up', 'Node node-1'],
    ['Node node-1', 'up', 'Zone zone-a'],
    ['Node node-1', 'down', 'Pod mysql-1'],
    ['Pod mysql-1', 'down', 'DEPLOY_1'],
    ['Pod mysql-1', 'right', 'DEPLOY_2'],
    ['DEPLOY_2', 'left', 'Pod mysql-1'],
    ['Pod mysql-0', 'right', 'Pod mysql-2'],
    ['DEPLOY_1', 'down', 'PersistentVolumeClaim data-mysql-1'],
    ['PV_1', 'up', 'PersistentVolumeClaim data-mysql-1'],
    ['PersistentVolumeClaim data-mysql-1', 'down', 'PV_1'],
    ['Zone zone-a', 'up', 'Service mysql'],
    ['Service mysql-deploy', 'left', 'Service mysql'],
    ['Service mysql', 'up', null],
  ])('from %s, %s reaches %s', (from, direction, to) => {
    const pv1 = flow.nodes.find(
      (n) => n.ariaLabel?.startsWith('PersistentVolume pvc-') && n.parentId === id('Storage zone-a'),
    )!;
    const aliases: Record<string, string> = {
      DEPLOY_1: deployOnNode1,
      DEPLOY_2: deployOnNode2,
      PV_1: pv1.ariaLabel!,
    };
    const resolve = (l: string) => aliases[l] ?? l;
    const next = label(nextInDirection(targets, id(resolve(from)), direction as 'up'));
    if (to === null) expect(next).toBeNull();
    else expect(next?.startsWith(resolve(to))).toBe(true);
  });
});
