/**
 * Tab completion for the console, as bash with kubectl's completion script offers it: host commands, kubectl
 * verbs, resource types (a short name such as `po` expands to `pods`), and object names from the latest
 * snapshot, namespace-aware (`-n`, `-A`). A pure function of the line and the known names.
 */
import type { ClusterSnapshot } from '../../protocol';

/** A resource type as kubectl names it (mirrors the simulator's api/kinds.ts; a test keeps them equal). */
export interface KindInfo {
  kind: string;
  /** Plural resource name (`statefulsets`): what completion offers. */
  plural: string;
  singular: string;
  shortNames: readonly string[];
  namespaced: boolean;
}

export const KINDS: readonly KindInfo[] = [
  { kind: 'Namespace', plural: 'namespaces', singular: 'namespace', shortNames: ['ns'], namespaced: false },
  { kind: 'Node', plural: 'nodes', singular: 'node', shortNames: ['no'], namespaced: false },
  { kind: 'Pod', plural: 'pods', singular: 'pod', shortNames: ['po'], namespaced: true },
  { kind: 'Service', plural: 'services', singular: 'service', shortNames: ['svc'], namespaced: true },
  {
    kind: 'PersistentVolumeClaim',
    plural: 'persistentvolumeclaims',
    singular: 'persistentvolumeclaim',
    shortNames: ['pvc'],
    namespaced: true,
  },
  {
    kind: 'PersistentVolume',
    plural: 'persistentvolumes',
    singular: 'persistentvolume',
    shortNames: ['pv'],
    namespaced: false,
  },
  { kind: 'Event', plural: 'events', singular: 'event', shortNames: ['ev'], namespaced: true },
  { kind: 'ConfigMap', plural: 'configmaps', singular: 'configmap', shortNames: ['cm'], namespaced: true },
  {
    kind: 'StatefulSet',
    plural: 'statefulsets',
    singular: 'statefulset',
    shortNames: ['sts'],
    namespaced: true,
  },
  {
    kind: 'Deployment',
    plural: 'deployments',
    singular: 'deployment',
    shortNames: ['deploy'],
    namespaced: true,
  },
  { kind: 'ReplicaSet', plural: 'replicasets', singular: 'replicaset', shortNames: ['rs'], namespaced: true },
  {
    kind: 'ControllerRevision',
    plural: 'controllerrevisions',
    singular: 'controllerrevision',
    shortNames: [],
    namespaced: true,
  },
  {
    kind: 'StorageClass',
    plural: 'storageclasses',
    singular: 'storageclass',
    shortNames: ['sc'],
    namespaced: false,
  },
  {
    kind: 'EndpointSlice',
    plural: 'endpointslices',
    singular: 'endpointslice',
    shortNames: [],
    namespaced: true,
  },
  {
    kind: 'PodDisruptionBudget',
    plural: 'poddisruptionbudgets',
    singular: 'poddisruptionbudget',
    shortNames: ['pdb'],
    namespaced: true,
  },
  { kind: 'Lease', plural: 'leases', singular: 'lease', shortNames: [], namespaced: true },
  {
    kind: 'VolumeSnapshot',
    plural: 'volumesnapshots',
    singular: 'volumesnapshot',
    shortNames: ['vs'],
    namespaced: true,
  },
  {
    kind: 'VolumeSnapshotClass',
    plural: 'volumesnapshotclasses',
    singular: 'volumesnapshotclass',
    shortNames: ['vsclass', 'vsclasses'],
    namespaced: false,
  },
  {
    kind: 'VolumeSnapshotContent',
    plural: 'volumesnapshotcontents',
    singular: 'volumesnapshotcontent',
    shortNames: ['vsc', 'vscs'],
    namespaced: false,
  },
];

/** The kubectl verbs the simulator runs (a test keeps them equal to its command table). */
export const KUBECTL_VERBS: readonly string[] = [
  'annotate',
  'api-resources',
  'apply',
  'cluster-info',
  'cordon',
  'create',
  'delete',
  'describe',
  'diff',
  'drain',
  'exec',
  'get',
  'label',
  'logs',
  'patch',
  'rollout',
  'run',
  'scale',
  'set',
  'taint',
  'uncordon',
  'version',
  'wait',
];

/** The commands the terminal runs besides kubectl (src/sim/terminal/builtins.ts). */
export const HOST_COMMANDS: readonly string[] = [
  'cat',
  'clear',
  'echo',
  'export',
  'false',
  'grep',
  'head',
  'k',
  'kubectl',
  'sim',
  'sleep',
  'tail',
  'true',
  'wc',
];

/** Verbs whose first argument is a resource type, the next ones names of that type. */
const TYPE_VERBS = new Set([
  'annotate',
  'delete',
  'describe',
  'get',
  'label',
  'patch',
  'scale',
  'taint',
  'wait',
]);
/** Verbs whose first argument is a pod. */
const POD_VERBS = new Set(['exec', 'logs']);
/** Verbs whose arguments are nodes. */
const NODE_VERBS = new Set(['cordon', 'drain', 'uncordon']);
/** Second words of verbs that group subcommands. */
const SUBCOMMANDS: Record<string, readonly string[]> = {
  rollout: ['history', 'pause', 'restart', 'resume', 'status', 'undo'],
  create: ['deployment', 'namespace', 'poddisruptionbudget', 'service'],
  set: ['image'],
};
/** Flags that take the next word as their value. */
const VALUE_FLAGS = new Set([
  '-n',
  '--namespace',
  '-o',
  '--output',
  '-l',
  '--selector',
  '-c',
  '--container',
  '-f',
  '--filename',
]);
/** Common flags offered after a verb. */
const VERB_FLAGS: Record<string, readonly string[]> = {
  get: ['--all-namespaces', '--output', '--selector', '--show-labels', '--watch'],
  delete: ['--force', '--grace-period=0', '--wait=false'],
  drain: ['--delete-emptydir-data', '--force', '--ignore-daemonsets'],
  scale: ['--replicas='],
  describe: ['--all-namespaces', '--selector'],
};

/** A named object completion can offer; `namespace` is null for cluster-scoped kinds and zones. */
export interface NamedObject {
  namespace: string | null;
  name: string;
}

/** The names completion knows, by kind (`Pod`, `Node`, ..., and `Zone` for `sim zone`). */
export type CompletionNames = Readonly<Record<string, readonly NamedObject[]>>;

/** The result of pressing Tab: the new line, and the candidates to list when more than one fits. */
export interface Completion {
  line: string;
  candidates: string[];
}

/** The names a snapshot offers: its pods, nodes, zones, volumes, Services and workloads. */
export function completionNames(snapshot: ClusterSnapshot | null | undefined): CompletionNames {
  if (!snapshot) return {};
  const zones = [...new Set(snapshot.nodes.map((n) => n.zone).filter((z): z is string => z !== null))].sort();
  const namespaces = new Set(['default', 'kube-system']);
  for (const o of [...snapshot.pods, ...snapshot.services, ...snapshot.pvcs]) namespaces.add(o.namespace);
  return {
    Pod: snapshot.pods.map(({ namespace, name }) => ({ namespace, name })),
    Node: snapshot.nodes.map(({ name }) => ({ namespace: null, name })),
    Zone: zones.map((name) => ({ namespace: null, name })),
    Namespace: [...namespaces].sort().map((name) => ({ namespace: null, name })),
    PersistentVolumeClaim: snapshot.pvcs.map(({ namespace, name }) => ({ namespace, name })),
    PersistentVolume: snapshot.pvs.map(({ name }) => ({ namespace: null, name })),
    Service: snapshot.services.map(({ namespace, name }) => ({ namespace, name })),
    StatefulSet: snapshot.workloads
      .filter((w) => w.kind === 'StatefulSet')
      .map(({ namespace, name }) => ({ namespace, name })),
    Deployment: snapshot.workloads
      .filter((w) => w.kind === 'Deployment')
      .map(({ namespace, name }) => ({ namespace, name })),
  };
}

/** The resource type a typed word names (`po`, `pod`, `pods`, `Pod`, `statefulsets.apps`), if any. */
export function resolveKind(word: string): KindInfo | undefined {
  const base = word.toLowerCase().split('.')[0] ?? '';
  return KINDS.find(
    (k) =>
      k.plural === base ||
      k.singular === base ||
      k.kind.toLowerCase() === base ||
      k.shortNames.includes(base),
  );
}

function commonPrefix(words: readonly string[]): string {
  if (!words.length) return '';
  let prefix = words[0]!;
  for (const w of words) while (!w.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}

function unique(words: readonly string[]): string[] {
  return [...new Set(words)].sort();
}

/** What the line says about namespaces: `-n X` / `--namespace=X`, or all with `-A`. */
function namespaceOf(words: readonly string[]): string | null {
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w === '-A' || w === '--all-namespaces') return null;
    if ((w === '-n' || w === '--namespace') && words[i + 1]) return words[i + 1]!;
    if (w.startsWith('--namespace=')) return w.slice('--namespace='.length);
    if (w.startsWith('-n') && w.length > 2 && !w.startsWith('--')) return w.slice(2);
  }
  return 'default';
}

function namesOf(names: CompletionNames, kind: string, namespace: string | null): string[] {
  return (names[kind] ?? [])
    .filter((o) => o.namespace === null || namespace === null || o.namespace === namespace)
    .map((o) => o.name);
}

/** The positional arguments after the command name, skipping flags and their values. */
function positionals(words: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w === '--') break;
    if (w.startsWith('-')) {
      if (VALUE_FLAGS.has(w)) i++;
      continue;
    }
    out.push(w);
  }
  return out;
}

/** Candidates for a resource type word; an exact short name (`po`) or kind (`Pod`) expands to its plural. */
function kindCandidates(current: string): string[] {
  const alias = KINDS.find((k) => k.shortNames.includes(current.toLowerCase()) || k.kind === current);
  if (alias) return [alias.plural];
  return startingWith([...KINDS.map((k) => k.plural), 'all'], current);
}

function startingWith(words: readonly string[], prefix: string): string[] {
  return words.filter((w) => w.startsWith(prefix));
}

/** Candidates for the word being typed after `kubectl`, given the words before it. */
function kubectlCandidates(before: readonly string[], current: string, names: CompletionNames): string[] {
  const previous = before[before.length - 1];
  const namespace = namespaceOf([...before, current]);
  if (previous === '-n' || previous === '--namespace')
    return startingWith(namesOf(names, 'Namespace', null), current);
  if (before.includes('--')) return [];
  const args = positionals(before);
  const verb = args[0];
  if (verb === undefined) return current.startsWith('-') ? [] : startingWith(KUBECTL_VERBS, current);
  if (current.startsWith('-')) return startingWith(VERB_FLAGS[verb] ?? [], current);
  let rest = args.slice(1);
  const subcommands = SUBCOMMANDS[verb];
  if (subcommands) {
    if (rest.length === 0) return startingWith(subcommands, current);
    if (verb !== 'rollout') return [];
    rest = rest.slice(1);
  }
  if (POD_VERBS.has(verb))
    return rest.length === 0 ? startingWith(namesOf(names, 'Pod', namespace), current) : [];
  if (NODE_VERBS.has(verb)) return startingWith(namesOf(names, 'Node', namespace), current);
  if (!TYPE_VERBS.has(verb) && verb !== 'rollout') return [];
  if (current.includes('/')) {
    const slash = current.indexOf('/');
    const typed = current.slice(0, slash);
    const kind = resolveKind(typed);
    if (!kind) return [];
    return startingWith(namesOf(names, kind.kind, namespace), current.slice(slash + 1)).map(
      (n) => `${typed}/${n}`,
    );
  }
  const typeWord = rest[0];
  if (typeWord === undefined) return kindCandidates(current);
  if (typeWord.includes('/') || typeWord.includes(',')) return [];
  const kind = resolveKind(typeWord);
  return kind ? startingWith(namesOf(names, kind.kind, namespace), current) : [];
}

/** Candidates for the word being typed after `sim`. */
function simCandidates(before: readonly string[], current: string, names: CompletionNames): string[] {
  const [noun, verb] = before;
  if (noun === undefined) return startingWith(['help', 'node', 'zone'], current);
  if (noun !== 'node' && noun !== 'zone') return [];
  if (verb === undefined) return startingWith(noun === 'node' ? ['start', 'stop'] : ['down', 'up'], current);
  if (before.length > 2) return [];
  return startingWith(namesOf(names, noun === 'node' ? 'Node' : 'Zone', null), current);
}

/**
 * Completes the last word of `line` (the cursor is at its end). One candidate: the word is replaced and a
 * space follows (none after `TYPE/` or a flag ending in `=`). Several: the word grows to their longest common
 * prefix and the candidates are returned for listing. None: the line is unchanged.
 */
export function complete(line: string, names: CompletionNames): Completion {
  const cut = Math.max(line.lastIndexOf(' '), line.lastIndexOf('\t'));
  const head = line.slice(0, cut + 1);
  const current = line.slice(cut + 1);
  const words = head.split(/\s+/).filter(Boolean);
  // Complete only the current simple command: the words after the last `|`, `;`, `&&` or `||`.
  const start = Math.max(...['|', ';', '&&', '||'].map((op) => words.lastIndexOf(op))) + 1;
  const command = words.slice(start);
  let candidates: string[];
  if (command.length === 0) candidates = startingWith(HOST_COMMANDS, current);
  else if (command[0] === 'kubectl' || command[0] === 'k')
    candidates = kubectlCandidates(command.slice(1), current, names);
  else if (command[0] === 'sim') candidates = simCandidates(command.slice(1), current, names);
  else candidates = [];
  const matches = unique(candidates);
  if (matches.length === 0) return { line, candidates: [] };
  if (matches.length === 1) {
    const only = matches[0]!;
    const open = only.endsWith('=') || only.endsWith('/');
    return { line: head + only + (open ? '' : ' '), candidates: [] };
  }
  return { line: head + commonPrefix(matches), candidates: matches };
}
