// Mirrors the per-node state of pkg/kubelet/kubelet.go (the Kubelet struct: pod workers, image and crash
// back-offs, the runtime's image store) for one simulated node.
// Simplified: one object per node in memory; the container runtime's state lives in PodWork records.

import type { Pod } from '../api/core';
import type { TimerHandle } from '../runtime/clock';
import type { ClusterContext } from '../runtime/controller';
import { Backoff } from './backoff';
import { HostLocalIpam } from './ipam';
import type { PodRuntime } from './status';

/** What the kubelet tracks for one pod (one pod worker), keyed by pod uid. */
export interface PodWork {
  key: string;
  uid: string;
  /** The pod as last seen, for teardown after it is gone from the API. */
  pod: Pod;
  rt: PodRuntime;
  mount: 'none' | 'mounting' | 'mounted' | 'unmounted';
  /** Unique names of the PVC volumes mounted for this pod (reported in node.status.volumesInUse). */
  volumesInUse: string[];
  /** The operation that blocks this pod's sync (a mount, an image pull, a container start). */
  op?: { kind: 'mount' | 'pull' | 'start'; container?: string; handle: TimerHandle };
  /** When each running container's process exits on its own, and when it turns ready (simulated ms). */
  exitAt: Map<string, number>;
  readyAt: Map<string, number>;
  /** Other timers (exits, readiness, retries, kills) to cancel when the kubelet stops or the pod goes. */
  timers: TimerHandle[];
  /** Set once the pod is being killed: the containers still to stop, by name, with their stop instants. */
  killing?: Map<string, { at: number; exitCode: number }>;
  removing: boolean;
}

/** One node's kubelet: its pods, image store, pod IPs, back-offs, and whether it runs at all. */
export class NodeKubelet {
  /** A stopped kubelet does nothing: its pods stay exactly as they are (node failure). */
  stopped = false;
  /** Normalised references of the images the node's runtime has (`docker.io/library/nginx:latest`). */
  readonly images = new Set<string>();
  readonly works = new Map<string, PodWork>();
  readonly imageBackOff = new Backoff();
  readonly crashBackOff = new Backoff();
  /** When the node's serial image puller is free again (serializeImagePulls: true). */
  pullerFreeAt = 0;
  /** When each image's layers are (or will be) on the node, counting pulls still queued. */
  readonly imageLayersAt = new Map<string, number>();
  private ipamCache?: HostLocalIpam;

  constructor(
    private readonly ctx: ClusterContext,
    readonly nodeName: string,
  ) {}

  /** The node's host-local IPAM over spec.podCIDR. */
  get ipam(): HostLocalIpam {
    if (!this.ipamCache) {
      const node = this.ctx.api.get<import('../api/core').Node>('Node', undefined, this.nodeName);
      this.ipamCache = new HostLocalIpam(node?.spec.podCIDR ?? '10.244.0.0/24');
    }
    return this.ipamCache;
  }

  /** The union of PVC volumes mounted by this node's pods: what node.status.volumesInUse lists. */
  volumesInUse(): Set<string> {
    const out = new Set<string>();
    for (const w of this.works.values()) for (const v of w.volumesInUse) out.add(v);
    return out;
  }

  /** Works for pod `key`, oldest first (a deleted pod can still be tearing down when its successor arrives). */
  worksFor(key: string): PodWork[] {
    return [...this.works.values()].filter((w) => w.key === key);
  }
}

/** Cancels every timer a pod worker holds. */
export function cancelTimers(work: PodWork): void {
  work.op?.handle.cancel();
  work.op = undefined;
  for (const t of work.timers) t.cancel();
  work.timers = [];
}
