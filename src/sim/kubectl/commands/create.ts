/**
 * `kubectl create -f FILE` and the generators `create namespace`, `create deployment`,
 * `create service clusterip|headless`, as staging/src/k8s.io/kubectl/pkg/cmd/create builds them.
 */
import type { Deployment } from '../../api/apps';
import type { Service } from '../../api/core';
import type { KubeObject } from '../../api/meta';
import type { KubectlCommand, KubectlContext } from '../context';
import { fail, printError, println } from '../context';
import { num, str, strs } from '../flags';
import type { ParsedArgs } from '../flags';
import { runSubcommandRequired } from '../kubectl';
import { objectRef } from '../names';
import { printObjects } from '../output';
import { createFromFiles, fileFlags } from './apply';
import { createPdbCommand } from './createPdb';

const meta = { uid: '', resourceVersion: '', creationTimestamp: '' };

function createObject(ctx: KubectlContext, args: ParsedArgs, obj: KubeObject): number {
  const dryRun = str(args, 'dry-run');
  try {
    const created = dryRun && dryRun !== 'none' ? obj : ctx.api.create(obj);
    const output = str(args, 'output');
    if (output) return printObjects(ctx, [created], output);
    println(ctx, `${objectRef(created)} created${dryRun && dryRun !== 'none' ? (dryRun === 'server' ? ' (server dry run)' : ' (dry run)') : ''}`);
    return 0;
  } catch (e) {
    return printError(ctx, e);
  }
}

function requireName(ctx: KubectlContext, args: ParsedArgs): string | number {
  const name = args.positional[0];
  if (!name) return fail(ctx, `exactly one NAME is required, got 0\nSee '${ctx.commandPath} -h' for help and examples`);
  if (args.positional.length > 1) return fail(ctx, `exactly one NAME is required, got ${args.positional.length}\nSee '${ctx.commandPath} -h' for help and examples`);
  return name;
}

const generatorFlags = [
  { name: 'dry-run', type: 'string' as const },
  { name: 'output', short: 'o', type: 'string' as const },
];

const namespaceCommand: KubectlCommand = {
  name: 'namespace',
  aliases: ['ns'],
  short: 'Create a namespace with the specified name',
  use: 'kubectl create namespace NAME [--dry-run=server|client|none]',
  flags: generatorFlags,
  run(ctx, args) {
    const name = requireName(ctx, args);
    if (typeof name === 'number') return name;
    return createObject(ctx, args, { apiVersion: 'v1', kind: 'Namespace', metadata: { ...meta, name } });
  },
};

const deploymentCommand: KubectlCommand = {
  name: 'deployment',
  aliases: ['deploy'],
  short: 'Create a deployment with the specified name',
  use: 'kubectl create deployment NAME --image=image -- [COMMAND] [args...] [options]',
  flags: [...generatorFlags, { name: 'image', type: 'strings' }, { name: 'replicas', short: 'r', type: 'int' }, { name: 'port', type: 'int' }],
  run(ctx, args) {
    const name = requireName(ctx, args);
    if (typeof name === 'number') return name;
    const images = strs(args, 'image');
    if (!images.length) return fail(ctx, `required flag(s) "image" not set`);
    const labels = { app: name };
    const port = num(args, 'port');
    const deployment: Deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { ...meta, name, namespace: ctx.namespace, labels },
      spec: {
        replicas: num(args, 'replicas') ?? 1,
        selector: { matchLabels: labels },
        template: {
          metadata: { labels },
          spec: {
            containers: images.map((image, i) => ({
              name: images.length === 1 ? imageBaseName(image) : `${imageBaseName(image)}-${i}`,
              image,
              ...(i === 0 && args.afterDash.length ? { command: args.afterDash } : {}),
              ...(port !== undefined ? { ports: [{ containerPort: port }] } : {}),
            })),
          },
        },
        strategy: {},
      },
      status: {},
    };
    return createObject(ctx, args, deployment);
  },
};

function imageBaseName(image: string): string {
  const last = image.split('/').pop() ?? image;
  return last.split(/[:@]/)[0]!.replace(/[^a-z0-9-]/g, '-');
}

function serviceGenerator(type: 'clusterip' | 'headless'): KubectlCommand {
  return {
    name: type,
    short: type === 'clusterip' ? 'Create a ClusterIP service' : 'Create a headless service',
    use: `kubectl create service ${type} NAME [--tcp=<port>:<targetPort>] [--dry-run=server|client|none]`,
    flags: [...generatorFlags, { name: 'tcp', type: 'strings' }, { name: 'clusterip', type: 'string' }],
    run(ctx, args) {
      const name = requireName(ctx, args);
      if (typeof name === 'number') return name;
      const tcp = strs(args, 'tcp');
      const clusterIP = type === 'headless' ? 'None' : str(args, 'clusterip');
      if (!tcp.length && clusterIP !== 'None') return fail(ctx, `at least one tcp port specifier must be provided`);
      const ports = tcp.map((spec) => {
        const [port, target] = spec.split(':');
        return { name: `${port}-${target ?? port}`, port: Number(port), protocol: 'TCP' as const, targetPort: Number(target ?? port) };
      });
      const svc: Service = {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { ...meta, name, namespace: ctx.namespace, labels: { app: name } },
        spec: { type: 'ClusterIP', selector: { app: name }, ports, ...(clusterIP ? { clusterIP } : {}) },
      };
      return createObject(ctx, args, svc);
    },
  };
}

const serviceCommand: KubectlCommand = {
  name: 'service',
  aliases: ['svc'],
  short: 'Create a service using a specified subcommand',
  use: 'kubectl create service [flags] [options]',
  flags: [],
  run: runSubcommandRequired,
  subcommands: [serviceGenerator('clusterip'), serviceGenerator('headless')],
};

export const createCommand: KubectlCommand = {
  name: 'create',
  short: 'Create a resource from a file or from stdin',
  use: 'kubectl create -f FILENAME [options]',
  flags: fileFlags,
  run: (ctx, args) => createFromFiles(ctx, args),
  subcommands: [namespaceCommand, deploymentCommand, serviceCommand, createPdbCommand],
};
