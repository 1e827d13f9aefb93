/**
 * Mirrors pkg/scheduler/framework/plugins/volumerestrictions (ReadWriteOncePod) and volumezone
 * (volume_zone.go): a ReadWriteOncePod claim already used by a scheduled pod blocks every node; a bound
 * PV labelled with a zone only fits nodes in that zone.
 *
 * Simplified: the in-tree disk conflict checks (GCE PD, AWS EBS, RBD, iSCSI) are not modelled.
 */
import type { PersistentVolumeClaim, Pod } from '../../api/core';
import type { ApiServer } from '../../apiserver/store';
import { podClaimNames } from '../../controllers/persistentvolume/util';
import { REGION_LABEL, ZONE_LABEL } from '../../scenarios/bootstrap';
import type { SchedulerCache } from '../cache';
import type { FilterPlugin } from '../framework';
import { unschedulable } from '../framework';

export const ERR_REASON_READ_WRITE_ONCE_POD_CONFLICT = 'node has pod using PersistentVolumeClaim with the same name and ReadWriteOncePod access mode';
export const ERR_REASON_VOLUME_ZONE_CONFLICT = 'node(s) had no available volume zone';

/** PreFilter: true when another scheduled pod uses one of this pod's ReadWriteOncePod claims. */
export function readWriteOncePodConflict(api: ApiServer, cache: SchedulerCache, pod: Pod): boolean {
  const namespace = pod.metadata.namespace ?? 'default';
  return podClaimNames(pod).some((name) => {
    const pvc = api.get<PersistentVolumeClaim>('PersistentVolumeClaim', namespace, name);
    return !!pvc?.spec.accessModes?.includes('ReadWriteOncePod') && cache.claimUserCount(`${namespace}/${name}`) > 0;
  });
}

export const volumeRestrictions: FilterPlugin = {
  name: 'VolumeRestrictions',
  filter(state) {
    return state.readWriteOncePodConflict ? unschedulable(this.name, 'Unschedulable', ERR_REASON_READ_WRITE_ONCE_POD_CONFLICT) : null;
  },
};

const TOPOLOGY_LABELS = [ZONE_LABEL, REGION_LABEL, 'failure-domain.beta.kubernetes.io/zone', 'failure-domain.beta.kubernetes.io/region'];

export const volumeZone: FilterPlugin = {
  name: 'VolumeZone',
  filter(state, _info, node) {
    const nodeLabels = node.metadata.labels ?? {};
    for (const { pv } of state.volumes.bound) {
      for (const key of TOPOLOGY_LABELS) {
        const value = pv?.metadata.labels?.[key];
        if (value === undefined) continue;
        // A PV zone label may list several zones joined by "__".
        if (!value.split('__').includes(nodeLabels[key] ?? '\u0000')) {
          return unschedulable(this.name, 'UnschedulableAndUnresolvable', ERR_REASON_VOLUME_ZONE_CONFLICT);
        }
      }
    }
    return null;
  },
};
