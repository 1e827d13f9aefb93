/**
 * Lesson 10: the official "StatefulSet Basics" tutorial (kubernetes.io/docs/tutorials/stateful-application/
 * basic-stateful-set/), step by step, with its own commands.
 */
import {
  DONE,
  all,
  claimData,
  findPod,
  findWorkload,
  imageOf,
  isUp,
  notYet,
  podsGone,
  podsUp,
  ranDnsTest,
  recreated,
} from '../checks';
import type { Lesson, LessonCheck } from '../types';

const WEB = 'kubectl apply -f https://k8s.io/examples/application/web/web.yaml';
const IMAGES = `for p in 0 1 2; do kubectl get pod "web-$p" --template '{{range $i, $c := .spec.containers}}{{$c.image}}{{end}}'; echo; done`;
const CURL = 'for i in 0 1; do kubectl exec -i -t "web-$i" -- curl http://localhost/; done';
const SLIM = 'registry.k8s.io/nginx-slim:';

function images(image: string, ...names: string[]): LessonCheck {
  return ({ snapshot }) => {
    for (const name of names) {
      const pod = findPod(snapshot, name);
      if (imageOf(pod) !== image || !isUp(pod)) return notYet(`${name} is not Running and Ready with ${image} yet`);
    }
    return DONE;
  };
}

const webSet = (test: (w: NonNullable<ReturnType<typeof findWorkload>>) => boolean, reason: string): LessonCheck => ({ snapshot }) => {
  const web = findWorkload(snapshot, 'StatefulSet', 'web');
  return web && test(web) ? DONE : notYet(reason);
};

function claims(...names: string[]): LessonCheck {
  return ({ snapshot }) => {
    const missing = names.filter((n) => !snapshot.pvcs.some((c) => c.name === n));
    return missing.length ? notYet(`${missing.join(', ')} do not exist`) : DONE;
  };
}

export const tutorial: Lesson = {
  id: 'tutorial-basics',
  number: 10,
  title: 'The StatefulSet Basics tutorial',
  goal: 'Follow the official Kubernetes tutorial, command for command, with the canvas beside it.',
  scenario: 'tutorial-basics',
  seed: 1,
  steps: [
    {
      id: 'create',
      title: 'Creating a StatefulSet',
      instruction:
        'Start a watch, create the headless Service nginx and the StatefulSet web, let 30 seconds pass, and stop the watch with Ctrl+C (the ^C line).',
      commands: [
        'kubectl get pods --watch -l app=nginx',
        WEB,
        'sleep 30',
        '^C',
        'kubectl get service nginx',
        'kubectl get statefulset web',
      ],
      question: {
        prompt: 'Which pod starts first?',
        choices: ['web-0, then web-1 once web-0 is Running and Ready', 'Both at once', 'web-1'],
        answer: 0,
        why: 'The default OrderedReady policy.',
      },
      goal: 'web-0 and web-1 are Running and Ready.',
      check: podsUp('web-0', 'web-1'),
      explanation: 'The watch showed web-0 go Pending, ContainerCreating, Running; only then did web-1 appear. Each got a claim from the www template: www-web-0, www-web-1.',
    },
    {
      id: 'network-identity',
      title: 'Using stable network identities',
      instruction: 'Print the hostnames, resolve the pod names from a busybox pod (type exit when done), then delete both pods.',
      commands: [
        `for i in 0 1; do kubectl exec "web-$i" -- sh -c 'hostname'; done`,
        'kubectl run -i --tty --image busybox:1.28 dns-test --restart=Never --rm',
        'nslookup web-0.nginx',
        'nslookup web-1.nginx',
        'exit',
        'kubectl delete pod -l app=nginx',
        'sleep 30',
        'kubectl get pods -l app=nginx',
      ],
      goal: 'dns-test ran, and web-0 and web-1 were re-created with their claims.',
      check: all(ranDnsTest(), recreated('web-0', 'www-web-0'), recreated('web-1', 'www-web-1')),
      explanation: 'The pods came back with the same names, hostnames and DNS names; their IPs changed. "Don\'t connect to a StatefulSet\'s pods by IP address."',
    },
    {
      id: 'stable-storage',
      title: 'Writing to stable storage',
      instruction: 'Write each pod\'s hostname into its index.html, serve it, delete the pods, and serve it again.',
      commands: [
        'kubectl get pvc -l app=nginx',
        `for i in 0 1; do kubectl exec "web-$i" -- sh -c 'echo "$(hostname)" > /usr/share/nginx/html/index.html'; done`,
        CURL,
        'kubectl delete pod -l app=nginx',
        'sleep 30',
        CURL,
      ],
      goal: 'Both claims hold index.html and the pods were re-created.',
      check: all(
        ({ snapshot }) =>
          (claimData(snapshot, 'www-web-0')?.files ?? 0) > 0 && (claimData(snapshot, 'www-web-1')?.files ?? 0) > 0
            ? DONE
            : notYet('index.html is not on both claims yet'),
        recreated('web-0', 'www-web-0'),
        recreated('web-1', 'www-web-1'),
      ),
      explanation: 'web-0 and web-1 still serve their own hostnames after being re-created: the claims were re-mounted.',
    },
    {
      id: 'scaling',
      title: 'Scaling a StatefulSet',
      instruction: 'Scale up to 5, then patch back down to 3, and list the claims.',
      commands: [
        'kubectl scale sts web --replicas=5',
        'sleep 90',
        `kubectl patch sts web -p '{"spec":{"replicas":3}}'`,
        'sleep 30',
        'kubectl get pvc -l app=nginx',
      ],
      goal: 'web-3 and web-4 are gone but all five claims remain.',
      check: all(podsUp('web-2'), podsGone('web-3', 'web-4'), claims('www-web-0', 'www-web-1', 'www-web-2', 'www-web-3', 'www-web-4')),
      explanation: 'Pods went up in order and down in reverse; "the PersistentVolumes mounted to the Pods of a StatefulSet are not deleted when the StatefulSet\'s Pods are deleted."',
    },
    {
      id: 'rolling-update',
      title: 'RollingUpdate',
      instruction: 'Patch the image to nginx-slim:0.24 and watch the pods update in reverse order.',
      commands: [
        `kubectl patch statefulset web --type='json' -p='[{"op": "replace", "path": "/spec/template/spec/containers/0/image", "value":"${SLIM}0.24"}]'`,
        'sleep 90',
        IMAGES,
      ],
      goal: 'web-0, web-1 and web-2 run nginx-slim:0.24.',
      check: images(`${SLIM}0.24`, 'web-0', 'web-1', 'web-2'),
      explanation: 'web-2 first, web-0 last, each waiting for the previous to be Running and Ready.',
    },
    {
      id: 'staging',
      title: 'Staging an update and a canary',
      instruction: 'Set partition 3, change the image back to 0.21, delete web-2 (it keeps 0.24), then lower the partition to 2.',
      commands: [
        `kubectl patch statefulset web -p '{"spec":{"updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"partition":3}}}}'`,
        `kubectl patch statefulset web --type='json' -p='[{"op": "replace", "path": "/spec/template/spec/containers/0/image", "value":"${SLIM}0.21"}]'`,
        'kubectl delete pod web-2',
        'sleep 30',
        `kubectl get pod web-2 --template '{{range $i, $c := .spec.containers}}{{$c.image}}{{end}}'`,
        `kubectl patch statefulset web -p '{"spec":{"updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"partition":2}}}}'`,
        'sleep 30',
        `kubectl get pod web-2 --template '{{range $i, $c := .spec.containers}}{{$c.image}}{{end}}'`,
      ],
      goal: 'The partition is 2: web-2 runs 0.21 (the canary), web-0 and web-1 still 0.24.',
      check: all(
        webSet((w) => w.partition === 2, 'the partition is not 2 yet'),
        images(`${SLIM}0.21`, 'web-2'),
        images(`${SLIM}0.24`, 'web-0', 'web-1'),
      ),
      explanation: 'With partition 3 even a deleted pod came back at the old revision; at partition 2 only web-2 took the new one.',
    },
    {
      id: 'phased',
      title: 'Phased roll-outs',
      instruction: 'Lower the partition to 0 so the update reaches every pod.',
      commands: [
        `kubectl patch statefulset web -p '{"spec":{"updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"partition":0}}}}'`,
        'sleep 60',
        IMAGES,
      ],
      goal: 'All three pods run nginx-slim:0.21.',
      check: all(webSet((w) => w.partition === 0, 'the partition is not 0 yet'), images(`${SLIM}0.21`, 'web-0', 'web-1', 'web-2')),
      explanation: 'Moving the partition down step by step is how you roll out a change in phases.',
    },
    {
      id: 'on-delete',
      title: 'OnDelete',
      instruction: 'Switch the update strategy to OnDelete.',
      commands: [`kubectl patch statefulset web -p '{"spec":{"updateStrategy":{"type":"OnDelete", "rollingUpdate": null}}}'`],
      goal: 'The update strategy of web is OnDelete.',
      check: webSet((w) => w.updateStrategy === 'OnDelete', 'the update strategy is not OnDelete yet'),
      explanation: 'From now on the controller only updates a pod when you delete it.',
    },
    {
      id: 'non-cascading',
      title: 'Non-cascading delete',
      instruction: 'Delete the StatefulSet but keep its pods, delete web-0 (nothing re-creates it), then apply web.yaml again.',
      commands: [
        'kubectl delete statefulset web --cascade=orphan',
        'kubectl get pods -l app=nginx',
        'kubectl delete pod web-0',
        'kubectl get pods -l app=nginx',
        WEB,
        'sleep 60',
        'kubectl get pods -l app=nginx',
        CURL,
      ],
      question: {
        prompt: 'The re-created StatefulSet has replicas: 2. What happens to the orphaned web-2?',
        choices: ['It is adopted and kept', 'It is adopted, then removed to match 2 replicas', 'It stays orphaned'],
        answer: 1,
        why: 'The new StatefulSet adopts every pod its selector matches, then scales to its replicas.',
      },
      goal: 'StatefulSet web is back with web-0 and web-1 Ready, and web-2 is gone.',
      check: all(webSet((w) => w.replicas === 2, 'StatefulSet web does not exist with 2 replicas'), podsUp('web-0', 'web-1'), podsGone('web-2')),
      explanation: 'web-0 came back with www-web-0 and still serves "web-0": the claim outlived both the pod and the StatefulSet.',
    },
    {
      id: 'cascading',
      title: 'Cascading delete',
      instruction: 'Delete the StatefulSet with its pods, and the Service.',
      commands: ['kubectl delete statefulset web', 'sleep 30', 'kubectl get pods -l app=nginx', 'kubectl delete service nginx'],
      goal: 'No StatefulSet web, no web pods and no Service nginx; the claims remain.',
      check: all(
        ({ snapshot }) => (findWorkload(snapshot, 'StatefulSet', 'web') ? notYet('StatefulSet web still exists') : DONE),
        podsGone('web-0', 'web-1'),
        ({ snapshot }) => (snapshot.services.some((s) => s.name === 'nginx') ? notYet('Service nginx still exists') : DONE),
        claims('www-web-0', 'www-web-1'),
      ),
      explanation: 'The pods terminated in reverse order; the claims stayed, as the tutorial points out.',
    },
    {
      id: 'parallel',
      title: 'Parallel Pod management',
      instruction: 'Apply the Parallel variant and scale it to 5.',
      commands: [
        'kubectl apply -f https://k8s.io/examples/application/web/web-parallel.yaml',
        'sleep 30',
        'kubectl scale statefulset/web --replicas=5',
        'sleep 30',
        'kubectl get pods -l app=nginx',
      ],
      goal: 'web is Parallel and web-0 to web-4 are Ready; web-2, web-3 and web-4 were created together.',
      check: all(
        webSet((w) => w.podManagementPolicy === 'Parallel', 'StatefulSet web is not Parallel yet'),
        podsUp('web-0', 'web-1', 'web-2', 'web-3', 'web-4'),
        ({ snapshot }) => {
          const times = new Set(['web-2', 'web-3', 'web-4'].map((n) => findPod(snapshot, n)?.creationTime));
          return times.size === 1 ? DONE : notYet('web-2, web-3 and web-4 were not created together');
        },
      ),
      explanation: 'The three new pods were launched together, without waiting for each other.',
    },
    {
      id: 'cleanup',
      title: 'Cleaning up',
      instruction: 'Delete the StatefulSet, the Service and the five claims.',
      commands: [
        'kubectl delete sts web',
        'sleep 30',
        'kubectl delete svc nginx',
        'kubectl delete pvc www-web-0 www-web-1 www-web-2 www-web-3 www-web-4',
        'kubectl get pvc',
        'kubectl get pv',
      ],
      goal: 'No claims are left.',
      check: ({ snapshot }) =>
        snapshot.pvcs.length === 0 && !findWorkload(snapshot, 'StatefulSet', 'web') ? DONE : notYet('claims or the StatefulSet are still there'),
      explanation: 'With the standard class\'s Delete reclaim policy the volumes went with their claims.',
    },
  ],
};
