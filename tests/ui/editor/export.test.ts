import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../src/sim/api/meta';
import type { Cluster } from '../../../src/sim/cluster';
import { exportObject, exportObjects, exportYaml } from '../../../src/sim/export';
import { testTerminal } from '../../support/terminal';

function objectsOf(cluster: Cluster): KubeObject[] {
  return cluster.api.dump().objects;
}

function parsed(text: string): KubeObject[] {
  return parseAllDocuments(text)
    .map((d) => d.toJS() as KubeObject | null)
    .filter((o): o is KubeObject => o !== null);
}

const refs = (objs: KubeObject[]) => objs.map((o) => `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`);

/** Applies `text` in a fresh empty cluster through kubectl, as a user would on a real one. */
function reapply(text: string, settleMs = 120_000) {
  const t = testTerminal('empty', 2);
  const out = t.run('kubectl apply -f - <<EOF', ...text.trimEnd().split('\n'), 'EOF');
  t.cluster.advance(settleMs);
  return { ...t, out };
}

describe('exportYaml', () => {
  it('exports only the user-level objects of the compare scenario, Services before workloads', () => {
    const t = testTerminal('compare', 1);
    const docs = parsed(exportYaml(objectsOf(t.cluster)));
    expect(refs(docs)).toEqual([
      'Service/default/mysql',
      'Service/default/mysql-deploy',
      'StatefulSet/default/mysql',
      'Deployment/default/mysql-deploy',
    ]);
  });

  it('leaves out status and every server-owned field', () => {
    const t = testTerminal('compare', 1);
    const text = exportYaml(objectsOf(t.cluster));
    for (const field of ['status:', 'uid:', 'resourceVersion:', 'creationTimestamp:', 'generation:', 'managedFields:', 'ownerReferences:', 'clusterIP: 10.', 'last-applied-configuration', 'deployment.kubernetes.io/revision']) {
      expect(text).not.toContain(field);
    }
    const [headless] = parsed(text);
    expect(headless).toMatchObject({ spec: { clusterIP: 'None' } });
  });

  it('re-applies cleanly in a fresh cluster and reproduces the same workloads', () => {
    const original = testTerminal('compare', 1);
    const text = exportYaml(objectsOf(original.cluster));
    const copy = reapply(text);
    expect(copy.out).toBe(
      'service/mysql created\nservice/mysql-deploy created\nstatefulset.apps/mysql created\ndeployment.apps/mysql-deploy created\n',
    );
    // Exporting the copy gives the same text: nothing the export dropped came back different.
    expect(exportYaml(objectsOf(copy.cluster))).toBe(text);
    // The workloads' specs as the API server stores them are the same, defaults included.
    for (const [kind, name] of [['StatefulSet', 'mysql'], ['Deployment', 'mysql-deploy'], ['Service', 'mysql']] as const) {
      const a = original.cluster.api.get<KubeObject & { spec: unknown }>(kind, 'default', name)!;
      const b = copy.cluster.api.get<KubeObject & { spec: unknown }>(kind, 'default', name)!;
      expect(b.spec).toEqual(a.spec);
    }
    const pods = copy.cluster.api.list<KubeObject & { status: { phase: string } }>('Pod', 'default');
    expect(pods.filter((p) => p.metadata.name.startsWith('mysql-') && !p.metadata.name.startsWith('mysql-deploy')).map((p) => `${p.metadata.name} ${p.status.phase}`)).toEqual([
      'mysql-0 Running',
      'mysql-1 Running',
      'mysql-2 Running',
    ]);
    expect(pods.filter((p) => p.metadata.name.startsWith('mysql-deploy-'))).toHaveLength(3);
    expect(refs(copy.cluster.api.list('PersistentVolumeClaim', 'default'))).toEqual([
      'PersistentVolumeClaim/default/data-mysql-0',
      'PersistentVolumeClaim/default/data-mysql-1',
      'PersistentVolumeClaim/default/data-mysql-2',
    ]);
  });

  it("exports a standalone claim without this cluster's volume binding, before the Deployment that mounts it", () => {
    const t = testTerminal('compare-shared-pvc', 1);
    const docs = parsed(exportYaml(objectsOf(t.cluster)));
    const kinds = docs.map((d) => d.kind);
    expect(kinds.indexOf('PersistentVolumeClaim')).toBeLessThan(kinds.indexOf('Deployment'));
    const pvc = docs.find((d) => d.kind === 'PersistentVolumeClaim')!;
    expect(pvc.metadata).toEqual({ name: 'mysql-deploy-data', namespace: 'default' });
    expect(pvc).not.toHaveProperty('spec.volumeName');
    const copy = reapply(exportYaml(objectsOf(t.cluster)));
    expect(copy.cluster.api.get<KubeObject & { status: { phase: string } }>('PersistentVolumeClaim', 'default', 'mysql-deploy-data')!.status.phase).toBe('Bound');
  });

  it('puts a new namespace first and keeps ConfigMaps and PodDisruptionBudgets, in kind order', () => {
    const t = testTerminal('empty', 1);
    t.run(
      'kubectl create namespace shop',
      'kubectl apply -f - <<EOF',
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata: {name: settings, namespace: shop}',
      'data: {mode: fast}',
      'EOF',
      'kubectl create pdb web -n shop --selector=app=web --min-available=1',
    );
    const docs = parsed(exportYaml(objectsOf(t.cluster)));
    expect(refs(docs)).toEqual(['Namespace//shop', 'ConfigMap/shop/settings', 'PodDisruptionBudget/shop/web']);
    expect(docs[0]).toEqual({ apiVersion: 'v1', kind: 'Namespace', metadata: { labels: { 'kubernetes.io/metadata.name': 'shop' }, name: 'shop' } });
    const copy = reapply(exportYaml(objectsOf(t.cluster)), 1000);
    expect(copy.out).toBe('namespace/shop created\nconfigmap/settings created\npoddisruptionbudget.policy/web created\n');
  });

  it('writes a comment when there is nothing to export', () => {
    const t = testTerminal('empty', 1);
    expect(exportYaml(objectsOf(t.cluster))).toContain('# No user objects to export.');
    expect(exportObjects(objectsOf(t.cluster))).toEqual([]);
  });

  it.each([
    ['nginx', 'Always'],
    ['nginx:latest', 'Always'],
    ['nginx:1.27', 'IfNotPresent'],
    ['registry.k8s.io:5000/nginx', 'Always'],
  ])('drops the default imagePullPolicy of %s (%s), which the API server derives again', (image, policy) => {
    const obj = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'd', namespace: 'default', uid: 'x', resourceVersion: '1', creationTimestamp: 'now' },
      spec: { template: { spec: { containers: [{ name: 'c', image, imagePullPolicy: policy }, { name: 'k', image, imagePullPolicy: 'Never' }] } } },
    } as unknown as KubeObject;
    const out = exportObject(obj) as unknown as { spec: { template: { spec: { containers: Record<string, unknown>[] } } } };
    expect(out.spec.template.spec.containers[0]).not.toHaveProperty('imagePullPolicy');
    expect(out.spec.template.spec.containers[1]).toHaveProperty('imagePullPolicy', 'Never');
  });
});
