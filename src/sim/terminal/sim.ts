/**
 * The `sim` host command: things that happen to the machines rather than through the API. `sim node stop`
 * is a power loss (the kubelet stops and its containers no longer run; the API keeps the pods' last reported
 * status until the control plane notices), `sim node start` powers the machine back on, `sim zone down|up`
 * does the same to every node of a zone (topology.kubernetes.io/zone).
 */
import type { Node } from '../api/core';
import { stateDigest } from '../digest';
import { isKubeletStopped, startKubeletOn, stopKubeletOn } from '../kubelet';
import { ZONE_LABEL } from '../scenarios/bootstrap';
import type { CommandIO } from './builtins';
import type { Terminal } from './terminal';

const HELP = `sim: what happens to the machines of the simulated cluster.

Usage:
  sim node stop NAME    the machine loses power: its kubelet no longer reports, its containers stop
  sim node start NAME   the machine powers up again: its kubelet reports and resumes its pods
  sim zone down ZONE    every node of ZONE loses power (a zone outage)
  sim zone up ZONE      every node of ZONE powers up again
  sim digest            a digest of the whole simulated state (same scenario, seed and commands: same digest)
  sim help              this text
`;

/** The nodes the kubelet knows: the API's, plus stopped ones whose Node object was deleted. */
function nodeNames(terminal: Terminal): string[] {
  return terminal.cluster.api.list<Node>('Node').map((n) => n.metadata.name);
}

function stopNode(terminal: Terminal, name: string, io: CommandIO): void {
  const ctx = terminal.cluster.ctx;
  if (isKubeletStopped(ctx, name)) {
    io.stdout(`node/${name} already stopped\n`);
    return;
  }
  stopKubeletOn(ctx, name);
  io.stdout(`node/${name} stopped (the machine lost power: its kubelet no longer reports)\n`);
}

function startNode(terminal: Terminal, name: string, io: CommandIO): void {
  const ctx = terminal.cluster.ctx;
  if (!isKubeletStopped(ctx, name)) {
    io.stdout(`node/${name} already running\n`);
    return;
  }
  startKubeletOn(ctx, name);
  terminal.cluster.settle();
  io.stdout(`node/${name} started (the machine is back: its kubelet reports again)\n`);
}

function knownNode(terminal: Terminal, name: string): boolean {
  return nodeNames(terminal).includes(name) || isKubeletStopped(terminal.cluster.ctx, name);
}

function zoneNodes(terminal: Terminal, zone: string): string[] {
  return terminal.cluster.api
    .list<Node>('Node')
    .filter((n) => n.metadata.labels?.[ZONE_LABEL] === zone)
    .map((n) => n.metadata.name);
}

function usage(io: CommandIO, message: string): number {
  io.stderr(`sim: ${message}\nRun 'sim help' for usage.\n`);
  return 1;
}

/** Runs `sim ...`. Returns the exit code. */
export function runSim(terminal: Terminal, args: string[], io: CommandIO): number {
  const [noun, verb, name, ...extra] = args;
  if (!noun || noun === 'help' || noun === '--help' || noun === '-h') {
    io.stdout(HELP);
    return 0;
  }
  if (noun === 'digest') {
    if (verb !== undefined) return usage(io, `too many arguments: ${args.slice(1).join(' ')}`);
    io.stdout(`${stateDigest(terminal.cluster)}\n`);
    return 0;
  }
  if (noun !== 'node' && noun !== 'zone') return usage(io, `unknown command "${noun}"`);
  if (verb === undefined) return usage(io, `missing action: sim ${noun} ${noun === 'node' ? 'stop|start NAME' : 'down|up ZONE'}`);
  const actions = noun === 'node' ? ['stop', 'start'] : ['down', 'up'];
  if (!actions.includes(verb)) return usage(io, `unknown action "${verb}" for ${noun}: use ${actions.join(' or ')}`);
  if (!name) return usage(io, `missing ${noun === 'node' ? 'node name' : 'zone name'}: sim ${noun} ${verb} ${noun === 'node' ? 'NAME' : 'ZONE'}`);
  if (extra.length) return usage(io, `too many arguments: ${extra.join(' ')}`);
  if (noun === 'node') {
    if (!knownNode(terminal, name)) {
      io.stderr(`sim: node "${name}" not found\n`);
      return 1;
    }
    if (verb === 'stop') stopNode(terminal, name, io);
    else startNode(terminal, name, io);
    return 0;
  }
  const nodes = zoneNodes(terminal, name);
  if (!nodes.length) {
    const zones = [...new Set(terminal.cluster.api.list<Node>('Node').map((n) => n.metadata.labels?.[ZONE_LABEL]).filter((z): z is string => !!z))].sort();
    io.stderr(`sim: zone "${name}" has no nodes (zones: ${zones.join(', ')})\n`);
    return 1;
  }
  for (const node of nodes) {
    if (verb === 'down') stopNode(terminal, node, io);
    else startNode(terminal, node, io);
  }
  return 0;
}
