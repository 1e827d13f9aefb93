import { describe, expect, it } from 'vitest';
import type { Pod } from '../../../src/sim/api/core';
import { emptyDirVolumeId } from '../../../src/sim/storage/files';
import { mysql, shell } from './support';

const SETUP = 'CREATE DATABASE shop; CREATE TABLE shop.orders (id INT, item VARCHAR(20)); INSERT INTO shop.orders VALUES (1, \'apple\'), (2, \'pear\')';

describe('each pod has its own volume (compare scenario)', () => {
  it('rows written on mysql-0 are absent on mysql-1', () => {
    const s = shell('compare');
    expect(s.run(mysql('mysql-0', SETUP))).toBe('');
    expect(s.run(mysql('mysql-0', 'SELECT * FROM shop.orders'))).toBe('id\titem\n1\tapple\n2\tpear\n');
    expect(s.run(mysql('mysql-1', 'SELECT * FROM shop.orders'))).toBe(
      "ERROR 1146 (42S02) at line 1: Table 'shop.orders' doesn't exist\ncommand terminated with exit code 1\n",
    );
    expect(s.run(mysql('mysql-1', 'SHOW DATABASES'))).toBe('Database\ninformation_schema\nmysql\nperformance_schema\nsys\n');
  });

  it('prints boxed tables with -t, numbers right-aligned', () => {
    const s = shell('compare');
    s.run(mysql('mysql-0', SETUP));
    expect(s.run(mysql('mysql-0', "SELECT item, id FROM shop.orders WHERE item = 'pear'", '-t'))).toBe(
      ['+------+----+', '| item | id |', '+------+----+', '| pear |  2 |', '+------+----+', ''].join('\n'),
    );
  });

  it("answers in mysql's words for an unknown database, no database, and syntax errors", () => {
    const s = shell('compare');
    expect(s.run('kubectl exec mysql-0 -- mysql x -e "SHOW TABLES"')).toBe("ERROR 1049 (42000): Unknown database 'x'\ncommand terminated with exit code 1\n");
    expect(s.run(mysql('mysql-0', 'SELECT * FROM orders'))).toContain('ERROR 1046 (3D000) at line 1: No database selected\n');
    expect(s.run(mysql('mysql-0', 'SELEC 1'))).toContain("ERROR 1064 (42000) at line 1: You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near 'SELEC 1' at line 1\n");
  });

  it('deleting mysql-0 keeps its rows: the new pod mounts the same claim', () => {
    const s = shell('compare');
    s.run(mysql('mysql-0', SETUP));
    const before = s.cluster.api.get<Pod>('Pod', 'default', 'mysql-0')!;
    expect(s.run('kubectl delete pod mysql-0')).toBe('pod "mysql-0" deleted from default namespace\n');
    s.run('sleep 30');
    const after = s.cluster.api.get<Pod>('Pod', 'default', 'mysql-0')!;
    expect(after.metadata.uid).not.toBe(before.metadata.uid);
    expect(after.status.phase).toBe('Running');
    expect(s.run(mysql('mysql-0', 'SELECT COUNT(*) FROM shop.orders'))).toBe('COUNT(*)\n2\n');
  });

  it('deleting a Deployment pod loses its emptyDir data', () => {
    const s = shell('compare');
    const pods = () => s.cluster.api.list<Pod>('Pod', 'default').filter((p) => p.metadata.labels?.app === 'mysql-deploy' && !p.metadata.deletionTimestamp);
    const victim = pods()[0]!;
    s.run(mysql(victim.metadata.name, SETUP));
    expect(s.run(mysql(victim.metadata.name, 'SELECT COUNT(*) FROM shop.orders'))).toBe('COUNT(*)\n2\n');
    s.run(`kubectl delete pod ${victim.metadata.name}`);
    s.run('sleep 30');
    expect(s.cluster.ctx.files.has(emptyDirVolumeId(victim.metadata.uid, 'data'))).toBe(false);
    expect(pods()).toHaveLength(3);
    expect(pods().map((p) => p.metadata.uid)).not.toContain(victim.metadata.uid);
    for (const p of pods()) {
      expect(p.status.phase).toBe('Running');
      expect(s.run(mysql(p.metadata.name, 'SELECT * FROM shop.orders'))).toContain("Table 'shop.orders' doesn't exist");
    }
  });
});

describe('psql in postgres pods', () => {
  const POSTGRES = `kubectl apply -f - <<EOF
apiVersion: v1
kind: Pod
metadata:
  name: pg
spec:
  containers:
  - name: postgres
    image: postgres:17
    env:
    - name: POSTGRES_PASSWORD
      value: secret
EOF`;

  it('prints aligned tables, command tags and positioned errors', () => {
    const s = shell('empty');
    s.run(POSTGRES);
    s.run('sleep 10');
    const psql = (sql: string) => s.run(`kubectl exec pg -- psql -U postgres -c "${sql}"`);
    expect(psql('CREATE TABLE orders (id INT, item TEXT)')).toBe('CREATE TABLE\n');
    expect(psql("INSERT INTO orders VALUES (1, 'apple'), (20, 'pear')")).toBe('INSERT 0 2\n');
    expect(psql('SELECT * FROM orders')).toBe([' id | item', '----+-------', '  1 | apple', ' 20 | pear', '(2 rows)', '', ''].join('\n'));
    expect(psql('SELECT * FROM missing')).toBe(
      ['ERROR:  relation "missing" does not exist', 'LINE 1: SELECT * FROM missing', '                      ^', 'command terminated with exit code 1', ''].join('\n'),
    );
    expect(psql('DELETE FROM orders WHERE id = 1')).toBe('DELETE 1\n');
  });

  it('refuses an unknown role as postgres does', () => {
    const s = shell('empty');
    s.run(POSTGRES);
    s.run('sleep 10');
    expect(s.run('kubectl exec pg -- psql -c "SELECT 1"')).toBe(
      'psql: error: connection to server on socket "/var/run/postgresql/.s.PGSQL.5432" failed: FATAL:  role "root" does not exist\ncommand terminated with exit code 2\n',
    );
  });
});
