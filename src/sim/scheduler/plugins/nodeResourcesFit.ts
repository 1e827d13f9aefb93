/**
 * Mirrors pkg/scheduler/framework/plugins/noderesources/fit.go (fitsRequest): the pod count against
 * allocatable `pods`, then cpu and memory requests against allocatable.
 *
 * Simplified: no extended or ephemeral-storage resources, no pod-level resources.
 */
import { parseQuantity } from '../../controllers/persistentvolume/util';
import type { FilterPlugin } from '../framework';
import { unschedulable } from '../framework';

export const nodeResourcesFit: FilterPlugin = {
  name: 'NodeResourcesFit',
  filter(state, info, node) {
    const alloc = node.status.allocatable ?? {};
    const reasons: string[] = [];
    if (info.podCount + 1 > parseQuantity(alloc.pods ?? '110')) reasons.push('Too many pods');
    if (state.cpuMilli > 0 && info.cpuMilli + state.cpuMilli > parseQuantity(alloc.cpu) * 1000) reasons.push('Insufficient cpu');
    if (state.memoryBytes > 0 && info.memoryBytes + state.memoryBytes > parseQuantity(alloc.memory)) reasons.push('Insufficient memory');
    return reasons.length ? unschedulable(this.name, 'Unschedulable', ...reasons) : null;
  },
};
