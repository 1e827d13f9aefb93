/**
 * `kubectl rollout history|undo|pause|resume|restart|status` against a live cluster: exact text (tab
 * alignment included), revisions renumbered by rollbacks, errors in kubectl's words, and the virtual clock
 * moving while `rollout status` waits.
 */
import { describe, expect, it } from 'vitest';
import type { ControllerRevision, Deployment, StatefulSet } from '../../../../src/sim/api/apps';
import { findHistory } from '../../../../src/sim/kubectl/commands/rollout/statefulSetHistory';
import { historyTable } from '../../../../src/sim/kubectl/commands/rollout/deploymentHistory';
import { printTemplate } from '../../../../src/sim/kubectl/commands/rollout/rolloutUtil';
import { shell } from './shell';

function rolledDeployment() {
  const sh = shell();
  sh.run('kubectl create deployment web --image=nginx:1.25 --replicas=3');
  sh.run('kubectl rollout status deployment/web');
  sh.run('kubectl set image deployment/web nginx=nginx:1.26');
  sh.run('kubectl rollout status deployment/web');
  return sh;
}

function webStatefulSet() {
  const sh = shell();
  sh.run('kubectl apply -f https://k8s.io/examples/application/web/web.yaml');
  sh.run('kubectl rollout status sts/web');
  return sh;
}

describe('history output', () => {
  it('aligns REVISION and CHANGE-CAUSE with a tabwriter (padding 2)', () => {
    expect(historyTable([
      [1, ''],
      [12, 'kubectl set image deploy/web nginx=nginx:1.27 --record=true'],
    ])).toBe('REVISION  CHANGE-CAUSE\n1         <none>\n12        kubectl set image deploy/web nginx=nginx:1.27 --record=true\n');
  });

  it('prints a pod template through a plain prefix writer: tabs stay tabs', () => {
    const text = printTemplate({ metadata: { labels: { app: 'web', 'pod-template-hash': 'abc' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.26' }] } });
    expect(text.split('\n').slice(0, 5)).toEqual(['Pod Template:', '  Labels:\tapp=web', '\tpod-template-hash=abc', '  Containers:', '   nginx:']);
    expect(text).toContain('    Image:\tnginx:1.26\n');
  });

  it('shows the Deployment history as the name printer with the table as its operation', () => {
    const sh = rolledDeployment();
    expect(sh.run('kubectl rollout history deployment/web')).toBe('deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n');
    expect(sh.run('kubectl rollout history deployment/web --revision=1')).toMatch(/^deployment\.apps\/web with revision #1\nPod Template:\n {2}Labels:\tapp=web\n\tpod-template-hash=\w+\n[\s\S]*Image:\tnginx:1\.25\n[\s\S]*\n\n$/);
    expect(sh.run('kubectl rollout history deployment/web --revision=7')).toBe('error: unable to find the specified revision\n');
    expect(sh.run('kubectl rollout history deployment/web --revision=-1')).toBe('error: revision must be a positive integer: -1\n');
    expect(sh.run('kubectl rollout history deployment/web -o name')).toMatch(/^replicaset\.apps\/web-\w+\nreplicaset\.apps\/web-\w+\n$/);
  });

  it('shows the StatefulSet history from its ControllerRevisions', () => {
    const sh = webStatefulSet();
    expect(sh.run('kubectl rollout history sts/web')).toBe('statefulset.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n\n');
    expect(sh.run('kubectl rollout history sts/web --revision=1')).toContain('    Image:\tregistry.k8s.io/nginx-slim:0.21\n');
  });

  it.each([
    ['kubectl rollout history pod/web-0', 'error: no history viewer has been implemented for "Pod"\n'],
    ['kubectl rollout history svc/nginx', 'error: error retrieving history for "Service", no visitor method exists for { Service}\n'],
    ['kubectl rollout history', 'error: required resource not specified\n'],
  ])('%s', (line, output) => {
    expect(webStatefulSet().run(line)).toBe(output);
  });
});

describe('rollout undo', () => {
  it('restores the previous ReplicaSet template, which takes the next revision number', () => {
    const sh = rolledDeployment();
    expect(sh.run('kubectl rollout undo deployment/web')).toBe('deployment.apps/web rolled back\n');
    expect(sh.cluster.api.get<Deployment>('Deployment', 'default', 'web')!.spec.template.spec.containers[0]!.image).toBe('nginx:1.25');
    sh.run('kubectl rollout status deployment/web');
    expect(sh.run('kubectl rollout history deployment/web')).toBe('deployment.apps/web \nREVISION  CHANGE-CAUSE\n2         <none>\n3         <none>\n\n');
    expect(sh.run('kubectl rollout undo deployment/web --to-revision=3')).toBe('deployment.apps/web skipped rollback (current template already matches revision 3)\n');
    expect(sh.run('kubectl rollout undo deployment/web --to-revision=1')).toBe('error: unable to find specified revision 1 in history\n');
  });

  it('prints the template with --dry-run=client and changes nothing', () => {
    const sh = rolledDeployment();
    expect(sh.run('kubectl rollout undo deployment/web --dry-run=client')).toMatch(/^deployment\.apps\/web Pod Template:\n[\s\S]*Image:\tnginx:1\.25\n[\s\S]* \(dry run\)\n$/);
    expect(sh.cluster.api.get<Deployment>('Deployment', 'default', 'web')!.spec.template.spec.containers[0]!.image).toBe('nginx:1.26');
  });

  it('needs two revisions for a Deployment and a StatefulSet', () => {
    const sh = webStatefulSet();
    sh.run('kubectl create deployment solo --image=nginx');
    expect(sh.run('kubectl rollout undo deployment/solo')).toBe('error: no rollout history found for deployment "solo"\n');
    expect(sh.run('kubectl rollout undo sts/web')).toBe('error: no last revision to roll back to\n');
  });

  it('rolls a StatefulSet back through its ControllerRevisions; the controller renumbers the old revision', () => {
    const sh = webStatefulSet();
    sh.run('kubectl set image sts/web nginx=registry.k8s.io/nginx-slim:0.24');
    sh.run('kubectl rollout status sts/web');
    expect(sh.run('kubectl rollout undo sts/web')).toBe('statefulset.apps/web rolled back\n');
    const sts = sh.cluster.api.get<StatefulSet>('StatefulSet', 'default', 'web')!;
    expect(sts.spec.template.spec.containers[0]!.image).toBe('registry.k8s.io/nginx-slim:0.21');
    const revisions = sh.cluster.api.list<ControllerRevision>('ControllerRevision', 'default').map((r) => r.revision).sort();
    expect(revisions).toEqual([2, 3]);
    expect(sh.run('kubectl rollout undo sts/web --to-revision=3')).toBe('statefulset.apps/web skipped rollback (current template already matches revision 3)\n');
    expect(sh.run('kubectl rollout undo sts/web --to-revision=1')).toBe('error: unable to find specified revision 1 in history\n');
  });

  it('findHistory picks the second newest revision for 0', () => {
    const cr = (name: string, revision: number) => ({ metadata: { name, creationTimestamp: '' }, revision }) as ControllerRevision;
    const all = [cr('c', 5), cr('a', 2), cr('b', 4)];
    expect(findHistory(0, all)?.metadata.name).toBe('b');
    expect(findHistory(2, all)?.metadata.name).toBe('a');
    expect(findHistory(3, all)).toBeUndefined();
    expect(findHistory(0, [cr('a', 1)])).toBeUndefined();
  });

  it('reports kinds without a rollbacker', () => {
    const sh = rolledDeployment();
    expect(sh.run('kubectl rollout undo svc/kubernetes')).toBe('error: error retrieving rollbacker for "Service", no visitor method exists for { Service}\n');
    expect(sh.run('kubectl rollout undo rs -l app=web')).toBe('no rollbacker has been implemented for "ReplicaSet.apps"\nno rollbacker has been implemented for "ReplicaSet.apps"\n');
  });
});

describe('rollout pause, resume, restart', () => {
  it('pauses and resumes a Deployment, with the errors for repeating either', () => {
    const sh = rolledDeployment();
    expect(sh.run('kubectl rollout pause deployment/web')).toBe('deployment.apps/web paused\n');
    expect(sh.cluster.api.get<Deployment>('Deployment', 'default', 'web')!.spec.paused).toBe(true);
    expect(sh.run('kubectl rollout pause deployment/web')).toBe('error: deployments.apps "web" is already paused\n');
    expect(sh.run('kubectl rollout restart deployment/web')).toBe(`error: deployments.apps "web" can't restart paused deployment (run rollout resume first)\n`);
    expect(sh.run('kubectl rollout undo deployment/web')).toBe("error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again\n");
    expect(sh.run('kubectl rollout resume deployment/web')).toBe('deployment.apps/web resumed\n');
    expect(sh.cluster.api.get<Deployment>('Deployment', 'default', 'web')!.spec.paused).toBeUndefined();
    expect(sh.run('kubectl rollout resume deployment/web')).toBe('error: deployments.apps "web" is not paused\n');
  });

  it('refuses to pause or resume a StatefulSet', () => {
    const sh = webStatefulSet();
    expect(sh.run('kubectl rollout pause sts/web')).toBe('error: statefulsets.apps "web" pausing is not supported\n');
    expect(sh.run('kubectl rollout resume statefulset web')).toBe('error: statefulsets.apps "web" resuming is not supported\n');
    expect(sh.run('kubectl rollout restart pod/web-0')).toBe('error: pods "web-0" restarting is not supported\n');
  });

  it('restarts by stamping the pod template, once per second', () => {
    const sh = webStatefulSet();
    expect(sh.run('kubectl rollout restart sts/web')).toBe('statefulset.apps/web restarted\n');
    const stamp = sh.cluster.api.get<StatefulSet>('StatefulSet', 'default', 'web')!.spec.template.metadata?.annotations?.['kubectl.kubernetes.io/restartedAt'];
    expect(stamp).toBe(sh.cluster.clock.timestamp());
    expect(sh.run('kubectl rollout restart sts/web')).toBe('error: failed to create patch for web: if restart has already been triggered within the past second, please wait before attempting to trigger another\n');
    sh.run('kubectl rollout status sts/web');
    expect(sh.run('kubectl rollout history sts/web')).toBe('statefulset.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n');
  });

  it('says so when a selector matches nothing', () => {
    expect(webStatefulSet().run('kubectl rollout restart deployment -l app=none')).toBe('No resources found in default namespace.\n');
  });
});

describe('rollout status', () => {
  it('waits on the virtual clock and prints every change until the rollout is done', () => {
    const sh = webStatefulSet();
    sh.run('kubectl scale sts web --replicas=3');
    const start = sh.cluster.now();
    const out = sh.run('kubectl rollout status sts/web').split('\n').filter(Boolean);
    expect(sh.cluster.now()).toBeGreaterThan(start);
    expect(out[0]).toBe('Waiting for 1 pods to be ready...');
    expect(out[out.length - 1]).toBe('partitioned roll out complete: 3 new pods have been updated...');
    expect(new Set(out)).toEqual(new Set(['Waiting for 1 pods to be ready...', 'partitioned roll out complete: 3 new pods have been updated...']));
  });

  it('prints once with --watch=false, and times out with --timeout', () => {
    const sh = webStatefulSet();
    sh.run('kubectl set image sts/web nginx=registry.k8s.io/nginx-slim:broken');
    const start = sh.cluster.now();
    expect(sh.run('kubectl rollout status sts/web --watch=false')).toBe('Waiting for 1 pods to be ready...\n');
    expect(sh.cluster.now()).toBe(start);
    const out = sh.run('kubectl rollout status sts/web -w --timeout=30s');
    expect(out.endsWith('error: timed out waiting for the condition\n')).toBe(true);
    expect(sh.cluster.now() - start).toBe(30_000);
  });

  it('gives up silently after the watch limit when no --timeout is given (as if interrupted)', () => {
    const sh = webStatefulSet();
    sh.run('kubectl set image sts/web nginx=registry.k8s.io/nginx-slim:broken');
    const start = sh.cluster.now();
    expect(sh.run('kubectl rollout status sts/web')).toMatch(/^(Waiting for 1 pods to be ready\.\.\.\n)+$/);
    expect(sh.cluster.now() - start).toBe(15 * 60_000);
  });

  it.each([
    ['kubectl rollout status', 'error: required resource not specified\n'],
    ['kubectl rollout status deployment/nope', 'Error from server (NotFound): deployments.apps "nope" not found\n'],
    ['kubectl rollout status deployment', 'No resources found in default namespace.\n'],
    ['kubectl rollout status svc/nginx', 'error: no status viewer has been implemented for Service\n'],
    ['kubectl rollout status sts/web --revision=-2', 'error: revision must be a positive integer: -2\n'],
    ['kubectl rollout status sts/web --timeout=soon', `error: invalid argument "soon" for "--timeout" flag: time: invalid duration "soon"\nSee 'kubectl rollout status --help' for usage.\n`],
  ])('%s', (line, output) => {
    expect(webStatefulSet().run(line)).toBe(output);
  });

  it('interleaves with a watch in the same terminal in time order', () => {
    const sh = webStatefulSet();
    sh.run('kubectl scale sts web --replicas=2');
    sh.run('kubectl rollout status sts/web');
    sh.run('kubectl get pods -l app=nginx -w');
    const lines = sh.run('kubectl set image sts/web nginx=registry.k8s.io/nginx-slim:0.24 && kubectl rollout status sts/web').split('\n');
    const firstRunning = lines.findIndex((l) => /^web-1\s+1\/1\s+Running/.test(l));
    const updatedOne = lines.indexOf('Waiting for partitioned roll out to finish: 1 out of 2 new pods have been updated...');
    expect(firstRunning).toBeGreaterThan(0);
    expect(updatedOne).toBeGreaterThan(firstRunning);
    expect(lines.lastIndexOf('partitioned roll out complete: 2 new pods have been updated...')).toBeGreaterThan(lines.findIndex((l) => /^web-0\s+1\/1\s+Running/.test(l)));
  });
});

describe('kubectl rollout', () => {
  it('prints its help without a subcommand and rejects unknown words', () => {
    const sh = shell();
    expect(sh.run('kubectl rollout')).toContain('Available Commands:\n  history   View rollout history\n  pause     Mark the provided resource as paused\n');
    expect(sh.run('kubectl rollout foo')).toBe(`error: unknown command "foo"\nSee 'kubectl rollout -h' for help and examples\n`);
  });
});
