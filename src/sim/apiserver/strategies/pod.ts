/**
 * Pod strategy (pkg/registry/core/pod/strategy.go): defaults and admission on create, status reset to
 * Pending with the QoS class, validation, and graceful deletion. A pod that was never scheduled, or has
 * already finished, is removed at once; otherwise it terminates over its grace period.
 */
import type { Container, Pod } from '../../api/core';
import type { KubeObject } from '../../api/meta';
import type { Strategy } from '../store';
import { validatePod, validatePodUpdate } from '../validation/pod';
import { admitDefaultTolerationSeconds, admitPriority, admitServiceAccount } from './admission';
import { setDefaultsPod } from './defaults';

const COMPUTE = ['cpu', 'memory'];

/** qos.GetPodQOS: BestEffort with no cpu/memory requests or limits, Guaranteed when limits equal requests everywhere. */
export function getPodQOS(pod: Pod): 'BestEffort' | 'Burstable' | 'Guaranteed' {
  const containers: Container[] = [...(pod.spec.initContainers ?? []), ...(pod.spec.containers ?? [])];
  let any = false;
  let guaranteed = true;
  for (const c of containers) {
    const requests = c.resources?.requests ?? {};
    const limits = c.resources?.limits ?? {};
    for (const r of COMPUTE) {
      if (requests[r] !== undefined || limits[r] !== undefined) any = true;
      if (limits[r] === undefined || (requests[r] !== undefined && requests[r] !== limits[r])) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

export const podStrategy: Strategy = {
  hasGeneration: true,
  hasStatusSubresource: true,
  prepareForCreate(obj) {
    const pod = obj as Pod;
    setDefaultsPod(pod);
    admitServiceAccount(pod);
    admitPriority(pod);
    admitDefaultTolerationSeconds(pod);
    pod.status = { phase: 'Pending', qosClass: getPodQOS(pod) };
  },
  validate(obj) {
    return validatePod(obj as Pod);
  },
  prepareForUpdate(obj) {
    setDefaultsPod(obj as Pod);
  },
  validateUpdate(obj, old) {
    return validatePodUpdate(obj as Pod, old as Pod);
  },
  gracePeriod(obj: KubeObject, requested: number | undefined): number {
    const pod = obj as Pod;
    if (!pod.spec.nodeName) return 0;
    if (pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed') return 0;
    const grace = requested ?? pod.spec.terminationGracePeriodSeconds ?? 30;
    return Math.max(0, grace);
  },
};
