// Mirrors the shared helpers of staging/src/k8s.io/kubectl/pkg/describe/describe.go: printLabelsMultiline,
// printAnnotationsMultiline, printTolerationsMultiline, printTaintsMultiline, printPodsMultiline,
// printController, searchEvents and DescribeEvents (with pkg/util/event SortableEvents).
// Simplified: times print in UTC (real kubectl uses the local time zone); events sort stably.
import type { Event, Pod, Taint, Toleration } from '../../api/core';
import type { KubeObject } from '../../api/meta';
import type { ApiServer } from '../../apiserver/store';
import { fromTimestamp, SIM_EPOCH_MS } from '../../runtime/clock';
import { age } from './duration';
import { LEVEL_0, LEVEL_1, type PrefixWriter } from './prefixWriter';

/** Annotations describe never prints (skipAnnotations). */
const SKIP_ANNOTATIONS = new Set(['kubectl.kubernetes.io/last-applied-configuration']);
/** maxAnnotationLen: longer annotations are printed on their own lines. */
const MAX_ANNOTATION_LEN = 140;

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Go's time.RFC1123Z layout, in UTC: `Tue, 21 Jul 2026 09:56:05 +0000`. */
export function formatRFC1123Z(timestamp: string | undefined | null): string {
  // A zero metav1.Time formats as Go's zero time.
  if (!timestamp) return 'Mon, 01 Jan 0001 00:00:00 +0000';
  const d = new Date(SIM_EPOCH_MS + fromTimestamp(timestamp));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]}, ${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

/** Go's `%v` of a string slice: `[a b]`. */
export function goSlice(items: readonly string[] | undefined): string {
  return `[${(items ?? []).join(' ')}]`;
}

/** printLabelsMultilineWithIndent: sorted `k=v` lines aligned under the first, or `<none>`. */
export function printLabelsMultiline(w: PrefixWriter, title: string, labels: Record<string, string> | undefined, initialIndent = '', innerIndent = '\t'): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`);
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_0, initialIndent + innerIndent);
    w.write(LEVEL_0, `${key}=${labels![key]}\n`);
  });
}

/** printAnnotationsMultiline: sorted `key: value` lines; long or multi-line values go below their key. */
export function printAnnotationsMultiline(w: PrefixWriter, title: string, annotations: Record<string, string> | undefined): void {
  w.write(LEVEL_0, `${title}:\t`);
  const keys = Object.keys(annotations ?? {})
    .filter((k) => !SKIP_ANNOTATIONS.has(k))
    .sort();
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_0, '\t');
    const value = annotations![key]!.replace(/\n$/, '');
    if (value.length + key.length + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(LEVEL_0, `${key}:\n`);
      for (const line of value.split('\n')) {
        const short = line.length > MAX_ANNOTATION_LEN - 2 ? `${line.slice(0, MAX_ANNOTATION_LEN - 2)}...` : line;
        w.write(LEVEL_0, `\t  ${short}\n`);
      }
    } else {
      w.write(LEVEL_0, `${key}: ${value}\n`);
    }
  });
}

/** printTolerationsMultilineWithIndent: `key[=value]:effect [op=Exists] [for Ns]`, sorted by key. */
export function printTolerationsMultiline(w: PrefixWriter, title: string, tolerations: readonly Toleration[] | undefined, initialIndent = ''): void {
  w.write(LEVEL_0, `${initialIndent}${title}:\t`);
  const sorted = [...(tolerations ?? [])].sort((a, b) => ((a.key ?? '') < (b.key ?? '') ? -1 : (a.key ?? '') > (b.key ?? '') ? 1 : 0));
  if (sorted.length === 0) {
    w.writeLine('<none>');
    return;
  }
  sorted.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, initialIndent + '\t');
    let text = t.key ?? '';
    if (t.value) text += `=${t.value}`;
    if (t.effect) text += `:${t.effect}`;
    if (t.operator === 'Exists' && !t.value) text += t.key || t.effect ? ' op=Exists' : 'op=Exists';
    if (t.tolerationSeconds !== undefined) text += ` for ${t.tolerationSeconds}s`;
    w.write(LEVEL_0, `${text}\n`);
  });
}

/** Taint.ToString: `key=value:Effect`, `key:Effect`. */
function taintToString(t: Taint): string {
  if (!t.effect) return t.value ? `${t.key}=${t.value}:` : t.key;
  return t.value ? `${t.key}=${t.value}:${t.effect}` : `${t.key}:${t.effect}`;
}

/** printTaintsMultilineWithIndent: sorted by effect, then key. */
export function printTaintsMultiline(w: PrefixWriter, title: string, taints: readonly Taint[] | undefined): void {
  w.write(LEVEL_0, `${title}:\t`);
  const key = (t: Taint) => `${t.effect},${t.key}`;
  const sorted = [...(taints ?? [])].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  if (sorted.length === 0) {
    w.writeLine('<none>');
    return;
  }
  sorted.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, '\t');
    w.write(LEVEL_0, `${taintToString(t)}\n`);
  });
}

/** printPodsMultiline: pod names sorted, or `<none>`. */
export function printPodsMultiline(w: PrefixWriter, title: string, pods: readonly Pod[]): void {
  w.write(LEVEL_0, `${title}:\t`);
  if (pods.length === 0) {
    w.writeLine('<none>');
    return;
  }
  [...pods]
    .map((p) => p.metadata.name)
    .sort()
    .forEach((name, i) => {
      if (i !== 0) w.write(LEVEL_0, '\t');
      w.write(LEVEL_0, `${name}\n`);
    });
}

/** printController: `StatefulSet/web` for the controller owner reference, or ''. */
export function printController(obj: KubeObject): string {
  const ref = obj.metadata.ownerReferences?.find((r) => r.controller);
  return ref ? `${ref.kind}/${ref.name}` : '';
}

/**
 * searchEvents: the Events whose involvedObject has this object's name, namespace and uid (and kind, unless
 * `anyKind`, as the pod describer clears the kind). Cluster-scoped objects' events may live in any namespace.
 */
export function searchEvents(api: ApiServer, obj: KubeObject, options: { anyKind?: boolean; uids?: string[] } = {}): Event[] {
  const namespace = obj.metadata.namespace;
  const uids = options.uids ?? [obj.metadata.uid];
  return api
    .list<Event>('Event', namespace)
    .filter(
      (e) =>
        e.involvedObject.name === obj.metadata.name &&
        (e.involvedObject.namespace ?? '') === (namespace ?? '') &&
        uids.includes(e.involvedObject.uid ?? '') &&
        (options.anyKind || e.involvedObject.kind === obj.kind),
    );
}

/** DescribeEvents: `Events: <none>`, or the Type/Reason/Age/From/Message table sorted by lastTimestamp. */
export function describeEvents(events: readonly Event[], w: PrefixWriter, now: number): void {
  if (events.length === 0) {
    w.write(LEVEL_0, 'Events:\t<none>\n');
    return;
  }
  w.flush();
  const sorted = [...events].sort((a, b) => (a.lastTimestamp ? fromTimestamp(a.lastTimestamp) : 0) - (b.lastTimestamp ? fromTimestamp(b.lastTimestamp) : 0));
  w.write(LEVEL_0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(LEVEL_1, '----\t------\t----\t----\t-------\n');
  for (const e of sorted) {
    const first = e.eventTime ? age(e.eventTime, now) : age(e.firstTimestamp, now);
    const interval = e.count > 1 ? `${age(e.lastTimestamp, now)} (x${e.count} over ${first})` : first;
    const source = e.source.component || e.reportingComponent || '';
    let message = e.message.trim();
    if (e.involvedObject.fieldPath) message = `${e.involvedObject.fieldPath}: ${message}`;
    w.write(LEVEL_1, `${e.type}\t${e.reason}\t${interval}\t${source}\t${message}\n`);
  }
}
