/**
 * The driver for the property tests: random command sequences (fast-check arbitraries) run against a real
 * scenario through the Terminal, as a user would type them, with the invariants of tests/support/invariants.ts
 * checked after every command and after every timer while time advances.
 *
 * Commands pick their target at run time (`pick` modulo the pods that exist then), so a shrunk sequence
 * stays meaningful. Every run keeps a transcript of the lines it ran, which is the reproduction printed
 * with a violation.
 */
import fc from 'fast-check';
import type { Pod, PersistentVolumeClaim } from '../../../src/sim/api/core';
import type { Cluster } from '../../../src/sim/cluster';
import { isKubeletStopped, startKubeletOn, stopKubeletOn } from '../../../src/sim/kubelet';
import { startScenario } from '../../../src/sim/scenarios';
import { pvVolumeId } from '../../../src/sim/storage/files';
import { Terminal } from '../../../src/sim/terminal/terminal';
import { InvariantMonitor, stateFingerprint } from '../../support/invariants';
import type { Violation } from '../../support/invariants';

export type PodManagementPolicy = 'OrderedReady' | 'Parallel';
export type RetentionPolicyType = 'Retain' | 'Delete';

/** The StatefulSet `web` applied in the `empty` scenario. */
export interface WebSetSpec {
  podManagementPolicy: PodManagementPolicy;
  whenScaled: RetentionPolicyType;
  whenDeleted: RetentionPolicyType;
  replicas: number;
}

/** Where a run starts: the `compare` scenario (StatefulSet and Deployment `mysql`), or `empty` plus `web`. */
export type Setup = { scenario: 'compare'; seed: number } | { scenario: 'empty'; seed: number; set: WebSetSpec };

export type Command =
  | { type: 'scale'; target: 'sts' | 'deploy'; replicas: number }
  | { type: 'deletePod'; pick: number; force: boolean; wait: boolean }
  | { type: 'advance'; ms: number }
  | { type: 'write'; pick: number }
  | { type: 'cordon'; node: number; unschedulable: boolean }
  | { type: 'kubelet'; node: number; running: boolean }
  | { type: 'rollout'; target: 'sts' | 'deploy'; image: number }
  | { type: 'deleteClaim'; pick: number }
  | { type: 'deleteSet'; orphan: boolean }
  | { type: 'applySet' };

const NODES = ['node-1', 'node-2', 'node-3', 'node-4'];

/** Thrown when an invariant breaks; the message holds the violations and the transcript to reproduce them. */
export class InvariantError extends Error {}

function webManifest(spec: WebSetSpec): string[] {
  return [
    'kubectl apply -f - <<EOF',
    'apiVersion: v1',
    'kind: Service',
    'metadata:',
    '  name: nginx',
    'spec:',
    '  clusterIP: None',
    '  selector:',
    '    app: nginx',
    '  ports:',
    '  - port: 80',
    '    name: web',
    '---',
    'apiVersion: apps/v1',
    'kind: StatefulSet',
    'metadata:',
    '  name: web',
    'spec:',
    '  serviceName: nginx',
    `  replicas: ${spec.replicas}`,
    `  podManagementPolicy: ${spec.podManagementPolicy}`,
    '  persistentVolumeClaimRetentionPolicy:',
    `    whenScaled: ${spec.whenScaled}`,
    `    whenDeleted: ${spec.whenDeleted}`,
    '  selector:',
    '    matchLabels:',
    '      app: nginx',
    '  template:',
    '    metadata:',
    '      labels:',
    '        app: nginx',
    '    spec:',
    '      terminationGracePeriodSeconds: 10',
    '      containers:',
    '      - name: nginx',
    '        image: nginx:1.27',
    '        volumeMounts:',
    '        - name: www',
    '          mountPath: /usr/share/nginx/html',
    '  volumeClaimTemplates:',
    '  - metadata:',
    '      name: www',
    '    spec:',
    '      accessModes: ["ReadWriteOnce"]',
    '      resources:',
    '        requests:',
    '          storage: 1Gi',
    'EOF',
  ];
}

interface Target {
  setName: string;
  container: string;
  claimTemplate: string;
  mountPath: string;
  images: string[];
  deployName?: string;
}

const TARGETS: Record<Setup['scenario'], Target> = {
  compare: {
    setName: 'mysql',
    container: 'mysql',
    claimTemplate: 'data',
    mountPath: '/var/lib/mysql',
    images: ['mysql:8.0', 'mysql:8.4', 'mysql:9.1', 'mysql:broken'],
    deployName: 'mysql-deploy',
  },
  empty: { setName: 'web', container: 'nginx', claimTemplate: 'www', mountPath: '/usr/share/nginx/html', images: ['nginx:1.27', 'nginx:1.28', 'nginx:1.29', 'nginx:broken'] },
};

/** One property run: a scenario, a terminal, an invariant monitor and the transcript of what ran. */
export class PropertyRun {
  readonly cluster: Cluster;
  readonly monitor: InvariantMonitor;
  readonly terminal: Terminal;
  readonly transcript: string[] = [];
  /** Fingerprint of the state after each command (for the determinism property). */
  readonly fingerprints: string[] = [];
  /** Everything the terminal printed, in order. */
  log = '';
  private readonly target: Target;
  private output = '';
  private writes = 0;

  constructor(
    readonly setup: Setup,
    private readonly options: { fingerprints?: boolean; checkInvariants?: boolean } = {},
  ) {
    const started = startScenario(setup.scenario, setup.seed);
    this.cluster = started.cluster;
    this.target = TARGETS[setup.scenario];
    this.terminal = new Terminal(this.cluster, (t) => {
      this.output += t;
      this.log += t;
    });
    this.monitor = new InvariantMonitor(this.cluster);
    this.transcript.push(`# startScenario('${setup.scenario}', ${setup.seed})`);
    if (setup.scenario === 'empty') this.apply();
    this.check();
  }

  /** Runs the commands in order, checking the invariants; throws InvariantError at the first violation. */
  runAll(commands: readonly Command[]): this {
    for (const command of commands) this.run(command);
    return this;
  }

  run(command: Command): void {
    switch (command.type) {
      case 'scale': {
        const name = command.target === 'sts' ? this.target.setName : this.target.deployName;
        if (name) this.kubectl(`kubectl scale ${command.target} ${name} --replicas=${command.replicas}`);
        break;
      }
      case 'deletePod':
        this.deletePod(command);
        break;
      case 'advance':
        this.transcript.push(`# cluster.advance(${command.ms})`);
        this.cluster.advanceUntil(() => {
          this.check();
          return false;
        }, command.ms);
        break;
      case 'write':
        this.write(command.pick);
        break;
      case 'cordon':
        this.cordon(NODES[command.node % NODES.length]!, command.unschedulable);
        break;
      case 'kubelet': {
        const node = NODES[command.node % NODES.length]!;
        if (isKubeletStopped(this.cluster.ctx, node) === !command.running) break;
        this.monitor.nodeTrouble();
        this.transcript.push(`# ${command.running ? 'startKubeletOn' : 'stopKubeletOn'}(ctx, '${node}')`);
        if (command.running) startKubeletOn(this.cluster.ctx, node);
        else stopKubeletOn(this.cluster.ctx, node);
        this.cluster.settle();
        break;
      }
      case 'rollout':
        this.rollout(command);
        break;
      case 'deleteClaim': {
        const claims = this.cluster.api.list<PersistentVolumeClaim>('PersistentVolumeClaim', 'default');
        const pvc = claims[command.pick % Math.max(1, claims.length)];
        if (!pvc) break;
        this.monitor.userDeletedClaim('default', pvc.metadata.name);
        this.kubectl(`kubectl delete pvc ${pvc.metadata.name} --wait=false`);
        break;
      }
      case 'deleteSet':
        if (!this.cluster.api.get('StatefulSet', 'default', this.target.setName)) break;
        this.monitor.userDeletedStatefulSet('default', this.target.setName, command.orphan);
        this.kubectl(`kubectl delete sts ${this.target.setName} --wait=false${command.orphan ? ' --cascade=orphan' : ''}`);
        break;
      case 'applySet':
        if (this.setup.scenario === 'empty') this.apply();
        break;
    }
    this.check();
    if (this.options.fingerprints) this.fingerprints.push(stateFingerprint(this.cluster));
  }

  /** The transcript so far, one line per command (what a person would type to reproduce the run). */
  reproduction(): string {
    return this.transcript.join('\n');
  }

  private check(): void {
    if (this.options.checkInvariants === false) return;
    const violations = this.monitor.check();
    if (violations.length) this.fail(violations);
  }

  private fail(violations: Violation[]): never {
    const lines = violations.map((v) => `  [${v.invariant}] at ${v.atMs}ms: ${v.message}`);
    throw new InvariantError(`invariant violated:\n${lines.join('\n')}\nafter:\n${this.reproduction()}`);
  }

  private kubectl(line: string): string {
    this.output = '';
    this.transcript.push(line);
    this.terminal.feed(line);
    return this.output;
  }

  private apply(): void {
    if (this.setup.scenario !== 'empty') return;
    this.monitor.userRolledOut('default', 'web');
    this.output = '';
    const lines = webManifest(this.setup.set);
    this.transcript.push(...lines);
    for (const line of lines) this.terminal.feed(line);
    if (this.terminal.exitCode !== 0) throw new Error(`apply failed:\n${this.output}`);
  }

  private deletePod(command: Extract<Command, { type: 'deletePod' }>): void {
    const pods = this.cluster.api.list<Pod>('Pod', 'default');
    const pod = pods[command.pick % Math.max(1, pods.length)];
    if (!pod) return;
    this.monitor.userDeletedPod(pod);
    const flags = `${command.force ? ' --grace-period=0 --force' : ''}${command.wait ? '' : ' --wait=false'}`;
    this.kubectl(`kubectl delete pod ${pod.metadata.name}${flags}`);
  }

  private write(pick: number): void {
    const { setName, mountPath, claimTemplate } = this.target;
    const pods = this.cluster.api
      .list<Pod>('Pod', 'default')
      .filter((p) => p.metadata.name.startsWith(`${setName}-`) && p.metadata.labels?.['statefulset.kubernetes.io/pod-name'] && p.status?.phase === 'Running');
    const pod = pods[pick % Math.max(1, pods.length)];
    if (!pod) return;
    const n = ++this.writes;
    const content = `w${n}`;
    this.kubectl(`kubectl exec ${pod.metadata.name} -- sh -c 'echo ${content} > ${mountPath}/marker-${n}'`);
    if (this.terminal.exitCode !== 0) return;
    const claimName = pod.spec.volumes?.find((v) => v.name === claimTemplate)?.persistentVolumeClaim?.claimName;
    const pvName = claimName && this.cluster.api.get<PersistentVolumeClaim>('PersistentVolumeClaim', 'default', claimName)?.spec.volumeName;
    const volume = pvName ? pvVolumeId(pvName) : undefined;
    if (!volume || this.cluster.ctx.files.read(volume, `marker-${n}`) !== `${content}\n`) {
      this.fail([
        {
          invariant: 'volumeFiles',
          atMs: this.cluster.now(),
          message: `kubectl exec into ${pod.metadata.name} succeeded but marker-${n} is not on its claim ${claimName ?? '(none)'}'s volume ${volume ?? '(unbound)'}`,
        },
      ]);
    }
    this.monitor.wrote(volume, `marker-${n}`, `${content}\n`);
  }

  private cordon(node: string, unschedulable: boolean): void {
    const out = this.kubectl(`kubectl ${unschedulable ? 'cordon' : 'uncordon'} ${node}`);
    if (!out.includes('unknown command')) return;
    this.transcript.pop();
    this.kubectl(`kubectl patch node ${node} -p '{"spec":{"unschedulable":${unschedulable}}}'`);
  }

  private rollout(command: Extract<Command, { type: 'rollout' }>): void {
    const name = command.target === 'sts' ? this.target.setName : this.target.deployName;
    if (!name || !this.cluster.api.get(command.target === 'sts' ? 'StatefulSet' : 'Deployment', 'default', name)) return;
    const image = this.target.images[command.image % this.target.images.length]!;
    if (command.target === 'sts') this.monitor.userRolledOut('default', name);
    const patch = JSON.stringify({ spec: { template: { spec: { containers: [{ name: this.target.container, image }] } } } });
    this.kubectl(`kubectl patch ${command.target} ${name} -p '${patch}'`);
  }
}

/** Advance times from half a second to five minutes, mostly short. */
const advanceArb = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 500, max: 5_000 }) },
  { weight: 3, arbitrary: fc.integer({ min: 5_000, max: 60_000 }) },
  { weight: 1, arbitrary: fc.integer({ min: 60_000, max: 300_000 }) },
);

/** Commands for the `compare` scenario (StatefulSet and Deployment `mysql`). */
export function compareCommandArb(): fc.Arbitrary<Command> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.record({ type: fc.constant('scale' as const), target: fc.constantFrom('sts' as const, 'deploy' as const), replicas: fc.integer({ min: 0, max: 6 }) }) },
    { weight: 3, arbitrary: fc.record({ type: fc.constant('deletePod' as const), pick: fc.nat(40), force: fc.boolean(), wait: fc.boolean() }) },
    { weight: 6, arbitrary: fc.record({ type: fc.constant('advance' as const), ms: advanceArb }) },
    { weight: 3, arbitrary: fc.record({ type: fc.constant('write' as const), pick: fc.nat(40) }) },
    { weight: 1, arbitrary: fc.record({ type: fc.constant('cordon' as const), node: fc.nat(3), unschedulable: fc.boolean() }) },
    { weight: 1, arbitrary: fc.record({ type: fc.constant('kubelet' as const), node: fc.nat(3), running: fc.boolean() }) },
    { weight: 1, arbitrary: fc.record({ type: fc.constant('rollout' as const), target: fc.constantFrom('sts' as const, 'deploy' as const), image: fc.nat(3) }) },
  );
}

/** Commands for `web` in the `empty` scenario; adds deleting claims and deleting / re-applying the set. */
export function webCommandArb(): fc.Arbitrary<Command> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.record({ type: fc.constant('scale' as const), target: fc.constant('sts' as const), replicas: fc.integer({ min: 0, max: 6 }) }) },
    { weight: 3, arbitrary: fc.record({ type: fc.constant('deletePod' as const), pick: fc.nat(40), force: fc.boolean(), wait: fc.boolean() }) },
    { weight: 6, arbitrary: fc.record({ type: fc.constant('advance' as const), ms: advanceArb }) },
    { weight: 3, arbitrary: fc.record({ type: fc.constant('write' as const), pick: fc.nat(40) }) },
    { weight: 1, arbitrary: fc.record({ type: fc.constant('cordon' as const), node: fc.nat(3), unschedulable: fc.boolean() }) },
    { weight: 1, arbitrary: fc.record({ type: fc.constant('kubelet' as const), node: fc.nat(3), running: fc.boolean() }) },
    { weight: 1, arbitrary: fc.record({ type: fc.constant('rollout' as const), target: fc.constant('sts' as const), image: fc.nat(3) }) },
    { weight: 1, arbitrary: fc.record({ type: fc.constant('deleteClaim' as const), pick: fc.nat(40) }) },
    { weight: 1, arbitrary: fc.record({ type: fc.constant('deleteSet' as const), orphan: fc.boolean() }) },
    { weight: 1, arbitrary: fc.constant({ type: 'applySet' as const }) },
  );
}

/** The `web` set's policies and starting size. */
export function webSetArb(podManagementPolicy: PodManagementPolicy): fc.Arbitrary<WebSetSpec> {
  return fc.record({
    podManagementPolicy: fc.constant(podManagementPolicy),
    whenScaled: fc.constantFrom<RetentionPolicyType>('Retain', 'Delete'),
    whenDeleted: fc.constantFrom<RetentionPolicyType>('Retain', 'Delete'),
    replicas: fc.integer({ min: 0, max: 4 }),
  });
}

/** A simulator seed. */
export const seedArb = fc.integer({ min: 1, max: 0x7fffffff });
