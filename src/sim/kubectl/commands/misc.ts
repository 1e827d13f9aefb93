/**
 * Small kubectl commands: `version`, `api-resources`, `cluster-info`.
 */
import { allResources, apiVersionOf } from '../../api/kinds';
import { KUBERNETES_VERSION } from '../../scenarios/bootstrap';
import type { KubectlCommand } from '../context';
import { println } from '../context';
import { str } from '../flags';
import { formatTable } from '../printers';

export const versionCommand: KubectlCommand = {
  name: 'version',
  short: 'Print the client and server version information',
  use: 'kubectl version [flags] [options]',
  flags: [{ name: 'client', type: 'bool' }, { name: 'output', short: 'o', type: 'string' }],
  run(ctx, args) {
    const client = { major: '1', minor: '35', gitVersion: KUBERNETES_VERSION, platform: 'linux/amd64' };
    if (str(args, 'output') === 'json') {
      ctx.io.stdout(JSON.stringify({ clientVersion: client, kustomizeVersion: 'v5.7.1', serverVersion: client }, null, 2) + '\n');
      return 0;
    }
    println(ctx, `Client Version: ${KUBERNETES_VERSION}`);
    println(ctx, 'Kustomize Version: v5.7.1');
    if (args.flags.get('client') !== true) println(ctx, `Server Version: ${KUBERNETES_VERSION}`);
    return 0;
  },
};

export const apiResourcesCommand: KubectlCommand = {
  name: 'api-resources',
  short: 'Print the supported API resources on the server',
  use: 'kubectl api-resources [flags] [options]',
  flags: [{ name: 'namespaced', type: 'bool' }, { name: 'output', short: 'o', type: 'string' }],
  run(ctx, args) {
    const wantNamespaced = args.flags.get('namespaced');
    const rows = [...allResources()]
      .filter((r) => wantNamespaced === undefined || r.namespaced === wantNamespaced)
      .sort((a, b) => (a.group === b.group ? a.resource.localeCompare(b.resource) : a.group.localeCompare(b.group)))
      .map((r) => [r.resource, r.shortNames.join(','), apiVersionOf(r), String(r.namespaced), r.kind]);
    if (str(args, 'output') === 'name') {
      for (const r of rows) println(ctx, r[0]!);
      return 0;
    }
    ctx.io.stdout(formatTable({ header: ['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND'], rows }));
    return 0;
  },
};

export const clusterInfoCommand: KubectlCommand = {
  name: 'cluster-info',
  short: 'Display cluster information',
  use: 'kubectl cluster-info [flags] [options]',
  flags: [],
  run(ctx) {
    println(ctx, 'Kubernetes control plane is running at https://playground.local:6443');
    println(ctx, 'CoreDNS is running at https://playground.local:6443/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy');
    println(ctx, '');
    println(ctx, "To further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.");
    return 0;
  },
};
