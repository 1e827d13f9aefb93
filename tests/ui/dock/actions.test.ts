import { describe, expect, it } from 'vitest';
import { startScenario } from '../../../src/sim/scenarios';
import { Terminal } from '../../../src/sim/terminal/terminal';
import {
  actionsFor,
  isScalable,
  nodeCommands,
  podCommands,
  shellQuote,
  workloadCommands,
  zoneCommands,
} from '../../../src/ui/dock/actions';
import { podVolumeFiles } from '../../../src/worker/inspect';

const pod = { kind: 'Pod', namespace: 'default', name: 'mysql-1' };
const sts = { kind: 'StatefulSet', namespace: 'default', name: 'mysql' };
const deploy = { kind: 'Deployment', namespace: 'default', name: 'mysql-deploy' };

describe('action command lines', () => {
  it.each<[string, string]>([
    [podCommands.delete(pod), 'kubectl delete pod mysql-1'],
    [podCommands.forceDelete(pod), 'kubectl delete pod mysql-1 --grace-period=0 --force'],
    [podCommands.delete({ ...pod, namespace: 'team-b' }), 'kubectl delete pod mysql-1 -n team-b'],
    [nodeCommands.cordon('node-1'), 'kubectl cordon node-1'],
    [nodeCommands.uncordon('node-1'), 'kubectl uncordon node-1'],
    [nodeCommands.drain('node-1'), 'kubectl drain node-1 --ignore-daemonsets --delete-emptydir-data'],
    [nodeCommands.stop('node-1'), 'sim node stop node-1'],
    [nodeCommands.start('node-1'), 'sim node start node-1'],
    [zoneCommands.down('zone-a'), 'sim zone down zone-a'],
    [zoneCommands.up('zone-a'), 'sim zone up zone-a'],
    [workloadCommands.scale(sts, 5), 'kubectl scale statefulset mysql --replicas=5'],
    [workloadCommands.scale(deploy, 0), 'kubectl scale deployment mysql-deploy --replicas=0'],
    [workloadCommands.restart(deploy), 'kubectl rollout restart deployment mysql-deploy'],
    [
      podCommands.writeLine(pod, '/var/lib/mysql/notes.txt', 'hello world'),
      "kubectl exec mysql-1 -- sh -c 'echo hello world >> /var/lib/mysql/notes.txt'",
    ],
    [
      podCommands.writeLine(pod, '/var/lib/mysql/notes.txt', `it's "$HOME"`),
      `kubectl exec mysql-1 -- sh -c 'echo "it'\\''s \\"\\$HOME\\"" >> /var/lib/mysql/notes.txt'`,
    ],
  ])('%s', (command, expected) => {
    expect(command).toBe(expected);
  });

  it.each<[string, string]>([
    ['mysql-0', 'mysql-0'],
    ['a b', "'a b'"],
    ["it's", "'it'\\''s'"],
    ['', "''"],
  ])('shellQuote(%j) is %s', (word, quoted) => {
    expect(shellQuote(word)).toBe(quoted);
  });

  it('offers the buttons each kind has', () => {
    const labels = (kind: string, name = 'x') =>
      actionsFor({ kind, namespace: null, name }).map((a) => a.label);
    expect(labels('Pod')).toEqual(['Delete', 'Force delete']);
    expect(labels('Node')).toEqual(['Cordon', 'Uncordon', 'Drain', 'Stop', 'Start']);
    expect(labels('Zone')).toEqual(['Zone down', 'Zone up']);
    expect(labels('StatefulSet')).toEqual(['Roll out: restart']);
    expect(labels('PersistentVolume')).toEqual([]);
    expect([isScalable('StatefulSet'), isScalable('Deployment'), isScalable('Pod')]).toEqual([
      true,
      true,
      false,
    ]);
  });
});

/** Runs lines in a terminal on the compare scenario, returning what each printed. */
function session() {
  const { cluster } = startScenario('compare', 1);
  let out = '';
  const terminal = new Terminal(cluster, (t) => (out += t));
  return {
    cluster,
    run(line: string): string {
      out = '';
      terminal.feed(line);
      return out;
    },
  };
}

describe('the commands run in the simulator as kubectl would run them', () => {
  it('deletes and force-deletes pods', () => {
    const s = session();
    expect(s.run(podCommands.delete({ ...pod, name: 'mysql-0' }))).toBe(
      'pod "mysql-0" deleted from default namespace\n',
    );
    expect(s.run(podCommands.forceDelete(pod))).toContain('pod "mysql-1" force deleted');
  });

  it('cordons, drains and uncordons a node; stops and starts one; takes a zone down and up', () => {
    const s = session();
    expect(s.run(nodeCommands.cordon('node-1'))).toBe('node/node-1 cordoned\n');
    expect(s.run(nodeCommands.drain('node-1'))).toMatch(/node\/node-1 drained\n$/);
    expect(s.run(nodeCommands.uncordon('node-1'))).toBe('node/node-1 uncordoned\n');
    expect(s.run(nodeCommands.stop('node-2'))).toMatch(/^node\/node-2 stopped/);
    expect(s.run(nodeCommands.start('node-2'))).toMatch(/^node\/node-2 started/);
    expect(s.run(zoneCommands.down('zone-b'))).toMatch(/^node\/node-3 stopped.*\nnode\/node-4 stopped/);
    expect(s.run(zoneCommands.up('zone-b'))).toMatch(/^node\/node-3 started/);
  });

  it('scales and restarts workloads', () => {
    const s = session();
    expect(s.run(workloadCommands.scale(sts, 5))).toBe('statefulset.apps/mysql scaled\n');
    expect(s.run(workloadCommands.restart(deploy))).toBe('deployment.apps/mysql-deploy restarted\n');
  });

  it.each<[string]>([
    ['hello world'],
    [`it's "$HOME"; rm -rf / | cat`],
    ['  spaced  out  '],
    ['back\\slash `tick`'],
    [''],
  ])('writes the line %j to the file exactly', (text) => {
    const s = session();
    expect(s.run(podCommands.writeLine(pod, '/var/lib/mysql/notes.txt', text))).toBe('');
    expect(s.run(podCommands.writeLine(pod, '/var/lib/mysql/notes.txt', 'second'))).toBe('');
    const files = podVolumeFiles(s.cluster, 'default', 'mysql-1')?.[0]?.files;
    expect(files).toEqual([
      { path: '/var/lib/mysql/notes.txt', size: text.length + 8, preview: `${text}\nsecond\n` },
    ]);
  });
});
