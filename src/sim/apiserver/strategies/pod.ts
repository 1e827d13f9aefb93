/**
 * Pod strategy (pkg/registry/core/pod/strategy.go): graceful deletion. A pod that was never scheduled, or
 * has already finished, is removed at once; otherwise it terminates over its grace period.
 */
import type { Pod } from '../../api/core';
import type { KubeObject } from '../../api/meta';
import type { Strategy } from '../store';

export const podStrategy: Strategy = {
  hasGeneration: true,
  hasStatusSubresource: true,
  gracePeriod(obj: KubeObject, requested: number | undefined): number {
    const pod = obj as Pod;
    if (!pod.spec.nodeName) return 0;
    if (pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed') return 0;
    const grace = requested ?? pod.spec.terminationGracePeriodSeconds ?? 30;
    return Math.max(0, grace);
  },
};
