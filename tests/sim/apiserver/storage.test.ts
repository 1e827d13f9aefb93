import { describe, expect, it } from 'vitest';
import type { PersistentVolume, PersistentVolumeClaim } from '../../../src/sim/api/core';
import type { KubeObject } from '../../../src/sim/api/meta';
import type { PodDisruptionBudget, StorageClass } from '../../../src/sim/api/other';
import { kubectlErrorMessage } from '../../../src/sim/apiserver/errors';
import { apiError, meta, newApi } from './helpers';

function pvc(name: string, spec: Partial<PersistentVolumeClaim['spec']> = {}): PersistentVolumeClaim {
  return { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: meta(name), spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, ...spec }, status: {} };
}

function standard(): StorageClass {
  return {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { ...meta('standard'), annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } },
    provisioner: 'csi.playground.k8s.io',
    volumeBindingMode: 'WaitForFirstConsumer',
    allowVolumeExpansion: false,
  };
}

describe('PersistentVolumeClaim', () => {
  it('gets the default class, Filesystem mode, the protection finalizer and phase Pending', () => {
    const api = newApi();
    expect(api.create(standard())).toMatchObject({ reclaimPolicy: 'Delete', volumeBindingMode: 'WaitForFirstConsumer' });
    const c = api.create(pvc('www-web-0'));
    expect(c.spec).toMatchObject({ storageClassName: 'standard', volumeMode: 'Filesystem' });
    expect(c.metadata.finalizers).toEqual(['kubernetes.io/pvc-protection']);
    expect(c.status).toEqual({ phase: 'Pending' });
    expect(api.create(pvc('static', { storageClassName: '' })).spec.storageClassName).toBe('');
  });

  it.each<[string, PersistentVolumeClaim, string[]]>([
    ['access modes', pvc('c', { accessModes: [] }), ['spec.accessModes: Required value: at least 1 access mode is required']],
    ['storage request', pvc('c', { resources: {} }), ['spec.resources[storage]: Required value']],
  ])('requires %s', (_n, c, causes) => {
    const api = newApi();
    expect(apiError(() => api.create(c)).details?.causes).toEqual(causes);
    expect(api.list('PersistentVolumeClaim')).toEqual([]);
  });

  it('is immutable after creation except volumeName once and requests of a bound claim', () => {
    const api = newApi();
    api.create(standard());
    api.create(pvc('c'));
    api.mutate<PersistentVolumeClaim>('PersistentVolumeClaim', 'default', 'c', (d) => void (d.spec.volumeName = 'pvc-1'));
    const err = apiError(() => api.mutate<PersistentVolumeClaim>('PersistentVolumeClaim', 'default', 'c', (d) => void (d.spec.accessModes = ['ReadWriteMany'])));
    expect(kubectlErrorMessage(err)).toBe(
      'The PersistentVolumeClaim "c" is invalid: spec: Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims',
    );
    api.mutate<PersistentVolumeClaim>('PersistentVolumeClaim', 'default', 'c', (d) => void (d.status = { phase: 'Bound', capacity: { storage: '1Gi' } }), { subresource: 'status' });
    const resize = apiError(() => api.mutate<PersistentVolumeClaim>('PersistentVolumeClaim', 'default', 'c', (d) => void (d.spec.resources = { requests: { storage: '2Gi' } })));
    expect(resize.message).toBe(
      'persistentvolumeclaims "c" is forbidden: only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize',
    );
    expect(api.get<PersistentVolumeClaim>('PersistentVolumeClaim', 'default', 'c')!.spec).toMatchObject({ volumeName: 'pvc-1', accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } });
  });

  it('expands a bound claim when its class allows it, never below status.capacity', () => {
    const api = newApi();
    api.create({ ...standard(), allowVolumeExpansion: true });
    api.create(pvc('c'));
    api.mutate<PersistentVolumeClaim>('PersistentVolumeClaim', 'default', 'c', (d) => void (d.status = { phase: 'Bound', capacity: { storage: '1Gi' } }), { subresource: 'status' });
    const grown = api.mutate<PersistentVolumeClaim>('PersistentVolumeClaim', 'default', 'c', (d) => void (d.spec.resources = { requests: { storage: '2Gi' } }))!;
    expect(grown.spec.resources?.requests?.storage).toBe('2Gi');
    const err = apiError(() => api.mutate<PersistentVolumeClaim>('PersistentVolumeClaim', 'default', 'c', (d) => void (d.spec.resources = { requests: { storage: '512Mi' } })));
    expect(err.details?.causes).toEqual(['spec.resources.requests.storage: Forbidden: field can not be less than status.capacity']);
  });
});

describe('PersistentVolume, StorageClass, PodDisruptionBudget, Namespace', () => {
  it('gives a PV its finalizer, Retain and phase Pending', () => {
    const pv: PersistentVolume = {
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: meta('pv-1'),
      spec: { capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'], csi: { driver: 'csi.playground.k8s.io', volumeHandle: 'h' } },
      status: {},
    };
    const created = newApi().create(pv);
    expect(created.metadata.finalizers).toEqual(['kubernetes.io/pv-protection']);
    expect(created.spec).toMatchObject({ persistentVolumeReclaimPolicy: 'Retain', volumeMode: 'Filesystem' });
    expect(created.status.phase).toBe('Pending');
  });

  it('forbids StorageClass parameter and provisioner changes', () => {
    const api = newApi();
    api.create(standard());
    const err = apiError(() => api.mutate<StorageClass>('StorageClass', undefined, 'standard', (d) => void ((d.parameters = { type: 'ssd' }), (d.provisioner = 'other.csi'))));
    expect(err.details?.causes).toEqual(['parameters: Forbidden: updates to parameters are forbidden.', 'provisioner: Forbidden: updates to provisioner are forbidden.']);
  });

  it('refuses a PDB with both minAvailable and maxUnavailable', () => {
    const pdb: PodDisruptionBudget = { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: meta('web'), spec: { minAvailable: 1, maxUnavailable: '50%', selector: { matchLabels: { app: 'web' } } } };
    expect(kubectlErrorMessage(apiError(() => newApi().create(pdb)))).toBe(
      'The PodDisruptionBudget "web" is invalid: spec: Invalid value: {"minAvailable":1,"selector":{"matchLabels":{"app":"web"}},"maxUnavailable":"50%"}: minAvailable and maxUnavailable cannot be both set',
    );
  });

  it('validates labels and annotations on every kind', () => {
    const err = apiError(() => newApi().create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { ...meta('cfg'), labels: { 'app!': 'x y' } } } as KubeObject));
    expect(err.details?.causes).toEqual([
      "metadata.labels: Invalid value: \"app!\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
      "metadata.labels: Invalid value: \"x y\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
    ]);
  });

  it('labels a namespace with its name and rejects a subdomain name', () => {
    const api = newApi();
    expect(api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: meta('team-a') } as KubeObject).metadata.labels).toEqual({ 'kubernetes.io/metadata.name': 'team-a' });
    expect(apiError(() => api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: meta('team.a') } as KubeObject)).details?.causes).toEqual([
      'metadata.name: Invalid value: "team.a": must not contain dots',
    ]);
  });
});
