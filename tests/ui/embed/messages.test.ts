import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEventTracker, parseEmbedRequest, podSummaries } from '../../../src/embed/messages';
import type { ClusterSnapshot, EventSnapshot } from '../../../src/protocol';

describe('parseEmbedRequest', () => {
  it.each([
    [{ type: 'playground.command', line: 'kubectl get pods', id: 'r1' }],
    [{ type: 'playground.play' }],
    [{ type: 'playground.pause', id: 'x' }],
    [{ type: 'playground.step' }],
    [{ type: 'playground.seek', time: 60000 }],
    [{ type: 'playground.loadScenario', scenario: 'empty' }],
    [{ type: 'playground.loadScenario', scenario: 'compare', seed: 9 }],
    [{ type: 'playground.getState' }],
  ])('accepts %j', (message) => {
    expect(parseEmbedRequest(message)).toEqual({ ok: true, request: message });
  });

  it('copies out only the declared fields', () => {
    const parsed = parseEmbedRequest({ type: 'playground.play', extra: { huge: true } });
    expect(parsed).toEqual({ ok: true, request: { type: 'playground.play' } });
  });

  it.each([
    [null, 'badMessage', 'must be an object', null],
    ['playground.play', 'badMessage', 'must be an object', null],
    [[1], 'badMessage', 'must be an object', null],
    [{}, 'badMessage', 'string "type"', null],
    [{ type: 'playground.fly', id: 'q' }, 'unknownType', 'unknown message type "playground.fly"', 'q'],
    [{ type: 'playground.command', id: 'q' }, 'badMessage', '"line"', 'q'],
    [{ type: 'playground.command', line: '   ' }, 'badMessage', '"line"', null],
    [{ type: 'playground.command', line: 'x'.repeat(70000) }, 'badMessage', '"line"', null],
    [{ type: 'playground.seek', time: -1 }, 'badMessage', '"time"', null],
    [{ type: 'playground.seek', time: Infinity }, 'badMessage', '"time"', null],
    [{ type: 'playground.loadScenario', scenario: '../x' }, 'badMessage', '"scenario"', null],
    [{ type: 'playground.loadScenario', scenario: 'x', seed: 0.5 }, 'badMessage', '"seed"', null],
    [{ type: 'playground.play', id: 5 }, 'badMessage', '"id"', null],
  ])('rejects %j as %s', (message, code, words, requestId) => {
    const parsed = parseEmbedRequest(message);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.code).toBe(code);
    expect(parsed.message).toContain(words);
    expect(parsed.requestId).toBe(requestId);
  });

  it('never throws on anything a page could post', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        expect(typeof parseEmbedRequest(value).ok).toBe('boolean');
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(
        fc.record(
          {
            type: fc.constantFrom('playground.command', 'playground.seek', 'playground.loadScenario'),
            line: fc.anything(),
            time: fc.anything(),
            scenario: fc.anything(),
            seed: fc.anything(),
            id: fc.anything(),
          },
          { requiredKeys: ['type'] },
        ),
        (value) => {
          expect(typeof parseEmbedRequest(value).ok).toBe('boolean');
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('summaries', () => {
  it('lists pods as kubectl shows them', () => {
    const pod = {
      name: 'mysql-0',
      namespace: 'default',
      status: 'Running',
      isReady: true,
      nodeName: 'node-1',
      ip: '10.244.1.2',
      workloadKind: 'StatefulSet',
      workloadName: 'mysql',
    };
    const snapshot = {
      pods: [pod, { ...pod, name: 'x', workloadKind: null, workloadName: null, ip: null, nodeName: null }],
    } as unknown as ClusterSnapshot;
    expect(podSummaries(snapshot)).toEqual([
      {
        name: 'mysql-0',
        namespace: 'default',
        status: 'Running',
        ready: true,
        node: 'node-1',
        ip: '10.244.1.2',
        workload: 'StatefulSet/mysql',
      },
      {
        name: 'x',
        namespace: 'default',
        status: 'Running',
        ready: true,
        node: null,
        ip: null,
        workload: null,
      },
    ]);
  });

  it('sends each Event once, and again when its count grows', () => {
    const e = (uid: string, count: number) => ({ uid, count }) as EventSnapshot;
    const tracker = createEventTracker(3);
    expect(tracker.fresh([e('a', 1), e('b', 1)]).map((x) => x.uid)).toEqual(['a', 'b']);
    expect(tracker.fresh([e('a', 1), e('b', 2)]).map((x) => `${x.uid}${x.count}`)).toEqual(['b2']);
  });
});
