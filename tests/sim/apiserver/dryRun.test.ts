import { describe, expect, it } from 'vitest';
import type { Service } from '../../../src/sim/api/core';
import type { StatefulSet } from '../../../src/sim/api/apps';
import type { KubeObject } from '../../../src/sim/api/meta';
import { kubectlErrorMessage } from '../../../src/sim/apiserver/errors';
import { apiError, meta, newApi } from './helpers';

function sts(name: string, replicas = 1, labels: Record<string, string> = { app: 'web' }): StatefulSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: meta(name),
    spec: {
      replicas,
      serviceName: 'web',
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } },
    },
  } as StatefulSet;
}

function svc(name: string): Service {
  return { apiVersion: 'v1', kind: 'Service', metadata: meta(name), spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } };
}

describe('ApiServer dry run (?dryRun=All)', () => {
  it('create returns the defaulted object without storing it or telling watchers', () => {
    const api = newApi();
    const seen: string[] = [];
    api.watch('*', (e) => seen.push(`${e.type} ${e.object.kind}`));
    const rv = api.currentResourceVersion();
    const out = api.create(sts('web'), { dryRun: true });
    expect(out.spec.podManagementPolicy).toBe('OrderedReady');
    expect(out.metadata.generation).toBe(1);
    expect(out.metadata.creationTimestamp).toBeDefined();
    expect(out.metadata.uid).toBeUndefined();
    expect(out.metadata.resourceVersion).toBeUndefined();
    expect(api.get('StatefulSet', 'default', 'web')).toBeUndefined();
    expect(seen).toEqual([]);
    expect(api.currentResourceVersion()).toBe(rv);
  });

  it('create validates as a real create does, with the same Invalid error', () => {
    const api = newApi();
    const err = apiError(() => api.create(sts('web', 1, { app: 'other' }), { dryRun: true }));
    expect(kubectlErrorMessage(err)).toBe(
      'The StatefulSet "web" is invalid: spec.template.metadata.labels: Invalid value: {"app":"other"}: `selector` does not match template `labels`',
    );
    expect(err.details?.statusCauses?.[0]?.field).toBe('spec.template.metadata.labels');
  });

  it('create reports AlreadyExists for an existing object', () => {
    const api = newApi();
    api.create(sts('web'));
    expect(apiError(() => api.create(sts('web'), { dryRun: true })).reason).toBe('AlreadyExists');
  });

  it('draws nothing from the seeded source: the next real ClusterIP and uid are the same as without it', () => {
    const plain = newApi(7);
    const dried = newApi(7);
    const preview = dried.create(svc('probe'), { dryRun: true });
    expect(preview.spec.clusterIP).toMatch(/^10\./);
    const a = plain.create(svc('web'));
    const b = dried.create(svc('web'));
    expect(b.spec.clusterIP).toBe(a.spec.clusterIP);
    expect(b.metadata.uid).toBe(a.metadata.uid);
    expect(dried.dump()).toEqual(plain.dump());
  });

  it('update returns the changed object without storing it; forbidden changes fail as on a real update', () => {
    const api = newApi();
    const live = api.create(sts('web'));
    const scaled = { ...structuredClone(live), spec: { ...live.spec, replicas: 3 } } as StatefulSet;
    const out = api.update(scaled, { dryRun: true });
    expect(out.spec.replicas).toBe(3);
    expect(out.metadata.generation).toBe(2);
    expect(api.get<StatefulSet>('StatefulSet', 'default', 'web')!.spec.replicas).toBe(1);
    expect(api.get('StatefulSet', 'default', 'web')!.metadata.resourceVersion).toBe(live.metadata.resourceVersion);

    const renamed = structuredClone(live) as StatefulSet;
    renamed.spec.serviceName = 'other';
    const err = apiError(() => api.update(renamed as KubeObject, { dryRun: true }));
    expect(err.reason).toBe('Invalid');
    expect(err.message).toContain('spec: Forbidden: updates to statefulset spec for fields other than');
  });
});
