/**
 * The inspector's context actions as the command lines they are. Every action is sent to the terminal as
 * typed text and echoed in the console, so the buttons teach the real kubectl (or `sim`) commands.
 */
import type { ObjectRef } from '../../store/playgroundStore';

/** One action button: its label and the exact line it runs. */
export interface Action {
  label: string;
  command: string;
}

/** ` -n NS` for objects outside the default namespace (kubectl's context namespace here is `default`). */
function namespaceFlag(namespace: string | null): string {
  return namespace && namespace !== 'default' ? ` -n ${namespace}` : '';
}

/** Quotes `word` for a POSIX shell when it needs quoting (single quotes, `'\''` for a quote inside). */
export function shellQuote(word: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

export const podCommands = {
  delete: (pod: ObjectRef) => `kubectl delete pod ${pod.name}${namespaceFlag(pod.namespace)}`,
  forceDelete: (pod: ObjectRef) =>
    `kubectl delete pod ${pod.name}${namespaceFlag(pod.namespace)} --grace-period=0 --force`,
  /**
   * `kubectl exec POD -- sh -c 'echo TEXT >> PATH'`: appends one line to a file inside the pod. TEXT is
   * double-quoted for the pod's shell when it holds anything but plain words, then the whole script is
   * single-quoted for the host shell.
   */
  writeLine: (pod: ObjectRef, path: string, text: string) => {
    const plain = /^[A-Za-z0-9 _.,:@%+=/-]*$/.test(text) && !/ {2}/.test(text) && text.trim() === text;
    const echoed = plain && text !== '' ? text : `"${text.replace(/["\\$`]/g, '\\$&')}"`;
    const script = `echo ${echoed} >> ${path}`;
    return `kubectl exec ${pod.name}${namespaceFlag(pod.namespace)} -- sh -c ${shellQuote(script)}`;
  },
};

export const nodeCommands = {
  cordon: (node: string) => `kubectl cordon ${node}`,
  uncordon: (node: string) => `kubectl uncordon ${node}`,
  drain: (node: string) => `kubectl drain ${node} --ignore-daemonsets --delete-emptydir-data`,
  stop: (node: string) => `sim node stop ${node}`,
  start: (node: string) => `sim node start ${node}`,
};

export const zoneCommands = {
  down: (zone: string) => `sim zone down ${zone}`,
  up: (zone: string) => `sim zone up ${zone}`,
};

/** The lower-case resource kubectl's scale and rollout take (`statefulset`, `deployment`). */
function workloadType(kind: string): string {
  return kind.toLowerCase();
}

export const workloadCommands = {
  scale: (workload: ObjectRef, replicas: number) =>
    `kubectl scale ${workloadType(workload.kind)} ${workload.name}${namespaceFlag(workload.namespace)} --replicas=${replicas}`,
  restart: (workload: ObjectRef) =>
    `kubectl rollout restart ${workloadType(workload.kind)} ${workload.name}${namespaceFlag(workload.namespace)}`,
};

/** The fixed buttons for an object (forms such as Scale and Write data come on top); empty for other kinds. */
export function actionsFor(ref: ObjectRef): Action[] {
  switch (ref.kind) {
    case 'Pod':
      return [
        { label: 'Delete', command: podCommands.delete(ref) },
        { label: 'Force delete', command: podCommands.forceDelete(ref) },
      ];
    case 'Node':
      return [
        { label: 'Cordon', command: nodeCommands.cordon(ref.name) },
        { label: 'Uncordon', command: nodeCommands.uncordon(ref.name) },
        { label: 'Drain', command: nodeCommands.drain(ref.name) },
        { label: 'Stop', command: nodeCommands.stop(ref.name) },
        { label: 'Start', command: nodeCommands.start(ref.name) },
      ];
    case 'Zone':
      return [
        { label: 'Zone down', command: zoneCommands.down(ref.name) },
        { label: 'Zone up', command: zoneCommands.up(ref.name) },
      ];
    case 'StatefulSet':
    case 'Deployment':
      return [{ label: 'Roll out: restart', command: workloadCommands.restart(ref) }];
    default:
      return [];
  }
}

/** True when the kind can be scaled from the inspector. */
export function isScalable(kind: string): boolean {
  return kind === 'StatefulSet' || kind === 'Deployment';
}
