import { describe, expect, it } from 'vitest';
import { isKubeletStopped, nodeImages, startKubeletOn, stopKubeletOn } from '../../../src/sim/kubelet';
import { podIsReady } from '../../../src/sim/kubelet/status';
import { condition, createPod, kubeletEvents, newCluster, nginx, pod, until } from './support';

describe('kubelet start-up stages (jitter 0: mount 300ms, pull 2.5s, start 600ms, ready 500ms)', () => {
  it('writes the initial status, then pod IP, Running, Ready at the stage instants', () => {
    const c = newCluster();
    createPod(c, 'web-0', 'node-1', [nginx()]);
    c.settle();
    const initial = pod(c, 'web-0')!;
    expect(initial.status.phase).toBe('Pending');
    expect(initial.status.hostIP).toBe('172.18.0.2');
    expect(initial.status.hostIPs).toEqual([{ ip: '172.18.0.2' }]);
    expect(initial.status.startTime).toBe('2026-01-01T09:00:00Z');
    expect(initial.status.podIP).toBeUndefined();
    expect(initial.status.conditions!.map((x) => `${x.type}=${x.status}`)).toEqual([
      'PodReadyToStartContainers=False',
      'Initialized=True',
      'Ready=False',
      'ContainersReady=False',
      'PodScheduled=True',
    ]);
    const ready = initial.status.conditions!.find((x) => x.type === 'Ready')!;
    expect(ready.reason).toBe('ContainersNotReady');
    expect(ready.message).toBe('containers with unready status: [nginx]');
    expect(initial.status.containerStatuses![0]).toMatchObject({ image: 'nginx', imageID: '', ready: false, restartCount: 0, started: false, state: { waiting: { reason: 'ContainerCreating' } } });

    expect(until(c, () => !!pod(c, 'web-0')!.status.podIP)).toBe(300);
    expect(pod(c, 'web-0')!.status.podIP).toBe('10.244.1.2');
    expect(condition(pod(c, 'web-0'), 'PodReadyToStartContainers')).toBe('True');
    expect(until(c, () => pod(c, 'web-0')!.status.phase === 'Running')).toBe(3400);
    const running = pod(c, 'web-0')!.status.containerStatuses![0]!;
    expect(running.image).toBe('docker.io/library/nginx:latest');
    expect(running.imageID).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
    expect(running.containerID).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
    expect(running).toMatchObject({ ready: false, started: true, restartCount: 0, state: { running: { startedAt: '2026-01-01T09:00:03Z' } } });
    expect(until(c, () => podIsReady(pod(c, 'web-0')!))).toBe(3900);
    expect(condition(pod(c, 'web-0'), 'ContainersReady')).toBe('True');
    expect(kubeletEvents(c, 'web-0')).toEqual([
      'Pulling: Pulling image "nginx"',
      'Pulled: Successfully pulled image "nginx" in 2.5s (2.5s including waiting). Image size: 72223946 bytes.',
      'Created: Container created',
      'Started: Container started',
    ]);
  });

  it('is deterministic for a seed, with jitter', () => {
    const run = () => {
      const c = newCluster({ jitter: 0.25 }, 42);
      createPod(c, 'a', 'node-1', [nginx()]);
      createPod(c, 'b', 'node-1', [nginx()]);
      c.advance(20_000);
      return JSON.stringify([pod(c, 'a')!.status, pod(c, 'b')!.status, kubeletEvents(c, 'b')]);
    };
    expect(run()).toBe(run());
  });

  it('queues pulls on the node and reports the waiting; IfNotPresent reuses the node image cache', () => {
    const c = newCluster();
    createPod(c, 'a', 'node-1', [nginx({ image: 'nginx:1.27' })]);
    createPod(c, 'b', 'node-1', [nginx({ image: 'busybox:1.36', command: ['sleep', '3600'] })]);
    c.advance(10_000);
    expect(kubeletEvents(c, 'b')[1]).toBe('Pulled: Successfully pulled image "busybox:1.36" in 2.5s (5s including waiting). Image size: 2222260 bytes.');
    expect(nodeImages(c.ctx, 'node-1')).toEqual(['docker.io/library/busybox:1.36', 'docker.io/library/nginx:1.27']);
    createPod(c, 'c', 'node-1', [nginx({ image: 'nginx:1.27' })]);
    createPod(c, 'd', 'node-2', [nginx({ image: 'nginx:1.27' })]);
    createPod(c, 'e', 'node-1', [nginx()]);
    c.advance(10_000);
    expect(kubeletEvents(c, 'c')[0]).toBe('Pulled: Container image "nginx:1.27" already present on machine and can be accessed by the pod');
    expect(kubeletEvents(c, 'd')[0]).toBe('Pulling: Pulling image "nginx:1.27"');
    expect(kubeletEvents(c, 'e')[0]).toBe('Pulling: Pulling image "nginx"');
  });

  it('allocates pod IPs per node CIDR, sequentially, without reusing a released IP at once', () => {
    const c = newCluster();
    createPod(c, 'a', 'node-1', [nginx()]);
    createPod(c, 'b', 'node-1', [nginx()]);
    createPod(c, 'x', 'node-3', [nginx()]);
    c.advance(10_000);
    expect([pod(c, 'a')!.status.podIP, pod(c, 'b')!.status.podIP, pod(c, 'x')!.status.podIP]).toEqual(['10.244.1.2', '10.244.1.3', '10.244.3.2']);
    c.api.delete('Pod', 'default', 'a');
    c.advance(40_000);
    expect(pod(c, 'a')).toBeUndefined();
    createPod(c, 'a', 'node-1', [nginx()]);
    c.advance(10_000);
    expect(pod(c, 'a')!.status.podIP).toBe('10.244.1.4');
  });

  it('turns Ready at the readiness probe first success after initialDelaySeconds', () => {
    const c = newCluster();
    createPod(c, 'p', 'node-1', [nginx({ image: 'nginx:1.27', readinessProbe: { httpGet: { port: 80 }, initialDelaySeconds: 5, periodSeconds: 5 } })]);
    const started = until(c, () => pod(c, 'p')!.status.phase === 'Running');
    const ready = until(c, () => podIsReady(pod(c, 'p')!));
    expect(ready - started).toBeGreaterThanOrEqual(5000);
    expect(ready - started).toBeLessThanOrEqual(5200);
  });
});

describe('termination', () => {
  it('stops nginx cleanly within the grace period: Killing, Ready False at once, Completed, then deleted', () => {
    const c = newCluster();
    createPod(c, 'web-0', 'node-1', [nginx()]);
    until(c, () => podIsReady(pod(c, 'web-0')!));
    const t0 = c.now();
    c.api.delete('Pod', 'default', 'web-0');
    c.settle();
    expect(condition(pod(c, 'web-0'), 'Ready')).toBe('False');
    expect(kubeletEvents(c, 'web-0').at(-1)).toBe('Killing: Stopping container nginx');
    until(c, () => !!pod(c, 'web-0')!.status.containerStatuses![0]!.state.terminated);
    expect(c.now() - t0).toBe(800);
    const p = pod(c, 'web-0')!;
    expect(p.status.phase).toBe('Succeeded');
    expect(p.status.containerStatuses![0]!.state.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    until(c, () => !pod(c, 'web-0'));
    expect(c.now() - t0).toBe(1100);
  });

  it('kills a shell that ignores SIGTERM when the grace period elapses (exit 137)', () => {
    const c = newCluster();
    createPod(c, 'sleeper', 'node-2', [{ name: 'box', image: 'busybox:1.36', command: ['sleep', '3600'] }], { terminationGracePeriodSeconds: 3 });
    until(c, () => podIsReady(pod(c, 'sleeper')!));
    const t0 = c.now();
    c.api.delete('Pod', 'default', 'sleeper');
    until(c, () => !!pod(c, 'sleeper')!.status.containerStatuses![0]!.state.terminated);
    expect(c.now() - t0).toBe(3000);
    expect(pod(c, 'sleeper')!.status.phase).toBe('Failed');
    expect(pod(c, 'sleeper')!.status.containerStatuses![0]!.state.terminated).toMatchObject({ exitCode: 137, reason: 'Error' });
    until(c, () => !pod(c, 'sleeper'));
  });
});

describe('a stopped kubelet', () => {
  it('does nothing, and its pods stay as they are until it starts again', () => {
    const c = newCluster();
    createPod(c, 'up', 'node-1', [nginx()]);
    until(c, () => podIsReady(pod(c, 'up')!));
    stopKubeletOn(c.ctx, 'node-1');
    expect(isKubeletStopped(c.ctx, 'node-1')).toBe(true);
    createPod(c, 'new', 'node-1', [nginx()]);
    c.api.delete('Pod', 'default', 'up');
    const before = JSON.stringify([pod(c, 'up'), pod(c, 'new')]);
    // Within the node-monitor grace period (50 s): after it, the node lifecycle controller (not the kubelet)
    // marks the node's pods not Ready.
    c.advance(40_000);
    expect(JSON.stringify([pod(c, 'up'), pod(c, 'new')])).toBe(before);
    expect(pod(c, 'up')!.metadata.deletionTimestamp).toBeDefined();
    startKubeletOn(c.ctx, 'node-1');
    until(c, () => !pod(c, 'up') && podIsReady(pod(c, 'new')!));
  });
});

describe('readiness without a probe (default timings)', () => {
  it('reports Running and Ready in the same status write, as the prober manager does', () => {
    const c = newCluster({ jitter: 0 });
    const phases: string[] = [];
    c.api.watch('Pod', (e) => {
      const p = e.object as ReturnType<typeof pod> & object;
      const cs = p.status.containerStatuses?.[0];
      if (cs?.state.running) phases.push(`${p.status.phase} ready=${cs.ready}`);
    });
    createPod(c, 'web-0', 'node-1', [nginx()]);
    c.advance(10_000);
    expect(podIsReady(pod(c, 'web-0')!)).toBe(true);
    expect(phases[0]).toBe('Running ready=true');
  });
});
