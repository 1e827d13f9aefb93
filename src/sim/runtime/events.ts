/**
 * The event recorder: writes core/v1 Events the way client-go's EventRecorder does, aggregating repeats
 * of the same reason and message on the same object into one Event with a count.
 */
import type { Event } from '../api/core';
import type { KubeObject } from '../api/meta';
import type { ApiServer } from '../apiserver/store';
import { SIM_EPOCH_MS } from './clock';

export type EventType = 'Normal' | 'Warning';

export interface EventSource {
  component: string;
  host?: string;
  /** The part of the object the event is about, e.g. `spec.containers{nginx}` (involvedObject.fieldPath). */
  fieldPath?: string;
}

export class EventRecorder {
  private readonly aggregate = new Map<string, string>();
  private counter = 0;
  /** `namespace/name` of Events in the order they were last written (oldest first), bounded. */
  private recentKeys = new Map<string, true>();
  private static readonly RECENT_LIMIT = 2000;

  constructor(private readonly api: ApiServer) {}

  /** Records an event about `object`. Never throws: events are best effort, as in Kubernetes. */
  record(object: KubeObject, type: EventType, reason: string, message: string, source: EventSource): void {
    const namespace = object.metadata.namespace ?? 'default';
    const aggKey = [object.kind, namespace, object.metadata.name, object.metadata.uid, type, reason, message, source.component, source.host ?? '', source.fieldPath ?? ''].join('\u0000');
    const now = this.api.clock.timestamp();
    const existingName = this.aggregate.get(aggKey);
    if (existingName) {
      const updated = this.api.mutate<Event>('Event', namespace, existingName, (e) => {
        e.count += 1;
        e.lastTimestamp = now;
      });
      if (updated) {
        this.touch(`${namespace}/${existingName}`);
        return;
      }
    }
    const name = `${object.metadata.name}.${this.eventSuffix()}`;
    const event: Event = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace, uid: '', resourceVersion: '', creationTimestamp: '' },
      involvedObject: {
        kind: object.kind,
        namespace: object.metadata.namespace,
        name: object.metadata.name,
        uid: object.metadata.uid,
        apiVersion: object.apiVersion,
        resourceVersion: object.metadata.resourceVersion,
        ...(source.fieldPath ? { fieldPath: source.fieldPath } : {}),
      },
      reason,
      message,
      source: source.host ? { component: source.component, host: source.host } : { component: source.component },
      firstTimestamp: now,
      lastTimestamp: now,
      count: 1,
      type,
      eventTime: null,
      reportingComponent: source.component,
      reportingInstance: source.host ?? '',
    };
    try {
      this.api.create(event, { handOver: true });
      this.aggregate.set(aggKey, name);
      this.touch(`${namespace}/${name}`);
    } catch {
      // Events are best effort.
    }
  }

  /** The most recently written Events that still exist, oldest first (at most `limit`). */
  recent(limit: number): Event[] {
    const out: Event[] = [];
    const keys = [...this.recentKeys.keys()];
    for (let i = keys.length - 1; i >= 0 && out.length < limit; i--) {
      const key = keys[i]!;
      const slash = key.indexOf('/');
      const event = this.api.get<Event>('Event', key.slice(0, slash), key.slice(slash + 1));
      if (event) out.push(event);
    }
    return out.reverse();
  }

  private touch(key: string): void {
    this.recentKeys.delete(key);
    this.recentKeys.set(key, true);
    if (this.recentKeys.size > EventRecorder.RECENT_LIMIT * 1.5) {
      this.recentKeys = new Map([...this.recentKeys.keys()].slice(-EventRecorder.RECENT_LIMIT).map((k) => [k, true] as const));
    }
  }

  /** Event names end in the hex of a nanosecond timestamp, as client-go makes them. */
  private eventSuffix(): string {
    const nanos = BigInt(SIM_EPOCH_MS + this.api.clock.now()) * 1_000_000n + BigInt(++this.counter);
    return nanos.toString(16);
  }
}
