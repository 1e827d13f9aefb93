import { describe, expect, it } from 'vitest';
import {
  COMMAND_TYPES,
  EVENT_TYPES,
  MAX_LINE_LENGTH,
  PROTOCOL_VERSION,
  parseSimCommand,
  parseSimEvent,
} from '../../src/protocol';

const snapshot = { time: 0, nodes: [], pods: [], pvcs: [], pvs: [], services: [], workloads: [], events: [] };

describe('parseSimCommand', () => {
  it.each<[unknown]>([
    [{ type: 'hello', protocolVersion: PROTOCOL_VERSION }],
    [{ type: 'loadScenario', scenario: 'compare', seed: 7 }],
    [{ type: 'loadScenario', scenario: 'compare', seed: -3 }],
    [{ type: 'kubectl', line: 'kubectl get pods', id: 'cmd-1' }],
    [{ type: 'kubectl', line: '', id: 'cmd-2' }],
    [{ type: 'play' }],
    [{ type: 'pause' }],
    [{ type: 'step' }],
    [{ type: 'setSpeed', speed: 2.5 }],
    [{ type: 'tick', ms: 0 }],
    [{ type: 'requestObject', kind: 'Pod', namespace: 'default', name: 'mysql-0' }],
    [{ type: 'requestObject', kind: 'Node', namespace: null, name: 'node-1' }],
  ])('accepts %j', (data) => {
    expect(parseSimCommand(data)).toEqual({ ok: true, value: data });
  });

  it.each<[unknown, string]>([
    [null, 'invalid command: expected an object'],
    ['play', 'invalid command: expected an object'],
    [[{ type: 'play' }], 'invalid command: expected an object'],
    [{}, 'invalid command: unknown type undefined'],
    [{ type: 'explode' }, 'invalid command: unknown type "explode"'],
    [{ type: 'toString' }, 'invalid command: unknown type "toString"'],
    [{ type: 'hello' }, 'invalid command "hello": "protocolVersion" must be an integer'],
    [
      { type: 'loadScenario', scenario: '', seed: 1 },
      'invalid command "loadScenario": "scenario" must be a non-empty string',
    ],
    [
      { type: 'loadScenario', scenario: 'compare', seed: 1.5 },
      'invalid command "loadScenario": "seed" must be an integer',
    ],
    [
      { type: 'loadScenario', scenario: 'compare', seed: '1' },
      'invalid command "loadScenario": "seed" must be an integer',
    ],
    [
      { type: 'kubectl', line: 42, id: 'a' },
      `invalid command "kubectl": "line" must be a string of at most ${MAX_LINE_LENGTH} characters`,
    ],
    [
      { type: 'kubectl', line: 'x'.repeat(MAX_LINE_LENGTH + 1), id: 'a' },
      `invalid command "kubectl": "line" must be a string of at most ${MAX_LINE_LENGTH} characters`,
    ],
    [
      { type: 'kubectl', line: 'kubectl get pods' },
      'invalid command "kubectl": "id" must be a non-empty string',
    ],
    [{ type: 'setSpeed', speed: 0 }, 'invalid command "setSpeed": "speed" must be a number from 0.1 to 100'],
    [
      { type: 'setSpeed', speed: Number.NaN },
      'invalid command "setSpeed": "speed" must be a number from 0.1 to 100',
    ],
    [{ type: 'tick', ms: -1 }, 'invalid command "tick": "ms" must be a number from 0 to 86400000'],
    [{ type: 'tick', ms: Infinity }, 'invalid command "tick": "ms" must be a number from 0 to 86400000'],
    [
      { type: 'requestObject', kind: 'Pod', name: 'x' },
      'invalid command "requestObject": "namespace" must be a non-empty string or null',
    ],
  ])('rejects %j', (data, error) => {
    expect(parseSimCommand(data)).toEqual({ ok: false, error });
  });

  it('copies only the declared fields', () => {
    expect(parseSimCommand({ type: 'tick', ms: 5, extra: { deep: true } })).toEqual({
      ok: true,
      value: { type: 'tick', ms: 5 },
    });
  });

  it('knows every command type', () => {
    expect(COMMAND_TYPES).toEqual([
      'hello',
      'loadScenario',
      'kubectl',
      'play',
      'pause',
      'step',
      'setSpeed',
      'tick',
      'requestObject',
      'describe',
      'printYaml',
      'podFiles',
      'seek',
      'restart',
      'dryRunManifest',
      'exportYaml',
      'exportSession',
      'exportLog',
      'replayLog',
    ]);
  });
});

describe('parseSimEvent', () => {
  it.each<[unknown]>([
    [
      {
        type: 'ready',
        protocolVersion: 1,
        scenarios: [{ name: 'compare', title: 'Deployment vs StatefulSet', description: '' }],
        defaultScenario: 'compare',
      },
    ],
    [{ type: 'snapshot', scenario: 'compare', seed: 1, isPlaying: false, speed: 1, snapshot }],
    [{ type: 'output', id: 'cmd-1', text: 'No resources found in default namespace.\n', prompt: '$ ' }],
    [{ type: 'output', id: null, text: 'mysql-0   1/1   Running\n', prompt: '$ ' }],
    [{ type: 'object', kind: 'Pod', namespace: 'default', name: 'x', object: null }],
    [
      {
        type: 'object',
        kind: 'Node',
        namespace: null,
        name: 'node-1',
        object: { kind: 'Node', apiVersion: 'v1', metadata: { name: 'node-1' } },
      },
    ],
    [{ type: 'error', code: 'unknownScenario', message: 'unknown scenario "x"' }],
  ])('accepts %j', (data) => {
    expect(parseSimEvent(data)).toEqual({ ok: true, value: data });
  });

  it.each<[unknown, string]>([
    [
      { type: 'ready', protocolVersion: 1, scenarios: [{ name: 'x' }], defaultScenario: 'x' },
      'invalid event "ready": "scenarios" must be an array of scenarios',
    ],
    [
      { type: 'snapshot', scenario: 'compare', seed: 1, isPlaying: 'no', speed: 1, snapshot },
      'invalid event "snapshot": "isPlaying" must be a boolean',
    ],
    [
      {
        type: 'snapshot',
        scenario: 'compare',
        seed: 1,
        isPlaying: false,
        speed: 1,
        snapshot: { ...snapshot, pods: {} },
      },
      'invalid event "snapshot": "snapshot" must be a cluster snapshot',
    ],
    [{ type: 'output', id: 'cmd-1', text: 'x' }, 'invalid event "output": "prompt" must be a string'],
    [
      { type: 'error', code: 'oops', message: 'x' },
      'invalid event "error": "code" must be one of badMessage, versionMismatch, unknownScenario, noScenario, simFailure, workerFailure, replayFailed',
    ],
  ])('rejects %j', (data, error) => {
    expect(parseSimEvent(data)).toEqual({ ok: false, error });
  });

  it('knows every event type', () => {
    expect(EVENT_TYPES).toEqual([
      'ready',
      'snapshot',
      'output',
      'object',
      'error',
      'described',
      'printedYaml',
      'podFilesListed',
      'manifestChecked',
      'exportedYaml',
      'sessionLog',
      'commandLog',
    ]);
  });
});
