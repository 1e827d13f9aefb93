/**
 * `kubectl set`: the group of commands that change fields of existing objects. Mirrors
 * staging/src/k8s.io/kubectl/pkg/cmd/set/set.go. Simplified: only `set image` is modelled.
 */
import type { KubectlCommand } from '../context';
import { subCommandGroupRun } from './rollout';
import { setImageCommand } from './setImage';

const SET_HELP = `Configure application resources.

 These commands help you make changes to existing application resources.
`;

const SET_SUBCOMMANDS = [setImageCommand];
const runSet = subCommandGroupRun(SET_HELP, 'kubectl set SUBCOMMAND [options]');

export const setCommand: KubectlCommand = {
  name: 'set',
  short: 'Set specific features on objects',
  use: 'kubectl set SUBCOMMAND',
  flags: [],
  subcommands: SET_SUBCOMMANDS,
  run: (ctx, args) => runSet(ctx, args, SET_SUBCOMMANDS),
};
