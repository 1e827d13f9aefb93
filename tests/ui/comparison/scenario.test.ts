import { describe, expect, it } from 'vitest';
import type { WorkloadHistory } from '../../../src/ui/history';
import { scorecard, slotViews } from '../../../src/ui/panels/comparison/describe';
import { whatJustHappened } from '../../../src/ui/panels/comparison/narrate';
import { compareRun } from './scenario';
import type { Run } from './scenario';

const INSERT = (n: number) =>
  `"CREATE DATABASE shop; CREATE TABLE shop.orders (id INT); INSERT INTO shop.orders VALUES ${Array.from({ length: n }, (_, i) => `(${i + 1})`).join(', ')}"`;

const kind = (r: Run, k: WorkloadHistory['kind']) => r.history.workloads.find((w) => w.kind === k)!;
const firstDeployPod = (r: Run) => r.snapshot.pods.find((p) => p.workloadKind === 'Deployment')!.name;

describe('the compare scenario, told by the panel', () => {
  it('counts rows per volume in the snapshot', () => {
    const r = compareRun();
    r.run(`kubectl exec mysql-1 -- mysql -e ${INSERT(3)}`);
    const mysql1 = r.snapshot.pods.find((p) => p.name === 'mysql-1')!;
    const volume = mysql1.volumes!.find((v) => v.name === 'data')!;
    expect(volume).toMatchObject({ source: 'persistentVolumeClaim', claimName: 'data-mysql-1', mountPaths: ['/var/lib/mysql'] });
    expect(r.snapshot.volumeData!.find((v) => v.volumeId === volume.volumeId)).toMatchObject({ tables: 1, rows: 3 });
    const dep = r.snapshot.pods.find((p) => p.workloadKind === 'Deployment')!;
    expect(dep.volumes![0]).toMatchObject({ source: 'emptyDir', volumeId: `emptydir:${dep.uid}/data` });
    expect(mysql1).toMatchObject({ hostname: 'mysql-1', subdomain: 'mysql' });
    expect(mysql1.readyTime).toBeGreaterThan(mysql1.creationTime!);
  });

  it('at the start: the StatefulSet created its pods one after another, the Deployment all at once', () => {
    const r = compareRun();
    expect(whatJustHappened(kind(r, 'StatefulSet'))).toEqual([
      'The StatefulSet controller created mysql-0, mysql-1 and mysql-2 one after another, each once the one before was Running and Ready.',
      '3 of 3 replicas Running and Ready; nothing has been changed since.',
    ]);
    expect(whatJustHappened(kind(r, 'Deployment'))[0]).toMatch(/^The ReplicaSet controller created mysql-deploy-\w+-\w{5}, mysql-deploy-\w+-\w{5} and mysql-deploy-\w+-\w{5} all at once\.$/);
  });

  it('deleting mysql-1 brings back mysql-1 with its volume and rows; deleting a Deployment pod loses its emptyDir', () => {
    const r = compareRun();
    const dep = firstDeployPod(r);
    r.run(`kubectl exec mysql-1 -- mysql -e ${INSERT(3)}`, `kubectl exec ${dep} -- mysql -e ${INSERT(2)}`);
    r.run('kubectl delete pod mysql-1');
    r.advance(20_000);
    r.run(`kubectl delete pod ${dep} --wait=false`);
    r.advance(20_000);

    const sts = kind(r, 'StatefulSet');
    expect(slotViews(sts)[1]!.history).toMatch(
      /^mysql-1: (node-\d -> node-\d|same node \(node-\d\)), IP 10\.244\.\d+\.\d+ -> 10\.244\.\d+\.\d+, same name, same DNS name, data-mysql-1 re-attached, 3 rows intact$/,
    );
    const stsStory = whatJustHappened(sts).join(' ');
    expect(stsStory).toMatch(/^You deleted mysql-1; the kubelet on node-\d stopped container mysql\. /);
    expect(stsStory).toContain('The StatefulSet controller created a new mysql-1 once the old one was gone; it was scheduled to node-');
    expect(stsStory).toMatch(/data-mysql-1 (was attached there again|, still attached to node-\d, was mounted again): 3 rows intact\./);
    expect(stsStory).toMatch(/mysql-1 is Running and Ready \d+s after the action\.$/);

    const deploy = kind(r, 'Deployment');
    const replaced = slotViews(deploy).find((s) => s.incarnations === 2)!;
    expect(replaced.history).toMatch(new RegExp(`^${dep} replaced by mysql-deploy-\\w+-\\w{5}, new name, .*new IP \\(.*\\), emptyDir data lost \\(2 rows\\)$`));
    const deployStory = whatJustHappened(deploy).join(' ');
    expect(deployStory).toContain(`You deleted ${dep}; the kubelet on node-`);
    expect(deployStory).toMatch(/stopped container mysql \(grace period 10s\)\. The ReplicaSet controller created mysql-deploy-\w+-\w{5} at once, while .* was still shutting down; it was scheduled to node-\d in zone-\w with a new IP [\d.]+ and a new, empty emptyDir; the 2 rows on the old pod's emptyDir are gone\./);

    expect(scorecard(sts)).toMatchObject({ replacements: 1, namesChanged: 0, stableDnsNames: 3, volumesReattached: 1, rowsKept: 3 });
    expect(scorecard(deploy)).toMatchObject({ replacements: 1, namesChanged: 1, ipsChanged: 1, stableDnsNames: 0, volumesReattached: 0, rowsLost: 2 });
  });

  it('scaling: ordered creation and removal for the StatefulSet with its claims kept, all at once for the Deployment', () => {
    const r = compareRun();
    r.run('kubectl scale sts mysql --replicas=5', 'kubectl scale deploy mysql-deploy --replicas=5');
    r.advance(60_000);
    expect(whatJustHappened(kind(r, 'StatefulSet'))).toEqual([
      'You scaled mysql from 3 to 5 replicas.',
      'The StatefulSet controller created mysql-3 and mysql-4 one after another, each once the one before was Running and Ready.',
      '5 of 5 replicas Running and Ready.',
    ]);
    expect(whatJustHappened(kind(r, 'Deployment'))[1]).toMatch(/^The ReplicaSet controller created mysql-deploy-\w+-\w{5} and mysql-deploy-\w+-\w{5} all at once\.$/);

    r.run('kubectl scale sts mysql --replicas=3', 'kubectl scale deploy mysql-deploy --replicas=3');
    r.advance(60_000);
    expect(whatJustHappened(kind(r, 'StatefulSet'))).toEqual([
      'You scaled mysql from 5 to 3 replicas.',
      'The StatefulSet controller deleted mysql-4, then mysql-3; data-mysql-4 and data-mysql-3 are kept for when it scales up again.',
      '3 of 3 replicas Running and Ready.',
    ]);
    expect(whatJustHappened(kind(r, 'Deployment'))[1]).toMatch(/at once; their emptyDir data is gone\.$/);

    r.run('kubectl scale sts mysql --replicas=4');
    r.advance(30_000);
    expect(whatJustHappened(kind(r, 'StatefulSet'))[1]).toBe(
      'The StatefulSet controller created mysql-3, re-attaching data-mysql-3 with the data kept from before.',
    );
  });
});
