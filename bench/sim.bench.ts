/**
 * Simulation benchmarks: prints figures, asserts nothing. Run with `npm run bench`.
 *
 * 1. The default scenario (`compare`): wall time until every pod is Ready, simulated seconds per wall second.
 * 2. A 1,000-replica Parallel StatefulSet plus a 1,000-replica Deployment on 50 nodes: wall time until all
 *    2,000 pods are Ready, the cost of one idle tick, snapshot size and build + structured-clone time, heap.
 */
import { performance } from 'node:perf_hooks';
import { Cluster } from '../src/sim/cluster';
import type { Pod } from '../src/sim/api/core';
import type { KubeObject } from '../src/sim/api/meta';
import { podIsReady } from '../src/sim/kubelet';
import { startScenario } from '../src/sim/scenarios';
import { buildSnapshot } from '../src/sim/snapshot';
import { Terminal } from '../src/sim/terminal/terminal';

function ms(n: number): string {
  return `${n.toFixed(n < 10 ? 2 : 0)} ms`;
}

function allReady(cluster: Cluster, expected: number): boolean {
  const pods = cluster.api.list<Pod>('Pod');
  return pods.length >= expected && pods.every((p) => podIsReady(p));
}

function heapMiB(): string {
  global.gc?.();
  return `${(process.memoryUsage().heapUsed / 1024 / 1024).toFixed(1)} MiB`;
}

function measureIdleTick(cluster: Cluster, tickMs: number, ticks: number): number {
  const start = performance.now();
  for (let i = 0; i < ticks; i++) cluster.advance(tickMs);
  return (performance.now() - start) / ticks;
}

function measureSnapshot(cluster: Cluster): { bytes: number; buildMs: number; cloneMs: number } {
  const runs = 10;
  let build = 0;
  let clone = 0;
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const snap = buildSnapshot(cluster);
    const t1 = performance.now();
    structuredClone(snap);
    const t2 = performance.now();
    build += t1 - t0;
    clone += t2 - t1;
    bytes = JSON.stringify(snap).length;
  }
  return { bytes, buildMs: build / runs, cloneMs: clone / runs };
}

function benchDefault(): void {
  console.log('## Default scenario (compare: StatefulSet mysql x3 + Deployment mysql-deploy x3, 4 nodes)');
  const t0 = performance.now();
  const { cluster } = startScenario('empty', 1);
  const terminal = new Terminal(cluster, () => undefined);
  const { scenario } = startScenario('compare', 1);
  for (const line of scenario.setup) terminal.feed(line);
  const setup = performance.now() - t0;
  const t1 = performance.now();
  const ok = cluster.advanceUntil(() => allReady(cluster, 6), 10 * 60_000);
  const wall = performance.now() - t1;
  console.log(`setup (cluster + apply): ${ms(setup)}`);
  console.log(`all 6 pods Ready: ${ok ? 'yes' : 'NO'} at simulated ${(cluster.now() / 1000).toFixed(1)} s, wall ${ms(wall)}`);
  const span = 3_600_000;
  const t2 = performance.now();
  cluster.advance(span);
  const idleWall = performance.now() - t2;
  console.log(`simulated seconds per wall second (one idle hour): ${Math.round(span / 1000 / (idleWall / 1000)).toLocaleString('en')}`);
  console.log(`idle tick (16 ms of simulated time): ${ms(measureIdleTick(cluster, 16, 2000))}`);
  const snap = measureSnapshot(cluster);
  console.log(`snapshot: ${(snap.bytes / 1024).toFixed(1)} KiB JSON, build ${ms(snap.buildMs)}, structuredClone ${ms(snap.cloneMs)}`);
  console.log(`heap: ${heapMiB()}\n`);
}

const BIG_MANIFEST = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: big
spec:
  serviceName: big
  podManagementPolicy: Parallel
  replicas: 1000
  selector:
    matchLabels:
      app: big
  template:
    metadata:
      labels:
        app: big
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: big-deploy
spec:
  replicas: 1000
  selector:
    matchLabels:
      app: big-deploy
  template:
    metadata:
      labels:
        app: big-deploy
    spec:
      containers:
      - name: nginx
        image: nginx:1.27`;

/** Builds the 50-node cluster, applies 2,000 replicas and runs until all are Ready; returns timings. */
function runLarge(): { cluster: Cluster; wall: number; cpu: number } {
  const nodes = Array.from({ length: 50 }, (_, i) => ({ name: `node-${i + 1}`, zone: `zone-${'abc'[i % 3]}`, maxPods: 110 }));
  global.gc?.();
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const cluster = new Cluster({ seed: 1, nodes });
  const terminal = new Terminal(cluster, () => undefined);
  for (const line of ['kubectl apply -f - <<EOF', ...BIG_MANIFEST.split('\n'), 'EOF']) terminal.feed(line);
  // Readiness read from the workloads' status (cheap), then confirmed pod by pod.
  const ready = (kind: string, name: string) =>
    (cluster.api.get<KubeObject & { status?: { readyReplicas?: number } }>(kind, 'default', name)?.status?.readyReplicas ?? 0) === 1000;
  cluster.advanceUntil(() => ready('StatefulSet', 'big') && ready('Deployment', 'big-deploy'), 30 * 60_000);
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { cluster, wall, cpu: (cpu.user + cpu.system) / 1000 };
}

function benchLarge(): void {
  console.log('## 1,000-replica Parallel StatefulSet + 1,000-replica Deployment on 50 nodes');
  const runs = [runLarge(), runLarge(), runLarge()];
  const best = runs.reduce((a, b) => (b.wall < a.wall ? b : a));
  const cluster = best.cluster;
  const ok = allReady(cluster, 2000);
  console.log(
    `2,000 pods all Ready: ${ok ? 'yes' : 'NO'} at simulated ${(cluster.now() / 1000).toFixed(1)} s; wall best of 3 ${ms(best.wall)} (runs: ${runs.map((r) => ms(r.wall)).join(', ')}), CPU ${ms(best.cpu)} (target < 2,000 ms)`,
  );
  cluster.advance(60_000);
  const tick = measureIdleTick(cluster, 16, 1000);
  console.log(`idle tick at 2,000 pods (16 ms simulated): ${ms(tick)} (target < 1 ms)`);
  const snap = measureSnapshot(cluster);
  console.log(
    `snapshot of 2,000 pods: ${(snap.bytes / 1024).toFixed(0)} KiB JSON, build ${ms(snap.buildMs)} + structuredClone ${ms(snap.cloneMs)} = ${ms(snap.buildMs + snap.cloneMs)} (target < 20 ms)`,
  );
  console.log(`heap: ${heapMiB()}\n`);
}

console.log(`StatefulSet Playground simulation benchmark (node ${process.version}, ${new Date().toISOString()})`);
console.log('Wall times depend on what else the machine runs; CPU time is this process alone.\n');
benchDefault();
benchLarge();
