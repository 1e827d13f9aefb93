import { describe, expect, it } from 'vitest';
import type { Deployment, StatefulSet } from '../../../src/sim/api/apps';
import type { Pod } from '../../../src/sim/api/core';
import { kubectlErrorMessage } from '../../../src/sim/apiserver/errors';
import { apiError, meta, newApi } from './helpers';

const LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

function pod(name: string, spec: Partial<Pod['spec']> = {}): Pod {
  return { apiVersion: 'v1', kind: 'Pod', metadata: meta(name), spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }], ...spec }, status: { phase: 'Pending' } };
}

function sts(name: string, change: (s: StatefulSet) => void = () => {}): StatefulSet {
  const s: StatefulSet = {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: meta(name),
    spec: {
      selector: { matchLabels: { app: 'nginx' } },
      serviceName: 'nginx',
      template: { metadata: { labels: { app: 'nginx' } }, spec: { containers: [{ name: 'nginx', image: 'registry.k8s.io/nginx-slim:0.24', ports: [{ containerPort: 80, name: 'web' }] }] } },
      volumeClaimTemplates: [{ metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
    },
  };
  change(s);
  return s;
}

function deploy(name: string, change: (d: Deployment) => void = () => {}): Deployment {
  const d: Deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: meta(name),
    spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx' }] } } },
  };
  change(d);
  return d;
}

describe('Pod defaults and admission', () => {
  it('fills the fields a 1.35 API server fills', () => {
    const p = newApi().create(pod('p'));
    expect(p.spec).toMatchObject({
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
      dnsPolicy: 'ClusterFirst',
      schedulerName: 'default-scheduler',
      securityContext: {},
      serviceAccountName: 'default',
      enableServiceLinks: true,
      preemptionPolicy: 'PreemptLowerPriority',
      priority: 0,
      tolerations: [
        { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
        { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      ],
    });
    expect(p.spec.containers[0]).toMatchObject({ imagePullPolicy: 'IfNotPresent', terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File' });
    expect(p.status).toEqual({ phase: 'Pending', qosClass: 'BestEffort' });
    expect(p.metadata.generation).toBe(1);
  });

  it.each([
    ['nginx', 'Always'],
    ['nginx:latest', 'Always'],
    ['nginx:1.27', 'IfNotPresent'],
    ['localhost:5000/app', 'Always'],
    ['localhost:5000/app:v2', 'IfNotPresent'],
    ['nginx@sha256:abc', 'IfNotPresent'],
  ])('image %s pulls %s', (image, policy) => {
    const p = newApi().create(pod('p', { containers: [{ name: 'c', image, ports: [{ containerPort: 80 }] }] }));
    expect(p.spec.containers[0]!.imagePullPolicy).toBe(policy);
    expect(p.spec.containers[0]!.ports![0]!.protocol).toBe('TCP');
  });

  it('keeps an existing not-ready toleration and computes Guaranteed QoS from limits', () => {
    const p = newApi().create(
      pod('p', {
        tolerations: [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 10 }],
        containers: [{ name: 'c', image: 'x:1', resources: { limits: { cpu: '1', memory: '1Gi' } } }],
      }),
    );
    expect(p.spec.tolerations!.map((t) => `${t.key}=${t.tolerationSeconds}`)).toEqual(['node.kubernetes.io/not-ready=10', 'node.kubernetes.io/unreachable=300']);
    expect(p.spec.containers[0]!.resources!.requests).toEqual({ cpu: '1', memory: '1Gi' });
    expect(p.status.qosClass).toBe('Guaranteed');
  });
});

describe('Pod validation', () => {
  it.each<[string, Pod, string[]]>([
    ['bad name', pod('Web_1'), [`metadata.name: Invalid value: "Web_1": ${SUBDOMAIN_MSG}`]],
    ['no containers', pod('p', { containers: [] }), ['spec.containers: Required value']],
    ['no image', pod('p', { containers: [{ name: 'c', image: '' }] }), ['spec.containers[0].image: Required value']],
    [
      'bad and duplicate container names',
      pod('p', { containers: [{ name: 'Web', image: 'x' }, { name: 'Web', image: 'x' }] }),
      [`spec.containers[0].name: Invalid value: "Web": ${LABEL_MSG}`, `spec.containers[1].name: Invalid value: "Web": ${LABEL_MSG}`, 'spec.containers[1].name: Duplicate value: "Web"'],
    ],
    [
      'duplicate volumes and a mount of a missing one',
      pod('p', {
        volumes: [{ name: 'data', emptyDir: {} }, { name: 'data', emptyDir: {} }],
        containers: [{ name: 'c', image: 'x', volumeMounts: [{ name: 'www', mountPath: '/usr/share/nginx/html' }] }],
      }),
      ['spec.volumes[1].name: Duplicate value: "data"', 'spec.containers[0].volumeMounts[0].name: Not found: "www"'],
    ],
    ['restart policy', pod('p', { restartPolicy: 'Sometimes' as 'Always' }), ['spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"']],
  ])('%s', (_name, p, causes) => {
    const api = newApi();
    const err = apiError(() => api.create(p));
    expect(err.reason).toBe('Invalid');
    expect(err.details?.causes).toEqual(causes);
    expect(api.list('Pod')).toEqual([]);
  });

  it('allows image, tolerations added and nodeName set once; forbids other spec changes', () => {
    const api = newApi();
    api.create(pod('p'));
    const updated = api.mutate<Pod>('Pod', 'default', 'p', (d) => {
      d.spec.containers[0]!.image = 'nginx:1.28';
      d.spec.nodeName = 'node-1';
      d.spec.tolerations = [...(d.spec.tolerations ?? []), { key: 'x', operator: 'Exists' }];
    })!;
    expect(updated.spec.containers[0]!.image).toBe('nginx:1.28');
    const before = api.get<Pod>('Pod', 'default', 'p');
    const err = apiError(() => api.mutate<Pod>('Pod', 'default', 'p', (d) => void (d.spec.containers[0]!.ports = [{ containerPort: 8080 }])));
    expect(kubectlErrorMessage(err)).toBe(
      'The Pod "p" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
    );
    expect(api.get<Pod>('Pod', 'default', 'p')).toBe(before);
  });
});

describe('StatefulSet', () => {
  it('defaults as apps/v1 SetDefaults_StatefulSet does', () => {
    const s = newApi().create(sts('web'));
    expect(s.spec).toMatchObject({
      replicas: 1,
      revisionHistoryLimit: 10,
      podManagementPolicy: 'OrderedReady',
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0, maxUnavailable: 1 } },
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
    });
    expect(s.spec.template.spec).toMatchObject({ restartPolicy: 'Always', dnsPolicy: 'ClusterFirst', terminationGracePeriodSeconds: 30, schedulerName: 'default-scheduler' });
    expect(s.spec.template.spec.enableServiceLinks).toBeUndefined();
    expect(s.spec.volumeClaimTemplates![0]).toMatchObject({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', spec: { volumeMode: 'Filesystem' }, status: { phase: 'Pending' } });
    expect(s.status).toEqual({ replicas: 0, availableReplicas: 0 });
  });

  it.each<[string, StatefulSet, string]>([
    [
      'selector does not match',
      sts('web', (s) => (s.spec.selector = { matchLabels: { app: 'web' } })),
      'The StatefulSet "web" is invalid: spec.template.metadata.labels: Invalid value: {"app":"nginx"}: `selector` does not match template `labels`',
    ],
    ['no selector', sts('web', (s) => delete (s.spec as Partial<StatefulSet['spec']>).selector), 'The StatefulSet "web" is invalid: spec.selector: Required value'],
    ['negative replicas', sts('web', (s) => (s.spec.replicas = -1)), 'The StatefulSet "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0'],
    ['name with dots', sts('web.v1'), 'The StatefulSet "web.v1" is invalid: metadata.name: Invalid value: "web.v1": must not contain dots'],
    ['name upper case', sts('Web'), `The StatefulSet "Web" is invalid: metadata.name: Invalid value: "Web": ${LABEL_MSG}`],
    [
      'pod management policy',
      sts('web', (s) => (s.spec.podManagementPolicy = 'Burst' as 'Parallel')),
      'The StatefulSet "web" is invalid: spec.podManagementPolicy: Invalid value: "Burst": must be \'OrderedReady\' or \'Parallel\'',
    ],
    [
      'update strategy',
      sts('web', (s) => (s.spec.updateStrategy = { type: 'Rolling' as 'OnDelete' })),
      'The StatefulSet "web" is invalid: spec.updateStrategy: Invalid value: {"type":"Rolling"}: must be \'RollingUpdate\' or \'OnDelete\'',
    ],
    [
      'restart policy',
      sts('web', (s) => (s.spec.template.spec.restartPolicy = 'Never')),
      'The StatefulSet "web" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"',
    ],
  ])('%s', (_name, s, message) => {
    const api = newApi();
    expect(kubectlErrorMessage(apiError(() => api.create(s)))).toBe(message);
    expect(api.list('StatefulSet')).toEqual([]);
  });

  it('lists several errors one per line', () => {
    const err = apiError(() => newApi().create(sts('web', (s) => ((s.spec.replicas = -1), (s.spec.selector = { matchLabels: { app: 'x' } })))));
    expect(kubectlErrorMessage(err)).toBe(
      'The StatefulSet "web" is invalid: \n* spec.replicas: Invalid value: -1: must be greater than or equal to 0\n* spec.template.metadata.labels: Invalid value: {"app":"nginx"}: `selector` does not match template `labels`',
    );
  });

  it('forbids changing fields other than the mutable ones, leaving the stored object as it was', () => {
    const api = newApi();
    api.create(sts('web'));
    const before = api.get<StatefulSet>('StatefulSet', 'default', 'web');
    const scaled = api.mutate<StatefulSet>('StatefulSet', 'default', 'web', (d) => void ((d.spec.replicas = 3), (d.spec.revisionHistoryLimit = 5)))!;
    expect(scaled.metadata.generation).toBe(2);
    const err = apiError(() => api.mutate<StatefulSet>('StatefulSet', 'default', 'web', (d) => void (d.spec.volumeClaimTemplates![0]!.spec.resources = { requests: { storage: '2Gi' } })));
    expect(kubectlErrorMessage(err)).toBe(
      "The StatefulSet \"web\" is invalid: spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
    );
    expect(api.get('StatefulSet', 'default', 'web')).toBe(scaled);
    expect(before).not.toBe(scaled);
  });
});

describe('Deployment and ReplicaSet', () => {
  it('defaults replicas, strategy, history and progress deadline', () => {
    const d = newApi().create(deploy('web'));
    expect(d.spec).toMatchObject({ replicas: 1, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } }, revisionHistoryLimit: 10, progressDeadlineSeconds: 600 });
  });

  it('rejects maxSurge and maxUnavailable both 0', () => {
    const err = apiError(() => newApi().create(deploy('web', (d) => (d.spec.strategy = { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: '0%' } }))));
    expect(err.details?.causes).toEqual(['spec.strategy.rollingUpdate.maxUnavailable: Invalid value: "0%": may not be 0 when `maxSurge` is 0']);
  });

  it('keeps the selector immutable', () => {
    const api = newApi();
    api.create(deploy('web'));
    const err = apiError(() =>
      api.mutate<Deployment>('Deployment', 'default', 'web', (d) => {
        d.spec.selector = { matchLabels: { app: 'web2' } };
        d.spec.template.metadata!.labels = { app: 'web2' };
      }),
    );
    expect(kubectlErrorMessage(err)).toBe('The Deployment "web" is invalid: spec.selector: Invalid value: {"matchLabels":{"app":"web2"}}: field is immutable');
    expect(api.get<Deployment>('Deployment', 'default', 'web')!.spec.selector).toEqual({ matchLabels: { app: 'web' } });
  });

  it('validates the ReplicaSet template as a pod template', () => {
    const api = newApi();
    const err = apiError(() =>
      api.create({
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        metadata: meta('rs'),
        spec: { selector: { matchLabels: { a: 'b' } }, template: { metadata: { labels: { a: 'b' } }, spec: { containers: [{ name: 'c', image: '' }] } } },
      }),
    );
    expect(err.details?.causes).toEqual(['spec.template.spec.containers[0].image: Required value']);
  });
});
