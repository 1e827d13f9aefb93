import { describe, expect, it } from 'vitest';
import type { OutputEvent, SimEvent } from '../../../src/protocol';
import { startScenario } from '../../../src/sim/scenarios';
import { runTranscript } from '../../../src/sim/terminal/transcript';
import { SimSession } from '../../../src/worker/session';

/** A session on the compare scenario (seed 1) with a play loop the test fires by hand. */
function open() {
  const events: SimEvent[] = [];
  const loops = new Set<() => void>();
  const session = new SimSession(
    (e) => events.push(structuredClone(e)),
    (fn) => {
      loops.add(fn);
      return () => loops.delete(fn);
    },
  );
  session.receive({ type: 'loadScenario', scenario: 'compare', seed: 1 });
  let n = 0;
  return {
    /** Sends lines as the console does (echoed); returns the output events they caused. */
    type(...lines: string[]): OutputEvent[] {
      const from = events.length;
      for (const line of lines) session.receive({ type: 'kubectl', line, id: `t-${++n}`, echo: true });
      return events.slice(from).filter((e): e is OutputEvent => e.type === 'output');
    },
    send(command: unknown): SimEvent[] {
      const from = events.length;
      session.receive(command);
      return events.slice(from);
    },
    /** Fires the play loop `times` times; returns the output written meanwhile. */
    play(times: number): string {
      const from = events.length;
      for (let i = 0; i < times; i++) loops.forEach((fn) => fn());
      return events
        .slice(from)
        .filter((e): e is OutputEvent => e.type === 'output')
        .map((e) => e.text)
        .join('');
    },
    dispose: () => session.dispose(),
  };
}

function transcriptOf(lines: string[]): string {
  let out = '';
  runTranscript(startScenario('compare', 1).cluster, lines, { write: (t) => (out += t) });
  return out;
}

const text = (events: OutputEvent[]) => events.map((e) => e.text).join('');

describe('the console session in the worker', () => {
  it('prints exactly what the transcript runner prints: prompts, here-documents, a pod shell', () => {
    const lines = [
      'kubectl get pods',
      'cat <<EOF | kubectl apply -f -',
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata:',
      '  name: notes',
      'EOF',
      'kubectl exec -it mysql-0 -- sh',
      'echo kept >> /var/lib/mysql/notes.txt',
      'cat /var/lib/mysql/notes.txt',
      'exit',
      'kubectl get configmap notes',
    ];
    const s = open();
    const answered = s.type(...lines);
    expect(text(answered)).toBe(transcriptOf(lines));
    expect(text(answered)).toContain(
      '$ kubectl exec -it mysql-0 -- sh\n# echo kept >> /var/lib/mysql/notes.txt\n',
    );
    expect(answered.map((e) => e.prompt)).toEqual([
      '$ ',
      '> ',
      '> ',
      '> ',
      '> ',
      '> ',
      '$ ',
      '# ',
      '# ',
      '# ',
      '$ ',
      '$ ',
    ]);
    expect(answered.every((e, i) => e.id === `t-${i + 1}`)).toBe(true);
  });

  it('keeps one terminal: variables and the pod shell last across commands', () => {
    const s = open();
    s.type('NAME=mysql-2');
    expect(text(s.type('kubectl get pod $NAME -o name'))).toBe(
      '$ kubectl get pod $NAME -o name\npod/mysql-2\n',
    );
  });

  it('streams watch rows while time plays, until Ctrl+C', () => {
    const s = open();
    expect(text(s.type('kubectl get pods -w'))).toMatch(/^\$ kubectl get pods -w\nNAME +READY +STATUS/);
    s.type('kubectl scale statefulset mysql --replicas=4');
    s.send({ type: 'setSpeed', speed: 10 });
    s.send({ type: 'play' });
    const streamed = s.play(30);
    expect(streamed).toMatch(/^mysql-3 +0\/1 +Pending/m);
    expect(streamed).toMatch(/^mysql-3 +1\/1 +Running/m);
    expect(text(s.type('^C'))).toBe('$ ^C\n');
    s.type('kubectl scale statefulset mysql --replicas=5');
    expect(s.play(30)).toBe('');
    s.dispose();
  });

  it('leaves a pod shell on Ctrl+C, and abandons an unfinished here-document', () => {
    const s = open();
    expect(s.type('kubectl exec -it mysql-1 -- sh').at(-1)?.prompt).toBe('# ');
    expect(s.type('^C').at(-1)?.prompt).toBe('$ ');
    expect(s.type('cat <<EOF').at(-1)?.prompt).toBe('> ');
    const interrupted = s.type('^C');
    expect(interrupted.map((e) => [e.text, e.prompt])).toEqual([['> ^C\n', '$ ']]);
    expect(text(s.type('echo still here'))).toBe('$ echo still here\nstill here\n');
  });

  it('answers without the echo when the line is not from the console', () => {
    const s = open();
    const events = s.send({ type: 'kubectl', line: 'echo hi', id: 'plain' });
    expect(events.find((e) => e.type === 'output')).toMatchObject({ text: 'hi\n', prompt: '$ ' });
  });

  it('describes an object with the text kubectl describe prints', () => {
    const s = open();
    const [described] = s.send({ type: 'describe', kind: 'Pod', namespace: 'default', name: 'mysql-0' });
    const printed = transcriptOf(['kubectl describe pod mysql-0']).replace(/^\$ .*\n/, '');
    expect(described).toEqual({
      type: 'described',
      kind: 'Pod',
      namespace: 'default',
      name: 'mysql-0',
      found: true,
      text: printed,
    });
    expect(printed).toMatch(/^Name: +mysql-0\n/);
    const [node] = s.send({ type: 'describe', kind: 'Node', namespace: null, name: 'node-1' });
    expect(node).toMatchObject({ found: true, text: expect.stringMatching(/^Name: +node-1\nRoles: /) });
  });

  it('prints YAML as kubectl get -o yaml does', () => {
    const s = open();
    const [yaml] = s.send({ type: 'printYaml', kind: 'StatefulSet', namespace: 'default', name: 'mysql' });
    const printed = transcriptOf(['kubectl get statefulset mysql -o yaml']).replace(/^\$ .*\n/, '');
    expect(yaml).toMatchObject({ type: 'printedYaml', found: true, text: printed });
    expect(printed).toMatch(/^apiVersion: apps\/v1\n/);
  });

  it("answers kubectl's NotFound error for an object that is gone", () => {
    const s = open();
    expect(s.send({ type: 'describe', kind: 'Pod', namespace: 'default', name: 'mysql-9' })).toEqual([
      {
        type: 'described',
        kind: 'Pod',
        namespace: 'default',
        name: 'mysql-9',
        found: false,
        text: 'Error from server (NotFound): pods "mysql-9" not found\n',
      },
    ]);
  });

  it("lists the files on a pod's volumes: the PVC of a StatefulSet pod, the emptyDir of a Deployment pod", () => {
    const s = open();
    s.type("kubectl exec mysql-0 -- sh -c 'echo row 1 >> /var/lib/mysql/notes.txt'");
    const [listed] = s.send({ type: 'podFiles', namespace: 'default', name: 'mysql-0' });
    expect(listed).toMatchObject({
      type: 'podFilesListed',
      namespace: 'default',
      name: 'mysql-0',
      found: true,
      mounts: [
        {
          container: 'mysql',
          mountPath: '/var/lib/mysql',
          readOnly: false,
          volumeName: 'data',
          source: 'persistentVolumeClaim',
          claimName: 'data-mysql-0',
          persistentVolumeName: expect.stringMatching(/^pvc-/),
          files: [{ path: '/var/lib/mysql/notes.txt', size: 6, preview: 'row 1\n' }],
        },
      ],
    });
    const deployPod = text(s.type('kubectl get pods -l app=mysql-deploy -o name'))
      .split('\n')[1]!
      .replace('pod/', '');
    const [emptyDir] = s.send({ type: 'podFiles', namespace: 'default', name: deployPod });
    expect(emptyDir).toMatchObject({
      found: true,
      mounts: [
        {
          mountPath: '/var/lib/mysql',
          source: 'emptyDir',
          claimName: null,
          persistentVolumeName: null,
          files: [],
        },
      ],
    });
    expect(s.send({ type: 'podFiles', namespace: 'default', name: 'mysql-9' })).toEqual([
      { type: 'podFilesListed', namespace: 'default', name: 'mysql-9', found: false, mounts: [] },
    ]);
  });
});
