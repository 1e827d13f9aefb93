/**
 * `kubectl set image` argument parsing (cmdutil.GetResourcesAndPairs / ParsePairs), container matching and
 * the --record change cause, then the command against a live cluster.
 */
import { describe, expect, it } from 'vitest';
import type { Deployment } from '../../../../src/sim/api/apps';
import type { PodSpec } from '../../../../src/sim/api/core';
import { parseFlags } from '../../../../src/sim/kubectl/flags';
import { changeCause, getResourcesAndPairs, parseImagePairs, setContainerImage } from '../../../../src/sim/kubectl/commands/setImage';
import { shell } from './shell';

describe('getResourcesAndPairs', () => {
  it.each([
    [['deployment/web', 'nginx=nginx:1.26'], { resources: ['deployment/web'], pairs: ['nginx=nginx:1.26'] }],
    [['deployment', 'web', 'a=1', 'b=2'], { resources: ['deployment', 'web'], pairs: ['a=1', 'b=2'] }],
    [['sts/web', '*=nginx'], { resources: ['sts/web'], pairs: ['*=nginx'] }],
    [['nginx=nginx', 'deployment/web'], { error: 'all resources must be specified before image changes: deployment/web' }],
    [['=x'], { resources: ['=x'], pairs: [] }],
  ])('%j', (args, expected) => {
    expect(getResourcesAndPairs(args, 'image')).toEqual(expected);
  });
});

describe('parseImagePairs', () => {
  it('maps container names to images, keeping everything after the first =', () => {
    expect(parseImagePairs(['nginx=reg.io/nginx:1.2', 'side=a=b'])).toEqual(
      new Map([
        ['nginx', 'reg.io/nginx:1.2'],
        ['side', 'a=b'],
      ]),
    );
  });
  it('names every malformed pair', () => {
    expect(parseImagePairs(['nginx-', 'a=b', 'x-'])).toEqual({ error: 'invalid image format: nginx-, x-' });
  });
});

describe('setContainerImage', () => {
  const spec = (): PodSpec => ({ initContainers: [{ name: 'init', image: 'busybox' }], containers: [{ name: 'nginx', image: 'nginx:1' }, { name: 'side', image: 'side:1' }] });
  it.each([
    ['nginx', true, ['busybox', 'nginx:2', 'side:1']],
    ['init', true, ['nginx:2', 'nginx:1', 'side:1']],
    ['*', true, ['nginx:2', 'nginx:2', 'nginx:2']],
    ['nope', false, ['busybox', 'nginx:1', 'side:1']],
  ])('%s', (name, found, images) => {
    const s = spec();
    expect(setContainerImage(s, name, 'nginx:2')).toBe(found);
    expect([...s.initContainers!, ...s.containers].map((c) => c.image)).toEqual(images);
  });
});

describe('changeCause', () => {
  it('reads like the command line, flags last in long form', () => {
    const args = parseFlags(['deploy/web', 'nginx=nginx:1.27', '--record'], [{ name: 'record', type: 'bool' }]);
    expect(changeCause('kubectl set image', args)).toBe('kubectl set image deploy/web nginx=nginx:1.27 --record=true');
  });
});

describe('kubectl set image', () => {
  it('updates a Deployment and a StatefulSet, and says nothing when the image is already set', () => {
    const sh = shell();
    sh.run('kubectl create deployment web --image=nginx:1.25');
    sh.run('kubectl apply -f https://k8s.io/examples/application/web/web.yaml');
    expect(sh.run('kubectl set image deployment/web nginx=nginx:1.26')).toBe('deployment.apps/web image updated\n');
    expect(sh.run('kubectl set image sts/web nginx=registry.k8s.io/nginx-slim:0.24')).toBe('statefulset.apps/web image updated\n');
    expect(sh.run('kubectl set image deployment/web nginx=nginx:1.26')).toBe('');
    expect(sh.cluster.api.get<Deployment>('Deployment', 'default', 'web')!.spec.template.spec.containers[0]!.image).toBe('nginx:1.26');
  });

  it.each([
    ['kubectl set image deployment/web x=nginx', 'error: unable to find container named "x"\n'],
    ['kubectl set image deployment/web x=nginx y=nginx', 'error: unable to find container named "x"\nerror: unable to find container named "y"\n'],
    ['kubectl set image deployment/nope nginx=nginx', 'Error from server (NotFound): deployments.apps "nope" not found\n'],
    ['kubectl set image deployment nginx=nginx', 'error: resource(s) were provided, but no name was specified\n'],
    ['kubectl set image deployment/web', 'error: at least one image update is required\n'],
    ['kubectl set image deployment/web nginx=a *=b', 'error: all containers are already specified by *, but saw more than one container_name=container_image pairs\n'],
    ['kubectl set image nginx=nginx deployment/web', 'error: all resources must be specified before image changes: deployment/web\n'],
    ['kubectl set image svc/kubernetes nginx=nginx', 'error: services/kubernetes the object is not a pod or does not have a pod template: *v1.Service\n'],
    ['kubectl set image deployment/web nginx=nginx:2 --dry-run=client', 'deployment.apps/web image updated (dry run)\n'],
  ])('%s', (line, output) => {
    const sh = shell();
    sh.run('kubectl create deployment web --image=nginx:1.25');
    expect(sh.run(line)).toBe(output);
  });

  it('prints the builder error when no resource is named', () => {
    const sh = shell();
    expect(sh.run('kubectl set image nginx=nginx')).toMatch(/^error: You must provide one or more resources by argument or filename\.\nExample resource specifications include:\n {3}'-f rsrc.yaml'/);
  });
});
