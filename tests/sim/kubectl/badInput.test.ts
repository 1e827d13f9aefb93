/**
 * Bad input never crashes the core or loses state: each case prints kubectl's (or the API server's) own
 * error and leaves the cluster as it was.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_REPLICAS } from '../../../src/sim/apiserver/admission/replicaLimit';
import { stateOf, testTerminal } from '../../support/terminal';

function statefulSet(extra: string[] = [], replicas = 2): string[] {
  return [
    'kubectl apply -f - <<EOF',
    'apiVersion: apps/v1',
    'kind: StatefulSet',
    'metadata:',
    '  name: web',
    'spec:',
    '  serviceName: nginx',
    `  replicas: ${replicas}`,
    '  selector:',
    '    matchLabels:',
    '      app: nginx',
    '  template:',
    '    metadata:',
    '      labels:',
    '        app: nginx',
    '    spec:',
    '      containers:',
    '      - name: nginx',
    '        image: nginx:1.27',
    ...extra,
    'EOF',
  ];
}

describe('bad manifests', () => {
  it.each([
    [
      'malformed YAML',
      ['kubectl apply -f - <<EOF', 'apiVersion: v1', 'kind: Service', 'metadata:', '  name: x', ' bad: [', 'EOF'],
      /^error: error parsing STDIN: error converting YAML to JSON: yaml: line \d+: .+\n$/,
    ],
    [
      'an unknown kind',
      ['kubectl apply -f - <<EOF', 'apiVersion: v1', 'kind: Widget', 'metadata:', '  name: w', 'EOF'],
      /^error: resource mapping not found for name: "w" namespace: "" from "STDIN": no matches for kind "Widget" in version "v1"\nensure CRDs are installed first\n$/,
    ],
    [
      'a kind in the wrong group version',
      ['kubectl apply -f - <<EOF', 'apiVersion: v1', 'kind: StatefulSet', 'metadata:', '  name: web', 'EOF'],
      /no matches for kind "StatefulSet" in version "v1"/,
    ],
    [
      'a missing kind',
      ['kubectl apply -f - <<EOF', 'apiVersion: v1', 'metadata:', '  name: w', 'EOF'],
      /^error: error validating "STDIN": error validating data: kind not set; if you choose to ignore these errors, turn validation off with --validate=false\n$/,
    ],
    [
      'a selector that does not match the template labels',
      statefulSet().map((l, i, all) => (l === '      app: nginx' && all[i - 1] === '    matchLabels:' ? '      app: other' : l)),
      /^The StatefulSet "web" is invalid: spec.template.metadata.labels: Invalid value: \{"app":"nginx"\}: `selector` does not match template `labels`\n$/,
    ],
    [
      'negative replicas',
      statefulSet([], -1),
      /^The StatefulSet "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0\n$/,
    ],
    ['a file that does not exist', ['kubectl apply -f nothere.yaml'], /^error: the path "nothere.yaml" does not exist\n$/],
  ])('%s', (_name, lines, expected) => {
    const t = testTerminal();
    const before = stateOf(t.cluster);
    expect(t.run(...lines)).toMatch(expected);
    expect(t.terminal.exitCode).not.toBe(0);
    expect(stateOf(t.cluster)).toBe(before);
  });

  it(`refuses more than ${MAX_REPLICAS} replicas with a clear admission message, and keeps the old spec`, () => {
    const t = testTerminal();
    t.run(...statefulSet());
    const before = stateOf(t.cluster);
    const out = t.run(`kubectl scale sts web --replicas=${MAX_REPLICAS + 1}`);
    expect(out).toBe(
      `The statefulsets "web" is invalid: : ValidatingAdmissionPolicy 'playground-replica-limit' with binding 'playground-replica-limit' denied request: the playground simulates at most ${MAX_REPLICAS} replicas per workload (asked for ${MAX_REPLICAS + 1})\n`,
    );
    expect(stateOf(t.cluster)).toBe(before);
    expect(t.run(`kubectl scale sts web --replicas=${MAX_REPLICAS}`)).toBe('statefulset.apps/web scaled\n');
  });
});

describe('bad commands', () => {
  it.each([
    ['kubectl gett pods', 'error: unknown command "gett" for "kubectl"\n\nDid you mean this?\n\tget\n\tset\n'],
    ['kubectl descrbe pods', 'error: unknown command "descrbe" for "kubectl"\n\nDid you mean this?\n\tdescribe\n'],
    ['kubectl get pods --colour', "error: unknown flag: --colour\nSee 'kubectl get --help' for usage.\n"],
    ['kubectl get pods -z', "error: unknown shorthand flag: 'z' in -z\nSee 'kubectl get --help' for usage.\n"],
    ['kubectl get widgets', 'error: the server doesn\'t have a resource type "widgets"\n'],
    ['kubectl get pod web-9', 'Error from server (NotFound): pods "web-9" not found\n'],
    ['kubectl delete pod web-9', 'Error from server (NotFound): pods "web-9" not found\n'],
    ['kubectl scale sts web', 'error: required flag(s) "replicas" not set\n'],
    ['kubectl scale sts web --replicas=abc', 'error: invalid argument "abc" for "--replicas" flag: strconv.ParseInt: parsing "abc": invalid syntax\nSee \'kubectl scale --help\' for usage.\n'],
    ['kubectl delete pods', 'error: resource(s) were provided, but no name was specified\n'],
    ['kubectl exec web-0 hostname', 'error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\n'],
    ['kubectl get pods -l "app in (a"', undefined],
    ['kubectl', undefined],
    ['kubeclt get pods', 'bash: kubeclt: command not found\n'],
    ['sleep forever', "sleep: invalid time interval 'forever'\nTry 'sleep --help' for more information.\n"],
    ['for i in; do', undefined],
  ])('%s', (line, expected) => {
    const t = testTerminal();
    const before = stateOf(t.cluster);
    const out = t.run(line);
    if (expected !== undefined) expect(out).toBe(expected);
    else expect(out.length).toBeGreaterThan(0);
    expect(stateOf(t.cluster)).toBe(before);
  });

  it('waits for the closing quote of an unterminated string, as a shell does', () => {
    const t = testTerminal();
    expect(t.run("echo 'unterminated")).toBe('');
    expect(t.terminal.prompt()).toBe('> ');
    expect(t.run("still'")).toBe('unterminated\nstill\n');
    expect(t.terminal.prompt()).toBe('$ ');
  });

  it('survives arbitrary input lines without throwing or changing state', () => {
    const t = testTerminal();
    const before = stateOf(t.cluster);
    const word = fc.oneof(
      fc.constantFrom('kubectl', 'get', 'delete', 'apply', 'describe', 'scale', 'patch', 'exec', 'run', 'pods', 'sts', '-f', '-', '-o', 'yaml', '--', '|', ';', '&&', '<<', '"', "'", '$x', '-l', 'app=', '{', '}', '--type=json', '-p'),
      fc.string({ maxLength: 6 }),
    );
    fc.assert(
      fc.property(fc.array(word, { maxLength: 8 }), (words) => {
        const line = words.join(' ').replace(/\bdelete\b/g, 'get').replace(/\bscale\b/g, 'get').replace(/\bpatch\b/g, 'get').replace(/\bapply\b/g, 'get').replace(/\brun\b/g, 'get');
        expect(() => t.run(line)).not.toThrow();
        if (t.terminal.prompt() === '> ') t.terminal.interrupt();
        if (t.terminal.inPodShell()) t.run('exit');
      }),
      { numRuns: 400 },
    );
    expect(stateOf(t.cluster)).toBe(before);
  });
});
