import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../../../src/protocol';
import { parseSimEvent } from '../../../src/protocol';
import { SimSession } from '../../../src/worker/session';
import { sessionScript } from '../../../src/ui/editor/sessionScript';

function open() {
  const events: SimEvent[] = [];
  const session = new SimSession(
    (e) => events.push(structuredClone(e)),
    () => () => undefined,
  );
  session.receive({ type: 'loadScenario', scenario: 'compare', seed: 1 });
  return {
    send(command: unknown): SimEvent[] {
      const from = events.length;
      session.receive(command);
      return events.slice(from);
    },
    lastSnapshot() {
      return events.filter((e) => e.type === 'snapshot').at(-1)!;
    },
  };
}

const BAD = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: x\nspec:\n  selector:\n    matchLabels: {app: x}\n  template:\n    metadata:\n      labels: {app: y}\n    spec:\n      containers: [{name: c, image: nginx}]\n';

describe('the editor protocol in the worker session', () => {
  it('answers dryRunManifest with per-object results, changing nothing and logging nothing', () => {
    const s = open();
    const before = s.lastSnapshot();
    const [answer, ...rest] = s.send({ type: 'dryRunManifest', id: 'd1', text: BAD });
    expect(rest).toEqual([]);
    expect(parseSimEvent(answer).ok).toBe(true);
    expect(answer).toMatchObject({
      type: 'manifestChecked',
      id: 'd1',
      parseError: null,
      objects: [{ document: 0, item: null, kind: 'Deployment', name: 'x', namespace: 'default', ok: false, causes: [{ field: 'spec.template.metadata.labels' }] }],
    });
    s.send({ type: 'step' });
    expect(s.lastSnapshot()).not.toBe(before);
    if (before.type === 'snapshot' && s.lastSnapshot().type === 'snapshot') {
      // Only the step was logged.
      expect((s.lastSnapshot() as typeof before).timeline!.commandCount).toBe(before.timeline!.commandCount + 1);
    }
  });

  it('answers exportYaml with the export of the current objects', () => {
    const [answer] = open().send({ type: 'exportYaml', id: 'e1' });
    expect(parseSimEvent(answer).ok).toBe(true);
    expect(answer).toMatchObject({ type: 'exportedYaml', id: 'e1' });
    expect((answer as { text: string }).text).toContain('kind: StatefulSet');
  });

  it('answers exportSession with the setup and the lines typed, which sessionScript turns into a script', () => {
    const s = open();
    s.send({ type: 'kubectl', line: 'kubectl delete pod mysql-0', id: 'k1' });
    s.send({ type: 'tick', ms: 3000 });
    s.send({ type: 'kubectl', line: 'sim node stop node-2', id: 'k2' });
    const [answer] = s.send({ type: 'exportSession', id: 's1' });
    expect(parseSimEvent(answer).ok).toBe(true);
    if (answer?.type !== 'sessionLog') throw new Error('expected sessionLog');
    expect(answer.setup[0]).toBe('kubectl apply -f - <<EOF');
    expect(answer.warmUpMs).toBe(60_000);
    expect(answer.entries.map((e) => e.line)).toEqual(['kubectl delete pod mysql-0', null, 'sim node stop node-2']);
    const text = sessionScript(answer);
    expect(text).toContain('kubectl delete pod mysql-0\nsleep 3  #');
    expect(text).toContain('#   docker stop kind-worker2');
  });
});
