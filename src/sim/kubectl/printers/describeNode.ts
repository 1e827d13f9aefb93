// Mirrors NodeDescriber.Describe, describeNode, describeNodeLease and describeNodeResource in
// staging/src/k8s.io/kubectl/pkg/describe/describe.go. Simplified: requests and limits are summed with the
// small quantity helper in quantity.ts; hugepages and extended resources show what the node lists.
import type { Node, Pod } from '../../api/core';
import type { Lease } from '../../api/other';
import type { ApiServer } from '../../apiserver/store';
import { age } from './duration';
import { findNodeRoles } from './columns';
import { describeEvents, formatRFC1123Z, printAnnotationsMultiline, printLabelsMultiline, printTaintsMultiline, searchEvents } from './describeHelpers';
import { formatQuantity, parseQuantity, podRequestsAndLimits, type Quantity } from './quantity';
import { LEVEL_0, LEVEL_1, type PrefixWriter, tabbedString } from './prefixWriter';

const NODE_LEASE_NAMESPACE = 'kube-node-lease';
const STANDARD = new Set(['cpu', 'memory', 'ephemeral-storage', 'storage', 'pods']);

/** `0 (0%)`: an amount and its integer percentage of the allocatable amount. */
function fraction(q: Quantity | undefined, allocatable: Quantity): string {
  const value = q ?? { value: 0, binary: false };
  const percent = allocatable.value ? Math.trunc((value.value / allocatable.value) * 100) : 0;
  return `${formatQuantity(value)} (${percent}%)`;
}

function describeNodeLease(api: ApiServer, node: Node, w: PrefixWriter): void {
  const lease = api.get<Lease>('Lease', NODE_LEASE_NAMESPACE, node.metadata.name);
  if (!lease) {
    w.write(LEVEL_0, `Lease:\tFailed to get lease: leases.coordination.k8s.io "${node.metadata.name}" not found\n`);
    return;
  }
  const acquireTime = (lease.spec as Lease['spec'] & { acquireTime?: string }).acquireTime;
  w.write(LEVEL_0, 'Lease:\n');
  w.write(LEVEL_1, `HolderIdentity:\t${lease.spec.holderIdentity ?? '<unset>'}\n`);
  w.write(LEVEL_1, `AcquireTime:\t${acquireTime ? formatRFC1123Z(acquireTime) : '<unset>'}\n`);
  w.write(LEVEL_1, `RenewTime:\t${lease.spec.renewTime ? formatRFC1123Z(lease.spec.renewTime) : '<unset>'}\n`);
}

function describeNodeResource(pods: readonly Pod[], node: Node, w: PrefixWriter, now: number): void {
  const allocatableList = Object.keys(node.status.allocatable ?? {}).length ? node.status.allocatable : node.status.capacity;
  const allocatable = (name: string) => parseQuantity(allocatableList[name]);
  w.write(LEVEL_0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(LEVEL_1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(LEVEL_1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  const totals = { requests: new Map<string, Quantity>(), limits: new Map<string, Quantity>() };
  for (const pod of pods) {
    const { requests, limits } = podRequestsAndLimits(pod);
    for (const [kind, list] of [
      ['requests', requests],
      ['limits', limits],
    ] as const) {
      for (const [name, q] of list) {
        const prev = totals[kind].get(name);
        totals[kind].set(name, prev ? { value: prev.value + q.value, binary: prev.binary } : q);
      }
    }
    const cells = [fraction(requests.get('cpu'), allocatable('cpu')), fraction(limits.get('cpu'), allocatable('cpu')), fraction(requests.get('memory'), allocatable('memory')), fraction(limits.get('memory'), allocatable('memory'))];
    w.write(LEVEL_1, `${pod.metadata.namespace ?? ''}\t${pod.metadata.name}\t\t${cells.join('\t')}\t${age(pod.metadata.creationTimestamp, now)}\n`);
  }
  w.write(LEVEL_0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(LEVEL_1, 'Resource\tRequests\tLimits\n');
  w.write(LEVEL_1, '--------\t--------\t------\n');
  const names = Object.keys(allocatableList);
  const hugePages = names.filter((n) => n.startsWith('hugepages-')).sort();
  const extended = names.filter((n) => !n.startsWith('hugepages-') && !STANDARD.has(n) && !n.startsWith('requests.') && !n.startsWith('limits.')).sort();
  for (const name of ['cpu', 'memory', 'ephemeral-storage', ...hugePages]) {
    w.write(LEVEL_1, `${name}\t${fraction(totals.requests.get(name), allocatable(name))}\t${fraction(totals.limits.get(name), allocatable(name))}\n`);
  }
  for (const name of extended) {
    w.write(LEVEL_1, `${name}\t${formatQuantity(totals.requests.get(name) ?? { value: 0, binary: false })}\t${formatQuantity(totals.limits.get(name) ?? { value: 0, binary: false })}\n`);
  }
}

/** `kubectl describe node`: events about the node by uid and, as the kubelet records them, by name. */
export function describeNode(node: Node, api: ApiServer, now: number): string {
  const events = searchEvents(api, node, { uids: [node.metadata.uid, node.metadata.name] });
  const pods = api.list<Pod>('Pod').filter((p) => p.spec.nodeName === node.metadata.name && p.status.phase !== 'Succeeded' && p.status.phase !== 'Failed');
  return tabbedString((w) => {
    const info = node.status.nodeInfo;
    w.write(LEVEL_0, `Name:\t${node.metadata.name}\n`);
    w.write(LEVEL_0, `Roles:\t${findNodeRoles(node).join(',') || '<none>'}\n`);
    printLabelsMultiline(w, 'Labels', node.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', node.metadata.annotations);
    w.write(LEVEL_0, `CreationTimestamp:\t${formatRFC1123Z(node.metadata.creationTimestamp)}\n`);
    printTaintsMultiline(w, 'Taints', node.spec.taints);
    w.write(LEVEL_0, `Unschedulable:\t${node.spec.unschedulable ?? false}\n`);
    describeNodeLease(api, node, w);
    if (node.status.conditions.length) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n');
      for (const c of node.status.conditions) {
        w.write(LEVEL_1, `${c.type} \t${c.status} \t${formatRFC1123Z(c.lastHeartbeatTime)} \t${formatRFC1123Z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`);
      }
    }
    w.write(LEVEL_0, 'Addresses:\n');
    for (const a of node.status.addresses) w.write(LEVEL_1, `${a.type}:\t${a.address}\n`);
    for (const [title, list] of [
      ['Capacity', node.status.capacity],
      ['Allocatable', node.status.allocatable],
    ] as const) {
      const names = Object.keys(list ?? {}).sort();
      if (!names.length) continue;
      w.write(LEVEL_0, `${title}:\n`);
      for (const name of names) w.write(LEVEL_0, `  ${name}:\t${list[name]}\n`);
    }
    w.write(LEVEL_0, 'System Info:\n');
    const system: [string, string | undefined][] = [
      ['Machine ID', info.machineID],
      ['System UUID', info.systemUUID],
      ['Boot ID', info.bootID],
      ['Kernel Version', info.kernelVersion],
      ['OS Image', info.osImage],
      ['Operating System', info.operatingSystem],
      ['Architecture', info.architecture],
      ['Container Runtime Version', info.containerRuntimeVersion],
      ['Kubelet Version', info.kubeletVersion],
      ['Kube-Proxy Version', info.kubeProxyVersion],
    ];
    for (const [label, value] of system) w.write(LEVEL_0, `  ${label}:\t${value ?? ''}\n`);
    if (node.spec.podCIDR) w.write(LEVEL_0, `PodCIDR:\t${node.spec.podCIDR}\n`);
    if (node.spec.podCIDRs?.length) w.write(LEVEL_0, `PodCIDRs:\t${node.spec.podCIDRs.join(',')}\n`);
    if (node.spec.providerID) w.write(LEVEL_0, `ProviderID:\t${node.spec.providerID}\n`);
    describeNodeResource(pods, node, w, now);
    describeEvents(events, w, now);
  });
}
