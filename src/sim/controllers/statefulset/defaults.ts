/**
 * Mirrors SetDefaults_StatefulSet in pkg/apis/apps/v1/defaults.go, applied on the read side: the controller
 * works on a defaulted copy of each StatefulSet so it copes with objects whose optional fields are absent.
 *
 * Simplified: nothing here is written back; API defaulting itself belongs to the StatefulSet strategy.
 * `maxUnavailable` is not defaulted here: getStatefulSetMaxUnavailable treats an absent value as 1, which
 * is what the MaxUnavailableStatefulSet defaulting would have stored.
 */
import type { StatefulSet } from '../../api/apps';
import { deepClone } from '../../apiserver/objects';

/** A StatefulSet whose defaulted fields are known to be present. */
export type DefaultedStatefulSet = StatefulSet & {
  spec: StatefulSet['spec'] & {
    replicas: number;
    podManagementPolicy: 'OrderedReady' | 'Parallel';
    updateStrategy: NonNullable<StatefulSet['spec']['updateStrategy']> & { type: 'RollingUpdate' | 'OnDelete' };
    revisionHistoryLimit: number;
    minReadySeconds: number;
    persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain' | 'Delete'; whenScaled: 'Retain' | 'Delete' };
  };
};

/**
 * A deep copy of `set` with the upstream defaults filled in: replicas 1, podManagementPolicy OrderedReady,
 * updateStrategy RollingUpdate with partition 0 (a rollingUpdate block is only added when the type was
 * absent, as upstream does), revisionHistoryLimit 10, minReadySeconds 0, retention Retain/Retain.
 */
export function withDefaults(set: StatefulSet): DefaultedStatefulSet {
  const copy = deepClone(set);
  const spec = copy.spec;
  spec.podManagementPolicy ??= 'OrderedReady';
  const strategy = (spec.updateStrategy ??= {});
  if (!strategy.type) {
    strategy.type = 'RollingUpdate';
    strategy.rollingUpdate ??= {};
  }
  if (strategy.type === 'RollingUpdate' && strategy.rollingUpdate) {
    strategy.rollingUpdate.partition ??= 0;
  }
  const retention = (spec.persistentVolumeClaimRetentionPolicy ??= {});
  retention.whenDeleted ??= 'Retain';
  retention.whenScaled ??= 'Retain';
  spec.replicas ??= 1;
  spec.revisionHistoryLimit ??= 10;
  spec.minReadySeconds ??= 0;
  copy.status ??= { replicas: 0 };
  return copy as DefaultedStatefulSet;
}
