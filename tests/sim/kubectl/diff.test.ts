import { describe, expect, it } from 'vitest';
import { diffLines, splitLines, unifiedHunks } from '../../../src/sim/kubectl/unifiedDiff';
import { stateOf, testTerminal } from '../../support/terminal';

function deployment(replicas: number, image: string, labels = 'app: web'): string[] {
  return [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: web',
    'spec:',
    `  replicas: ${replicas}`,
    '  selector:',
    '    matchLabels: {app: web}',
    '  template:',
    '    metadata:',
    `      labels: {${labels}}`,
    '    spec:',
    '      containers:',
    '      - name: nginx',
    `        image: ${image}`,
  ];
}

const heredoc = (command: string, body: string[]) => [`${command} <<EOF`, ...body, 'EOF'];

describe('unifiedHunks (diff -u)', () => {
  it.each([
    ['equal texts print nothing', 'a\nb\n', 'a\nb\n', ''],
    ['an empty file against content (-N) is one hunk from line 0', '', 'a\nb\n', '@@ -0,0 +1,2 @@\n+a\n+b\n'],
    ['a one-line change keeps three lines of context', '1\n2\n3\n4\n5\n6\n7\n8\n', '1\n2\n3\n4\nX\n6\n7\n8\n', '@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+X\n 6\n 7\n 8\n'],
    ['a one-line file changed has no counts', 'a\n', 'b\n', '@@ -1 +1 @@\n-a\n+b\n'],
    [
      'changes far apart make two hunks',
      'a\n1\n2\n3\n4\n5\n6\n7\n8\nb\n',
      'A\n1\n2\n3\n4\n5\n6\n7\n8\nB\n',
      '@@ -1,4 +1,4 @@\n-a\n+A\n 1\n 2\n 3\n@@ -7,4 +7,4 @@\n 6\n 7\n 8\n-b\n+B\n',
    ],
    ['deleting everything', 'a\nb\n', '', '@@ -1,2 +0,0 @@\n-a\n-b\n'],
  ])('%s', (_name, before, after, expected) => {
    expect(unifiedHunks(before, after)).toBe(expected);
  });

  it('is a minimal edit script: kept lines are a longest common subsequence', () => {
    const script = diffLines(splitLines('a\nb\nc\nd\n'), splitLines('b\nc\ne\nd\n'));
    expect(script.filter((l) => l.op === ' ').map((l) => l.text)).toEqual(['b', 'c', 'd']);
  });
});

describe('kubectl diff -f', () => {
  it('prints diff -u -N of the LIVE and MERGED files and exits 1 when they differ', () => {
    const t = testTerminal();
    t.run(...heredoc('kubectl apply -f -', deployment(1, 'nginx:1.27')));
    const before = stateOf(t.cluster);
    const out = t.run(...heredoc('kubectl diff -f -', deployment(3, 'nginx:1.28')), 'echo "exit $?"');
    const lines = out.split('\n');
    expect(lines[0]).toMatch(/^diff -u -N \/tmp\/LIVE-\d+\/apps\.v1\.Deployment\.default\.web \/tmp\/MERGED-\d+\/apps\.v1\.Deployment\.default\.web$/);
    expect(lines[1]).toMatch(/^--- \/tmp\/LIVE-\d+\/apps\.v1\.Deployment\.default\.web\t2026-01-01 \d\d:\d\d:\d\d\.000000000 \+0000$/);
    expect(lines[2]).toMatch(/^\+\+\+ \/tmp\/MERGED-\d+\/apps\.v1\.Deployment\.default\.web\t/);
    expect(lines).toContain('-  replicas: 1');
    expect(lines).toContain('+  replicas: 3');
    expect(lines).toContain('-      - image: nginx:1.27');
    expect(lines).toContain('+      - image: nginx:1.28');
    expect(lines).toContain('-  generation: 1');
    expect(lines).toContain('+  generation: 2');
    expect(out).toContain('exit 1\n');
    expect(stateOf(t.cluster)).toBe(before);
  });

  it('exits 0 and prints nothing when applying would change nothing', () => {
    const t = testTerminal();
    t.run(...heredoc('kubectl apply -f -', deployment(1, 'nginx:1.27')));
    expect(t.run(...heredoc('kubectl diff -f -', deployment(1, 'nginx:1.27')), 'echo "exit $?"')).toBe('exit 0\n');
  });

  it('shows a new object against an empty LIVE file', () => {
    const t = testTerminal();
    const out = t.run(...heredoc('kubectl diff -f -', deployment(2, 'nginx:1.27')));
    expect(out).toMatch(/\n@@ -0,0 \+1,\d+ @@\n\+apiVersion: apps\/v1\n\+kind: Deployment\n/);
    expect(t.cluster.api.get('Deployment', 'default', 'web')).toBeUndefined();
  });

  it("prints the API server's validation error, diffs nothing and exits 2", () => {
    const t = testTerminal();
    const out = t.run(...heredoc('kubectl diff -f -', deployment(1, 'nginx', 'app: other')), 'echo "exit $?"');
    expect(out).toBe(
      'The Deployment "web" is invalid: spec.template.metadata.labels: Invalid value: {"app":"other"}: `selector` does not match template `labels`\nexit 2\n',
    );
  });
});

describe('kubectl apply --dry-run=server', () => {
  it('validates on the server without writing', () => {
    const t = testTerminal();
    const before = stateOf(t.cluster);
    expect(t.run(...heredoc('kubectl apply --dry-run=server -f -', deployment(1, 'nginx', 'app: other')))).toContain('is invalid: spec.template.metadata.labels');
    expect(t.run(...heredoc('kubectl apply --dry-run=server -f -', deployment(1, 'nginx')))).toBe('deployment.apps/web created (server dry run)\n');
    expect(stateOf(t.cluster)).toBe(before);
  });
});
