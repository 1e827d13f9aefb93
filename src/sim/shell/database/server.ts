/**
 * Finding the database server a client talks to: the local one in the same container, or the one behind
 * `-h host` (pod DNS names, pod IPs and Service VIPs, as a TCP connection would reach them), and the state
 * it is in (initialised on first contact, not accepting connections while a replica clones).
 *
 * Simplified: a server runs whenever its container runs (no start-up time); the server's data directory is
 * initialised lazily, when the first client connects.
 */
import type { Container, Pod } from '../../api/core';
import type { EndpointSlice } from '../../api/other';
import type { Service } from '../../api/core';
import type { ClusterContext } from '../../runtime/controller';
import { ContainerFs } from '../containerFs';
import { lookupHost } from '../http';
import { imageProfile } from '../images';
import type { Session } from '../session';
import type { EngineLayout } from './dataDir';
import { DataDir, imageEngine } from './dataDir';

/** The controller that the server wakes after each committed write (controllers/replication). */
export const REPLICATION_CONTROLLER = 'replication';

/** A reachable server: the pod and container it runs in, its data directory and environment. */
export interface Server {
  pod: Pod;
  container: Container;
  dir: DataDir;
  env: ReadonlyMap<string, string>;
}

/** The database container of a pod for `layout`'s engine, if the pod runs one. */
export function databaseContainer(pod: Pod, layout: EngineLayout): Container | undefined {
  return pod.spec.containers.find((c) => imageEngine(c.image)?.engine === layout.engine);
}

/** The data directory of `pod`'s database container, read through the container's volume mounts. */
export function podDataDir(ctx: ClusterContext, pod: Pod, layout: EngineLayout): DataDir | undefined {
  const container = databaseContainer(pod, layout);
  if (!container) return undefined;
  const fs = new ContainerFs(ctx, pod, container, imageProfile(container.image), {});
  return new DataDir(fs, layout);
}

/** The server in the caller's own container. */
export function localServer(session: Session, layout: EngineLayout): Server | undefined {
  if (imageEngine(session.container.image)?.engine !== layout.engine) return undefined;
  return { pod: session.pod, container: session.container, dir: new DataDir(session.fs, layout), env: session.vars };
}

/** The server `host` leads to from the caller's pod, or undefined when nothing listens there. */
export function remoteServer(session: Session, host: string, layout: EngineLayout): Server | undefined {
  const ip = lookupHost(session, host);
  if (!ip) return undefined;
  if (ip === '127.0.0.1') return localServer(session, layout);
  const { api, random } = session.ctx;
  let target = ip;
  const service = api.list<Service>('Service').find((s) => s.spec.clusterIP === ip);
  if (service) {
    const ips: string[] = [];
    for (const slice of api.list<EndpointSlice>('EndpointSlice', service.metadata.namespace)) {
      if (slice.metadata.labels?.['kubernetes.io/service-name'] !== service.metadata.name) continue;
      for (const e of slice.endpoints) if (e.conditions.ready) ips.push(...e.addresses);
    }
    if (!ips.length) return undefined;
    target = random.pick(ips);
  }
  const pod = api.list<Pod>('Pod').find((p) => p.status.podIP === target && p.status.phase === 'Running' && !p.metadata.deletionTimestamp);
  const container = pod && databaseContainer(pod, layout);
  if (!pod || !container) return undefined;
  const env = new Map((container.env ?? []).map((e) => [e.name, e.value ?? ''] as const));
  const fs = new ContainerFs(session.ctx, pod, container, imageProfile(container.image), {});
  return { pod, container, dir: new DataDir(fs, layout), env };
}

/**
 * Gets a server ready for a connection: initialises a fresh data directory. Returns false while the server
 * is not accepting connections (a replica still cloning its data).
 */
export function openServer(ctx: ClusterContext, server: Server): boolean {
  const state = server.dir.replication();
  if (state?.state === 'cloning') return false;
  if (!server.dir.isInitialized()) server.dir.initialize(ctx.random.uuid());
  return true;
}

/** True when the server refuses writes (super_read_only on a replica, hot standby on postgres). */
export function isReadOnly(server: Server): boolean {
  return server.dir.replication()?.role === 'replica';
}

/** Tells the replication controller that `server` committed a write (its StatefulSet's key). */
export function notifyCommitted(ctx: ClusterContext, server: Server): void {
  const owner = server.pod.metadata.ownerReferences?.find((r) => r.controller && r.kind === 'StatefulSet');
  if (owner) ctx.enqueue(REPLICATION_CONTROLLER, `${server.pod.metadata.namespace}/${owner.name}`);
}
