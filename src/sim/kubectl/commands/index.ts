/**
 * The kubectl command table. Updates, node operations and rollouts slot in here as further entries.
 */
import type { KubectlCommand } from '../context';
import { annotateCommand, labelCommand } from './label';
import { applyCommand } from './apply';
import { createCommand } from './create';
import { deleteCommand } from './delete';
import { describeCommand } from './describe';
import { diffCommand } from './diff';
import { execCommand } from './exec';
import { getCommand } from './get';
import { logsCommand } from './logs';
import { apiResourcesCommand, clusterInfoCommand, versionCommand } from './misc';
import { patchCommand } from './patch';
import { rolloutCommand } from './rollout';
import { runCommand } from './run';
import { scaleCommand } from './scale';
import { setCommand } from './set';
import { waitCommand } from './wait';
import { cordonCommand, drainCommand, uncordonCommand } from './drain';
import { taintCommand } from './taint';

export const commands: KubectlCommand[] = [
  getCommand,
  describeCommand,
  applyCommand,
  diffCommand,
  createCommand,
  deleteCommand,
  scaleCommand,
  patchCommand,
  labelCommand,
  annotateCommand,
  waitCommand,
  setCommand,
  rolloutCommand,
  execCommand,
  runCommand,
  logsCommand,
  versionCommand,
  apiResourcesCommand,
  clusterInfoCommand,
  cordonCommand,
  uncordonCommand,
  drainCommand,
  taintCommand,
];
