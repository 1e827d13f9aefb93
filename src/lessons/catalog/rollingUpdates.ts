/** Lesson 7: StatefulSet updates: reverse order, a partition canary, OnDelete, and the forced-rollback trap. */
import { DONE, all, findPod, findWorkload, imageOf, isUp, notYet } from '../checks';
import type { Lesson, LessonCheck } from '../types';

const IMAGES = `kubectl get pods -l app=mysql -o jsonpath='{range .items[*]}{.metadata.name}{" "}{.spec.containers[0].image}{"\\n"}{end}'`;

/** Each named pod is Ready and runs `image`. */
function runImage(image: string, ...names: string[]): LessonCheck {
  return ({ snapshot }) => {
    for (const name of names) {
      const pod = findPod(snapshot, name);
      if (imageOf(pod) !== image) return notYet(`${name} does not run ${image}`);
      if (!isUp(pod)) return notYet(`${name} is not Running and Ready yet`);
    }
    return DONE;
  };
}

const strategy = (type: string): LessonCheck => ({ snapshot }) =>
  findWorkload(snapshot, 'StatefulSet', 'mysql')?.updateStrategy === type ? DONE : notYet(`the update strategy is not ${type}`);

const reverseOrder: LessonCheck = ({ snapshot }) => {
  const [a, b, c] = ['mysql-0', 'mysql-1', 'mysql-2'].map((n) => findPod(snapshot, n)?.creationTime ?? 0);
  return c! < b! && b! < a! ? DONE : notYet('the pods were not replaced from mysql-2 down to mysql-0');
};

const stuck: LessonCheck = ({ snapshot }) => {
  const pod = findPod(snapshot, 'mysql-2');
  return imageOf(pod) === 'mysql:broken' && pod && !pod.isReady
    ? DONE
    : notYet('mysql-2 is not stuck on the broken image');
};

export const rollingUpdates: Lesson = {
  id: 'rolling-updates',
  number: 7,
  title: 'Rolling updates',
  goal: 'Update in reverse order, canary with a partition, update by hand with OnDelete, and escape the forced-rollback trap.',
  scenario: 'compare',
  seed: 1,
  steps: [
    {
      id: 'rolling',
      title: 'A rolling update',
      instruction: 'Change the image and let the update roll.',
      commands: ['kubectl set image sts/mysql mysql=mysql:8.4', 'sleep 90', IMAGES],
      question: {
        prompt: 'In which order are the pods replaced?',
        choices: ['mysql-0, mysql-1, mysql-2', 'mysql-2, mysql-1, mysql-0', 'All at once'],
        answer: 1,
        why: 'RollingUpdate goes from the highest ordinal down, one pod at a time, waiting for each to be Ready.',
      },
      goal: 'All three pods run mysql:8.4, replaced from mysql-2 down to mysql-0.',
      check: all(runImage('mysql:8.4', 'mysql-0', 'mysql-1', 'mysql-2'), reverseOrder),
      explanation:
        'mysql-2 went first and mysql-0, often the primary, last. Each pod came back with its name and its claim; only the revision (controller-revision-hash) changed.',
    },
    {
      id: 'partition',
      title: 'A canary with partition',
      instruction: 'Set partition: 2, then change the image: only ordinals ≥ 2 are updated.',
      commands: [
        `kubectl patch sts mysql -p '{"spec":{"updateStrategy":{"rollingUpdate":{"partition":2}}}}'`,
        'kubectl set image sts/mysql mysql=mysql:9.1',
        'sleep 30',
        IMAGES,
      ],
      goal: 'mysql-2 runs mysql:9.1; mysql-0 and mysql-1 still run mysql:8.4.',
      check: all(runImage('mysql:9.1', 'mysql-2'), runImage('mysql:8.4', 'mysql-0', 'mysql-1')),
      explanation:
        'The partition holds back every ordinal below it. Lower the partition to roll further, or roll back the template if the canary misbehaves.',
    },
    {
      id: 'on-delete',
      title: 'OnDelete',
      instruction: 'Switch to OnDelete and change the image: nothing happens until you delete a pod.',
      commands: [
        `kubectl patch sts mysql -p '{"spec":{"updateStrategy":{"type":"OnDelete","rollingUpdate":null}}}'`,
        'kubectl set image sts/mysql mysql=mysql:9.2',
        'sleep 30',
        IMAGES,
        'kubectl delete pod mysql-0',
        'sleep 30',
        IMAGES,
      ],
      goal: 'The strategy is OnDelete; mysql-0 runs mysql:9.2 while mysql-1 still runs mysql:8.4.',
      check: all(strategy('OnDelete'), runImage('mysql:9.2', 'mysql-0'), runImage('mysql:8.4', 'mysql-1')),
      explanation:
        'With OnDelete the controller only uses the new template when it re-creates a pod you deleted: the operator (or you) decides the order.',
    },
    {
      id: 'break',
      title: 'Roll out a broken image',
      instruction: 'Back to RollingUpdate; let it finish; then roll out an image that cannot be pulled.',
      commands: [
        `kubectl patch sts mysql -p '{"spec":{"updateStrategy":{"type":"RollingUpdate"}}}'`,
        'sleep 90',
        'kubectl set image sts/mysql mysql=mysql:broken',
        'sleep 60',
        'kubectl get pods -l app=mysql',
      ],
      goal: 'mysql-0 and mysql-1 run mysql:9.2; mysql-2 is stuck on mysql:broken.',
      check: all(strategy('RollingUpdate'), runImage('mysql:9.2', 'mysql-0', 'mysql-1'), stuck),
      explanation: 'mysql-2 is in ImagePullBackOff. The rollout stops there, as it should: it never gets Ready.',
    },
    {
      id: 'trap',
      title: 'The forced-rollback trap',
      instruction: 'Undo the rollout and wait. Then delete the broken pod by hand.',
      commands: [
        'kubectl rollout undo sts/mysql',
        'sleep 60',
        'kubectl get pods -l app=mysql',
        'kubectl delete pod mysql-2',
        'sleep 60',
        IMAGES,
      ],
      question: {
        prompt: 'After kubectl rollout undo, does mysql-2 go back to mysql:9.2 by itself?',
        choices: ['Yes, at once', 'No: the controller waits for the broken pod to become Ready, which it never will', 'Yes, after the back-off'],
        answer: 1,
        why: 'Under OrderedReady the StatefulSet waits for mysql-2 to be Running and Ready before touching anything; the documentation calls this the forced rollback.',
      },
      goal: 'All three pods run mysql:9.2 and are Ready.',
      check: runImage('mysql:9.2', 'mysql-0', 'mysql-1', 'mysql-2'),
      explanation:
        'The template was back, yet mysql-2 stayed in ImagePullBackOff until you deleted it; only then did the controller re-create it from the current revision. "After reverting the template, you must also delete any Pods that StatefulSet had already attempted to run with the bad configuration."',
    },
  ],
};
