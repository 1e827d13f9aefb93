import { describe, expect, it } from 'vitest';
import { CommandType } from '../../../src/protocol';
import { encodeRun } from '../../../src/share/link';
import {
  MAX_SAVED_LENGTH,
  SESSION_KEY,
  clearSession,
  migrate,
  readSession,
  writeSession,
} from '../../../src/share/savedSession';
import type { SessionStorage } from '../../../src/share/savedSession';

function memory(initial: Record<string, string> = {}): SessionStorage & { data: Record<string, string> } {
  const data = { ...initial };
  return {
    data,
    getItem: (k) => data[k] ?? null,
    setItem: (k, v) => void (data[k] = v),
    removeItem: (k) => void delete data[k],
  };
}

const run = {
  scenario: 'compare',
  seed: 3,
  commands: [
    { type: CommandType.tick, ms: 100 },
    { type: CommandType.kubectl, line: 'kubectl get pods', id: 'link-2' },
  ],
};

describe('saved session', () => {
  it('writes schema 1 with the run as a link payload, and reads it back', () => {
    const storage = memory();
    expect(writeSession(storage, run)).toBe(true);
    expect(JSON.parse(storage.data[SESSION_KEY]!)).toEqual({ schema: 1, run: encodeRun(run) });
    expect(readSession(storage)).toEqual({ ok: true, run });
  });

  it('reads nothing saved as no error', () => {
    expect(readSession(memory())).toEqual({ ok: false, error: null });
    expect(readSession(null)).toEqual({ ok: false, error: null });
  });

  it.each([
    ['not json', 'not readable'],
    ['[]', 'no schema version'],
    ['{"schema":"1"}', 'no schema version'],
    ['{"schema":0,"run":"x"}', 'schema 0 can no longer be read'],
    ['{"schema":9,"run":"x"}', 'newer than this page'],
    ['{"schema":1}', 'holds no run'],
    ['{"schema":1,"run":"garbage!"}', 'damaged'],
    ['x'.repeat(MAX_SAVED_LENGTH + 1), 'too large'],
  ])('rejects %j: %s', (text, reason) => {
    const result = readSession(memory({ [SESSION_KEY]: text }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(reason);
  });

  it('survives a storage that throws on every call', () => {
    const hostile: SessionStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {
        throw new Error('SecurityError');
      },
    };
    expect(readSession(hostile).ok).toBe(false);
    expect(writeSession(hostile, run)).toBe(false);
    expect(() => clearSession(hostile)).not.toThrow();
  });

  it('clears', () => {
    const storage = memory();
    writeSession(storage, run);
    clearSession(storage);
    expect(storage.data).toEqual({});
  });
});

describe('migrate', () => {
  const migrations = {
    1: (v: Record<string, unknown>) => ({ ...v, b: 'added in 2' }),
    2: (v: Record<string, unknown>) => ({ ...v, c: String(v.b).toUpperCase() }),
  };

  it('applies each step from the stored schema up to the current one', () => {
    expect(migrate({ schema: 1, a: 1 }, migrations, 3)).toEqual({
      ok: true,
      value: { schema: 3, a: 1, b: 'added in 2', c: 'ADDED IN 2' },
    });
    expect(migrate({ schema: 2, b: 'x' }, migrations, 3)).toEqual({
      ok: true,
      value: { schema: 3, b: 'x', c: 'X' },
    });
    expect(migrate({ schema: 3 }, migrations, 3)).toEqual({ ok: true, value: { schema: 3 } });
  });

  it('refuses a gap in the chain, a newer schema, and a step that throws', () => {
    expect(migrate({ schema: 0 }, migrations, 3).ok).toBe(false);
    expect(migrate({ schema: 4 }, migrations, 3).ok).toBe(false);
    const throwing = {
      1: () => {
        throw new Error('boom');
      },
    };
    expect(migrate({ schema: 1 }, throwing, 2)).toEqual({
      ok: false,
      error: 'the saved session could not be migrated from schema 1',
    });
  });
});
