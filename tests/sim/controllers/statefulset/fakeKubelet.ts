/**
 * A stand-in for the scheduler and kubelet in StatefulSet controller tests: it binds each new pod to a node
 * at once, makes it Running and Ready after `readyDelayMs` (unless told the pod never gets Ready), and on
 * graceful deletion sets Ready=False and removes the pod after `shutdownMs`. Level-triggered, like the
 * controllers: the watch queues pod keys, sync reads the pod and acts.
 */
import type { Pod } from '../../../../src/sim/api/core';
import type { Condition } from '../../../../src/sim/api/meta';
import type { ClusterContext, Controller } from '../../../../src/sim/runtime/controller';
import { WorkQueue, keyOf, splitKey } from '../../../../src/sim/runtime/workqueue';

export interface FakeKubeletOptions {
  readyDelayMs: number;
  shutdownMs: number;
  /** Pods for which this returns true reach Running but never Ready. */
  neverReady: (pod: Pod) => boolean;
}

export class FakeKubelet implements Controller {
  readonly name = 'fake-kubelet';
  readonly queue: WorkQueue;
  /** Pod uids with a timer already pending, so each step is scheduled once. */
  private readonly started = new Set<string>();
  private readonly stopping = new Set<string>();

  constructor(
    private readonly ctx: ClusterContext,
    private readonly options: FakeKubeletOptions,
  ) {
    this.queue = new WorkQueue(ctx.clock, this.name);
    ctx.api.watch('Pod', (event) => {
      if (event.type !== 'DELETED') this.queue.add(keyOf(event.object.metadata as { namespace?: string; name: string }));
    });
  }

  sync(key: string): void {
    const { namespace, name } = splitKey(key);
    const pod = this.ctx.api.get<Pod>('Pod', namespace, name);
    if (!pod) return;
    const uid = pod.metadata.uid;
    if (pod.metadata.deletionTimestamp) {
      if (this.stopping.has(uid)) return;
      this.stopping.add(uid);
      this.setReady(pod, false);
      this.ctx.clock.after(this.options.shutdownMs, `fake-kubelet stop ${key}`, () => {
        const current = this.ctx.api.get<Pod>('Pod', namespace, name);
        if (current?.metadata.uid === uid) this.ctx.api.delete('Pod', namespace, name, { gracePeriodSeconds: 0, uid });
      });
      return;
    }
    if (!pod.spec.nodeName) {
      this.ctx.api.mutate<Pod>('Pod', namespace, name, (draft) => {
        draft.spec.nodeName = 'node-1';
      });
      return;
    }
    if (this.started.has(uid) || pod.status.phase !== 'Pending') return;
    this.started.add(uid);
    this.ctx.clock.after(this.options.readyDelayMs, `fake-kubelet start ${key}`, () => {
      const current = this.ctx.api.get<Pod>('Pod', namespace, name);
      if (current?.metadata.uid !== uid || current.metadata.deletionTimestamp || current.status.phase !== 'Pending') return;
      this.ctx.api.mutate<Pod>(
        'Pod',
        namespace,
        name,
        (draft) => {
          draft.status.phase = 'Running';
          draft.status.startTime = this.ctx.clock.timestamp();
        },
        { subresource: 'status' },
      );
      this.setReady(current, !this.options.neverReady(current));
    });
  }

  /** Sets the Ready condition (and its lastTransitionTime when it changes). */
  setReady(pod: Pod, ready: boolean): void {
    this.ctx.api.mutate<Pod>(
      'Pod',
      pod.metadata.namespace,
      pod.metadata.name,
      (draft) => {
        if (draft.metadata.uid !== pod.metadata.uid) return false;
        const status = ready ? 'True' : 'False';
        const conditions: Condition[] = draft.status.conditions ?? [];
        const existing = conditions.find((c) => c.type === 'Ready');
        if (existing?.status === status) return false;
        const condition: Condition = { type: 'Ready', status, lastTransitionTime: this.ctx.clock.timestamp() };
        draft.status.conditions = [...conditions.filter((c) => c.type !== 'Ready'), condition];
      },
      { subresource: 'status' },
    );
  }

  /** Makes the pod's containers exit with an error: phase Failed, Ready=False. */
  fail(namespace: string, name: string): void {
    this.ctx.api.mutate<Pod>(
      'Pod',
      namespace,
      name,
      (draft) => {
        draft.status.phase = 'Failed';
        draft.status.conditions = (draft.status.conditions ?? []).map((c) =>
          c.type === 'Ready' ? { ...c, status: 'False', lastTransitionTime: this.ctx.clock.timestamp() } : c,
        );
      },
      { subresource: 'status' },
    );
  }
}
