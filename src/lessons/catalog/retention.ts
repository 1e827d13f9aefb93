/** Lesson 8: the PVC retention policy: claims are kept by default on scale-down and delete; Delete removes them. */
import { DONE, all, findWorkload, notYet, podsGone, podsUp } from '../checks';
import type { Lesson, LessonCheck } from '../types';

function claimsExist(...names: string[]): LessonCheck {
  return ({ snapshot }) => {
    const missing = names.filter((n) => !snapshot.pvcs.some((c) => c.name === n && !c.isTerminating));
    return missing.length ? notYet(`${missing.join(', ')} no longer exist`) : DONE;
  };
}

function claimsGone(...names: string[]): LessonCheck {
  return ({ snapshot }) => {
    const left = names.filter((n) => snapshot.pvcs.some((c) => c.name === n));
    return left.length ? notYet(`${left.join(', ')} still exist`) : DONE;
  };
}

/** The claims carry the same uids as when the step opened. */
function sameClaims(...names: string[]): LessonCheck {
  return ({ snapshot, before }) => {
    if (!before) return DONE;
    const changed = names.filter(
      (n) => snapshot.pvcs.find((c) => c.name === n)?.uid !== before.pvcs.find((c) => c.name === n)?.uid,
    );
    return changed.length ? notYet(`${changed.join(', ')} are new claims`) : DONE;
  };
}

export const retention: Lesson = {
  id: 'retention',
  number: 8,
  title: 'The PVC retention policy',
  goal: 'What happens to the claims when a StatefulSet is scaled down or deleted, with Retain and with Delete.',
  scenario: 'compare',
  seed: 1,
  steps: [
    {
      id: 'scale-down-retain',
      title: 'Scale down with Retain',
      instruction: 'Scale to one replica and list the claims.',
      commands: ['kubectl scale sts mysql --replicas=1', 'sleep 30', 'kubectl get pvc'],
      question: {
        prompt: 'What happens to data-mysql-1 and data-mysql-2?',
        choices: ['Deleted with their pods', 'Kept, still Bound', 'Released'],
        answer: 1,
        why: 'The default policy is whenScaled: Retain, whenDeleted: Retain.',
      },
      goal: 'Only mysql-0 runs; data-mysql-1 and data-mysql-2 are still there.',
      check: all(podsGone('mysql-1', 'mysql-2'), claimsExist('data-mysql-1', 'data-mysql-2')),
      explanation: 'The claims (and their data) wait for the pods to come back.',
    },
    {
      id: 'scale-up-reuse',
      title: 'Scale up: the same claims',
      instruction: 'Scale back to three.',
      commands: ['kubectl scale sts mysql --replicas=3', 'sleep 40', 'kubectl get pvc'],
      goal: 'mysql-1 and mysql-2 are Ready again with the same claims.',
      check: all(podsUp('mysql-1', 'mysql-2'), sameClaims('data-mysql-1', 'data-mysql-2')),
      explanation: 'mysql-1 found data-mysql-1 waiting and mounted it: no new claim was created ("create Claim" does not appear in the Events this time).',
    },
    {
      id: 'when-scaled-delete',
      title: 'whenScaled: Delete',
      instruction: 'Set both policies to Delete and scale to two.',
      commands: [
        `kubectl patch sts mysql -p '{"spec":{"persistentVolumeClaimRetentionPolicy":{"whenScaled":"Delete","whenDeleted":"Delete"}}}'`,
        'kubectl scale sts mysql --replicas=2',
        'sleep 30',
        'kubectl get pvc',
      ],
      goal: 'The policy is Delete and data-mysql-2 is gone with mysql-2.',
      check: all(
        ({ snapshot }) =>
          findWorkload(snapshot, 'StatefulSet', 'mysql')?.whenScaled === 'Delete' ? DONE : notYet('whenScaled is not Delete yet'),
        podsGone('mysql-2'),
        claimsGone('data-mysql-2'),
      ),
      explanation:
        'The controller gave data-mysql-2 an owner reference to its pod; when mysql-2 went, the garbage collector deleted the claim, and the Delete reclaim policy removed the volume and its files.',
    },
    {
      id: 'when-deleted-delete',
      title: 'whenDeleted: Delete',
      instruction: 'Delete the StatefulSet.',
      commands: ['kubectl delete sts mysql', 'sleep 30', 'kubectl get pvc'],
      goal: 'No StatefulSet mysql and no data-mysql-* claims are left.',
      check: all(
        ({ snapshot }) => (findWorkload(snapshot, 'StatefulSet', 'mysql') ? notYet('StatefulSet mysql still exists') : DONE),
        claimsGone('data-mysql-0', 'data-mysql-1'),
      ),
      explanation: 'With whenDeleted: Delete the claims are owned by the StatefulSet and go with it. With the default Retain you delete them yourself, as the Basics tutorial does.',
    },
  ],
};
