import { describe, expect, it } from 'vitest';
import { CommandType } from '../../../src/protocol';
import { planStart } from '../../../src/share/boot';
import type { StartInput } from '../../../src/share/boot';

const run = { scenario: 'compare', seed: 7, commands: [{ type: CommandType.step }], time: 70_000 };
const url = { scenario: null, seed: 1, speed: 1, isPaused: false };
const base: StartInput = { url, hasSeed: false, link: { kind: 'none' }, saved: { ok: false, error: null } };

describe('planStart', () => {
  it('starts from the address when there is no link and nothing saved', () => {
    expect(planStart(base)).toEqual({
      start: { scenario: null, seed: 1, speed: 1, isPaused: false },
      source: 'address',
      notices: [],
      dropFragment: false,
      clearSaved: false,
    });
  });

  it('replays a link, paused at its time, and drops the fragment', () => {
    const plan = planStart({
      ...base,
      link: { kind: 'run', run },
      saved: { ok: true, run: { ...run, seed: 1 } },
    });
    expect(plan.source).toBe('link');
    expect(plan.start).toEqual({
      scenario: 'compare',
      seed: 7,
      speed: 1,
      isPaused: true,
      replay: { commands: run.commands, time: 70_000 },
    });
    expect(plan.dropFragment).toBe(true);
    expect(plan.notices[0]!.message).toBe('Opened a shared run: compare, seed 7, 1 command replayed.');
  });

  it('starts clean from the address after a bad link, and says why', () => {
    const plan = planStart({
      ...base,
      link: { kind: 'bad', error: 'the link is damaged (it does not decompress)' },
    });
    expect(plan.source).toBe('address');
    expect(plan.start.replay).toBeUndefined();
    expect(plan.notices).toEqual([
      {
        kind: 'problem',
        message:
          'This link could not be opened: the link is damaged (it does not decompress). Started a clean playground instead.',
      },
    ]);
    expect(plan.dropFragment).toBe(true);
  });

  it.each([
    ['no scenario in the address', { scenario: null, seed: 1 }, false, 'saved'],
    ['the same scenario and seed', { scenario: 'compare', seed: 7 }, true, 'saved'],
    ['the same scenario, no seed', { scenario: 'compare', seed: 1 }, false, 'saved'],
    ['another seed (a workshop link)', { scenario: 'compare', seed: 8 }, true, 'address'],
    ['another scenario', { scenario: 'empty', seed: 7 }, true, 'address'],
  ])('restores the saved session for %s: %s', (_, address, hasSeed, source) => {
    const plan = planStart({ ...base, url: { ...url, ...address }, hasSeed, saved: { ok: true, run } });
    expect(plan.source).toBe(source);
    if (source === 'saved') {
      expect(plan.start).toMatchObject({ scenario: 'compare', seed: 7, isPaused: true });
      expect(plan.notices[0]!.kind).toBe('restored');
    }
  });

  it('forgets an unreadable save and says so', () => {
    const plan = planStart({ ...base, saved: { ok: false, error: 'the saved session is not readable' } });
    expect(plan.clearSaved).toBe(true);
    expect(plan.notices[0]!.message).toContain('Your saved session could not be restored');
  });

  it('ignores saves when told not to read them (embeds)', () => {
    expect(planStart({ ...base, saved: null }).source).toBe('address');
  });
});
