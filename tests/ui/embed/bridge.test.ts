import { afterEach, describe, expect, it } from 'vitest';
import { createInProcessClient } from '../../../src/client/inProcessClient';
import type { SimClient } from '../../../src/client/types';
import { startEmbedBridge } from '../../../src/embed/bridge';
import type { BridgeWindow } from '../../../src/embed/bridge';
import type { EmbedMessage } from '../../../src/embed/messages';
import { createScriptRunner } from '../../../src/embed/script';
import { EventType } from '../../../src/protocol';
import { startSessionSaver } from '../../../src/share/sessionSaver';
import { readSession } from '../../../src/share/savedSession';
import { connectStore, createPlaygroundStore } from '../../../src/store/playgroundStore';

const SELF = 'https://play.example.org';
const noInterval = () => () => {};
let client: SimClient | undefined;
afterEach(() => client?.close());

/** A window whose parent records what is posted to it, and that can deliver messages to the bridge. */
function fakeWindow() {
  const posted: { message: EmbedMessage; origin: string }[] = [];
  const listeners = new Set<(e: MessageEvent) => void>();
  const parent = {
    postMessage: (message: unknown, origin: string) =>
      posted.push({ message: message as EmbedMessage, origin }),
  };
  const win: BridgeWindow = {
    parent,
    addEventListener: (_, l) => listeners.add(l),
    removeEventListener: (_, l) => listeners.delete(l),
  };
  const deliver = (data: unknown, origin = SELF, source: unknown = parent) => {
    for (const l of listeners) l({ data, origin, source } as MessageEvent);
  };
  return { win, posted, deliver };
}

const settle = async (turns = 20) => {
  for (let i = 0; i < turns; i++) await Promise.resolve();
};

async function embed(allow = [SELF]) {
  client = createInProcessClient({ interval: noInterval });
  const store = createPlaygroundStore();
  const w = fakeWindow();
  startEmbedBridge({ client, store, allow, embedId: 'demo', win: w.win, isFramed: true });
  connectStore(store, client, { scenario: 'compare', seed: 1 });
  await settle();
  return { ...w, store, client };
}

const ofType = (posted: { message: EmbedMessage }[], type: EmbedMessage['type']) =>
  posted.map((p) => p.message).filter((m) => m.type === type);

describe('embed bridge', () => {
  it('says ready, then sends the state with pod summaries, to the allowed origin only', async () => {
    const { posted } = await embed();
    expect(posted[0]).toEqual({
      message: {
        type: 'playground.ready',
        embedId: 'demo',
        apiVersion: 1,
        scenarios: expect.arrayContaining(['compare', 'empty']),
      },
      origin: SELF,
    });
    const state = ofType(posted, 'playground.state').at(-1);
    expect(state).toMatchObject({
      embedId: 'demo',
      scenario: 'compare',
      seed: 1,
      time: 60_000,
      isPlaying: false,
      isPast: false,
    });
    expect(state && 'pods' in state && state.pods.find((p) => p.name === 'mysql-0')).toMatchObject({
      status: 'Running',
      ready: true,
      workload: 'StatefulSet/mysql',
    });
    expect(new Set(posted.map((p) => p.origin))).toEqual(new Set([SELF]));
  });

  it('runs a command and answers with its output under the request id', async () => {
    const { posted, deliver } = await embed();
    deliver({ type: 'playground.command', line: 'kubectl get sts', id: 'q1' });
    await settle();
    const output = ofType(posted, 'playground.output').find((m) => 'requestId' in m && m.requestId === 'q1');
    expect(output && 'text' in output && output.text).toContain('$ kubectl get sts\nNAME');
  });

  it('answers malformed and unknown messages with playground.error, and keeps working', async () => {
    const { posted, deliver } = await embed();
    deliver('hello');
    deliver({ type: 'playground.teleport', id: 'z' });
    deliver({ type: 'playground.seek', time: 'soon' });
    deliver({ type: 'playground.loadScenario', scenario: 'nope' });
    await settle();
    const errors = ofType(posted, 'playground.error');
    expect(errors.map((e) => 'code' in e && e.code)).toEqual([
      'badMessage',
      'unknownType',
      'badMessage',
      'badMessage',
    ]);
    expect(errors[1]).toMatchObject({ requestId: 'z' });
    deliver({ type: 'playground.step' });
    await settle();
    expect(ofType(posted, 'playground.state').at(-1)).toMatchObject({ time: expect.any(Number) });
  });

  it('ignores messages from other origins and other windows, unanswered', async () => {
    const { posted, deliver } = await embed();
    const before = posted.length;
    deliver({ type: 'playground.command', line: 'kubectl delete pod mysql-0' }, 'https://evil.example');
    deliver({ type: 'playground.command', line: 'kubectl delete pod mysql-0' }, SELF, {});
    deliver('junk', 'https://evil.example');
    await settle();
    expect(posted.length).toBe(before);
  });

  it('obeys an origin listed in allow=, and posts to every allowed origin', async () => {
    const { posted, deliver } = await embed([SELF, 'https://docs.example.com']);
    deliver({ type: 'playground.loadScenario', scenario: 'empty', seed: 4 }, 'https://docs.example.com');
    await settle();
    const states = posted.filter((p) => p.message.type === 'playground.state');
    expect(states.at(-1)!.message).toMatchObject({ scenario: 'empty', seed: 4, pods: [] });
    expect(new Set(states.map((p) => p.origin))).toEqual(new Set([SELF, 'https://docs.example.com']));
  });

  it('forwards new Kubernetes Events once each', async () => {
    const { posted, deliver } = await embed();
    const before = ofType(posted, 'playground.event').length;
    deliver({ type: 'playground.command', line: 'kubectl delete pod mysql-1 --wait=false' });
    await settle();
    const events = ofType(posted, 'playground.event').slice(before);
    expect(events.map((e) => 'event' in e && e.event.reason)).toContain('Killing');
    const keys = events.map(
      (e) => 'event' in e && `${e.event.object}/${e.event.reason}/${e.event.count}/${e.event.time}`,
    );
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('script runner', () => {
  it('runs one line per next(), waiting for each answer', async () => {
    client = createInProcessClient({ interval: noInterval });
    const runner = createScriptRunner(client, ['kubectl get pods', 'kubectl get sts'], { autoplay: false });
    const store = createPlaygroundStore();
    connectStore(store, client, { scenario: 'empty', seed: 1 });
    await settle();
    expect(runner.state()).toMatchObject({ sent: 0, isRunning: false });
    runner.next();
    expect(runner.state()).toMatchObject({ sent: 1, isRunning: true });
    runner.next(); // ignored while the first runs
    expect(runner.state().sent).toBe(1);
    await settle();
    expect(runner.state()).toMatchObject({ sent: 1, isRunning: false });
    runner.next();
    await settle();
    runner.next();
    expect(runner.state()).toMatchObject({ sent: 2, isRunning: false });
    expect(
      store
        .getState()
        .output.map((o) => o.text)
        .join(''),
    ).toContain('$ kubectl get sts\nNo resources found');
  });

  it('plays on its own with autoplay', async () => {
    client = createInProcessClient({ interval: noInterval });
    const pending: (() => void)[] = [];
    const runner = createScriptRunner(client, ['kubectl get pods', 'kubectl get sts'], {
      autoplay: true,
      schedule: (fn) => pending.push(fn),
    });
    connectStore(createPlaygroundStore(), client, { scenario: 'empty', seed: 1 });
    await settle();
    while (pending.length > 0) {
      pending.shift()!();
      await settle();
    }
    expect(runner.state()).toMatchObject({ sent: 2, isRunning: false });
  });
});

describe('session saver', () => {
  it('saves the run after a change, at most once per interval', async () => {
    client = createInProcessClient({ interval: noInterval });
    const data: Record<string, string> = {};
    const storage = {
      getItem: (k: string) => data[k] ?? null,
      setItem: (k: string, v: string) => void (data[k] = v),
      removeItem: (k: string) => void delete data[k],
    };
    const pending: (() => void)[] = [];
    startSessionSaver(client, storage, { schedule: (fn) => pending.push(fn) });
    connectStore(createPlaygroundStore(), client, { scenario: 'empty', seed: 5 });
    await settle();
    expect(pending).toHaveLength(1);
    client.send({ type: 'tick', ms: 100 });
    client.send({ type: 'kubectl', line: 'kubectl create namespace x', id: 'n' });
    await settle();
    expect(pending).toHaveLength(1);
    pending.shift()!();
    await settle();
    const saved = readSession(storage);
    expect(saved.ok && saved.run).toMatchObject({ scenario: 'empty', seed: 5 });
    expect(saved.ok && saved.run.commands.map((c) => c.type)).toEqual(['tick', 'kubectl']);
    const seen: string[] = [];
    client.subscribe((e) => seen.push(e.type));
    await settle();
    expect(seen).not.toContain(EventType.commandLog);
  });
});
