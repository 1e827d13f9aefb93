/**
 * One shell process inside a container: its variables, working directory, last status, the container's
 * files, and the identity the kubelet gave the pod (hostname, /etc/hosts, /etc/resolv.conf, environment).
 * Mirrors what pkg/kubelet/kubelet_pods.go (makeEnvironmentVariables, ensureHostsFile, GeneratePodHostNameAndDomain)
 * and pkg/kubelet/network/dns/dns.go set up for a container.
 *
 * Simplified: no secrets or downward-API volumes; valueFrom supports fieldRef for metadata.name,
 * metadata.namespace, spec.nodeName and status.podIP only.
 */
import type { Container, Pod, Service } from '../api/core';
import type { ClusterContext } from '../runtime/controller';
import { CLUSTER_DOMAIN, KUBE_DNS_IP } from '../scenarios/bootstrap';
import { searchDomains } from '../dns/names';
import { ContainerFs } from './containerFs';
import type { ImageProfile } from './images';
import { NGINX_VERSION, imageProfile } from './images';

/** A sink for one output stream. */
export type Sink = (text: string) => void;

export class Session {
  readonly profile: ImageProfile;
  readonly fs: ContainerFs;
  readonly vars = new Map<string, string>();
  cwd = '/';
  status = 0;
  /** Set by `exit`: the status the shell ends with. */
  exitCode: number | undefined;
  /** The input line number, used in dash's error messages. */
  lineNo = 1;

  constructor(
    readonly ctx: ClusterContext,
    readonly pod: Pod,
    readonly container: Container,
    tty = false,
  ) {
    this.profile = imageProfile(container.image);
    this.fs = new ContainerFs(ctx, pod, container, this.profile, kubeletFiles(pod));
    for (const [k, v] of containerEnvironment(ctx, pod, container, this.profile, tty)) this.vars.set(k, v);
    if (this.profile.prompt.startsWith('~')) this.cwd = this.vars.get('HOME') ?? '/';
  }

  /** A child shell (`sh -c`, `$(...)`): same files, a copy of the variables. */
  fork(): Session {
    const child = Object.create(Session.prototype) as Session;
    Object.assign(child, this, { vars: new Map(this.vars), exitCode: undefined });
    return child;
  }

  /** `sh: ` (busybox ash) or `sh: 3: ` (dash, with the line number). */
  errorPrefix(): string {
    return this.profile.flavour === 'dash' ? `sh: ${this.lineNo}: ` : 'sh: ';
  }

  /** The prompt of an interactive shell: dash prints `# `; busybox ash prints the directory first. */
  prompt(): string {
    if (this.profile.flavour === 'dash') return this.profile.prompt;
    const home = this.vars.get('HOME');
    const dir =
      home && (this.cwd === home || this.cwd.startsWith(home + '/'))
        ? '~' + this.cwd.slice(home.length)
        : this.cwd;
    return `${dir} ${this.profile.prompt.trim().slice(-1)} `;
  }

  hostname(): string {
    return podHostname(this.pod);
  }
}

/** The pod's hostname: spec.hostname when set (StatefulSet pods), else the pod name. */
export function podHostname(pod: Pod): string {
  return (pod.spec.hostname || pod.metadata.name).slice(0, 63);
}

/** `web-0.nginx.default.svc.cluster.local` for a pod with a subdomain, else undefined. */
export function podFqdn(pod: Pod): string | undefined {
  if (!pod.spec.subdomain) return undefined;
  return `${podHostname(pod)}.${pod.spec.subdomain}.${pod.metadata.namespace}.svc.${CLUSTER_DOMAIN}`;
}

/** The kubelet-managed /etc/hosts, /etc/hostname and /etc/resolv.conf. */
function kubeletFiles(pod: Pod): Record<string, string> {
  const ip = pod.status.podIP ?? '';
  const fqdn = podFqdn(pod);
  const host = podHostname(pod);
  const hostLine = fqdn ? `${ip}\t${fqdn}\t${host}` : `${ip}\t${host}`;
  return {
    '/etc/hosts': [
      '# Kubernetes-managed hosts file.',
      '127.0.0.1\tlocalhost',
      '::1\tlocalhost ip6-localhost ip6-loopback',
      'fe00::0\tip6-localnet',
      'fe00::0\tip6-mcastprefix',
      'fe00::1\tip6-allnodes',
      'fe00::2\tip6-allrouters',
      hostLine,
      '',
    ].join('\n'),
    '/etc/hostname': `${host}\n`,
    '/etc/resolv.conf': `search ${searchDomains(pod.metadata.namespace ?? 'default').join(' ')}\nnameserver ${KUBE_DNS_IP}\noptions ndots:5\n`,
  };
}

/** The container's environment: image defaults, HOSTNAME, container env, service links, HOME, TERM. */
function containerEnvironment(
  ctx: ClusterContext,
  pod: Pod,
  container: Container,
  profile: ImageProfile,
  tty: boolean,
): [string, string][] {
  const env: [string, string][] = [
    ['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
    ['HOSTNAME', podHostname(pod)],
  ];
  if (profile.servesNginx) env.push(['NGINX_VERSION', NGINX_VERSION], ['PKG_RELEASE', '1~bookworm']);
  for (const e of container.env ?? []) env.push([e.name, e.value ?? fieldRef(pod, e.valueFrom)]);
  if (pod.spec.enableServiceLinks !== false) env.push(...serviceLinks(ctx, pod));
  env.push(['HOME', profile.prompt.startsWith('~') ? '/home/curl_user' : '/root']);
  if (tty) env.push(['TERM', 'xterm']);
  return env;
}

function fieldRef(pod: Pod, valueFrom: unknown): string {
  const path = (valueFrom as { fieldRef?: { fieldPath?: string } } | undefined)?.fieldRef?.fieldPath;
  if (path === 'metadata.name') return pod.metadata.name;
  if (path === 'metadata.namespace') return pod.metadata.namespace ?? '';
  if (path === 'spec.nodeName') return pod.spec.nodeName ?? '';
  if (path === 'status.podIP') return pod.status.podIP ?? '';
  return '';
}

/**
 * Docker-links-style variables for the Services that existed when the pod was created
 * (getServiceEnvVarMap): those of the pod's namespace with a cluster IP, plus `kubernetes`.
 */
function serviceLinks(ctx: ClusterContext, pod: Pod): [string, string][] {
  const created = pod.metadata.creationTimestamp;
  const services = ctx.api
    .list<Service>('Service')
    .filter(
      (s) =>
        s.metadata.namespace === pod.metadata.namespace ||
        (s.metadata.namespace === 'default' && s.metadata.name === 'kubernetes'),
    )
    .filter(
      (s) => s.spec.clusterIP && s.spec.clusterIP !== 'None' && s.metadata.creationTimestamp <= created,
    );
  const out: [string, string][] = [];
  for (const s of services) {
    const prefix = s.metadata.name.toUpperCase().replace(/-/g, '_');
    const ip = s.spec.clusterIP!;
    const ports = s.spec.ports ?? [];
    const first = ports[0];
    out.push([`${prefix}_SERVICE_HOST`, ip]);
    if (first) out.push([`${prefix}_SERVICE_PORT`, String(first.port)]);
    for (const p of ports)
      if (p.name)
        out.push([`${prefix}_SERVICE_PORT_${p.name.toUpperCase().replace(/-/g, '_')}`, String(p.port)]);
    if (first)
      out.push([`${prefix}_PORT`, `${(first.protocol ?? 'TCP').toLowerCase()}://${ip}:${first.port}`]);
    for (const p of ports) {
      const proto = p.protocol ?? 'TCP';
      const base = `${prefix}_PORT_${p.port}_${proto}`;
      out.push(
        [base, `${proto.toLowerCase()}://${ip}:${p.port}`],
        [`${base}_PROTO`, proto.toLowerCase()],
        [`${base}_PORT`, String(p.port)],
        [`${base}_ADDR`, ip],
      );
    }
  }
  return out;
}
