/** Lesson 4: a StatefulSet pod gets its own volume back; a Deployment's emptyDir dies with its pod; one RWO claim cannot be shared. */
import {
  DONE,
  all,
  claimData,
  claimRows,
  emptyDirRows,
  eventsWith,
  isUp,
  notYet,
  recreated,
  workloadPods,
} from '../checks';
import type { Lesson, LessonCheck } from '../types';

const WRITE = `kubectl exec mysql-0 -- mysql -e "CREATE DATABASE shop; CREATE TABLE shop.orders (id INT, item TEXT); INSERT INTO shop.orders VALUES (1, 'apple')"`;
const WRITE_DEPLOY = `kubectl exec deploy/mysql-deploy -- mysql -e "CREATE DATABASE shop; CREATE TABLE shop.orders (id INT, item TEXT); INSERT INTO shop.orders VALUES (1, 'apple')"`;

const deploymentWrote: LessonCheck = ({ snapshot }) =>
  workloadPods(snapshot, 'Deployment', 'mysql-deploy').some((p) => emptyDirRows(snapshot, p) > 0)
    ? DONE
    : notYet('no mysql-deploy pod has rows in its emptyDir yet');

const deploymentLostIt: LessonCheck = ({ snapshot }) => {
  const killed = snapshot.events.some((e) => e.reason === 'Killing' && e.object.startsWith('pod/mysql-deploy-'));
  if (!killed) return notYet('no mysql-deploy pod has been deleted yet');
  const pods = workloadPods(snapshot, 'Deployment', 'mysql-deploy');
  const up = pods.filter(isUp);
  if (up.length < 3 || up.length !== pods.length) return notYet(`${up.length} of 3 mysql-deploy pods are Ready`);
  return up.some((p) => emptyDirRows(snapshot, p) > 0) ? notYet('a mysql-deploy pod still holds the rows') : DONE;
};

/**
 * After the scale to five: every Ready mysql-deploy pod runs on one node (the volume's), the pods on the other
 * node are not Ready, and the attach/detach controller reported the Multi-Attach error.
 */
const sharedClaimSplit: LessonCheck = ({ snapshot }) => {
  if (!claimData(snapshot, 'mysql-deploy-data')) return notYet('load the compare-shared-pvc scenario');
  const pods = workloadPods(snapshot, 'Deployment', 'mysql-deploy').filter((p) => !p.isTerminating);
  if (pods.length < 5) return notYet(`mysql-deploy has ${pods.length} pods, not 5 yet`);
  if (!eventsWith(snapshot, 'FailedAttachVolume', 'Multi-Attach error').length) return notYet('no Multi-Attach error yet');
  const runningOn = new Set(pods.filter(isUp).map((p) => p.nodeName));
  const waiting = pods.filter((p) => p.nodeName && !runningOn.has(p.nodeName) && !p.isReady);
  if (runningOn.size !== 1) return notYet('the Running mysql-deploy pods are not all on one node');
  if (!waiting.length) return notYet('no mysql-deploy pod waits on another node');
  return DONE;
};

export const storage: Lesson = {
  id: 'storage',
  number: 4,
  title: 'Stable storage',
  goal: 'Write data, delete or drain: the same volume comes back. The Deployment\'s emptyDir loses it; a shared claim hits Multi-Attach.',
  scenario: 'compare',
  seed: 1,
  steps: [
    {
      id: 'write',
      title: 'Write a row on mysql-0',
      instruction: 'Create a database, a table and a row on mysql-0. The files land on its claim, data-mysql-0.',
      commands: [WRITE, 'kubectl exec mysql-0 -- ls /var/lib/mysql/shop'],
      goal: 'The volume of data-mysql-0 holds at least one row.',
      check: ({ snapshot }) => (claimRows(snapshot, 'data-mysql-0') > 0 ? DONE : notYet('data-mysql-0 holds no rows yet')),
      explanation:
        'mysql keeps each table as a file under /var/lib/mysql, and /var/lib/mysql is the volume of data-mysql-0. Open the inspector\'s Files view on mysql-0 to see shop/orders.ibd.',
    },
    {
      id: 'drain',
      title: 'Drain its node',
      instruction:
        'mysql-0 runs on node-3. Drain the node: the pod is evicted and re-created elsewhere. Then read the row back and uncordon the node.',
      commands: [
        'kubectl drain node-3 --ignore-daemonsets --delete-emptydir-data',
        'sleep 30',
        'kubectl get pods -l app=mysql -o wide',
        'kubectl exec mysql-0 -- mysql -e "SELECT * FROM shop.orders"',
        'kubectl uncordon node-3',
      ],
      question: {
        prompt: 'Where can the new mysql-0 run?',
        choices: ['Any node', 'Only a node in zone-b, where its volume lives', 'Only node-3'],
        answer: 1,
        why: 'The PersistentVolume has node affinity for its zone; the scheduler only places mysql-0 where the volume can attach.',
      },
      goal: 'A new mysql-0 is Ready, mounts data-mysql-0, and the row is still there.',
      check: all(recreated('mysql-0', 'data-mysql-0'), ({ snapshot }) =>
        claimRows(snapshot, 'data-mysql-0') > 0 ? DONE : notYet('the row is gone from data-mysql-0'),
      ),
      explanation:
        'The new mysql-0 moved to node-4 (same zone), and the attach/detach controller moved the same volume with it: "AttachVolume.Attach succeeded". The row survived because the claim, not the pod, owns the data.',
    },
    {
      id: 'deployment-write',
      title: 'The same on the Deployment',
      instruction: 'Write the same row through the Deployment (kubectl picks one of its pods).',
      commands: [WRITE_DEPLOY],
      goal: 'One mysql-deploy pod holds a row in its emptyDir.',
      check: deploymentWrote,
      explanation: 'The row went to one pod\'s emptyDir: a scratch directory that belongs to that pod alone.',
    },
    {
      id: 'deployment-lose',
      title: 'Delete the Deployment\'s pods',
      instruction: 'Delete every mysql-deploy pod, wait, and try to read the row.',
      commands: [
        'kubectl delete pod -l app=mysql-deploy',
        'sleep 30',
        'kubectl exec deploy/mysql-deploy -- mysql -e "SELECT * FROM shop.orders"',
      ],
      question: {
        prompt: 'Will the row be there?',
        choices: ['Yes, Kubernetes keeps the emptyDir', 'No, the emptyDir was deleted with its pod', 'Only on one of the new pods'],
        answer: 1,
        why: 'An emptyDir lives exactly as long as its pod.',
      },
      goal: 'Three new mysql-deploy pods are Ready and none holds the row.',
      check: deploymentLostIt,
      explanation:
        'mysql answers "Table \'shop.orders\' doesn\'t exist": the new pods started with empty directories. The comparison panel marks the Deployment\'s slots as lost.',
    },
    {
      id: 'shared-pvc',
      title: 'Share one claim between pods',
      instruction:
        'Load the compare-shared-pvc scenario: the Deployment mounts one ReadWriteOnce claim, mysql-deploy-data, in every pod. The volume is attached to one node, and the pod the scheduler placed on the other node of the zone already waits. Scale to five and see which of the new pods can start.',
      load: { scenario: 'compare-shared-pvc', seed: 1 },
      commands: [
        'kubectl scale deployment mysql-deploy --replicas=5',
        'sleep 30',
        'kubectl get pods -l app=mysql-deploy -o wide',
        'kubectl get events | grep Multi-Attach',
      ],
      question: {
        prompt: 'What happens to the new pods?',
        choices: [
          'They all start: the claim is already bound',
          'Those on the node the volume is attached to start; those on the other node stay ContainerCreating',
          'Each gets its own copy of the volume',
        ],
        answer: 1,
        why: 'ReadWriteOnce means one node at a time, not one pod: pods on that node can all mount it, a pod on any other node waits for an attach that is refused.',
      },
      goal: 'Five mysql-deploy pods: Running on the volume\'s node, stuck in ContainerCreating on the other, with a Multi-Attach error.',
      check: sharedClaimSplit,
      explanation:
        'The attach/detach controller refuses: "Multi-Attach error for volume … Volume is already used by pod(s) …" (reported once per node). The pods on the volume\'s node all share one disk, which two database processes must never do. This is why a StatefulSet gives each pod its own claim from volumeClaimTemplates.',
    },
  ],
};
