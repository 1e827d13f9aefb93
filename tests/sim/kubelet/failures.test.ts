import { describe, expect, it } from 'vitest';
import type { Event } from '../../../src/sim/api/core';
import { createPod, kubeletEvents, newCluster, pod, until } from './support';

describe('image pull failures', () => {
  it('reports ErrImagePull, then ImagePullBackOff, and retries after the back-off', () => {
    const c = newCluster();
    createPod(c, 'bad', 'node-1', [{ name: 'nginx', image: 'nginx:doesnotexist' }]);
    const err =
      'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:doesnotexist": ' +
      'failed to resolve reference "docker.io/library/nginx:doesnotexist": docker.io/library/nginx:doesnotexist: not found';
    const failedAt = until(c, () => pod(c, 'bad')!.status.containerStatuses![0]!.state.waiting?.reason === 'ErrImagePull');
    expect(pod(c, 'bad')!.status.containerStatuses![0]!.state.waiting).toEqual({ message: err, reason: 'ErrImagePull' });
    until(c, () => pod(c, 'bad')!.status.containerStatuses![0]!.state.waiting?.reason === 'ImagePullBackOff');
    const status = pod(c, 'bad')!.status;
    expect(status.phase).toBe('Pending');
    expect(status.containerStatuses![0]).toMatchObject({
      image: 'nginx:doesnotexist',
      imageID: '',
      state: { waiting: { reason: 'ImagePullBackOff', message: `Back-off pulling image "nginx:doesnotexist": ErrImagePull: ${err}` } },
    });
    expect(kubeletEvents(c, 'bad')).toEqual([
      'Pulling: Pulling image "nginx:doesnotexist"',
      `Failed: Failed to pull image "nginx:doesnotexist": ${err}`,
      'Failed: Error: ErrImagePull',
      'BackOff: Back-off pulling image "nginx:doesnotexist"',
      'Failed: Error: ImagePullBackOff',
    ]);
    // The second attempt comes when the 10s back-off ends; the one after waits 20s.
    until(c, () => pod(c, 'bad')!.status.containerStatuses![0]!.state.waiting?.reason === 'ErrImagePull');
    expect(c.now() - failedAt).toBe(10_000 + 1000);
    const pulling = c.api.list<Event>('Event', 'default').find((e) => e.involvedObject.name === 'bad' && e.reason === 'Pulling')!;
    expect(pulling.count).toBe(2);
    expect(pulling.involvedObject.fieldPath).toBe('spec.containers{nginx}');
    expect(pulling.source).toEqual({ component: 'kubelet', host: 'node-1' });
  });
});

describe('containers that exit', () => {
  it('restarts at once the first time, then backs off 10s, 20s (CrashLoopBackOff)', () => {
    const c = newCluster();
    const created = createPod(c, 'crash', 'node-1', [{ name: 'box', image: 'busybox:1.36', command: ['sh', '-c', 'exit 1'] }]);
    until(c, () => pod(c, 'crash')!.status.containerStatuses![0]!.state.waiting?.reason === 'CrashLoopBackOff');
    const first = pod(c, 'crash')!.status.containerStatuses![0]!;
    expect(first.restartCount).toBe(1);
    expect(first.state.waiting!.message).toBe(`back-off 10s restarting failed container=box pod=crash_default(${created.metadata.uid})`);
    expect(first.lastState.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
    expect(first.containerID).toMatch(/^containerd:\/\//);
    expect(pod(c, 'crash')!.status.phase).toBe('Running');
    expect(kubeletEvents(c, 'crash').at(-1)).toBe(`BackOff: Back-off restarting failed container box in pod crash_default(${created.metadata.uid})`);
    until(c, () => pod(c, 'crash')!.status.containerStatuses![0]!.restartCount === 2);
    until(c, () => pod(c, 'crash')!.status.containerStatuses![0]!.state.waiting?.message?.startsWith('back-off 20s') ?? false);
    until(c, () => pod(c, 'crash')!.status.containerStatuses![0]!.state.waiting?.message?.startsWith('back-off 40s') ?? false);
    expect(pod(c, 'crash')!.status.containerStatuses![0]!.restartCount).toBe(3);
  });

  it.each([
    ['sleep 2; exit 0', 'Succeeded', 0, 'Completed'],
    ['sleep 2; exit 3', 'Failed', 3, 'Error'],
  ])('restartPolicy Never with `%s` ends %s', (script, phase, exitCode, reason) => {
    const c = newCluster();
    createPod(c, 'once', 'node-4', [{ name: 'box', image: 'busybox:1.36', command: ['sh', '-c', script] }], { restartPolicy: 'Never' });
    until(c, () => pod(c, 'once')!.status.phase === phase);
    const p = pod(c, 'once')!;
    expect(p.status.containerStatuses![0]!.state.terminated).toMatchObject({ exitCode, reason });
    expect(p.status.conditions!.find((x) => x.type === 'Ready')).toMatchObject({ status: 'False', reason: 'PodCompleted' });
    expect(p.status.conditions!.find((x) => x.type === 'PodReadyToStartContainers')!.status).toBe('False');
    c.advance(60_000);
    expect(pod(c, 'once')!.status.containerStatuses![0]!.restartCount).toBe(0);
  });
});
