import { beforeAll, describe, expect, it } from 'vitest';
import { allResources } from '../../../src/sim/api/kinds';
import { commands } from '../../../src/sim/kubectl/commands';
import { startScenario } from '../../../src/sim/scenarios';
import { buildSnapshot } from '../../../src/sim/snapshot';
import {
  HOST_COMMANDS,
  KINDS,
  KUBECTL_VERBS,
  complete,
  completionNames,
  resolveKind,
} from '../../../src/ui/dock/completion';
import type { CompletionNames } from '../../../src/ui/dock/completion';

const names: CompletionNames = {
  Pod: [
    { namespace: 'default', name: 'mysql-0' },
    { namespace: 'default', name: 'mysql-1' },
    { namespace: 'default', name: 'mysql-deploy-57dd7c6cf4-2gr8h' },
    { namespace: 'kube-system', name: 'coredns-abc' },
  ],
  Node: [
    { namespace: null, name: 'node-1' },
    { namespace: null, name: 'node-2' },
  ],
  Zone: [
    { namespace: null, name: 'zone-a' },
    { namespace: null, name: 'zone-b' },
  ],
  Namespace: [
    { namespace: null, name: 'default' },
    { namespace: null, name: 'kube-system' },
  ],
  StatefulSet: [{ namespace: 'default', name: 'mysql' }],
  Deployment: [{ namespace: 'default', name: 'mysql-deploy' }],
  PersistentVolumeClaim: [{ namespace: 'default', name: 'data-mysql-0' }],
};

describe('complete', () => {
  it.each<[string, string, string[]]>([
    // Host commands and kubectl verbs.
    ['kub', 'kubectl ', []],
    ['s', 's', ['sim', 'sleep']],
    ['kubectl g', 'kubectl get ', []],
    ['kubectl de', 'kubectl de', ['delete', 'describe']],
    ['kubectl dr', 'kubectl drain ', []],
    ['kubectl ro', 'kubectl rollout ', []],
    // Resource types: a short name or kind expands to the plural; a prefix completes as far as it is unique.
    ['kubectl get po', 'kubectl get pods ', []],
    ['kubectl get sts', 'kubectl get statefulsets ', []],
    ['kubectl get deploy', 'kubectl get deployments ', []],
    ['kubectl get pvc', 'kubectl get persistentvolumeclaims ', []],
    ['kubectl get Pod', 'kubectl get pods ', []],
    ['kubectl get pod', 'kubectl get pod', ['poddisruptionbudgets', 'pods']],
    [
      'kubectl get persistentvolume',
      'kubectl get persistentvolume',
      ['persistentvolumeclaims', 'persistentvolumes'],
    ],
    ['kubectl describe no', 'kubectl describe nodes ', []],
    ['kubectl get a', 'kubectl get all ', []],
    // Object names of the type, in the namespace the line names.
    [
      'kubectl get pods m',
      'kubectl get pods mysql-',
      ['mysql-0', 'mysql-1', 'mysql-deploy-57dd7c6cf4-2gr8h'],
    ],
    ['kubectl get pods mysql-d', 'kubectl get pods mysql-deploy-57dd7c6cf4-2gr8h ', []],
    ['kubectl delete pod mysql-0 mysql-1', 'kubectl delete pod mysql-0 mysql-1 ', []],
    ['kubectl get pods -n kube-system c', 'kubectl get pods -n kube-system coredns-abc ', []],
    ['kubectl get pods c', 'kubectl get pods c', []],
    ['kubectl get pods -A c', 'kubectl get pods -A coredns-abc ', []],
    ['kubectl get pods -n k', 'kubectl get pods -n kube-system ', []],
    ['kubectl describe pod/mysql-1', 'kubectl describe pod/mysql-1 ', []],
    [
      'kubectl describe po/mysql-',
      'kubectl describe po/mysql-',
      ['po/mysql-0', 'po/mysql-1', 'po/mysql-deploy-57dd7c6cf4-2gr8h'],
    ],
    ['kubectl scale sts m', 'kubectl scale sts mysql ', []],
    ['kubectl scale statefulset mysql --rep', 'kubectl scale statefulset mysql --replicas=', []],
    ['kubectl rollout res', 'kubectl rollout res', ['restart', 'resume']],
    ['kubectl rollout restart deployment m', 'kubectl rollout restart deployment mysql-deploy ', []],
    ['kubectl get pvc d', 'kubectl get pvc data-mysql-0 ', []],
    // Pods for exec and logs, nodes for cordon and drain.
    ['kubectl exec -it mysql-0', 'kubectl exec -it mysql-0 ', []],
    ['kubectl logs mysql-1', 'kubectl logs mysql-1 ', []],
    ['kubectl exec mysql-0 -- sh', 'kubectl exec mysql-0 -- sh', []],
    ['kubectl cordon node-', 'kubectl cordon node-', ['node-1', 'node-2']],
    ['kubectl drain node-2', 'kubectl drain node-2 ', []],
    ['kubectl drain node-2 --ig', 'kubectl drain node-2 --ignore-daemonsets ', []],
    // sim: node and zone failures.
    ['sim n', 'sim node ', []],
    ['sim node st', 'sim node st', ['start', 'stop']],
    ['sim node stop node-1', 'sim node stop node-1 ', []],
    ['sim zone d', 'sim zone down ', []],
    ['sim zone down zone-', 'sim zone down zone-', ['zone-a', 'zone-b']],
    // After a pipe, the next command; nothing to offer for unknown words.
    ['kubectl get pods | gr', 'kubectl get pods | grep ', []],
    ['kubectl get frobs x', 'kubectl get frobs x', []],
    ['kubectl version x', 'kubectl version x', []],
  ])('%j completes to %j', (line, expected, candidates) => {
    expect(complete(line, names)).toEqual({ line: expected, candidates });
  });

  it('resolves the words kubectl accepts for a type', () => {
    expect(['po', 'pod', 'pods', 'Pod', 'pods.'].map((w) => resolveKind(w)?.kind)).toEqual([
      'Pod',
      'Pod',
      'Pod',
      'Pod',
      'Pod',
    ]);
    expect(resolveKind('statefulsets.apps')?.plural).toBe('statefulsets');
    expect(resolveKind('frobs')).toBeUndefined();
  });
});

describe('what completion knows', () => {
  it('lists the same resource types, short names and scopes as the simulated API server', () => {
    expect(KINDS).toEqual(
      allResources().map((r) => ({
        kind: r.kind,
        plural: r.resource,
        singular: r.singular,
        shortNames: [...r.shortNames],
        namespaced: r.namespaced,
      })),
    );
  });

  it('lists every kubectl verb the simulator runs', () => {
    expect([...KUBECTL_VERBS]).toEqual(commands.map((c) => c.name).sort());
  });

  it('lists the host commands the terminal runs', () => {
    expect(HOST_COMMANDS).toContain('kubectl');
    expect(HOST_COMMANDS).toContain('sim');
  });

  describe('from a snapshot of the compare scenario', () => {
    let found: CompletionNames;
    beforeAll(() => {
      found = completionNames(buildSnapshot(startScenario('compare', 1).cluster));
    });

    it('knows its pods, nodes, zones, workloads and volumes', () => {
      const of = (kind: string) => (found[kind] ?? []).map((o) => o.name);
      expect(of('Pod')).toEqual(expect.arrayContaining(['mysql-0', 'mysql-1', 'mysql-2']));
      expect(of('Node')).toEqual(['node-1', 'node-2', 'node-3', 'node-4']);
      expect(of('Zone')).toEqual(['zone-a', 'zone-b']);
      expect(of('StatefulSet')).toEqual(['mysql']);
      expect(of('Deployment')).toEqual(['mysql-deploy']);
      expect(of('PersistentVolumeClaim')).toEqual(['data-mysql-0', 'data-mysql-1', 'data-mysql-2']);
      expect(of('Namespace')).toEqual(expect.arrayContaining(['default', 'kube-system']));
    });

    it('completes names from it', () => {
      expect(complete('kubectl describe pod mysql-2', found).line).toBe('kubectl describe pod mysql-2 ');
      expect(complete('kubectl get sts my', found).line).toBe('kubectl get sts mysql ');
    });
  });

  it('knows nothing before the first snapshot', () => {
    expect(completionNames(null)).toEqual({});
    expect(complete('kubectl get pods m', {})).toEqual({ line: 'kubectl get pods m', candidates: [] });
  });
});
