import { describe, expect, it } from 'vitest';
import { describeObject } from '../../../../src/sim/kubectl/printers';
import { options } from './fixtures';
import { scenario } from './describeSetup';

/** Five minutes after the objects were created (events at 0s, 1s, then a BackOff at 60s, 120s and 180s). */
const now = 300_000;

describe('kubectl describe', () => {
  const s = scenario();

  it('pod web-0', () => {
    expect(describeObject(s.pod, options(s.api, now))).toBe(
      [
        "Name:             web-0",
        "Namespace:        default",
        "Priority:         0",
        "Service Account:  default",
        "Node:             node-1/172.18.0.3",
        "Start Time:       Thu, 01 Jan 2026 09:00:00 +0000",
        "Labels:           app=nginx",
        "                  apps.kubernetes.io/pod-index=0",
        "                  statefulset.kubernetes.io/pod-name=web-0",
        "Annotations:      <none>",
        "Status:           Running",
        "IP:               10.244.1.5",
        "IPs:",
        "  IP:           10.244.1.5",
        "Controlled By:  StatefulSet/web",
        "Containers:",
        "  nginx:",
        "    Container ID:   containerd://4f1c",
        "    Image:          nginx:1.27",
        "    Image ID:       docker.io/library/nginx@sha256:abcd",
        "    Port:           80/TCP (web)",
        "    Host Port:      0/TCP (web)",
        "    State:          Running",
        "      Started:      Thu, 01 Jan 2026 09:00:10 +0000",
        "    Ready:          True",
        "    Restart Count:  0",
        "    Environment:    <none>",
        "    Mounts:",
        "      /usr/share/nginx/html from www (rw)",
        "Conditions:",
        "  Type                        Status",
        "  PodReadyToStartContainers   True ",
        "  Initialized                 True ",
        "  Ready                       True ",
        "  ContainersReady             True ",
        "  PodScheduled                True ",
        "Volumes:",
        "  www:",
        "    Type:       PersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)",
        "    ClaimName:  www-web-0",
        "    ReadOnly:   false",
        "  cache:",
        "    Type:        EmptyDir (a temporary directory that shares a pod's lifetime)",
        "    Medium:      ",
        "    SizeLimit:   <unset>",
        "QoS Class:       BestEffort",
        "Node-Selectors:  <none>",
        "Tolerations:     node.kubernetes.io/not-ready:NoExecute op=Exists for 300s",
        "                 node.kubernetes.io/unreachable:NoExecute op=Exists for 300s",
        "Events:",
        "  Type     Reason     Age              From               Message",
        "  ----     ------     ----             ----               -------",
        "  Normal   Scheduled  5m               default-scheduler  Successfully assigned default/web-0 to node-1",
        "  Normal   Pulled     4m59s            kubelet            spec.containers{nginx}: Container image \"nginx:1.27\" already present on machine",
        "  Warning  BackOff    2m (x3 over 4m)  kubelet            spec.containers{nginx}: Back-off restarting failed container nginx",
        '',
      ].join('\n'),
    );
  });

  it('statefulset web', () => {
    expect(describeObject(s.sts, options(s.api, now))).toBe(
      [
        "Name:               web",
        "Namespace:          default",
        "CreationTimestamp:  Thu, 01 Jan 2026 09:00:00 +0000",
        "Selector:           app=nginx",
        "Labels:             <none>",
        "Annotations:        <none>",
        "Replicas:           1 desired | 1 total",
        "Update Strategy:    RollingUpdate",
        "  Partition:        0",
        "Pods Status:        1 Running / 0 Waiting / 0 Succeeded / 0 Failed",
        "Pod Template:",
        "  Labels:  app=nginx",
        "  Containers:",
        "   nginx:",
        "    Image:        nginx:1.27",
        "    Port:         80/TCP (web)",
        "    Host Port:    0/TCP (web)",
        "    Environment:  <none>",
        "    Mounts:",
        "      /usr/share/nginx/html from www (rw)",
        "  Volumes:         <none>",
        "  Node-Selectors:  <none>",
        "  Tolerations:     <none>",
        "Volume Claims:",
        "  Name:          www",
        "  StorageClass:  ",
        "  Labels:        <none>",
        "  Annotations:   <none>",
        "  Capacity:      1Gi",
        "  Access Modes:  [ReadWriteOnce]",
        "Events:",
        "  Type    Reason            Age   From                    Message",
        "  ----    ------            ----  ----                    -------",
        "  Normal  SuccessfulCreate  5m    statefulset-controller  create Claim www-web-0 Pod web-0 in StatefulSet web success",
        "  Normal  SuccessfulCreate  5m    statefulset-controller  create Pod web-0 in StatefulSet web successful",
        '',
      ].join('\n'),
    );
  });

  it('service nginx', () => {
    expect(describeObject(s.svc, options(s.api, now))).toBe(
      [
        "Name:                     nginx",
        "Namespace:                default",
        "Labels:                   app=nginx",
        "Annotations:              <none>",
        "Selector:                 app=nginx",
        "Type:                     ClusterIP",
        "IP Family Policy:         SingleStack",
        "IP Families:              IPv4",
        "IP:                       None",
        "IPs:                      None",
        "Port:                     web  80/TCP",
        "TargetPort:               80/TCP",
        "Endpoints:                10.244.1.5:80",
        "Session Affinity:         None",
        "Internal Traffic Policy:  Cluster",
        "Events:                   <none>",
        '',
      ].join('\n'),
    );
  });

  it('pvc www-web-0', () => {
    expect(describeObject(s.pvc, options(s.api, now))).toBe(
      [
        "Name:          www-web-0",
        "Namespace:     default",
        "StorageClass:  standard",
        "Status:        Bound",
        "Volume:        pvc-5c1e",
        "Labels:        app=nginx",
        "Annotations:   pv.kubernetes.io/bind-completed: yes",
        "               volume.kubernetes.io/selected-node: node-1",
        "Finalizers:    [kubernetes.io/pvc-protection]",
        "Capacity:      1Gi",
        "Access Modes:  RWO",
        "VolumeMode:    Filesystem",
        "Used By:       web-0",
        "Events:        <none>",
        '',
      ].join('\n'),
    );
  });

  it('lists only events of this incarnation (same name, other uid excluded), oldest first', () => {
    const api = s.api;
    api.create({
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: 'web-0.old', namespace: 'default', uid: '', resourceVersion: '', creationTimestamp: '' },
      involvedObject: { kind: 'Pod', name: 'web-0', namespace: 'default', uid: 'uid-of-an-older-web-0' },
      reason: 'Killing',
      message: 'Stopping container nginx',
      source: { component: 'kubelet' },
      firstTimestamp: api.clock.timestamp(),
      lastTimestamp: api.clock.timestamp(),
      count: 1,
      type: 'Normal',
    } as never);
    const text = describeObject(s.pod, options(api, now));
    expect(text).not.toContain('Killing');
    expect(text.split('\n').filter((l) => l.startsWith('  Normal') || l.startsWith('  Warning')).map((l) => l.split(/\s+/)[2])).toEqual(['Scheduled', 'Pulled', 'BackOff']);
  });

  it('a Pending PVC keeps the padded empty Volume, Capacity and Access Modes values', () => {
    const pending = { ...s.pvc, metadata: { ...s.pvc.metadata, name: 'data', annotations: {}, labels: {} }, spec: { ...s.pvc.spec, volumeName: undefined }, status: { phase: 'Pending' as const } };
    expect(describeObject(pending, options(s.api, now))).toBe(
      [
        'Name:          data',
        'Namespace:     default',
        'StorageClass:  standard',
        'Status:        Pending',
        'Volume:        ',
        'Labels:        <none>',
        'Annotations:   <none>',
        'Finalizers:    [kubernetes.io/pvc-protection]',
        'Capacity:      ',
        'Access Modes:  ',
        'VolumeMode:    Filesystem',
        'Used By:       <none>',
        'Events:        <none>',
        '',
      ].join('\n'),
    );
  });

  it('a terminating pod shows how long it has been terminating and its grace period', () => {
    const terminating = { ...s.pod, metadata: { ...s.pod.metadata, deletionTimestamp: '2026-01-01T09:04:30Z', deletionGracePeriodSeconds: 30 } };
    const lines = describeObject(terminating, options(s.api, now)).split('\n');
    expect(lines).toContain('Status:                    Terminating (lasts 30s)');
    expect(lines).toContain('Termination Grace Period:  30s');
  });
});
