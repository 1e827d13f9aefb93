import { describe, expect, it } from 'vitest';
import {
  applyRevision,
  controllerRevisionName,
  fnv32,
  getPatch,
  goJsonMarshal,
  hashControllerRevision,
  newRevision,
  safeEncodeString,
} from '../../../../src/sim/controllers/statefulset/revisionHistory';
import { webSet } from './harness';

/** The template of upstream's stateful_set_compatibility_test.go, as the 1.34 API server defaults it. */
function compatibilitySet() {
  const set = webSet({}, 'test');
  set.spec.selector = { matchLabels: { app: 'foo' } };
  set.spec.template = {
    metadata: { annotations: { test: 'value' }, labels: { app: 'foo' } },
    spec: {
      containers: [
        { image: 'test', imagePullPolicy: 'Always', name: 'test', terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File' },
      ],
      dnsPolicy: 'ClusterFirst',
      restartPolicy: 'Always',
      schedulerName: 'default-scheduler',
      securityContext: {},
      terminationGracePeriodSeconds: 30,
    },
  };
  return set;
}

describe('revision hashing', () => {
  it('serialises the patch as Go does (sorted keys, $patch first, resources {})', () => {
    expect(goJsonMarshal(getPatch(compatibilitySet()))).toBe(
      '{"spec":{"template":{"$patch":"replace","metadata":{"annotations":{"test":"value"},"labels":{"app":"foo"}},"spec":{"containers":[{"image":"test","imagePullPolicy":"Always","name":"test","resources":{},"terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File"}],"dnsPolicy":"ClusterFirst","restartPolicy":"Always","schedulerName":"default-scheduler","securityContext":{},"terminationGracePeriodSeconds":30}}}}',
    );
  });

  it('names the revision exactly as Kubernetes 1.34+ does (upstream testdata: test-776999688b)', () => {
    const revision = newRevision(compatibilitySet(), 1, 0);
    expect(revision.metadata.name).toBe('test-776999688b');
    expect(revision.metadata.labels).toEqual({ app: 'foo', 'controller.kubernetes.io/hash': '776999688b' });
  });

  it('matches the 1.33 hash of the same template with creationTimestamp: null (c77f6d978)', () => {
    const set = compatibilitySet();
    const data = getPatch(set);
    (data.spec.template.metadata as Record<string, unknown>).creationTimestamp = null;
    expect(hashControllerRevision(data, 0)).toBe('c77f6d978');
  });

  it.each([
    ['', 0x811c9dc5],
    ['a', 0x050c5d7e],
    ['foobar', 0x31f0b262],
  ])('fnv32(%j) is FNV-1 32', (text, hash) => {
    expect(fnv32(text)).toBe(hash);
  });

  it.each([
    ['0123456789', '456789bcdf'],
    ['42', '86'],
  ])('safeEncodeString(%s) = %s', (input, output) => {
    expect(safeEncodeString(input)).toBe(output);
  });

  it('escapes <, > and & as Go does', () => {
    expect(goJsonMarshal({ b: '<&>', a: 1 })).toBe('{"a":1,"b":"\\u003c\\u0026\\u003e"}');
  });

  it('copies the set annotations onto the revision, and writes none when there are none', () => {
    const set = compatibilitySet();
    expect(newRevision(set, 1, 0).metadata.annotations).toBeUndefined();
    set.metadata.annotations = { 'kubectl.kubernetes.io/last-applied-configuration': '{}' };
    expect(newRevision(set, 1, 0).metadata.annotations).toEqual({ 'kubectl.kubernetes.io/last-applied-configuration': '{}' });
    expect(newRevision(set, 1, 0).metadata.name).toBe('test-776999688b');
  });

  it('changes the name with the collision count', () => {
    const set = compatibilitySet();
    expect(newRevision(set, 1, 1).metadata.name).not.toBe('test-776999688b');
    expect(controllerRevisionName('x'.repeat(300), 'abc')).toHaveLength(227);
  });
});

describe('applyRevision', () => {
  it('restores the template of the revision and nothing else', () => {
    const old = compatibilitySet();
    const revision = newRevision(old, 1, 0);
    const changed = compatibilitySet();
    changed.spec.replicas = 5;
    changed.spec.template.spec.containers[0]!.image = 'other';
    const restored = applyRevision(changed, revision);
    expect(restored.spec.replicas).toBe(5);
    expect(restored.spec.template.spec.containers[0]!.image).toBe('test');
    expect(restored.spec.template).not.toHaveProperty('$patch');
    expect(changed.spec.template.spec.containers[0]!.image).toBe('other');
  });
});
