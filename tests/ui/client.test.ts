import { afterEach, describe, expect, it } from 'vitest';
import { createInProcessClient } from '../../src/client/inProcessClient';
import type { SimClient } from '../../src/client/types';
import { PROTOCOL_VERSION } from '../../src/protocol';
import type { SimCommand, SimEvent } from '../../src/protocol';
import { PLAY_INTERVAL_MS } from '../../src/worker/session';
import { STEP_MAX_MS } from '../../src/worker/step';

/** An Interval the test fires by hand. */
function manualInterval() {
  const running = new Set<() => void>();
  return {
    interval: (fn: () => void) => {
      running.add(fn);
      return () => running.delete(fn);
    },
    fire: () => [...running].forEach((fn) => fn()),
    get count() {
      return running.size;
    },
  };
}

let client: SimClient | undefined;
afterEach(() => client?.close());

/** Sends commands and collects every event until the session has answered them all. */
async function exchange(c: SimClient, ...commands: unknown[]): Promise<SimEvent[]> {
  const events: SimEvent[] = [];
  const unsubscribe = c.subscribe((e) => events.push(e));
  for (const command of commands) c.send(command as SimCommand);
  // Commands and events each hop one microtask; a few turns drain both ways.
  for (let i = 0; i < 5; i++) await Promise.resolve();
  unsubscribe();
  return events;
}

function started(options = {}) {
  client = createInProcessClient(options);
  return client;
}

describe('the in-process client and the session', () => {
  it('answers hello with ready, listing the scenarios and the default', async () => {
    const [ready] = await exchange(started(), { type: 'hello', protocolVersion: PROTOCOL_VERSION });
    expect(ready).toMatchObject({
      type: 'ready',
      protocolVersion: PROTOCOL_VERSION,
      defaultScenario: 'compare',
    });
    expect(ready?.type === 'ready' && ready.scenarios.map((s) => s.name)).toContain('compare');
  });

  it('refuses another protocol version with a typed error', async () => {
    expect(await exchange(started(), { type: 'hello', protocolVersion: PROTOCOL_VERSION + 1 })).toEqual([
      {
        type: 'error',
        code: 'versionMismatch',
        message: `protocol version ${PROTOCOL_VERSION + 1} is not supported; this worker speaks version ${PROTOCOL_VERSION}`,
      },
    ]);
  });

  it('answers a malformed message with badMessage and keeps working', async () => {
    const c = started();
    const events = await exchange(c, { type: 'tick', ms: 'soon' }, 42, {
      type: 'loadScenario',
      scenario: 'compare',
      seed: 1,
    });
    expect(events.map((e) => e.type)).toEqual(['error', 'error', 'snapshot']);
    expect(events[0]).toEqual({
      type: 'error',
      code: 'badMessage',
      message: 'invalid command "tick": "ms" must be a number from 0 to 86400000',
    });
  });

  it('needs a scenario before kubectl, and names the known ones for an unknown scenario', async () => {
    const events = await exchange(
      started(),
      { type: 'kubectl', line: 'kubectl get pods', id: 'a' },
      { type: 'loadScenario', scenario: 'nope', seed: 1 },
    );
    expect(events).toEqual([
      { type: 'error', code: 'noScenario', message: 'no scenario is loaded: send loadScenario first' },
      {
        type: 'error',
        code: 'unknownScenario',
        message: expect.stringMatching(/^unknown scenario "nope"; known scenarios: compare, /),
      },
    ]);
  });

  it('loads a scenario into a snapshot and runs kubectl lines with their id', async () => {
    const c = started();
    const [snap] = await exchange(c, { type: 'loadScenario', scenario: 'compare', seed: 1 });
    expect(snap).toMatchObject({
      type: 'snapshot',
      scenario: 'compare',
      seed: 1,
      isPlaying: false,
      speed: 1,
    });
    expect(snap?.type === 'snapshot' && snap.snapshot.pods.map((p) => p.name)).toContain('mysql-0');

    const events = await exchange(c, { type: 'kubectl', line: 'kubectl get nodes', id: 'cmd-1' });
    expect(events.map((e) => e.type)).toEqual(['output', 'snapshot']);
    expect(events[0]).toMatchObject({ type: 'output', id: 'cmd-1', prompt: '$ ' });
    expect(events[0]?.type === 'output' && events[0].text.split('\n')[0]).toMatch(
      /^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION$/,
    );
  });

  it('answers every kubectl line, even one that prints nothing, and prompts "> " inside a here-document', async () => {
    const c = started();
    await exchange(c, { type: 'loadScenario', scenario: 'empty', seed: 1 });
    const events = await exchange(
      c,
      { type: 'kubectl', line: 'cat <<EOF', id: 'h1' },
      { type: 'kubectl', line: 'EOF', id: 'h2' },
    );
    expect(events.filter((e) => e.type === 'output')).toEqual([
      { type: 'output', id: 'h1', text: '', prompt: '> ' },
      { type: 'output', id: 'h2', text: '', prompt: '$ ' },
    ]);
  });

  it('steps and ticks simulated time', async () => {
    const c = started();
    const [first] = await exchange(c, { type: 'loadScenario', scenario: 'empty', seed: 1 });
    const t0 = first?.type === 'snapshot' ? first.snapshot.time : NaN;
    const events = await exchange(c, { type: 'step' }, { type: 'tick', ms: 2_500 });
    // Nothing changes in an empty cluster, so a step goes the whole way it looks ahead.
    expect(events.map((e) => (e.type === 'snapshot' ? e.snapshot.time - t0 : e.type))).toEqual([
      STEP_MAX_MS,
      STEP_MAX_MS + 2_500,
    ]);
  });

  it('plays on the injected interval at the chosen speed, and pause stops it', async () => {
    const timer = manualInterval();
    const c = started({ interval: timer.interval });
    await exchange(
      c,
      { type: 'loadScenario', scenario: 'empty', seed: 1 },
      { type: 'setSpeed', speed: 10 },
      { type: 'play' },
    );
    expect(timer.count).toBe(1);
    const before = await exchange(c, { type: 'tick', ms: 0 });
    const t0 = before[0]?.type === 'snapshot' ? before[0].snapshot.time : NaN;
    timer.fire();
    const events = await exchange(c, { type: 'pause' });
    expect(events.map((e) => e.type === 'snapshot' && [e.snapshot.time - t0, e.isPlaying])).toEqual([
      [PLAY_INTERVAL_MS * 10, true],
      [PLAY_INTERVAL_MS * 10, false],
    ]);
    expect(timer.count).toBe(0);
  });

  it('returns a requested object as plain JSON, or null', async () => {
    const c = started();
    await exchange(c, { type: 'loadScenario', scenario: 'empty', seed: 1 });
    const events = await exchange(
      c,
      { type: 'requestObject', kind: 'Node', namespace: null, name: 'node-1' },
      { type: 'requestObject', kind: 'Pod', namespace: 'default', name: 'missing' },
    );
    expect(events[0]).toMatchObject({
      type: 'object',
      kind: 'Node',
      namespace: null,
      name: 'node-1',
      object: { kind: 'Node', metadata: { name: 'node-1' } },
    });
    expect(events[1]).toEqual({
      type: 'object',
      kind: 'Pod',
      namespace: 'default',
      name: 'missing',
      object: null,
    });
  });

  it('delivers nothing after close', async () => {
    const c = started();
    c.close();
    expect(await exchange(c, { type: 'hello', protocolVersion: PROTOCOL_VERSION })).toEqual([]);
  });
});
