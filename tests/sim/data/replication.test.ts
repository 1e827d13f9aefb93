import { describe, expect, it } from 'vitest';
import type { StatefulSet } from '../../../src/sim/api/apps';
import type { Event, Pod } from '../../../src/sim/api/core';
import { stopKubeletOn } from '../../../src/sim/kubelet';
import { PATCH_OPERATOR, PATCH_REPLICATION, mysql, shell } from './support';

const READ_ONLY =
  'ERROR 1290 (HY000) at line 1: The MySQL server is running with the --super-read-only option so it cannot execute this statement\ncommand terminated with exit code 1\n';
const SETUP = "CREATE DATABASE shop; CREATE TABLE shop.orders (id INT, item TEXT); INSERT INTO shop.orders VALUES (1, 'apple')";

function operatorEvents(s: ReturnType<typeof shell>): string[] {
  return s.cluster.api
    .list<Event>('Event', 'default')
    .filter((e) => e.source.component === 'mysql-operator')
    .map((e) => `${e.type} ${e.reason} ${e.message}`);
}

describe('primary-replica replication (application level)', () => {
  it('replicas refuse connections while they clone, then follow the primary after a lag', () => {
    const s = shell('compare');
    s.run(mysql('mysql-0', SETUP));
    s.run(PATCH_REPLICATION);
    expect(s.run(mysql('mysql-1', 'SHOW DATABASES'))).toBe(
      "ERROR 2002 (HY000): Can't connect to local MySQL server through socket '/var/run/mysqld/mysqld.sock' (2)\ncommand terminated with exit code 1\n",
    );
    s.run('sleep 15');
    // The clone brought the rows written before replication was turned on.
    expect(s.run(mysql('mysql-2', 'SELECT * FROM shop.orders'))).toBe('id\titem\n1\tapple\n');
    s.run(mysql('mysql-0', "INSERT INTO shop.orders VALUES (2, 'pear')"));
    expect(s.run(mysql('mysql-1', 'SELECT COUNT(*) FROM shop.orders'))).toBe('COUNT(*)\n1\n');
    s.run('sleep 1');
    expect(s.run(mysql('mysql-1', 'SELECT COUNT(*) FROM shop.orders'))).toBe('COUNT(*)\n1\n');
    s.run('sleep 3');
    expect(s.run(mysql('mysql-1', 'SELECT COUNT(*) FROM shop.orders'))).toBe('COUNT(*)\n2\n');
    expect(s.run(mysql('mysql-2', 'SELECT COUNT(*) FROM shop.orders'))).toBe('COUNT(*)\n2\n');
  });

  it('a write to a replica is refused with super_read_only', () => {
    const s = shell('compare');
    s.run(PATCH_REPLICATION);
    s.run('sleep 15');
    s.run(mysql('mysql-0', 'CREATE DATABASE shop'));
    expect(s.run(mysql('mysql-1', 'CREATE TABLE shop.t (id INT)'))).toBe(READ_ONLY);
    expect(s.run(mysql('mysql-0', 'CREATE TABLE shop.t (id INT)'))).toBe('');
  });

  it('a new replica clones its predecessor when the set scales up', () => {
    const s = shell('compare');
    s.run(PATCH_REPLICATION);
    s.run('sleep 15');
    s.run(mysql('mysql-0', SETUP));
    s.run('sleep 5');
    s.run('kubectl scale sts mysql --replicas=4');
    s.run('sleep 60');
    expect(s.run(mysql('mysql-3', 'SELECT item FROM shop.orders'))).toBe('item\napple\n');
  });

  it('without the operator nobody is promoted when the primary is lost; replicas keep old data', () => {
    const s = shell('compare');
    s.run(PATCH_REPLICATION);
    s.run('sleep 15');
    s.run(mysql('mysql-0', SETUP));
    s.run('sleep 5');
    stopKubeletOn(s.cluster.ctx, s.cluster.api.get<Pod>('Pod', 'default', 'mysql-0')!.spec.nodeName!);
    s.run('sleep 120');
    expect(operatorEvents(s)).toEqual([]);
    expect(s.run(mysql('mysql-1', 'SELECT * FROM shop.orders'))).toBe('id\titem\n1\tapple\n');
    expect(s.run(mysql('mysql-1', "INSERT INTO shop.orders VALUES (2, 'pear')"))).toBe(READ_ONLY);
    expect(s.cluster.api.get<StatefulSet>('StatefulSet', 'default', 'mysql')!.metadata.annotations?.['playground.k8s.io/primary']).toBeUndefined();
  });

  it('with the operator the most up-to-date replica is promoted, labelled and writable', () => {
    const s = shell('compare');
    s.run(PATCH_OPERATOR);
    s.run('sleep 15');
    s.run(mysql('mysql-0', SETUP));
    s.run('sleep 5');
    const roles = () => s.cluster.api.list<Pod>('Pod', 'default').filter((p) => p.metadata.labels?.app === 'mysql').map((p) => `${p.metadata.name}=${p.metadata.labels?.role}`);
    expect(roles()).toEqual(['mysql-0=primary', 'mysql-1=replica', 'mysql-2=replica']);
    stopKubeletOn(s.cluster.ctx, s.cluster.api.get<Pod>('Pod', 'default', 'mysql-0')!.spec.nodeName!);
    s.run('sleep 30');
    const primary = s.cluster.api.get<StatefulSet>('StatefulSet', 'default', 'mysql')!.metadata.annotations?.['playground.k8s.io/primary'];
    expect(primary === 'mysql-1' || primary === 'mysql-2').toBe(true);
    expect(operatorEvents(s)).toEqual([
      'Warning FailoverStarted Primary mysql-0 is not running; promoting the most up-to-date replica',
      `Normal PrimaryElected Promoted ${primary} to primary (executed GTID set 1-3)`,
    ]);
    expect(s.cluster.api.get<Pod>('Pod', 'default', primary!)!.metadata.labels?.role).toBe('primary');
    expect(s.run(mysql(primary!, "INSERT INTO shop.orders VALUES (2, 'pear')"))).toBe('');
    const other = primary === 'mysql-1' ? 'mysql-2' : 'mysql-1';
    expect(s.run(mysql(other, "INSERT INTO shop.orders VALUES (3, 'fig')"))).toBe(READ_ONLY);
    s.run('sleep 5');
    expect(s.run(mysql(other, 'SELECT COUNT(*) FROM shop.orders'))).toBe('COUNT(*)\n2\n');
  });

  it('promotes the replica that applied the most transactions; the others catch up from it', () => {
    const s = shell('compare');
    s.run(`kubectl patch sts mysql -p '{"metadata":{"annotations":{"playground.k8s.io/replication":"primary-replica","playground.k8s.io/operator":"true","playground.k8s.io/replication-lag-seconds":"20"}}}'`);
    s.run('sleep 15');
    s.run(mysql('mysql-0', SETUP));
    s.run('sleep 40');
    const lag = (pod: string) => (JSON.parse(s.run(`kubectl exec ${pod} -- cat /var/lib/mysql/replication.json`)) as { lagMs: number }).lagMs;
    const [fast, slow] = ['mysql-1', 'mysql-2'].sort((a, b) => lag(a) - lag(b)) as [string, string];
    expect(lag(fast)).toBeLessThan(lag(slow));
    s.run(mysql('mysql-0', "INSERT INTO shop.orders VALUES (2, 'pear')"));
    // Lose the primary when only the faster replica has applied the write.
    s.cluster.advance(Math.floor((lag(fast) + lag(slow)) / 2));
    expect(s.run(mysql(fast, 'SELECT COUNT(*) FROM shop.orders'))).toBe('COUNT(*)\n2\n');
    expect(s.run(mysql(slow, 'SELECT COUNT(*) FROM shop.orders'))).toBe('COUNT(*)\n1\n');
    stopKubeletOn(s.cluster.ctx, s.cluster.api.get<Pod>('Pod', 'default', 'mysql-0')!.spec.nodeName!);
    s.run('sleep 20');
    const primary = s.cluster.api.get<StatefulSet>('StatefulSet', 'default', 'mysql')!.metadata.annotations?.['playground.k8s.io/primary'];
    expect(primary).toBe(fast);
    expect(operatorEvents(s)[1]).toBe(`Normal PrimaryElected Promoted ${fast} to primary (executed GTID set 1-4)`);
    s.run('sleep 30');
    expect(s.run(mysql(slow, 'SELECT COUNT(*) FROM shop.orders'))).toBe('COUNT(*)\n2\n');
  });
});
