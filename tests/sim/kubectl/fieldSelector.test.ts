import { describe, expect, it } from 'vitest';
import { parseFieldSelector } from '../../../src/sim/kubectl/fieldSelector';
import { testTerminal } from '../../support/terminal';

describe('field selectors', () => {
  it.each([
    ['status.phase=Running', [{ field: 'status.phase', value: 'Running', negate: false }]],
    ['spec.nodeName==node-1,status.phase!=Failed', [
      { field: 'spec.nodeName', value: 'node-1', negate: false },
      { field: 'status.phase', value: 'Failed', negate: true },
    ]],
    ['nonsense', "invalid selector: 'nonsense'; can't understand 'nonsense'"],
  ])('parses %s', (text, expected) => {
    expect(parseFieldSelector(text)).toEqual(expected);
  });

  it('filters get, events and delete, and refuses fields the kind does not support', () => {
    const t = testTerminal('compare', 1);
    const node = t.run("kubectl get pod mysql-0 -o jsonpath='{.spec.nodeName}'");
    const onNode = t.run(`kubectl get pods --field-selector spec.nodeName=${node} -o name`).trim().split('\n');
    expect(onNode).toContain('pod/mysql-0');
    expect(onNode.length).toBeLessThan(6);
    expect(t.run('kubectl get events --field-selector reason=Scheduled,involvedObject.name=mysql-1 -o name').trim().split('\n')).toHaveLength(1);
    expect(t.run('kubectl get pods --field-selector spec.foo=bar')).toBe(
      'Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "", field selector "spec.foo=bar": field label not supported: spec.foo\n',
    );
    expect(t.run('kubectl delete pods --field-selector status.phase=Failed')).toBe('No resources found\n');
  });
});
