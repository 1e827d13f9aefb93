/**
 * The network path of one HTTP request from a pod: name resolution through cluster DNS (the pod's search
 * path) or /etc/hosts, kube-proxy's choice of one ready endpoint behind a Service VIP (ctx.random), and
 * nginx serving /usr/share/nginx/html from whatever volume backs it in the target container.
 *
 * Simplified: only nginx images answer HTTP, on port 80; no NetworkPolicy; a VIP port the Service does not
 * expose times out; kube-proxy ignores sessionAffinity and topology.
 */
import type { Pod, Service } from '../api/core';
import type { EndpointSlice } from '../api/other';
import { resolve } from '../dns/resolver';
import { isIPv4 } from '../dns/names';
import { ContainerFs, resolvePath } from './containerFs';
import { NGINX_VERSION, imageProfile, nginxErrorPage } from './images';
import type { Session } from './session';

export interface Url {
  host: string;
  port: number;
  path: string;
}

/** Parses `http://host[:port]/path` (scheme optional). */
export function parseUrl(text: string): Url | undefined {
  const m = text.match(/^(?:(https?):\/\/)?([^/:?#]+)(?::(\d+))?([^#]*)/i);
  if (!m) return undefined;
  const port = m[3] ? Number(m[3]) : m[1]?.toLowerCase() === 'https' ? 443 : 80;
  return { host: m[2]!, port, path: m[4] || '/' };
}

/** Where a name leads: an IP, or nothing. */
export function lookupHost(session: Session, host: string): string | undefined {
  const lower = host.toLowerCase();
  if (lower === 'localhost') return '127.0.0.1';
  if (isIPv4(lower)) return lower;
  for (const line of (session.fs.read('/etc/hosts') ?? '').split('\n')) {
    const [ip, ...names] = line.split(/\s+/);
    if (ip && !line.startsWith('#') && isIPv4(ip) && names.includes(lower)) return ip;
  }
  const answer = resolve(session.ctx.api, lower, { namespace: session.pod.metadata.namespace });
  return answer.a[0];
}

export type Connection =
  | { ok: true; pod: Pod; ip: string; port: number }
  | { ok: false; reason: 'refused' | 'timeout' | 'unreachable'; ip: string };

/** Opens a TCP connection to ip:port from `session`'s pod, following a Service VIP to one endpoint. */
export function connect(session: Session, ip: string, port: number): Connection {
  const { api, random } = session.ctx;
  if (ip === '127.0.0.1')
    return listening(session.pod, port)
      ? { ok: true, pod: session.pod, ip, port }
      : { ok: false, reason: 'refused', ip };
  const service = api.list<Service>('Service').find((s) => s.spec.clusterIP === ip);
  if (service) {
    const servicePort = (service.spec.ports ?? []).find((p) => p.port === port);
    if (!servicePort) return { ok: false, reason: 'timeout', ip };
    const targets: { ip: string; port: number }[] = [];
    for (const slice of api.list<EndpointSlice>('EndpointSlice', service.metadata.namespace)) {
      if (slice.metadata.labels?.['kubernetes.io/service-name'] !== service.metadata.name) continue;
      const ep = (slice.ports ?? []).find(
        (p) =>
          (p.name ?? '') === (servicePort.name ?? '') &&
          (p.protocol ?? 'TCP') === (servicePort.protocol ?? 'TCP'),
      );
      if (!ep?.port) continue;
      for (const e of slice.endpoints)
        if (e.conditions.ready) for (const a of e.addresses) targets.push({ ip: a, port: ep.port });
    }
    // kube-proxy rejects connections to a Service with no ready endpoints.
    if (!targets.length) return { ok: false, reason: 'refused', ip };
    const target = random.pick(targets);
    return connect(session, target.ip, target.port);
  }
  const pod = api.list<Pod>('Pod').find((p) => p.status.podIP === ip && p.status.phase === 'Running');
  if (!pod) return { ok: false, reason: 'unreachable', ip };
  return listening(pod, port) ? { ok: true, pod, ip, port } : { ok: false, reason: 'refused', ip };
}

/** The nginx container of `pod` when nginx listens on `port` there and is running. */
function listening(pod: Pod, port: number): string | undefined {
  if (pod.status.phase !== 'Running' || port !== 80) return undefined;
  for (const c of pod.spec.containers) {
    if (!imageProfile(c.image).servesNginx) continue;
    const status = pod.status.containerStatuses?.find((s) => s.name === c.name);
    if (status && !status.state.running) continue;
    return c.name;
  }
  return undefined;
}

export interface HttpResponse {
  status: number;
  reason: string;
  headers: [string, string][];
  body: string;
}

/** nginx answering `GET path` from its document root /usr/share/nginx/html (ngx_http_static_module, index). */
export function serveHttp(session: Session, pod: Pod, path: string, dateHeader: string): HttpResponse {
  const containerName = listening(pod, 80)!;
  const container = pod.spec.containers.find((c) => c.name === containerName)!;
  const fs = new ContainerFs(session.ctx, pod, container, imageProfile(container.image), {});
  const root = '/usr/share/nginx/html';
  const clean = decodeURIComponent(path.split('?')[0] ?? '/');
  const full = resolvePath(root, '.' + clean);
  const respond = (
    status: number,
    reason: string,
    body: string,
    extra: [string, string][] = [],
  ): HttpResponse => ({
    status,
    reason,
    body,
    headers: [
      ['Server', `nginx/${NGINX_VERSION}`],
      ['Date', dateHeader],
      ['Content-Type', 'text/html'],
      ['Content-Length', String(new TextEncoder().encode(body).length)],
      ['Connection', 'keep-alive'],
      ...extra,
    ],
  });
  if (clean.endsWith('/')) {
    if (!fs.isDir(full)) return respond(404, 'Not Found', nginxErrorPage(404));
    const index = fs.read(resolvePath(full, 'index.html'));
    // A directory without index.html, and autoindex off: nginx answers 403.
    return index === undefined ? respond(403, 'Forbidden', nginxErrorPage(403)) : respond(200, 'OK', index);
  }
  const content = fs.read(full);
  if (content !== undefined) return respond(200, 'OK', content);
  if (fs.isDir(full)) {
    const body = `<html>\n<head><title>301 Moved Permanently</title></head>\n<body>\n<center><h1>301 Moved Permanently</h1></center>\n<hr><center>nginx/${NGINX_VERSION}</center>\n</body>\n</html>\n`;
    return respond(301, 'Moved Permanently', body, [['Location', `http://${pod.status.podIP}${clean}/`]]);
  }
  return respond(404, 'Not Found', nginxErrorPage(404));
}
