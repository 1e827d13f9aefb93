/**
 * core/v1 objects the simulator models: Namespace, Node, Pod, Service, PersistentVolumeClaim,
 * PersistentVolume, Event. Only the fields the simulator reads or prints are typed.
 */
import type { Condition, KubeObject, LabelSelector, LabelSelectorRequirement } from './meta';

export interface Namespace extends KubeObject {
  kind: 'Namespace';
  spec?: { finalizers?: string[] };
  status?: { phase: 'Active' | 'Terminating' };
}

export interface Taint {
  key: string;
  value?: string;
  effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
  timeAdded?: string;
}

export interface Toleration {
  key?: string;
  operator?: 'Exists' | 'Equal';
  value?: string;
  effect?: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
  tolerationSeconds?: number;
}

export interface NodeAddress {
  type: 'InternalIP' | 'ExternalIP' | 'Hostname';
  address: string;
}

export interface AttachedVolume {
  name: string;
  devicePath: string;
}

export interface Node extends KubeObject {
  kind: 'Node';
  spec: { podCIDR?: string; podCIDRs?: string[]; unschedulable?: boolean; taints?: Taint[]; providerID?: string };
  status: {
    conditions: Condition[];
    addresses: NodeAddress[];
    capacity: Record<string, string>;
    allocatable: Record<string, string>;
    nodeInfo: {
      kubeletVersion: string;
      osImage: string;
      kernelVersion: string;
      containerRuntimeVersion: string;
      operatingSystem: string;
      architecture: string;
      kubeProxyVersion?: string;
      machineID?: string;
      systemUUID?: string;
      bootID?: string;
    };
    images?: { names: string[]; sizeBytes: number }[];
    volumesInUse?: string[];
    volumesAttached?: AttachedVolume[];
    daemonEndpoints?: { kubeletEndpoint: { Port: number } };
  };
}

export interface ContainerPort {
  name?: string;
  containerPort: number;
  protocol?: 'TCP' | 'UDP' | 'SCTP';
  hostPort?: number;
}

export interface VolumeMount {
  name: string;
  mountPath: string;
  readOnly?: boolean;
  subPath?: string;
}

export interface Probe {
  initialDelaySeconds?: number;
  periodSeconds?: number;
  timeoutSeconds?: number;
  successThreshold?: number;
  failureThreshold?: number;
  httpGet?: { path?: string; port: number | string; scheme?: string };
  tcpSocket?: { port: number | string };
  exec?: { command: string[] };
}

export interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: unknown;
}

export interface Container {
  name: string;
  image: string;
  imagePullPolicy?: 'Always' | 'IfNotPresent' | 'Never';
  command?: string[];
  args?: string[];
  ports?: ContainerPort[];
  env?: EnvVar[];
  volumeMounts?: VolumeMount[];
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  startupProbe?: Probe;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  terminationMessagePath?: string;
  terminationMessagePolicy?: string;
  stdin?: boolean;
  stdinOnce?: boolean;
  tty?: boolean;
}

export interface Volume {
  name: string;
  persistentVolumeClaim?: { claimName: string; readOnly?: boolean };
  emptyDir?: { medium?: string; sizeLimit?: string };
  configMap?: { name: string };
  secret?: { secretName: string };
  hostPath?: { path: string; type?: string };
  projected?: unknown;
}

export interface PodSpec {
  containers: Container[];
  initContainers?: Container[];
  volumes?: Volume[];
  nodeName?: string;
  nodeSelector?: Record<string, string>;
  hostname?: string;
  subdomain?: string;
  restartPolicy?: 'Always' | 'OnFailure' | 'Never';
  terminationGracePeriodSeconds?: number;
  dnsPolicy?: string;
  schedulerName?: string;
  serviceAccountName?: string;
  tolerations?: Toleration[];
  affinity?: unknown;
  securityContext?: Record<string, unknown>;
  priority?: number;
  enableServiceLinks?: boolean;
  preemptionPolicy?: string;
}

export interface PodTemplateSpec {
  metadata?: { labels?: Record<string, string>; annotations?: Record<string, string>; name?: string };
  spec: PodSpec;
}

export interface ContainerState {
  waiting?: { reason?: string; message?: string };
  running?: { startedAt?: string };
  terminated?: { exitCode: number; reason?: string; message?: string; startedAt?: string; finishedAt?: string; containerID?: string };
}

export interface ContainerStatus {
  name: string;
  state: ContainerState;
  lastState: ContainerState;
  ready: boolean;
  restartCount: number;
  image: string;
  imageID: string;
  containerID?: string;
  started?: boolean;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  volumeMounts?: { name: string; mountPath: string; readOnly?: boolean; recursiveReadOnly?: string }[];
}

export type PodPhase = 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';

export interface PodStatus {
  phase: PodPhase;
  conditions?: Condition[];
  message?: string;
  reason?: string;
  hostIP?: string;
  hostIPs?: { ip: string }[];
  podIP?: string;
  podIPs?: { ip: string }[];
  startTime?: string;
  containerStatuses?: ContainerStatus[];
  initContainerStatuses?: ContainerStatus[];
  qosClass?: string;
  observedGeneration?: number;
}

export interface Pod extends KubeObject {
  kind: 'Pod';
  spec: PodSpec;
  status: PodStatus;
}

export interface ServicePort {
  name?: string;
  protocol?: 'TCP' | 'UDP' | 'SCTP';
  port: number;
  targetPort?: number | string;
  nodePort?: number;
}

export interface Service extends KubeObject {
  kind: 'Service';
  spec: {
    type?: 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';
    clusterIP?: string;
    clusterIPs?: string[];
    selector?: Record<string, string>;
    ports?: ServicePort[];
    publishNotReadyAddresses?: boolean;
    sessionAffinity?: string;
    ipFamilies?: string[];
    ipFamilyPolicy?: string;
    internalTrafficPolicy?: string;
    externalName?: string;
  };
  status?: { loadBalancer?: Record<string, unknown> };
}

export interface ResourceRequirements {
  requests?: Record<string, string>;
  limits?: Record<string, string>;
}

export type AccessMode = 'ReadWriteOnce' | 'ReadOnlyMany' | 'ReadWriteMany' | 'ReadWriteOncePod';

export interface TypedLocalObjectReference {
  apiGroup?: string;
  kind: string;
  name: string;
}

export interface PersistentVolumeClaimSpec {
  accessModes?: AccessMode[];
  resources?: ResourceRequirements;
  storageClassName?: string;
  volumeName?: string;
  volumeMode?: 'Filesystem' | 'Block';
  selector?: LabelSelector;
  dataSource?: TypedLocalObjectReference;
  dataSourceRef?: TypedLocalObjectReference;
}

export interface PersistentVolumeClaim extends KubeObject {
  kind: 'PersistentVolumeClaim';
  spec: PersistentVolumeClaimSpec;
  status: {
    phase?: 'Pending' | 'Bound' | 'Lost';
    accessModes?: AccessMode[];
    capacity?: Record<string, string>;
  };
}

export interface NodeSelectorTerm {
  matchExpressions?: LabelSelectorRequirement[];
  matchFields?: LabelSelectorRequirement[];
}

export interface PersistentVolume extends KubeObject {
  kind: 'PersistentVolume';
  spec: {
    capacity: Record<string, string>;
    accessModes: AccessMode[];
    persistentVolumeReclaimPolicy?: 'Retain' | 'Delete' | 'Recycle';
    storageClassName?: string;
    volumeMode?: 'Filesystem' | 'Block';
    claimRef?: { apiVersion?: string; kind?: string; namespace: string; name: string; uid?: string; resourceVersion?: string };
    nodeAffinity?: { required?: { nodeSelectorTerms: NodeSelectorTerm[] } };
    csi?: { driver: string; volumeHandle: string; fsType?: string };
    hostPath?: { path: string; type?: string };
  };
  status: { phase?: 'Pending' | 'Available' | 'Bound' | 'Released' | 'Failed'; message?: string; reason?: string; lastPhaseTransitionTime?: string };
}

export interface ObjectReference {
  apiVersion?: string;
  kind: string;
  namespace?: string;
  name: string;
  uid?: string;
  resourceVersion?: string;
  fieldPath?: string;
}

export interface Event extends KubeObject {
  kind: 'Event';
  involvedObject: ObjectReference;
  reason: string;
  message: string;
  source: { component: string; host?: string };
  firstTimestamp: string;
  lastTimestamp: string;
  count: number;
  type: 'Normal' | 'Warning';
  eventTime?: string | null;
  reportingComponent?: string;
  reportingInstance?: string;
}
