/** Lesson 6: a node is lost. The Deployment recovers after the eviction timeout; the StatefulSet waits. */
import { DONE, all, eventsWith, findNode, findPod, isUp, mountsClaim, notYet, workloadPods } from '../checks';
import type { Lesson, LessonCheck } from '../types';

const OUT_OF_SERVICE = 'node.kubernetes.io/out-of-service=nodeshutdown:NoExecute';

const nodeDown: LessonCheck = ({ snapshot }) =>
  findNode(snapshot, 'node-1')?.isReady === false ? DONE : notYet('node-1 is still Ready');

/** Three mysql-deploy pods Ready on Ready nodes, while mysql-1 still waits on the lost node. */
const deploymentRecovered: LessonCheck = ({ snapshot }) => {
  const up = workloadPods(snapshot, 'Deployment', 'mysql-deploy').filter(
    (p) => isUp(p) && p.nodeName !== null && findNode(snapshot, p.nodeName)?.isReady,
  );
  if (up.length < 3) return notYet(`${up.length} of 3 mysql-deploy pods are Ready on healthy nodes`);
  const mysql1 = findPod(snapshot, 'mysql-1');
  if (mysql1?.nodeName !== 'node-1') return notYet('mysql-1 is no longer on node-1');
  return DONE;
};

/** mysql-1 was force-deleted and re-created on another node, and its volume is still attached to node-1. */
const forceDeleted: LessonCheck = (input) => {
  const pod = findPod(input.snapshot, 'mysql-1');
  const old = input.before ? findPod(input.before, 'mysql-1')?.uid : null;
  if (!pod || pod.nodeName === 'node-1' || (old && pod.uid === old)) return notYet('mysql-1 has not been force-deleted yet');
  return eventsWith(input.snapshot, 'FailedAttachVolume', 'Multi-Attach error').some((e) => e.object === 'pod/mysql-1')
    ? DONE
    : notYet('the new mysql-1 has not tried to attach its volume yet');
};

const recoveredWithTaint: LessonCheck = all(
  ({ snapshot }) =>
    findNode(snapshot, 'node-1')?.taints?.includes(OUT_OF_SERVICE)
      ? DONE
      : notYet('node-1 does not have the out-of-service taint'),
  ({ snapshot }) => {
    const pod = findPod(snapshot, 'mysql-1');
    if (!isUp(pod) || pod.nodeName === 'node-1') return notYet('mysql-1 is not Running and Ready on another node yet');
    return mountsClaim(pod, 'data-mysql-1') ? DONE : notYet('mysql-1 does not mount data-mysql-1');
  },
);

export const nodeLoss: Lesson = {
  id: 'node-loss',
  number: 6,
  title: 'A node is lost',
  goal: 'Power off a node: the Deployment recovers after about six minutes, the StatefulSet waits. Force delete and the out-of-service taint.',
  scenario: 'compare',
  seed: 1,
  steps: [
    {
      id: 'power-off',
      title: 'Pull the plug on node-1',
      instruction:
        'node-1 runs mysql-1 and a mysql-deploy pod. Stop the machine (the playground\'s own command: there is no kubectl for a power cut) and wait a minute.',
      commands: ['sim node stop node-1', 'sleep 60', 'kubectl get nodes', 'kubectl get pods -o wide'],
      question: {
        prompt: 'What does Kubernetes do with the pods on node-1 in the first minute?',
        choices: ['Re-creates them elsewhere at once', 'Marks the node NotReady and the pods not Ready, nothing more', 'Deletes them'],
        answer: 1,
        why: 'The control plane cannot tell a dead machine from a network split; it waits (node-monitor-grace-period 50 s, then the 300 s toleration).',
      },
      goal: 'node-1 is NotReady.',
      check: nodeDown,
      explanation:
        'After 50 s without a Lease renewal the node lifecycle controller set the node Unknown ("Kubelet stopped posting node status.") and tainted it unreachable. The pods still show Running: nobody can ask the kubelet.',
    },
    {
      id: 'wait',
      title: 'Wait five more minutes',
      instruction: 'Let time pass (or play at 16x). Pods tolerate the unreachable taint for 300 s, then they are evicted.',
      commands: ['sleep 300', 'kubectl get pods -o wide'],
      question: {
        prompt: 'After the eviction, which workload has all its replicas again?',
        choices: ['Both', 'The Deployment; mysql-1 stays Terminating on node-1', 'The StatefulSet; the Deployment waits'],
        answer: 1,
        why: 'A ReplicaSet replaces a pod as soon as it starts terminating. A StatefulSet must not run two mysql-1 at once, so it waits until the old one is confirmed gone — and a dead kubelet never confirms.',
      },
      goal: 'Three mysql-deploy pods are Ready on healthy nodes while mysql-1 still waits on node-1.',
      check: deploymentRecovered,
      explanation:
        'TaintManagerEviction marked both pods on node-1 for deletion. The ReplicaSet created a new pod at once, about six minutes after the power cut. mysql-1 stays Terminating: at-most-one pod per identity is the StatefulSet\'s promise.',
    },
    {
      id: 'force-delete',
      title: 'Force delete (dangerous)',
      instruction:
        'Force-delete mysql-1. This removes the API object without the kubelet\'s confirmation; if node-1 were only cut off, two mysql-1 could now write to the same data.',
      commands: ['kubectl delete pod mysql-1 --grace-period=0 --force', 'sleep 30', 'kubectl get pods -l app=mysql -o wide', 'kubectl describe pod mysql-1'],
      question: {
        prompt: 'Does the new mysql-1 start right away?',
        choices: ['Yes', 'No: its volume is still attached to node-1 (Multi-Attach)', 'No: the name is taken'],
        answer: 1,
        why: 'The attach/detach controller will not detach a volume that may still be mounted; it waits up to 6 minutes before forcing it.',
      },
      goal: 'A new mysql-1 exists on another node and reports Multi-Attach for its volume.',
      check: forceDeleted,
      explanation:
        'kubectl warned: "Immediate deletion does not wait for confirmation that the running resource has been terminated." The new mysql-1 is stuck ContainerCreating with FailedAttachVolume: the volume is still attached to node-1.',
    },
    {
      id: 'out-of-service',
      title: 'The out-of-service taint',
      instruction:
        'The safe way: once you know the machine is really off, taint it out-of-service. Pod GC then removes its pods and volumes are detached at once.',
      commands: [`kubectl taint nodes node-1 ${OUT_OF_SERVICE}`, 'sleep 60', 'kubectl get pods -l app=mysql -o wide'],
      goal: 'node-1 carries the out-of-service taint and mysql-1 is Ready on another node.',
      check: recoveredWithTaint,
      explanation:
        'With node.kubernetes.io/out-of-service the attach/detach controller detached the volume without waiting, and mysql-1 started with data-mysql-1 on a node in the same zone. Use it only for a node that is really shut down.',
    },
  ],
};
