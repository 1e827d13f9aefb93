import { describe, expect, it } from 'vitest';
import { fnv1a64, stateDigest } from '../../src/sim/digest';
import { testTerminal } from '../support/terminal';

describe('fnv1a64', () => {
  it.each([
    ['', 'cbf29ce484222325'],
    ['a', 'af63dc4c8601ec8c'],
    ['foobar', '85944171f73967e8'],
  ])('%j -> %s (the published FNV-1a 64 test vectors)', (text, hex) => {
    expect(fnv1a64(text)).toBe(hex);
  });
});

describe('state digest', () => {
  const script = ['kubectl scale sts mysql --replicas=4', 'sleep 20', "kubectl exec mysql-0 -- sh -c 'echo hello > /var/lib/mysql/note'", 'sleep 5'];

  it('is the same for the same scenario, seed and commands', () => {
    const a = testTerminal('compare', 7);
    const b = testTerminal('compare', 7);
    a.run(...script);
    b.run(...script);
    expect(stateDigest(a.cluster)).toBe(stateDigest(b.cluster));
    expect(a.run('sim digest')).toBe(`${stateDigest(a.cluster)}\n`);
  });

  it('differs with another seed, and after a write to a volume', () => {
    const a = testTerminal('compare', 7);
    const b = testTerminal('compare', 8);
    expect(stateDigest(a.cluster)).not.toBe(stateDigest(b.cluster));
    const before = stateDigest(a.cluster);
    a.run("kubectl exec mysql-1 -- sh -c 'echo x > /var/lib/mysql/y'");
    expect(stateDigest(a.cluster)).not.toBe(before);
  });
});
