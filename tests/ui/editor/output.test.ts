import { describe, expect, it } from 'vitest';
import { classifyOutput, downloadName } from '../../../src/ui/editor/output';

describe('classifyOutput', () => {
  it('marks the parts of a kubectl diff and leaves other text plain', () => {
    const text = [
      '$ kubectl diff -f - <<EOF',
      '> kind: Service',
      'diff -u -N /tmp/LIVE-1/v1.Service.default.web /tmp/MERGED-2/v1.Service.default.web',
      '--- /tmp/LIVE-1/v1.Service.default.web\t2026-01-01 09:00:00.000000000 +0000',
      '+++ /tmp/MERGED-2/v1.Service.default.web\t2026-01-01 09:00:00.000000000 +0000',
      '@@ -1,3 +1,3 @@',
      ' apiVersion: v1',
      '-  replicas: 1',
      '+  replicas: 3',
      '$ ',
      '',
    ].join('\n');
    expect(classifyOutput(text).map((l) => l.kind)).toEqual(['plain', 'plain', 'header', 'header', 'header', 'hunk', 'plain', 'removed', 'added', 'plain']);
  });

  it('does not colour a plain line that starts with a dash outside a diff', () => {
    expect(classifyOutput('- not a diff\n')).toEqual([{ text: '- not a diff', kind: 'plain' }]);
  });
});

describe('downloadName', () => {
  it.each([
    ['compare', 1, 'yaml', 'statefulset-playground-compare-seed1.yaml'],
    ['compare-shared-pvc', 42, 'sh', 'statefulset-playground-compare-shared-pvc-seed42.sh'],
    [null, null, 'yaml', 'statefulset-playground.yaml'],
  ] as const)('%s %s %s', (scenario, seed, ext, name) => {
    expect(downloadName(scenario, seed, ext)).toBe(name);
  });
});
