import { describe, expect, it } from 'vitest';
import { createInProcessClient } from '../../src/client/inProcessClient';
import type { SimEvent } from '../../src/protocol';
import {
  OUTPUT_LIMIT,
  applySimEvent,
  connectStore,
  createPlaygroundStore,
  initialPlaygroundState,
  objectKey,
  selectPods,
  selectScenarioTitle,
} from '../../src/store/playgroundStore';

const snapshot = {
  time: 61_000,
  nodes: [],
  pods: [],
  pvcs: [],
  pvs: [],
  services: [],
  workloads: [],
  events: [],
};

function apply(...events: SimEvent[]) {
  return events.reduce(applySimEvent, initialPlaygroundState);
}

describe('applySimEvent', () => {
  it('becomes ready with the scenario catalogue, and titles the running scenario', () => {
    const state = apply(
      {
        type: 'ready',
        protocolVersion: 1,
        scenarios: [{ name: 'compare', title: 'Deployment vs StatefulSet', description: '' }],
        defaultScenario: 'compare',
      },
      { type: 'snapshot', scenario: 'compare', seed: 4, isPlaying: true, speed: 2, snapshot },
    );
    expect(state.isReady).toBe(true);
    expect(state.run).toEqual({ scenario: 'compare', seed: 4, isPlaying: true, speed: 2 });
    expect(selectScenarioTitle(state)).toBe('Deployment vs StatefulSet');
    expect(selectPods(state)).toEqual([]);
  });

  it('keeps the run object while scenario, seed, play state and speed stay the same', () => {
    const tick = (speed: number, time: number) =>
      ({ type: 'snapshot', scenario: 'compare', seed: 4, isPlaying: true, speed, snapshot: { ...snapshot, time } }) as const;
    const first = apply(tick(2, 0));
    const second = applySimEvent(first, tick(2, 100));
    expect(second.run).toBe(first.run);
    const faster = applySimEvent(second, tick(4, 200));
    expect(faster.run).not.toBe(first.run);
    expect(faster.run).toEqual({ scenario: 'compare', seed: 4, isPlaying: true, speed: 4 });
  });

  it('appends output chunks in order, keeps the prompt, and skips empty text', () => {
    const state = apply(
      { type: 'output', id: 'a', text: 'one\n', prompt: '$ ' },
      { type: 'output', id: 'b', text: '', prompt: '> ' },
      { type: 'output', id: null, text: 'two\n', prompt: '> ' },
    );
    expect(state.output).toEqual([
      { seq: 1, id: 'a', text: 'one\n' },
      { seq: 3, id: null, text: 'two\n' },
    ]);
    expect([state.outputSeq, state.prompt]).toEqual([3, '> ']);
  });

  it(`keeps only the last ${OUTPUT_LIMIT} output chunks`, () => {
    const events: SimEvent[] = Array.from({ length: OUTPUT_LIMIT + 3 }, (_, i) => ({
      type: 'output',
      id: null,
      text: `${i}\n`,
      prompt: '$ ',
    }));
    const state = apply(...events);
    expect(state.output).toHaveLength(OUTPUT_LIMIT);
    expect(state.output[0]!.text).toBe('3\n');
  });

  it('numbers errors so the same words twice are two errors', () => {
    const error: SimEvent = { type: 'error', code: 'simFailure', message: 'boom' };
    expect(apply(error, error).lastError).toEqual({ seq: 2, code: 'simFailure', message: 'boom' });
  });

  it('files requested objects by kind, namespace and name', () => {
    const state = apply({ type: 'object', kind: 'Pod', namespace: 'default', name: 'gone', object: null });
    expect(state.objects[objectKey('Pod', 'default', 'gone')]).toBeNull();
  });
});

describe('connectStore', () => {
  it('says hello, loads the requested scenario once ready, and fills the store', async () => {
    const store = createPlaygroundStore();
    const client = createInProcessClient();
    const disconnect = connectStore(store, client, { scenario: null, seed: 9 });
    await waitFor(() => store.getState().snapshot !== null);
    const state = store.getState();
    expect(state.run).toMatchObject({ scenario: 'compare', seed: 9 });
    expect(state.snapshot!.pods.some((p) => p.name === 'mysql-0')).toBe(true);
    disconnect();
    client.close();
  });
});

async function waitFor(done: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !done(); i++) await new Promise((r) => setTimeout(r, 0));
  if (!done()) throw new Error('condition not met');
}
