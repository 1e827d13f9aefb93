/**
 * Pod slots inside node boxes, remembered between snapshots so a card never jumps because another pod
 * came or went. A StatefulSet pod's slot belongs to its identity (set and ordinal), not to the Pod object:
 * while `mysql-1` is being re-created its slot stays reserved on its node, and the new `mysql-1` lands
 * there. Every other pod's slot belongs to its uid and is freed when the pod is gone.
 */
import type { PodSnapshot, WorkloadSnapshot } from '../../protocol';
import type { LayoutState } from './model';
import { compareNatural, statefulSetOrdinal } from './views';

/** The identity that owns a slot: `sts:<ns>/<set>/<ordinal>` for a StatefulSet's pod, else `uid:<uid>`. */
export function slotKey(pod: PodSnapshot): string {
  if (pod.workloadKind === 'StatefulSet' && pod.workloadName) {
    const ordinal = statefulSetOrdinal(pod.name, pod.workloadName);
    if (ordinal !== null) return `sts:${pod.namespace}/${pod.workloadName}/${ordinal}`;
  }
  return `uid:${pod.uid}`;
}

/** Whether a StatefulSet identity with no pod right now is still wanted (its ordinal is below replicas). */
function isIdentityWanted(key: string, workloads: readonly WorkloadSnapshot[]): boolean {
  const match = /^sts:([^/]+)\/([^/]+)\/(\d+)$/.exec(key);
  if (!match) return false;
  const [, namespace, name, ordinal] = match;
  const set = workloads.find((w) => w.kind === 'StatefulSet' && w.namespace === namespace && w.name === name);
  return set !== undefined && Number(ordinal) < set.replicas;
}

/** A pod with what it sorts by, computed once per layout rather than once per comparison. */
interface Sortable {
  pod: PodSnapshot;
  isStatefulSet: boolean;
  key: string;
}

/** Each pod's sort entry, made once per pod snapshot (the client keeps an unchanged pod's object). */
const sortables = new WeakMap<PodSnapshot, Sortable & { slotKey: string }>();

function sortableOf(pod: PodSnapshot): Sortable & { slotKey: string } {
  let entry = sortables.get(pod);
  if (!entry) {
    entry = {
      pod,
      isStatefulSet: pod.workloadKind === 'StatefulSet',
      key: `${pod.namespace}/${pod.name}`,
      slotKey: slotKey(pod),
    };
    sortables.set(pod, entry);
  }
  return entry;
}

/** StatefulSet pods first (by set and ordinal), then the rest by creation time and name. */
function assignmentOrder(a: Sortable, b: Sortable): number {
  if (a.isStatefulSet !== b.isStatefulSet) return a.isStatefulSet ? -1 : 1;
  const ta = a.pod.creationTimestamp;
  const tb = b.pod.creationTimestamp;
  if (!a.isStatefulSet && ta !== tb) return ta < tb ? -1 : 1;
  return compareNatural(a.key, b.key);
}

/** What the last assignment was made from, and what it gave. */
let lastAssignment: {
  slots: LayoutState['slots'];
  /** uid, node and slot key of every pod, in order; the node names; StatefulSet replicas. */
  inputs: string[];
  result: { layout: LayoutState; slotOf: Map<string, number> };
} | null = null;

function assignmentInputs(
  pods: readonly PodSnapshot[],
  nodeNames: readonly string[],
  workloads: readonly WorkloadSnapshot[],
): string[] {
  const inputs: string[] = [];
  for (const pod of pods) inputs.push(pod.uid, pod.nodeName ?? '', sortableOf(pod).slotKey);
  inputs.push('|', ...nodeNames, '|');
  for (const w of workloads) if (w.kind === 'StatefulSet') inputs.push(`${w.namespace}/${w.name}=${w.replicas}`);
  return inputs;
}

/**
 * The slots of `pods` on `nodeNames`, given the slots remembered in `previous`. Returns the new layout
 * state and each scheduled pod's slot index by uid. Pure: the same slots, pods (by uid, node and slot
 * key), nodes and StatefulSet sizes as last time give last time's answer (most snapshots only change
 * what pods show, not where they are).
 */
export function assignSlots(
  previous: LayoutState,
  pods: readonly PodSnapshot[],
  nodeNames: readonly string[],
  workloads: readonly WorkloadSnapshot[],
): { layout: LayoutState; slotOf: Map<string, number> } {
  const inputs = assignmentInputs(pods, nodeNames, workloads);
  if (
    lastAssignment &&
    lastAssignment.slots === previous.slots &&
    lastAssignment.inputs.length === inputs.length &&
    lastAssignment.inputs.every((x, i) => x === inputs[i])
  )
    return lastAssignment.result;
  const result = assignFresh(previous, pods, nodeNames, workloads);
  lastAssignment = { slots: result.layout.slots, inputs, result };
  return result;
}

function assignFresh(
  previous: LayoutState,
  pods: readonly PodSnapshot[],
  nodeNames: readonly string[],
  workloads: readonly WorkloadSnapshot[],
): { layout: LayoutState; slotOf: Map<string, number> } {
  const keyOf = new Map<string, string>();
  const nodeOfKey = new Map<string, string | null>();
  for (const pod of pods) {
    let key = sortableOf(pod).slotKey;
    if (nodeOfKey.has(key)) key = `uid:${pod.uid}`;
    keyOf.set(pod.uid, key);
    nodeOfKey.set(key, pod.nodeName);
  }

  const slots: Record<string, string[]> = {};
  for (const nodeName of nodeNames) {
    slots[nodeName] = (previous.slots[nodeName] ?? []).map((key) => {
      if (!key) return '';
      if (nodeOfKey.has(key)) {
        // Keep the slot while the identity is here or not placed anywhere yet; free it once it lands elsewhere.
        const at = nodeOfKey.get(key);
        return at === nodeName || at === null ? key : '';
      }
      return isIdentityWanted(key, workloads) ? key : '';
    });
  }

  const slotOf = new Map<string, number>();
  const scheduled = pods
    .filter((p) => p.nodeName !== null && slots[p.nodeName])
    .map(sortableOf)
    .sort(assignmentOrder);
  for (const { pod } of scheduled) {
    const row = slots[pod.nodeName!]!;
    const key = keyOf.get(pod.uid)!;
    let index = row.indexOf(key);
    if (index < 0) {
      index = row.indexOf('');
      if (index < 0) index = row.length;
      row[index] = key;
    }
    slotOf.set(pod.uid, index);
  }

  for (const nodeName of nodeNames) {
    const row = slots[nodeName]!;
    while (row.length > 0 && row[row.length - 1] === '') row.pop();
  }
  return { layout: { slots }, slotOf };
}
