/** Lesson 2: OrderedReady creates one pod at a time and removes from the highest ordinal; Parallel does not wait. */
import { DONE, all, findPod, findWorkload, isUp, lastEventTime, notYet, podsGone, podsUp } from '../checks';
import type { Lesson, LessonCheck } from '../types';

const PARALLEL_WEB = `kubectl apply -f - <<EOF
apiVersion: v1
kind: Service
metadata:
  name: nginx
spec:
  clusterIP: None
  selector:
    app: nginx
  ports:
  - name: web
    port: 80
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: nginx
  podManagementPolicy: Parallel
  replicas: 3
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
EOF`;

/** mysql-4 was created only after mysql-3 was Ready. */
const createdInOrder: LessonCheck = ({ snapshot }) => {
  const three = findPod(snapshot, 'mysql-3');
  const four = findPod(snapshot, 'mysql-4');
  if (three?.readyTime == null || four?.creationTime == null) return notYet('mysql-3 and mysql-4 are not both there');
  return four.creationTime >= three.readyTime ? DONE : notYet('mysql-4 was created before mysql-3 was Ready');
};

/** mysql-4 was stopped no later than mysql-3. */
const removedInReverse: LessonCheck = ({ snapshot }) => {
  const three = lastEventTime(snapshot, 'pod/mysql-3', 'Killing');
  const four = lastEventTime(snapshot, 'pod/mysql-4', 'Killing');
  if (three === null || four === null) return notYet('mysql-3 and mysql-4 have not both been stopped');
  return four <= three ? DONE : notYet('mysql-3 was stopped before mysql-4');
};

/** The named pods were all created at the same instant. */
function createdTogether(...names: string[]): LessonCheck {
  return ({ snapshot }) => {
    const times = new Set(names.map((n) => findPod(snapshot, n)?.creationTime));
    return times.size === 1 && !times.has(undefined) ? DONE : notYet(`${names.join(', ')} were not created together`);
  };
}

export const order: Lesson = {
  id: 'order',
  number: 2,
  title: 'Order',
  goal: 'Scale up and down under OrderedReady, then under Parallel: who starts and stops when, and why.',
  scenario: 'compare',
  seed: 1,
  steps: [
    {
      id: 'scale-up-ordered',
      title: 'Scale up one at a time',
      instruction: 'Scale the StatefulSet to 5 replicas and let a minute pass. Watch the canvas: mysql-3 first, then mysql-4.',
      commands: ['kubectl scale sts mysql --replicas=5', 'sleep 60', 'kubectl get pods -l app=mysql'],
      question: {
        prompt: 'With podManagementPolicy OrderedReady (the default), when is mysql-4 created?',
        choices: ['Together with mysql-3', 'When mysql-3 is Running and Ready', 'Only after a rollout is finished'],
        answer: 1,
        why: 'OrderedReady creates ordinal N only when every ordinal below N is Running and Ready.',
      },
      goal: 'mysql-3 and mysql-4 are Ready, and mysql-4 was created after mysql-3 became Ready.',
      check: all(podsUp('mysql-3', 'mysql-4'), createdInOrder),
      explanation:
        'The Events tell the story: "create Pod mysql-3 in StatefulSet mysql successful", then only once mysql-3 was Ready, the same for mysql-4. Each new pod got its own claim (data-mysql-3, data-mysql-4).',
    },
    {
      id: 'scale-down-ordered',
      title: 'Scale down from the top',
      instruction: 'Scale back to 3 replicas.',
      commands: ['kubectl scale sts mysql --replicas=3', 'sleep 30', 'kubectl get pods -l app=mysql', 'kubectl get pvc'],
      question: {
        prompt: 'Which pod is stopped first?',
        choices: ['mysql-0, the oldest', 'mysql-4, the highest ordinal', 'A random one, as a ReplicaSet would'],
        answer: 1,
        why: 'Scale-down removes the highest ordinal first and, under OrderedReady, waits for it to be gone before the next.',
      },
      goal: 'mysql-3 and mysql-4 are gone, mysql-4 stopped first.',
      check: all(podsGone('mysql-3', 'mysql-4'), removedInReverse),
      explanation:
        'mysql-4 terminated first, then mysql-3. Their claims data-mysql-3 and data-mysql-4 are still listed by kubectl get pvc: scaling down never deletes data unless the retention policy says so (lesson 8).',
    },
    {
      id: 'parallel-create',
      title: 'A Parallel StatefulSet',
      instruction:
        'Apply a second StatefulSet, web, with podManagementPolicy: Parallel (paste the whole here-document; the console takes it line by line).',
      commands: [PARALLEL_WEB, 'sleep 30', 'kubectl get pods -l app=nginx'],
      question: {
        prompt: 'How are web-0, web-1 and web-2 created?',
        choices: ['One after another, each waiting for Ready', 'All at once', 'web-2 first'],
        answer: 1,
        why: 'Parallel tells the controller not to wait: all missing ordinals are created in one go.',
      },
      goal: 'StatefulSet web is Parallel, web-0, web-1 and web-2 are Ready and were created at the same instant.',
      check: all(
        ({ snapshot }) =>
          findWorkload(snapshot, 'StatefulSet', 'web')?.podManagementPolicy === 'Parallel'
            ? DONE
            : notYet('there is no Parallel StatefulSet web yet'),
        podsUp('web-0', 'web-1', 'web-2'),
        createdTogether('web-0', 'web-1', 'web-2'),
      ),
      explanation:
        'The three pods appeared together and became Ready on their own schedules. The names are still stable (web-0, web-1, web-2); only the ordering guarantee is gone.',
    },
    {
      id: 'parallel-scale-down',
      title: 'Parallel scale-down',
      instruction: 'Scale web down to one replica.',
      commands: ['kubectl scale sts web --replicas=1', 'sleep 30', 'kubectl get pods -l app=nginx'],
      goal: 'Only web-0 is left; web-1 and web-2 were stopped at the same instant.',
      check: all(podsGone('web-1', 'web-2'), ({ snapshot }) => {
        const one = lastEventTime(snapshot, 'pod/web-1', 'Killing');
        const two = lastEventTime(snapshot, 'pod/web-2', 'Killing');
        if (one === null || two === null) return notYet('web-1 and web-2 have not both been stopped');
        return one === two && isUp(findPod(snapshot, 'web-0')) ? DONE : notYet('web-1 and web-2 were not stopped together');
      }),
      explanation:
        'Both pods were told to stop at once. Parallel suits applications whose members do not depend on each other starting in order; a database cluster with a primary at ordinal 0 usually wants OrderedReady.',
    },
  ],
};
