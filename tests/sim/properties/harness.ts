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
import type { Deployment, StatefulSet } from '../../../src/sim/api/apps';
import type { Node, Pod, PersistentVolumeClaim } from '../../../src/sim/api/core';
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
export type Setup =
  { scenario: 'compare'; seed: number } | { scenario: 'empty'; seed: number; set: WebSetSpec };

export type Command =
  | { type: 'scale'; target: 'sts' | 'deploy'; replicas: number }
  | { type: 'deletePod'; pick: number; force: boolean; wait: boolean }
  | { type: 'advance'; ms: number }
  | { type: 'write'; pick: number }
  | { type: 'cordon'; node: number; unschedulable: boolean }
  | { type: 'kubelet'; node: number; running: boolean }
  | { type: 'zone'; zone: number; up: boolean }
  | { type: 'rollout'; target: 'sts' | 'deploy'; image: number }
  | { type: 'deleteClaim'; pick: number }
  | { type: 'deleteSet'; orphan: boolean }
  | { type: 'applySet' }
  | { type: 'deleteAllPods'; force: boolean }
  | { type: 'patchSet'; field: SetPatch; value: number }
  | { type: 'drain'; node: number }
  | { type: 'rolloutCommand'; action: 'restart' | 'undo' };

/** StatefulSet spec fields the property tests patch besides the template and replicas. */
export type SetPatch = 'partition' | 'updateStrategy' | 'ordinalsStart' | 'whenScaled' | 'whenDeleted';

const NODES = ['node-1', 'node-2', 'node-3', 'node-4'];
const ZONES = ['zone-a', 'zone-b'];
const zoneArb = fc.record({ type: fc.constant('zone' as const), zone: fc.nat(1), up: fc.boolean() });

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
  empty: {
    setName: 'web',
    container: 'nginx',
    claimTemplate: 'www',
    mountPath: '/usr/share/nginx/html',
    images: ['nginx:1.27', 'nginx:1.28', 'nginx:1.29', 'nginx:broken'],
  },
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
      case 'zone': {
        // `sim zone down|up`: every node of the zone loses power or comes back (their kubelets stop/start).
        this.monitor.nodeTrouble();
        this.kubectl(`sim zone ${command.up ? 'up' : 'down'} ${ZONES[command.zone % ZONES.length]}`);
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
        this.kubectl(
          `kubectl delete sts ${this.target.setName} --wait=false${command.orphan ? ' --cascade=orphan' : ''}`,
        );
        break;
      case 'applySet':
        if (this.setup.scenario === 'empty') this.apply();
        break;
      case 'deleteAllPods':
        this.deleteAllPods(command.force);
        break;
      case 'patchSet':
        this.patchSet(command.field, command.value);
        break;
      case 'drain':
        this.drain(NODES[command.node % NODES.length]!);
        break;
      case 'rolloutCommand':
        this.monitor.userReshaped('default', this.target.setName);
        this.kubectl(`kubectl rollout ${command.action} sts/${this.target.setName}`);
        break;
    }
    this.check();
    if (this.options.fingerprints) this.fingerprints.push(stateFingerprint(this.cluster));
  }

  /**
   * Ends every disturbance the commands can leave behind, the way an operator would: starts every kubelet,
   * uncordons every node, re-applies a deleted set, lifts the partition, rolls back to a good image, then
   * (the documented forced rollback) deletes the set's pods that are still not Ready after a minute, and
   * gives the cluster fifteen minutes.
   */
  heal(): this {
    const commands: Command[] = [];
    NODES.forEach((_, node) =>
      commands.push({ type: 'kubelet', node, running: true }, { type: 'cordon', node, unschedulable: false }),
    );
    if (
      this.setup.scenario === 'empty' &&
      !this.cluster.api.get('StatefulSet', 'default', this.target.setName)
    )
      commands.push({ type: 'applySet' });
    commands.push(
      { type: 'patchSet', field: 'updateStrategy', value: 0 },
      { type: 'patchSet', field: 'partition', value: 0 },
      { type: 'rollout', target: 'sts', image: 1 },
      { type: 'rollout', target: 'deploy', image: 1 },
      { type: 'advance', ms: 60_000 },
    );
    this.runAll(commands);
    for (const pod of this.setPods()) {
      if (pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True')) continue;
      this.monitor.userDeletedPod(pod);
      this.kubectl(`kubectl delete pod ${pod.metadata.name} --wait=false`);
    }
    this.run({ type: 'advance', ms: 15 * 60_000 });
    return this;
  }

  /** What keeps the cluster from having converged (empty when it has); see `heal`. */
  convergenceProblems(): string[] {
    const { api } = this.cluster;
    const problems: string[] = [];
    const isReady = (p: Pod) =>
      p.status?.phase === 'Running' &&
      (p.status.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
    const set = api.get<StatefulSet>('StatefulSet', 'default', this.target.setName);
    if (set) {
      const start = set.spec.ordinals?.start ?? 0;
      const want = Array.from(
        { length: set.spec.replicas ?? 1 },
        (_, i) => `${set.metadata.name}-${start + i}`,
      );
      const have = this.setPods().map((p) => p.metadata.name);
      const unready = this.setPods()
        .filter((p) => !isReady(p) || p.metadata.deletionTimestamp)
        .map((p) => p.metadata.name);
      if (JSON.stringify(have) !== JSON.stringify([...want].sort()) || unready.length) {
        problems.push(
          `StatefulSet ${set.metadata.name} wants ${JSON.stringify(want)} Ready; has ${JSON.stringify(have)}${unready.length ? `, not Ready: ${unready.join(', ')}` : ''}`,
        );
      }
    }
    const deploy =
      this.target.deployName && api.get<Deployment>('Deployment', 'default', this.target.deployName);
    if (deploy && (deploy.status?.readyReplicas ?? 0) !== (deploy.spec.replicas ?? 1)) {
      problems.push(
        `Deployment ${deploy.metadata.name} has ${deploy.status?.readyReplicas ?? 0} of ${deploy.spec.replicas ?? 1} Ready`,
      );
    }
    for (const pod of api.list<Pod>('Pod'))
      if (pod.metadata.deletionTimestamp) problems.push(`pod ${pod.metadata.name} is still terminating`);
    // A claim no pod uses may stay Pending (WaitForFirstConsumer); one a pod uses must be Bound.
    const used = new Set(
      api
        .list<Pod>('Pod')
        .flatMap((p) =>
          (p.spec.volumes ?? []).flatMap((v) =>
            v.persistentVolumeClaim ? [`${p.metadata.namespace}/${v.persistentVolumeClaim.claimName}`] : [],
          ),
        ),
    );
    for (const pvc of api.list<PersistentVolumeClaim>('PersistentVolumeClaim')) {
      if (used.has(`${pvc.metadata.namespace}/${pvc.metadata.name}`) && pvc.status?.phase !== 'Bound')
        problems.push(`PVC ${pvc.metadata.name}, used by a pod, is ${pvc.status?.phase ?? 'Pending'}`);
    }
    const needed = new Set<string>();
    for (const pod of api.list<Pod>('Pod')) {
      for (const v of pod.spec.volumes ?? []) {
        const pv =
          v.persistentVolumeClaim &&
          api.get<PersistentVolumeClaim>(
            'PersistentVolumeClaim',
            pod.metadata.namespace,
            v.persistentVolumeClaim.claimName,
          )?.spec.volumeName;
        if (pv && pod.spec.nodeName) needed.add(`${pod.spec.nodeName} ${pv}`);
      }
    }
    for (const node of api.list<Node>('Node')) {
      const names = [
        ...(node.status.volumesAttached ?? []).map((v) => v.name),
        ...(node.status.volumesInUse ?? []),
      ];
      for (const name of new Set(names)) {
        const pv = name.slice(name.lastIndexOf('^') + 1);
        if (!needed.has(`${node.metadata.name} ${pv}`))
          problems.push(
            `volume ${pv} is still attached to or in use on ${node.metadata.name}, where no pod needs it`,
          );
      }
    }
    return problems;
  }

  private setPods(): Pod[] {
    return this.cluster.api
      .list<Pod>('Pod', 'default')
      .filter(
        (p) =>
          ordinalOf(this.target.setName, p.metadata.name) !== undefined &&
          p.metadata.labels?.['statefulset.kubernetes.io/pod-name'] !== undefined,
      );
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
    this.monitor.userReshaped('default', 'web');
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

  private deleteAllPods(force: boolean): void {
    const app = this.setup.scenario === 'compare' ? 'mysql' : 'nginx';
    for (const pod of this.cluster.api.list<Pod>('Pod', 'default'))
      if (pod.metadata.labels?.['app'] === app) this.monitor.userDeletedPod(pod);
    this.kubectl(`kubectl delete pods -l app=${app} --wait=false${force ? ' --grace-period=0 --force' : ''}`);
  }

  /** `kubectl drain`: evicts the node's pods (user deletions) and cordons it; waits at most two minutes. */
  private drain(node: string): void {
    for (const pod of this.cluster.api.list<Pod>('Pod', 'default'))
      if (pod.spec.nodeName === node) this.monitor.userDeletedPod(pod);
    this.kubectl(`kubectl drain ${node} --ignore-daemonsets --delete-emptydir-data --timeout=120s`);
  }

  private patchSet(field: SetPatch, value: number): void {
    const patches: Record<SetPatch, unknown> = {
      partition: { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: value } } },
      updateStrategy:
        value % 2
          ? { updateStrategy: { type: 'OnDelete', rollingUpdate: null } }
          : { updateStrategy: { type: 'RollingUpdate' } },
      ordinalsStart: { ordinals: { start: value } },
      whenScaled: { persistentVolumeClaimRetentionPolicy: { whenScaled: value % 2 ? 'Delete' : 'Retain' } },
      whenDeleted: { persistentVolumeClaimRetentionPolicy: { whenDeleted: value % 2 ? 'Delete' : 'Retain' } },
    };
    // Moving the ordinal window condemns Ready pods below it and brings back lower ordinals after higher ones:
    // like a hand deletion, the set is out of order until it settles.
    if (field === 'ordinalsStart') this.monitor.userReshaped('default', this.target.setName);
    this.kubectl(`kubectl patch sts ${this.target.setName} -p '${JSON.stringify({ spec: patches[field] })}'`);
  }

  private write(pick: number): void {
    const { setName, mountPath, claimTemplate } = this.target;
    const pods = this.cluster.api
      .list<Pod>('Pod', 'default')
      .filter(
        (p) =>
          p.metadata.name.startsWith(`${setName}-`) &&
          p.metadata.labels?.['statefulset.kubernetes.io/pod-name'] &&
          p.status?.phase === 'Running',
      );
    const pod = pods[pick % Math.max(1, pods.length)];
    if (!pod) return;
    const n = ++this.writes;
    const content = `w${n}`;
    this.kubectl(`kubectl exec ${pod.metadata.name} -- sh -c 'echo ${content} > ${mountPath}/marker-${n}'`);
    if (this.terminal.exitCode !== 0) return;
    const claimName = pod.spec.volumes?.find((v) => v.name === claimTemplate)?.persistentVolumeClaim
      ?.claimName;
    const pvName =
      claimName &&
      this.cluster.api.get<PersistentVolumeClaim>('PersistentVolumeClaim', 'default', claimName)?.spec
        .volumeName;
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
    if (
      !name ||
      !this.cluster.api.get(command.target === 'sts' ? 'StatefulSet' : 'Deployment', 'default', name)
    )
      return;
    const image = this.target.images[command.image % this.target.images.length]!;
    if (command.target === 'sts') this.monitor.userReshaped('default', name);
    const patch = JSON.stringify({
      spec: { template: { spec: { containers: [{ name: this.target.container, image }] } } },
    });
    this.kubectl(`kubectl patch ${command.target} ${name} -p '${patch}'`);
  }
}

function ordinalOf(setName: string, podName: string): number | undefined {
  const m = new RegExp(`^${setName}-(0|[1-9]\\d*)$`).exec(podName);
  return m ? Number(m[1]) : undefined;
}

/** Advance times from half a second to five minutes, mostly short. */
const advanceArb = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 500, max: 5_000 }) },
  { weight: 3, arbitrary: fc.integer({ min: 5_000, max: 60_000 }) },
  { weight: 1, arbitrary: fc.integer({ min: 60_000, max: 300_000 }) },
);

const patchSetArb = fc.record({
  type: fc.constant('patchSet' as const),
  field: fc.constantFrom<SetPatch>(
    'partition',
    'updateStrategy',
    'ordinalsStart',
    'whenScaled',
    'whenDeleted',
  ),
  value: fc.nat(4),
});

const drainArb = fc.record({ type: fc.constant('drain' as const), node: fc.nat(3) });
const rolloutCommandArb = fc.record({
  type: fc.constant('rolloutCommand' as const),
  action: fc.constantFrom('restart' as const, 'undo' as const),
});

/** The commands both scenarios draw from; `targets` are the workloads scale and rollout act on. */
function sharedCommandArbs(targets: readonly ('sts' | 'deploy')[]): fc.WeightedArbitrary<Command>[] {
  return [
    {
      weight: 3,
      arbitrary: fc.record({
        type: fc.constant('scale' as const),
        target: fc.constantFrom(...targets),
        replicas: fc.integer({ min: 0, max: 6 }),
      }),
    },
    {
      weight: 3,
      arbitrary: fc.record({
        type: fc.constant('deletePod' as const),
        pick: fc.nat(40),
        force: fc.boolean(),
        wait: fc.boolean(),
      }),
    },
    { weight: 6, arbitrary: fc.record({ type: fc.constant('advance' as const), ms: advanceArb }) },
    { weight: 3, arbitrary: fc.record({ type: fc.constant('write' as const), pick: fc.nat(40) }) },
    {
      weight: 1,
      arbitrary: fc.record({ type: fc.constant('cordon' as const), node: fc.nat(3), unschedulable: fc.boolean() }),
    },
    {
      weight: 1,
      arbitrary: fc.record({ type: fc.constant('kubelet' as const), node: fc.nat(3), running: fc.boolean() }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        type: fc.constant('rollout' as const),
        target: fc.constantFrom(...targets),
        image: fc.nat(3),
      }),
    },
    { weight: 1, arbitrary: fc.record({ type: fc.constant('deleteAllPods' as const), force: fc.boolean() }) },
    { weight: 1, arbitrary: drainArb },
    { weight: 1, arbitrary: rolloutCommandArb },
    { weight: 1, arbitrary: zoneArb },
  ];
}

/** Commands for the `compare` scenario (StatefulSet and Deployment `mysql`). */
export function compareCommandArb(): fc.Arbitrary<Command> {
  return fc.oneof(...sharedCommandArbs(['sts', 'deploy']), { weight: 1, arbitrary: patchSetArb });
}

/** Commands for `web` in the `empty` scenario; adds deleting claims and deleting / re-applying the set. */
export function webCommandArb(): fc.Arbitrary<Command> {
  return fc.oneof(
    ...sharedCommandArbs(['sts']),
    { weight: 1, arbitrary: fc.record({ type: fc.constant('deleteClaim' as const), pick: fc.nat(40) }) },
    { weight: 1, arbitrary: fc.record({ type: fc.constant('deleteSet' as const), orphan: fc.boolean() }) },
    { weight: 1, arbitrary: fc.constant({ type: 'applySet' as const }) },
    { weight: 2, arbitrary: patchSetArb },
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
