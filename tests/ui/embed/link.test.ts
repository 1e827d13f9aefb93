import fc from 'fast-check';
import { compressToEncodedURIComponent } from 'lz-string';
import { describe, expect, it } from 'vitest';
import { CommandType } from '../../../src/protocol';
import type { SimCommand } from '../../../src/protocol';
import { decodeRun, encodeRun, linkFor, readLinkFragment, runFromLog } from '../../../src/share/link';
import type { SharedRun } from '../../../src/share/link';

const tick = (ms: number): SimCommand => ({ type: CommandType.tick, ms });
const kubectl = (line: string, id = 'c1'): SimCommand => ({
  type: CommandType.kubectl,
  line,
  id,
  echo: true,
});

/** What a decoded run holds: kubectl ids are renumbered and echo dropped, the rest as sent. */
function normalized(commands: SimCommand[]) {
  return commands.map((c) => (c.type === CommandType.kubectl ? { type: c.type, line: c.line } : c));
}

const sample: SharedRun = {
  scenario: 'compare',
  seed: 42,
  commands: [
    tick(100),
    tick(100),
    tick(100),
    kubectl('kubectl delete pod mysql-1'),
    { type: CommandType.step },
    { type: CommandType.step },
    tick(250),
    kubectl(
      'cat <<EOF | kubectl apply -f -\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x ü 🙂\nEOF',
    ),
    tick(100),
  ],
  time: 61_300,
};

describe('link round trip', () => {
  it('decodes what it encodes: scenario, seed, every command in order, the time', () => {
    const decoded = decodeRun(encodeRun(sample));
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.run.scenario).toBe('compare');
    expect(decoded.run.seed).toBe(42);
    expect(decoded.run.time).toBe(61_300);
    expect(normalized(decoded.run.commands)).toEqual(normalized(sample.commands));
  });

  it('keeps repeated play ticks as separate advances (replay must not merge them)', () => {
    const run: SharedRun = {
      scenario: 'empty',
      seed: 1,
      commands: Array.from({ length: 6000 }, () => tick(100)),
    };
    const payload = encodeRun(run);
    expect(payload.length).toBeLessThan(100);
    const decoded = decodeRun(payload);
    expect(decoded.ok && decoded.run.commands).toEqual(run.commands);
  });

  it('carries other commands whole, and no time when the present is shown', () => {
    const other = { type: 'tick', ms: 5 } as SimCommand;
    const decoded = decodeRun(encodeRun({ scenario: 'empty', seed: -7, commands: [other] }));
    expect(decoded).toEqual({ ok: true, run: { scenario: 'empty', seed: -7, commands: [other] } });
  });

  it('puts the run in the fragment as v=1&run=..., and reads it back from there', () => {
    const url = linkFor('https://example.org/play/?scenario=compare&seed=42#old', sample);
    expect(url).toMatch(
      /^https:\/\/example\.org\/play\/\?scenario=compare&seed=42#v=1&run=[A-Za-z0-9+\-$]+$/,
    );
    const read = readLinkFragment(new URL(url).hash);
    expect(read.kind).toBe('run');
    if (read.kind === 'run') expect(normalized(read.run.commands)).toEqual(normalized(sample.commands));
  });

  it('reads a link whose + signs became spaces', () => {
    const hash = `#v=1&run=${encodeRun(sample)}`;
    expect(readLinkFragment(hash.replaceAll('+', ' ')).kind).toBe('run');
  });

  it('builds a run from a command log: the time only when the past is shown', () => {
    const log = {
      scenario: 'compare',
      seed: 1,
      time: 5,
      isPast: false,
      entries: [{ command: tick(1), at: 0, end: 1 }],
    };
    expect(runFromLog(log)).toEqual({ scenario: 'compare', seed: 1, commands: [tick(1)] });
    expect(runFromLog({ ...log, isPast: true }).time).toBe(5);
  });
});

describe('bad links', () => {
  const payload = (data: unknown) => compressToEncodedURIComponent(JSON.stringify(data));
  it.each([
    ['', 'carries no run'],
    ['not a link!', 'characters a link never has'],
    ['AAAAAAAAAA', 'damaged'],
    [compressToEncodedURIComponent('{"v":1'), 'not readable'],
    [payload([1, 2]), 'not a run'],
    [payload({ v: 2, s: 'compare', seed: 1, c: [] }), 'newer version'],
    [payload({ s: 'compare', seed: 1, c: [] }), 'no format version'],
    [payload({ v: 1, s: 'Bad Name', seed: 1, c: [] }), 'no valid scenario'],
    [payload({ v: 1, s: 'compare', seed: 1.5, c: [] }), 'no valid seed'],
    [payload({ v: 1, s: 'compare', seed: 2 ** 40, c: [] }), 'no valid seed'],
    [payload({ v: 1, s: 'compare', seed: 1, c: {} }), 'no list of commands'],
    [payload({ v: 1, s: 'compare', seed: 1, c: [], t: -1 }), 'no valid time'],
    [payload({ v: 1, s: 'compare', seed: 1, c: [['t', -5]] }), 'command 1 is not a valid advance'],
    [payload({ v: 1, s: 'compare', seed: 1, c: [['t', 100, 0]] }), 'command 1 is not a valid advance'],
    [payload({ v: 1, s: 'compare', seed: 1, c: [['s', 1e12]] }), 'command 1 is not a valid number of steps'],
    [payload({ v: 1, s: 'compare', seed: 1, c: [['k', 7]] }), 'command 1 is not a valid terminal line'],
    [payload({ v: 1, s: 'compare', seed: 1, c: [['c', { type: 'seek', time: 1 }]] }), 'changes the cluster'],
    [payload({ v: 1, s: 'compare', seed: 1, c: [['c', { type: 'replayLog' }]] }), 'changes the cluster'],
    [payload({ v: 1, s: 'compare', seed: 1, c: [['x']] }), 'unknown form'],
    [
      payload({
        v: 1,
        s: 'compare',
        seed: 1,
        c: [
          ['t', 1, 400000],
          ['t', 1, 400000],
        ],
      }),
      'more than',
    ],
  ])('%# rejects %j with a reason', (text, reason) => {
    const decoded = decodeRun(text);
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.error).toContain(reason);
  });

  it.each([
    ['', 'none'],
    ['#scenario=x', 'none'],
    ['#v=2&run=abc', 'bad'],
    ['#v=&run=abc', 'bad'],
    ['#v=1', 'bad'],
    ['#run=abc', 'bad'],
    ['#v=1&run=%E0%A4%A', 'bad'],
  ])('reads the fragment %j as %s', (hash, kind) => {
    expect(readLinkFragment(hash).kind).toBe(kind);
  });

  it('never throws on random text, random fragments or tampered payloads', () => {
    const good = encodeRun(sample);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
    fc.assert(
      fc.property(
        fc.string({ maxLength: 400 }),
        fc.nat({ max: good.length - 1 }),
        fc.constantFrom(...alphabet),
        (text, at, ch) => {
          const tampered = good.slice(0, at) + ch + good.slice(at + 1);
          for (const input of [text, tampered, good.slice(0, at)]) {
            const decoded = decodeRun(input);
            expect(typeof decoded.ok).toBe('boolean');
            if (!decoded.ok) expect(decoded.error).toMatch(/link/);
            expect(['none', 'run', 'bad']).toContain(readLinkFragment(`#v=1&run=${input}`).kind);
            expect(['none', 'run', 'bad']).toContain(readLinkFragment(input).kind);
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('never throws on well-compressed JSON of any shape', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const decoded = decodeRun(compressToEncodedURIComponent(JSON.stringify(value)));
        expect(decoded.ok).toBe(false);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.array(fc.jsonValue(), { maxLength: 5 }), (c) => {
        const decoded = decodeRun(
          compressToEncodedURIComponent(JSON.stringify({ v: 1, s: 'compare', seed: 1, c })),
        );
        if (decoded.ok)
          for (const command of decoded.run.commands) expect(typeof command.type).toBe('string');
      }),
      { numRuns: 300 },
    );
  });
});
