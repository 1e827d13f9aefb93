/**
 * Turns kubectl's resource arguments into what to act on: `pods`, `pod web-0 web-1`, `pod/web-0 svc/nginx`,
 * `pods,svc`, `all`, with kubectl's errors for unknown types.
 */
import { resolveResource } from '../api/kinds';
import type { ResourceInfo } from '../api/kinds';

export interface ResourceRequest {
  info: ResourceInfo;
  /** Names asked for; empty means every object of the type (subject to -l). */
  names: string[];
}

export type ResolvedArgs = { ok: true; requests: ResourceRequest[]; byTypeAndName: boolean } | { ok: false; error: string };

/** The kinds `kubectl get all` lists, in its order. */
export const ALL_CATEGORY = ['Pod', 'Service', 'DaemonSet', 'Deployment', 'ReplicaSet', 'StatefulSet', 'Job', 'CronJob'] as const;

/** Resolves one type word, including `all`. */
export function resolveTypes(word: string): { ok: true; infos: ResourceInfo[] } | { ok: false; error: string } {
  const infos: ResourceInfo[] = [];
  for (const part of word.split(',')) {
    if (part === 'all') {
      for (const kind of ALL_CATEGORY) {
        const info = resolveResource(kind);
        if (info && !infos.includes(info)) infos.push(info);
      }
      continue;
    }
    const info = resolveResource(part);
    if (!info) return { ok: false, error: `the server doesn't have a resource type "${part}"` };
    if (!infos.includes(info)) infos.push(info);
  }
  return { ok: true, infos };
}

/** Resolves positional arguments (`TYPE [NAME...]` or `TYPE/NAME...`). */
export function resolveArgs(args: string[]): ResolvedArgs {
  if (args.length === 0) return { ok: true, requests: [], byTypeAndName: false };
  if (args.some((a) => a.includes('/'))) {
    const requests: ResourceRequest[] = [];
    for (const arg of args) {
      const slash = arg.indexOf('/');
      if (slash < 0) {
        return { ok: false, error: `there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'` };
      }
      const type = arg.slice(0, slash);
      const name = arg.slice(slash + 1);
      const resolved = resolveTypes(type);
      if (!resolved.ok) return resolved;
      if (!name) return { ok: false, error: `arguments in resource/name form must have a single resource and name` };
      const info = resolved.infos[0]!;
      const existing = requests.find((r) => r.info === info);
      if (existing) existing.names.push(name);
      else requests.push({ info, names: [name] });
    }
    return { ok: true, requests, byTypeAndName: true };
  }
  const [typeWord, ...names] = args;
  const resolved = resolveTypes(typeWord!);
  if (!resolved.ok) return resolved;
  if (names.length && resolved.infos.length > 1) {
    return { ok: false, error: `you may only specify a single resource type` };
  }
  return { ok: true, requests: resolved.infos.map((info) => ({ info, names: [...names] })), byTypeAndName: names.length > 0 };
}
