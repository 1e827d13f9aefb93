/** Lesson 5: Kubernetes never copies data between pods; replication is the application's job. */
import { DONE, all, claimRows, findWorkload, notYet } from '../checks';
import type { Lesson } from '../types';

const WRITE = `kubectl exec mysql-0 -- mysql -e "CREATE DATABASE shop; CREATE TABLE shop.orders (id INT, item TEXT); INSERT INTO shop.orders VALUES (1, 'apple')"`;

export const replication: Lesson = {
  id: 'replication',
  number: 5,
  title: 'Kubernetes does not replicate data',
  goal: 'Write to mysql-0 and read on mysql-1; then let the database replicate.',
  scenario: 'compare',
  seed: 1,
  steps: [
    {
      id: 'separate-volumes',
      title: 'Write on mysql-0, read on mysql-1',
      instruction: 'Write a row on mysql-0, then ask mysql-1 for it.',
      commands: [WRITE, 'kubectl exec mysql-1 -- mysql -e "SELECT * FROM shop.orders"'],
      question: {
        prompt: 'What does mysql-1 answer?',
        choices: ['The row: the StatefulSet keeps its pods in sync', 'An error: the table does not exist there', 'The row, after a few seconds'],
        answer: 1,
        why: 'Each pod has its own claim; Kubernetes never copies files between volumes.',
      },
      goal: 'data-mysql-0 holds the row and data-mysql-1 holds none.',
      check: ({ snapshot }) => {
        if (claimRows(snapshot, 'data-mysql-0') === 0) return notYet('data-mysql-0 holds no rows yet');
        return claimRows(snapshot, 'data-mysql-1') === 0 ? DONE : notYet('data-mysql-1 already holds rows');
      },
      explanation:
        'ERROR 1146: Table \'shop.orders\' doesn\'t exist. Three pods, three independent disks. A StatefulSet gives stable identity and storage; it does not make a database cluster.',
    },
    {
      id: 'primary-replica',
      title: 'Let the database replicate',
      instruction:
        'Turn on primary–replica replication with the StatefulSet annotation (what a database image and its configuration would do), wait for the replicas to clone, and read again.',
      commands: [
        `kubectl patch sts mysql -p '{"metadata":{"annotations":{"playground.k8s.io/replication":"primary-replica"}}}'`,
        'sleep 20',
        'kubectl exec mysql-1 -- mysql -e "SELECT * FROM shop.orders"',
        `kubectl exec mysql-1 -- mysql -e "INSERT INTO shop.orders VALUES (2, 'pear')"`,
      ],
      question: {
        prompt: 'Once replication runs, can you write on mysql-1?',
        choices: ['Yes, every member takes writes', 'No: replicas are read-only, writes go to the primary mysql-0', 'Only after a restart'],
        answer: 1,
        why: 'In primary–replica replication the replicas run with --super-read-only and apply the primary\'s binary log.',
      },
      goal: 'Replication is on and data-mysql-1 and data-mysql-2 hold the row too.',
      check: all(
        ({ snapshot }) =>
          findWorkload(snapshot, 'StatefulSet', 'mysql')?.annotations?.['playground.k8s.io/replication'] === 'primary-replica'
            ? DONE
            : notYet('replication is not switched on yet'),
        ({ snapshot }) =>
          claimRows(snapshot, 'data-mysql-1') > 0 && claimRows(snapshot, 'data-mysql-2') > 0
            ? DONE
            : notYet('the replicas have not received the row yet'),
      ),
      explanation:
        'The replicas cloned mysql-0 and now apply its binary log, a couple of seconds behind; the INSERT on mysql-1 was refused with --super-read-only. The copying was done by the database, reaching its peers through the stable names (mysql-0.mysql) the StatefulSet provides.',
    },
  ],
};
