/** Lesson 1: a StatefulSet pod keeps its name, claim and DNS name when deleted; a Deployment pod does not. */
import {
  DONE,
  all,
  eventsFor,
  findPod,
  isUp,
  notYet,
  ranDnsTest,
  recreated,
  workloadPods,
} from '../checks';
import type { Lesson, LessonCheck } from '../types';

/** A mysql-deploy pod was stopped (Killing), no pod of that name is left, and three are Ready again. */
const deploymentPodReplaced: LessonCheck = ({ snapshot }) => {
  const killed = snapshot.events.filter(
    (e) => e.reason === 'Killing' && e.object.startsWith('pod/mysql-deploy-'),
  );
  if (!killed.length) return notYet('no mysql-deploy pod has been deleted yet');
  const gone = killed.some((e) => !findPod(snapshot, e.object.slice('pod/'.length)));
  if (!gone) return notYet('the deleted mysql-deploy pod is still terminating');
  const up = workloadPods(snapshot, 'Deployment', 'mysql-deploy').filter(isUp);
  if (up.length < 3) return notYet(`only ${up.length} of 3 mysql-deploy pods are Ready`);
  return DONE;
};

export const identity: Lesson = {
  id: 'identity',
  number: 1,
  title: 'Identity',
  goal: 'Delete a pod of each workload and compare names, IPs and DNS names before and after.',
  scenario: 'compare',
  seed: 1,
  steps: [
    {
      id: 'delete-statefulset-pod',
      title: 'Delete a StatefulSet pod',
      instruction:
        'Look at the pods with their IPs and nodes, then delete mysql-1 and wait half a minute for its replacement.',
      commands: ['kubectl get pods -o wide', 'kubectl delete pod mysql-1', 'sleep 30', 'kubectl get pods -o wide'],
      question: {
        prompt: 'What will the StatefulSet call the pod that replaces mysql-1?',
        choices: ['mysql-1 again', 'mysql-3, the next free number', 'mysql-<random suffix>, like a Deployment pod'],
        answer: 0,
        why: 'A StatefulSet pod is an identity (ordinal 1), not a replica: the controller re-creates exactly the missing name.',
      },
      goal: 'A new pod named mysql-1 (another uid) is Ready and mounts data-mysql-1.',
      check: recreated('mysql-1', 'data-mysql-1'),
      explanation:
        'The comparison panel says it: mysql-1 came back with the same name and its own volume (data-mysql-1). It is a new Pod (new uid, usually a new IP), but its name, its hostname and its claim are the same, so anything that knew "mysql-1" still finds it.',
    },
    {
      id: 'delete-deployment-pod',
      title: 'Delete a Deployment pod',
      instruction: 'Now delete one of the Deployment\'s pods (the first one listed) and look again.',
      commands: [
        'kubectl get pods -l app=mysql-deploy',
        'kubectl delete pod mysql-deploy-57dd7c6cf4-2gr8h',
        'sleep 30',
        'kubectl get pods -l app=mysql-deploy -o wide',
      ],
      question: {
        prompt: 'What will the replacement pod be called?',
        choices: ['mysql-deploy-57dd7c6cf4-2gr8h again', 'a new random name from the same ReplicaSet', 'mysql-deploy-3'],
        answer: 1,
        why: 'A ReplicaSet only counts pods: any pod matching its template will do, so it asks the API server for a fresh generateName suffix.',
      },
      goal: 'The deleted mysql-deploy pod is gone and three mysql-deploy pods are Ready.',
      check: deploymentPodReplaced,
      explanation:
        'The ReplicaSet replaced the pod as soon as it started terminating, with a new random name, a new IP and a new, empty emptyDir. Nothing ties the new pod to the old one: for a stateless web server that is exactly right.',
    },
    {
      id: 'dns-names',
      title: 'DNS names follow the identity',
      instruction:
        'Start a throw-away busybox pod and look up the StatefulSet pod by its stable DNS name. Type exit to leave; --rm deletes the pod.',
      commands: [
        'kubectl run -i --tty --image busybox:1.28 dns-test --restart=Never --rm',
        'nslookup mysql-1.mysql',
        'exit',
      ],
      question: {
        prompt: 'Which address does mysql-1.mysql resolve to now?',
        choices: ['The IP of the deleted mysql-1', 'The IP of the new mysql-1', 'The Service\'s ClusterIP'],
        answer: 1,
        why: 'The headless Service publishes each Ready pod\'s current IP under its hostname, so the name follows the identity.',
      },
      goal: 'A dns-test pod ran and has been removed again.',
      check: all(ranDnsTest(), ({ snapshot }) =>
        eventsFor(snapshot, 'pod/mysql-1', 'Killing').length ? DONE : notYet('mysql-1 has not been replaced in this run'),
      ),
      explanation:
        'mysql-1.mysql.default.svc.cluster.local answered with the new pod\'s IP: clients should use the name, never the IP. A Deployment pod has no such name; it is reached only through its Service.',
    },
  ],
};
