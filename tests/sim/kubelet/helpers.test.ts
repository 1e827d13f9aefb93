import { describe, expect, it } from 'vitest';
import { Backoff } from '../../../src/sim/kubelet/backoff';
import { containerImageRef, defaultPullPolicy, goDuration, imageIdFor } from '../../../src/sim/kubelet/images';
import { HostLocalIpam } from '../../../src/sim/kubelet/ipam';
import { containerProgram } from '../../../src/sim/kubelet/program';

describe('containerImageRef', () => {
  it.each([
    ['nginx', 'docker.io/library/nginx:latest'],
    ['nginx:1.27', 'docker.io/library/nginx:1.27'],
    ['bitnami/nginx', 'docker.io/bitnami/nginx:latest'],
    ['registry.k8s.io/nginx-slim:0.24', 'registry.k8s.io/nginx-slim:0.24'],
    ['localhost:5000/app', 'localhost:5000/app:latest'],
  ])('%s -> %s', (image, ref) => expect(containerImageRef(image)).toBe(ref));
});

describe('defaultPullPolicy', () => {
  it.each([
    ['nginx', 'Always'],
    ['nginx:latest', 'Always'],
    ['nginx:1.27', 'IfNotPresent'],
    ['registry.k8s.io/nginx-slim:0.24', 'IfNotPresent'],
  ])('%s -> %s', (image, policy) => expect(defaultPullPolicy(image)).toBe(policy));
});

it('image IDs are stable per reference and differ between tags', () => {
  expect(imageIdFor('nginx')).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
  expect(imageIdFor('nginx')).toBe(imageIdFor('docker.io/library/nginx:latest'));
  expect(imageIdFor('nginx:1.27')).not.toBe(imageIdFor('nginx'));
});

describe('goDuration (time.Duration String, ms precision)', () => {
  it.each([
    [830, '830ms'],
    [2500, '2.5s'],
    [6208, '6.208s'],
    [10_000, '10s'],
    [62_345, '1m2.345s'],
    [300_000, '5m0s'],
  ])('%d -> %s', (ms, text) => expect(goDuration(ms)).toBe(text));
});

describe('containerProgram', () => {
  it.each([
    [{ name: 'a', image: 'nginx' }, undefined, 0, true],
    [{ name: 'a', image: 'busybox' }, 0, 0, false],
    [{ name: 'a', image: 'busybox', command: ['sh', '-c', 'exit 1'] }, 0, 1, false],
    [{ name: 'a', image: 'busybox', command: ['sh', '-c', 'sleep 2; exit 3'] }, 2000, 3, false],
    [{ name: 'a', image: 'busybox', command: ['sleep', '3600'] }, 3_600_000, 0, false],
    [{ name: 'a', image: 'busybox', command: ['sh', '-c', 'while true; do sleep 1; done'] }, undefined, 0, false],
  ])('%j', (container, exitsAfterMs, exitCode, handlesSigterm) => {
    expect(containerProgram(container)).toEqual({ exitsAfterMs, exitCode, handlesSigterm });
  });
});

it('host-local IPAM hands out .2, .3, ... and does not reuse a released IP at once', () => {
  const ipam = new HostLocalIpam('10.244.3.0/24');
  expect(ipam.allocate('a')).toBe('10.244.3.2');
  expect(ipam.allocate('b')).toBe('10.244.3.3');
  expect(ipam.allocate('a')).toBe('10.244.3.2');
  ipam.release('a');
  expect(ipam.allocate('c')).toBe('10.244.3.4');
  expect(ipam.allocated()).toEqual(['10.244.3.3', '10.244.3.4']);
});

it('back-off doubles from 10s to a 5m cap', () => {
  const b = new Backoff();
  const seen: number[] = [];
  for (let i = 0; i < 7; i++) {
    b.next('k', i * 1000);
    seen.push(b.get('k'));
  }
  expect(seen).toEqual([10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000]);
  expect(b.isInBackOffSinceUpdate('k', 6000 + 299_999)).toBe(true);
  expect(b.isInBackOffSinceUpdate('k', 6000 + 300_000)).toBe(false);
});
