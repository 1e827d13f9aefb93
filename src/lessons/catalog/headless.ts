/** Lesson 3: a headless Service publishes one DNS name per pod; a ClusterIP Service one virtual IP. */
import { DONE, all, findPod, lastEventTime, notYet, previousUid, ranDnsTest } from '../checks';
import type { Lesson, LessonCheck } from '../types';

const DNS_TEST = 'kubectl run -i --tty --image busybox:1.28 dns-test --restart=Never --rm';

/** mysql-0's endpoint in the headless Service belongs to the new pod, is ready and carries its DNS name. */
const endpointFollowed: LessonCheck = (input) => {
  const old = previousUid(input, 'mysql-0');
  const pod = findPod(input.snapshot, 'mysql-0');
  if (!old || pod?.uid === old) return notYet('mysql-0 has not been deleted yet');
  const svc = input.snapshot.services.find((s) => s.name === 'mysql');
  const endpoint = svc?.endpoints.find((e) => e.hostname === 'mysql-0');
  if (!pod || !endpoint || endpoint.podUid !== pod.uid || !endpoint.isReady) {
    return notYet('mysql-0.mysql does not point at the new mysql-0 yet');
  }
  return DONE;
};

export const headless: Lesson = {
  id: 'headless',
  number: 3,
  title: 'The headless Service',
  goal: 'Per-pod DNS names from a headless Service versus one ClusterIP; nslookup from inside a pod.',
  scenario: 'compare',
  seed: 1,
  steps: [
    {
      id: 'lookup',
      title: 'Look up both Services',
      instruction:
        'Compare the two Services, then open a busybox shell and look up a pod name, the headless Service and the ClusterIP Service.',
      commands: [
        'kubectl get svc mysql mysql-deploy',
        DNS_TEST,
        'nslookup mysql-0.mysql',
        'nslookup mysql',
        'nslookup mysql-deploy',
        'exit',
      ],
      question: {
        prompt: 'What does nslookup mysql (the headless Service) answer?',
        choices: ['One ClusterIP', 'The IPs of the Ready mysql pods', 'Nothing: headless Services have no DNS'],
        answer: 1,
        why: 'clusterIP: None means no virtual IP: CoreDNS answers with every ready endpoint, and each pod also gets its own name.',
      },
      goal: 'A dns-test pod ran and has been removed (--rm).',
      check: ranDnsTest(),
      explanation:
        'mysql-0.mysql resolved to one pod; mysql resolved to all three pods; mysql-deploy resolved to a single ClusterIP that kube-proxy spreads over whichever Deployment pods are ready. The canvas draws the same: per-pod DNS edges for mysql, one VIP for mysql-deploy.',
    },
    {
      id: 'follow',
      title: 'The name follows the pod',
      instruction: 'Delete mysql-0, wait for it to come back, and look its name up again.',
      commands: ['kubectl delete pod mysql-0', 'sleep 30', DNS_TEST, 'nslookup mysql-0.mysql', 'exit'],
      question: {
        prompt: 'After mysql-0 is re-created, mysql-0.mysql resolves to…',
        choices: ['the old IP, cached forever', 'the new pod\'s IP', 'nothing until the Service is re-created'],
        answer: 1,
        why: 'The EndpointSlice controller publishes the new pod\'s IP under the hostname mysql-0 as soon as it is Ready.',
      },
      goal: 'mysql-0.mysql points at the new mysql-0, and dns-test ran after the deletion.',
      check: all(endpointFollowed, ({ snapshot }) => ranDnsTest(lastEventTime(snapshot, 'pod/mysql-0', 'Killing') ?? 0)({ snapshot, before: null })),
      explanation:
        'The name stayed, the address changed. A database replica configured with "mysql-0.mysql" as its primary keeps working across restarts; one configured with an IP would not.',
    },
  ],
};
