/**
 * The status lines `kubectl rollout status` prints, from rollout_status.go's viewers, for each state of a
 * Deployment or StatefulSet.
 */
import { describe, expect, it } from 'vitest';
import type { Deployment, StatefulSet } from '../../../../src/sim/api/apps';
import { deploymentStatus, statefulSetStatus, statusViewerFor } from '../../../../src/sim/kubectl/commands/rollout/statusViewer';
import { RolloutError } from '../../../../src/sim/kubectl/commands/rollout/rolloutUtil';

function deployment(generation: number, status: Deployment['status'], replicas = 3, revision = '2'): Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default', uid: 'u', resourceVersion: '1', creationTimestamp: '', generation, annotations: { 'deployment.kubernetes.io/revision': revision } },
    spec: { replicas, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } } },
    status,
  };
}

function statefulSet(status: StatefulSet['status'], updateStrategy: StatefulSet['spec']['updateStrategy'] = { type: 'RollingUpdate', rollingUpdate: { partition: 0, maxUnavailable: 1 } }, generation = 2): StatefulSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'web', namespace: 'default', uid: 'u', resourceVersion: '1', creationTimestamp: '', generation },
    spec: { replicas: 3, selector: { matchLabels: { app: 'nginx' } }, template: { metadata: { labels: { app: 'nginx' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } }, updateStrategy },
    status,
  };
}

describe('DeploymentStatusViewer', () => {
  it.each([
    ['spec not observed yet', deployment(3, { observedGeneration: 2 }), 'Waiting for deployment spec update to be observed...\n', false],
    ['new replicas being created', deployment(2, { observedGeneration: 2, replicas: 4, updatedReplicas: 1 }), 'Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...\n', false],
    ['old replicas terminating', deployment(2, { observedGeneration: 2, replicas: 4, updatedReplicas: 3 }), 'Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...\n', false],
    ['updated not yet available', deployment(2, { observedGeneration: 2, replicas: 3, updatedReplicas: 3, availableReplicas: 2 }), 'Waiting for deployment "web" rollout to finish: 2 of 3 updated replicas are available...\n', false],
    ['complete', deployment(2, { observedGeneration: 2, replicas: 3, updatedReplicas: 3, availableReplicas: 3 }), 'deployment "web" successfully rolled out\n', true],
  ])('%s', (_name, d, message, done) => {
    expect(deploymentStatus(d, 0)).toEqual({ message, done });
  });

  it('fails once the Progressing condition says ProgressDeadlineExceeded', () => {
    const d = deployment(2, {
      observedGeneration: 2,
      replicas: 4,
      updatedReplicas: 2,
      conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded', message: '', lastUpdateTime: '', lastTransitionTime: '' }],
    });
    expect(() => deploymentStatus(d, 0)).toThrow(new RolloutError('deployment "web" exceeded its progress deadline'));
  });

  it('pins --revision to the running revision', () => {
    const d = deployment(2, { observedGeneration: 2, replicas: 3, updatedReplicas: 3, availableReplicas: 3 }, 3, '4');
    expect(deploymentStatus(d, 4).done).toBe(true);
    expect(() => deploymentStatus(d, 3)).toThrow('desired revision (3) is different from the running revision (4)');
  });
});

describe('StatefulSetStatusViewer', () => {
  const status = (s: Partial<NonNullable<StatefulSet['status']>>): StatefulSet['status'] => ({ replicas: 3, observedGeneration: 2, currentRevision: 'web-a', updateRevision: 'web-b', ...s });
  it.each([
    ['never observed', statefulSet(status({ observedGeneration: 0 })), 'Waiting for statefulset spec update to be observed...\n', false],
    ['pods not ready', statefulSet(status({ readyReplicas: 2 })), 'Waiting for 1 pods to be ready...\n', false],
    ['partitioned update under way', statefulSet(status({ readyReplicas: 3, updatedReplicas: 1 })), 'Waiting for partitioned roll out to finish: 1 out of 3 new pods have been updated...\n', false],
    ['partition 2: one pod is all it takes', statefulSet(status({ readyReplicas: 3, updatedReplicas: 1 }), { type: 'RollingUpdate', rollingUpdate: { partition: 2 } }), 'partitioned roll out complete: 1 new pods have been updated...\n', true],
    ['partition above the replicas', statefulSet(status({ readyReplicas: 3, updatedReplicas: 0 }), { type: 'RollingUpdate', rollingUpdate: { partition: 3 } }), 'partitioned roll out complete: 0 new pods have been updated...\n', true],
    ['no rollingUpdate block, revisions differ', statefulSet(status({ readyReplicas: 3, updatedReplicas: 2 }), { type: 'RollingUpdate' }), 'waiting for statefulset rolling update to complete 2 pods at revision web-b...\n', false],
    ['no rollingUpdate block, done', statefulSet(status({ readyReplicas: 3, currentReplicas: 3, updatedReplicas: 3, currentRevision: 'web-b' }), { type: 'RollingUpdate' }), 'statefulset rolling update complete 3 pods at revision web-b...\n', true],
  ])('%s', (_name, sts, message, done) => {
    expect(statefulSetStatus(sts)).toEqual({ message, done });
  });

  it('refuses OnDelete', () => {
    expect(() => statefulSetStatus(statefulSet(status({}), { type: 'OnDelete' }))).toThrow('rollout status is only available for RollingUpdate strategy type');
  });
});

describe('statusViewerFor', () => {
  it.each([
    ['Pod', 'no status viewer has been implemented for Pod'],
    ['ReplicaSet', 'no status viewer has been implemented for ReplicaSet.apps'],
  ])('%s', (kind, message) => {
    expect(() => statusViewerFor(kind)).toThrow(message);
  });
});
