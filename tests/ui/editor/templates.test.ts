import { describe, expect, it } from 'vitest';
import { TEMPLATES, kubectlHeredoc, templateById } from '../../../src/ui/editor/templates';
import { testTerminal } from '../../support/terminal';

describe('templates', () => {
  it('apply cleanly one after another in the playground, in the order a lesson uses them', () => {
    const t = testTerminal('empty', 1);
    const out = t.run(...kubectlHeredoc('apply', templateById('statefulset').text).split('\n'));
    expect(out).toBe('service/web created\nstatefulset.apps/web created\n');
    t.cluster.advance(120_000);
    const rest = ['deployment', 'pvc', 'pdb', 'snapshot'].map((id) => t.run(...kubectlHeredoc('apply', templateById(id).text).split('\n')));
    expect(rest).toEqual([
      'service/app created\ndeployment.apps/app created\n',
      'persistentvolumeclaim/data created\n',
      'poddisruptionbudget.policy/web created\n',
      'volumesnapshot.snapshot.storage.k8s.io/www-web-0-snap created\n',
    ]);
    t.cluster.advance(60_000);
    expect(t.run(...kubectlHeredoc('apply', templateById('restore').text).split('\n'))).toBe('persistentvolumeclaim/www-web-0-restored created\n');
  });

  it('have unique ids and labels', () => {
    expect(new Set(TEMPLATES.map((t) => t.id)).size).toBe(TEMPLATES.length);
    expect(new Set(TEMPLATES.map((t) => t.label)).size).toBe(TEMPLATES.length);
  });
});

describe('kubectlHeredoc', () => {
  it('types the manifest as a here-document after the verb and flags', () => {
    expect(kubectlHeredoc('apply --dry-run=server', 'kind: Service\n\n')).toBe('kubectl apply --dry-run=server -f - <<EOF\nkind: Service\nEOF');
  });

  it('picks another delimiter when a line of the manifest is EOF', () => {
    expect(kubectlHeredoc('diff', 'a: |\nEOF\n')).toBe('kubectl diff -f - <<EOF_\na: |\nEOF\nEOF_');
  });
});
