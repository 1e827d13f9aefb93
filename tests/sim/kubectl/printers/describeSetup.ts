/** Objects for the describe tests, created in a real ApiServer, with events from the real EventRecorder. */
import type { PersistentVolumeClaim, Pod, Service } from '../../../../src/sim/api/core';
import type { StatefulSet } from '../../../../src/sim/api/apps';
import type { EndpointSlice } from '../../../../src/sim/api/other';
import type { ApiServer } from '../../../../src/sim/apiserver/store';
import { EventRecorder } from '../../../../src/sim/runtime/events';
import { newApi, running } from './fixtures';

export interface Scenario {
  api: ApiServer;
  sts: StatefulSet;
  pod: Pod;
  svc: Service;
  pvc: PersistentVolumeClaim;
}

/** web (StatefulSet) with web-0 Running on node-1, its PVC www-web-0, headless Service nginx and its slice. */
export function scenario(): Scenario {
  const api = newApi();
  const recorder = new EventRecorder(api);
  const sts = api.create<StatefulSet>({
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'web', namespace: 'default', uid: '', resourceVersion: '', creationTimestamp: '' },
    spec: {
      replicas: 1,
      serviceName: 'nginx',
      selector: { matchLabels: { app: 'nginx' } },
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
      template: {
        metadata: { labels: { app: 'nginx' } },
        spec: { containers: [{ name: 'nginx', image: 'nginx:1.27', ports: [{ name: 'web', containerPort: 80, protocol: 'TCP' }], volumeMounts: [{ name: 'www', mountPath: '/usr/share/nginx/html' }] }] },
      },
      volumeClaimTemplates: [{ metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
    },
    status: { replicas: 1, readyReplicas: 1 },
  });
  recorder.record(sts, 'Normal', 'SuccessfulCreate', 'create Claim www-web-0 Pod web-0 in StatefulSet web success', { component: 'statefulset-controller' });
  recorder.record(sts, 'Normal', 'SuccessfulCreate', 'create Pod web-0 in StatefulSet web successful', { component: 'statefulset-controller' });
  const pvc = api.create<PersistentVolumeClaim>({
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name: 'www-web-0', namespace: 'default', uid: '', resourceVersion: '', creationTimestamp: '', labels: { app: 'nginx' }, finalizers: ['kubernetes.io/pvc-protection'], annotations: { 'pv.kubernetes.io/bind-completed': 'yes', 'volume.kubernetes.io/selected-node': 'node-1' } },
    spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, storageClassName: 'standard', volumeMode: 'Filesystem', volumeName: 'pvc-5c1e' },
    status: { phase: 'Bound', capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'] },
  });
  const pod = api.create<Pod>({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'web-0',
      namespace: 'default',
      uid: '',
      resourceVersion: '',
      creationTimestamp: '',
      labels: { app: 'nginx', 'apps.kubernetes.io/pod-index': '0', 'statefulset.kubernetes.io/pod-name': 'web-0' },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'web', uid: sts.metadata.uid, controller: true, blockOwnerDeletion: true }],
    },
    spec: {
      nodeName: 'node-1',
      priority: 0,
      serviceAccountName: 'default',
      containers: [{ name: 'nginx', image: 'nginx:1.27', ports: [{ name: 'web', containerPort: 80, protocol: 'TCP' }], volumeMounts: [{ name: 'www', mountPath: '/usr/share/nginx/html' }] }],
      volumes: [
        { name: 'www', persistentVolumeClaim: { claimName: 'www-web-0' } },
        { name: 'cache', emptyDir: {} },
      ],
      tolerations: [
        { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
        { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      ],
    },
    status: {
      phase: 'Running',
      hostIP: '172.18.0.3',
      podIP: '10.244.1.5',
      podIPs: [{ ip: '10.244.1.5' }],
      startTime: api.clock.timestamp(),
      qosClass: 'BestEffort',
      conditions: ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map((type) => ({ type, status: 'True' as const })),
      containerStatuses: [running('nginx', true)],
    },
  });
  recorder.record(pod, 'Normal', 'Scheduled', 'Successfully assigned default/web-0 to node-1', { component: 'default-scheduler' });
  api.clock.advanceTo(1000);
  recorder.record(pod, 'Normal', 'Pulled', 'Container image "nginx:1.27" already present on machine', { component: 'kubelet', host: 'node-1', fieldPath: 'spec.containers{nginx}' });
  for (let i = 0; i < 3; i++) {
    api.clock.advanceTo(60_000 + i * 60_000);
    recorder.record(pod, 'Warning', 'BackOff', 'Back-off restarting failed container nginx', { component: 'kubelet', host: 'node-1', fieldPath: 'spec.containers{nginx}' });
  }
  const svc = api.create<Service>({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'nginx', namespace: 'default', uid: '', resourceVersion: '', creationTimestamp: '', labels: { app: 'nginx' } },
    spec: {
      type: 'ClusterIP',
      clusterIP: 'None',
      clusterIPs: ['None'],
      selector: { app: 'nginx' },
      ports: [{ name: 'web', port: 80, protocol: 'TCP', targetPort: 80 }],
      sessionAffinity: 'None',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      internalTrafficPolicy: 'Cluster',
    },
  });
  api.create<EndpointSlice>({
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: 'nginx-x7k2p', namespace: 'default', uid: '', resourceVersion: '', creationTimestamp: '', labels: { 'kubernetes.io/service-name': 'nginx' } },
    addressType: 'IPv4',
    ports: [{ name: 'web', port: 80, protocol: 'TCP' }],
    endpoints: [
      { addresses: ['10.244.1.5'], conditions: { ready: true } },
      { addresses: ['10.244.2.3'], conditions: { ready: false } },
    ],
  });
  return { api, sts, pod, svc, pvc };
}
