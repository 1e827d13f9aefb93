import { describe, expect, it } from 'vitest';
import type { Pod } from '../../../../src/sim/api/core';
import { podCells } from '../../../../src/sim/kubectl/printers';
import { pod, running, ts } from './fixtures';

const now = 100_000;
const waiting = (reason: string) => ({ name: 'nginx', state: { waiting: { reason } }, lastState: {}, ready: false, restartCount: 0, image: 'nginx:1.27', imageID: '' });

function withInit(p: Pod): Pod {
  return { ...p, spec: { ...p.spec, initContainers: [{ name: 'init', image: 'busybox' }] } };
}

const cases: [string, Pod, string, string, string][] = [
  ['Pending, unscheduled', pod('a'), '0/1', 'Pending', '0'],
  ['ContainerCreating', pod('a', { containerStatuses: [waiting('ContainerCreating')] }), '0/1', 'ContainerCreating', '0'],
  ['Running and ready', pod('a', { phase: 'Running', containerStatuses: [running('nginx', true)] }), '1/1', 'Running', '0'],
  ['Running, not ready yet', pod('a', { phase: 'Running', containerStatuses: [running('nginx', false)] }), '0/1', 'Running', '0'],
  [
    'Terminating',
    { ...pod('a', { phase: 'Running', containerStatuses: [running('nginx', true)] }), metadata: { ...pod('a').metadata, deletionTimestamp: ts(90) } },
    '1/1',
    'Terminating',
    '0',
  ],
  [
    'Unknown: deleted on an unreachable node',
    { ...pod('a', { phase: 'Running', reason: 'NodeLost', containerStatuses: [running('nginx', true)] }), metadata: { ...pod('a').metadata, deletionTimestamp: ts(90) } },
    '1/1',
    'Unknown',
    '0',
  ],
  [
    'CrashLoopBackOff with restarts ago',
    pod('a', {
      phase: 'Running',
      containerStatuses: [{ ...waiting('CrashLoopBackOff'), restartCount: 3, lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: ts(55) } } }],
    }),
    '0/1',
    'CrashLoopBackOff',
    '3 (45s ago)',
  ],
  ['Completed', pod('a', { phase: 'Succeeded', containerStatuses: [{ ...waiting('x'), state: { terminated: { exitCode: 0, reason: 'Completed' } } }] }), '0/1', 'Completed', '0'],
  [
    'Error fallback: Completed reason but a container failed',
    {
      ...pod('a', {
        phase: 'Failed',
        containerStatuses: [
          { ...waiting('x'), state: { terminated: { exitCode: 0, reason: 'Completed' } } },
          { ...waiting('x'), name: 'side', state: { terminated: { exitCode: 2, reason: 'Error' } } },
        ],
      }),
      spec: { containers: [{ name: 'nginx', image: 'nginx' }, { name: 'side', image: 'busybox' }] },
    },
    '0/2',
    'Error',
    '0',
  ],
  ['Init:0/1', withInit(pod('a', { initContainerStatuses: [{ ...waiting('PodInitializing'), name: 'init' }], containerStatuses: [waiting('PodInitializing')] })), '0/1', 'Init:0/1', '0'],
  ['Init:ErrImagePull', withInit(pod('a', { initContainerStatuses: [{ ...waiting('ErrImagePull'), name: 'init' }] })), '0/1', 'Init:ErrImagePull', '0'],
  ['SchedulingGated', pod('a', { conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }] }), '0/1', 'SchedulingGated', '0'],
];

describe('podCells', () => {
  it.each(cases)('%s', (_name, p, ready, status, restarts) => {
    expect(podCells(p, now)).toEqual({ ready, status, restarts });
  });

  it('counts a started sidecar init container in READY', () => {
    const p: Pod = {
      ...pod('a', { phase: 'Running', initContainerStatuses: [{ ...running('proxy', true), name: 'proxy' }], containerStatuses: [running('nginx', true)] }),
      spec: { containers: [{ name: 'nginx', image: 'nginx' }], initContainers: [{ name: 'proxy', image: 'envoy', restartPolicy: 'Always' } as never] },
    };
    expect(podCells(p, now)).toEqual({ ready: '2/2', status: 'Running', restarts: '0' });
  });
});
