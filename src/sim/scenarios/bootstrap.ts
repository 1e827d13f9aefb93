/**
 * The objects a fresh cluster has before anyone applies anything: namespaces, nodes with their zones and
 * pod CIDRs, the `kubernetes` and `kube-dns` Services, the default StorageClass `standard` (zonal volumes),
 * the StorageClass `replicated` (volumes mirrored across the zones of the region) and the default
 * VolumeSnapshotClass `csi-playground-snapclass`.
 */
import type { Namespace, Node, Service } from '../api/core';
import type { KubeObject } from '../api/meta';
import type { StorageClass } from '../api/other';
import type { ClusterContext } from '../runtime/controller';
import type { NodeDefinition } from './types';

export const KUBERNETES_VERSION = 'v1.35.0';
export const CLUSTER_DOMAIN = 'cluster.local';
export const KUBE_DNS_IP = '10.96.0.10';
export const KUBERNETES_SERVICE_IP = '10.96.0.1';
export const ZONE_LABEL = 'topology.kubernetes.io/zone';
export const REGION_LABEL = 'topology.kubernetes.io/region';
export const HOSTNAME_LABEL = 'kubernetes.io/hostname';
/** The CSI driver that provisions the simulated volumes. */
export const CSI_DRIVER = 'csi.playground.k8s.io';

/** The default cluster: four nodes, two per zone. */
export const DEFAULT_NODES: NodeDefinition[] = [
  { name: 'node-1', zone: 'zone-a' },
  { name: 'node-2', zone: 'zone-a' },
  { name: 'node-3', zone: 'zone-b' },
  { name: 'node-4', zone: 'zone-b' },
];

const meta = { uid: '', resourceVersion: '', creationTimestamp: '' };

export function bootstrapCluster(ctx: ClusterContext, nodes: NodeDefinition[]): void {
  const { api } = ctx;
  for (const name of ['default', 'kube-node-lease', 'kube-public', 'kube-system']) {
    api.create<Namespace>({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { ...meta, name, labels: { 'kubernetes.io/metadata.name': name } },
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    });
  }
  nodes.forEach((def, i) => api.create(nodeObject(def, i + 1, ctx.clock.timestamp())));
  api.create<Service>({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { ...meta, name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
    spec: { type: 'ClusterIP', clusterIP: KUBERNETES_SERVICE_IP, ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }] },
  });
  api.create<Service>({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      ...meta,
      name: 'kube-dns',
      namespace: 'kube-system',
      labels: { 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' },
    },
    spec: {
      type: 'ClusterIP',
      clusterIP: KUBE_DNS_IP,
      selector: { 'k8s-app': 'kube-dns' },
      ports: [
        { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
        { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
        { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
      ],
    },
  });
  api.create<StorageClass>({
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { ...meta, name: 'standard', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } },
    provisioner: CSI_DRIVER,
    reclaimPolicy: 'Delete',
    volumeBindingMode: 'WaitForFirstConsumer',
    allowVolumeExpansion: true,
    parameters: { type: 'zonal' },
  });
  api.create<StorageClass>({
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { ...meta, name: 'replicated' },
    provisioner: CSI_DRIVER,
    reclaimPolicy: 'Delete',
    volumeBindingMode: 'WaitForFirstConsumer',
    allowVolumeExpansion: true,
    parameters: { type: 'replicated' },
  });
  api.create<KubeObject & { driver: string; deletionPolicy: string }>({
    apiVersion: 'snapshot.storage.k8s.io/v1',
    kind: 'VolumeSnapshotClass',
    metadata: { ...meta, name: 'csi-playground-snapclass', annotations: { 'snapshot.storage.kubernetes.io/is-default-class': 'true' } },
    driver: CSI_DRIVER,
    deletionPolicy: 'Delete',
  });
}

/** A Ready node as a kubelet registers it; `index` picks its pod CIDR 10.244.<index>.0/24. */
export function nodeObject(def: NodeDefinition, index: number, now: string): Node {
  const t = now;
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      ...meta,
      name: def.name,
      labels: {
        'beta.kubernetes.io/arch': 'amd64',
        'beta.kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        [HOSTNAME_LABEL]: def.name,
        'kubernetes.io/os': 'linux',
        [REGION_LABEL]: 'region-1',
        [ZONE_LABEL]: def.zone,
        ...def.labels,
      },
      annotations: {
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec: {
      podCIDR: `10.244.${index}.0/24`,
      podCIDRs: [`10.244.${index}.0/24`],
      providerID: `playground://${def.zone}/${def.name}`,
      ...(def.taints?.length ? { taints: def.taints } : {}),
    },
    status: {
      conditions: [
        { type: 'MemoryPressure', status: 'False', reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available', lastHeartbeatTime: t, lastTransitionTime: t },
        { type: 'DiskPressure', status: 'False', reason: 'KubeletHasNoDiskPressure', message: 'kubelet has no disk pressure', lastHeartbeatTime: t, lastTransitionTime: t },
        { type: 'PIDPressure', status: 'False', reason: 'KubeletHasSufficientPID', message: 'kubelet has sufficient PID available', lastHeartbeatTime: t, lastTransitionTime: t },
        { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status', lastHeartbeatTime: t, lastTransitionTime: t },
      ],
      addresses: [
        { type: 'InternalIP', address: `172.18.0.${index + 1}` },
        { type: 'Hostname', address: def.name },
      ],
      capacity: { cpu: '4', 'ephemeral-storage': '102625208Ki', memory: '16371796Ki', pods: String(def.maxPods ?? 110) },
      allocatable: { cpu: '4', 'ephemeral-storage': '102625208Ki', memory: '16269396Ki', pods: String(def.maxPods ?? 110) },
      nodeInfo: {
        kubeletVersion: KUBERNETES_VERSION,
        osImage: 'Debian GNU/Linux 12 (bookworm)',
        kernelVersion: '6.1.0-28-amd64',
        containerRuntimeVersion: 'containerd://2.1.4',
        operatingSystem: 'linux',
        architecture: 'amd64',
        kubeProxyVersion: '',
      },
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
    },
  };
}
