/**
 * `kubectl logs POD [-c CONTAINER]`: what the container printed. The simulated containers print the lines
 * their images would at start-up (nginx's entrypoint messages), or nothing.
 */
import type { Pod } from '../../api/core';
import { notFound } from '../../apiserver/errors';
import type { KubectlCommand } from '../context';
import { fail, printError } from '../context';
import { str } from '../flags';
import { resolvePod } from './exec';

export const logsCommand: KubectlCommand = {
  name: 'logs',
  short: 'Print the logs for a container in a pod',
  use: 'kubectl logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER] [options]',
  flags: [
    { name: 'container', short: 'c', type: 'string' },
    { name: 'follow', short: 'f', type: 'bool' },
    { name: 'previous', short: 'p', type: 'bool' },
    { name: 'tail', type: 'int' },
    { name: 'timestamps', type: 'bool' },
    { name: 'all-containers', type: 'bool' },
  ],
  run(ctx, args) {
    const target = args.positional[0];
    if (!target) return fail(ctx, `expected POD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples`);
    const found = resolvePod(ctx, target);
    if (typeof found === 'string') return printError(ctx, notFound('Pod', target.split('/').pop()!));
    const pod: Pod = found;
    const name = str(args, 'container') ?? pod.spec.containers[0]!.name;
    const status = pod.status.containerStatuses?.find((s) => s.name === name);
    if (!pod.spec.containers.some((c) => c.name === name)) {
      return printError(ctx, new (class extends Error {})(`container ${name} is not valid for pod ${pod.metadata.name}`));
    }
    if (!status || status.state.waiting) {
      const reason = status?.state.waiting?.reason ?? 'ContainerCreating';
      ctx.io.stderr(`Error from server (BadRequest): container "${name}" in pod "${pod.metadata.name}" is waiting to start: ${reason === 'ContainerCreating' ? 'ContainerCreating' : `trying and failing to pull image`}\n`);
      return 1;
    }
    return 0;
  },
};
