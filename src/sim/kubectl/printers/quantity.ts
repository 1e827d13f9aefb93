// A small part of k8s.io/apimachinery/pkg/api/resource (Quantity) and of resourcehelper.PodRequestsAndLimits
// from staging/src/k8s.io/kubectl/pkg/util/resource, for `describe node`. Simplified: quantities are
// JavaScript numbers; a sum prints in the format (binary or decimal suffix) of its first term.
import type { Pod } from '../../api/core';

const BINARY: [string, number][] = [
  ['Ei', 2 ** 60],
  ['Pi', 2 ** 50],
  ['Ti', 2 ** 40],
  ['Gi', 2 ** 30],
  ['Mi', 2 ** 20],
  ['Ki', 2 ** 10],
];
const DECIMAL: [string, number][] = [
  ['E', 1e18],
  ['P', 1e15],
  ['T', 1e12],
  ['G', 1e9],
  ['M', 1e6],
  ['k', 1e3],
  ['m', 1e-3],
];

/** A parsed quantity: its value in base units and whether it was written with a binary suffix. */
export interface Quantity {
  value: number;
  binary: boolean;
}

/** Parses `100m`, `1Gi`, `2`, `500M`; unknown text counts as zero. */
export function parseQuantity(text: string | undefined): Quantity {
  const m = /^([0-9.]+)([a-zA-Z]*)$/.exec(text ?? '');
  if (!m) return { value: 0, binary: false };
  const n = Number(m[1]);
  const suffix = m[2] ?? '';
  const bin = BINARY.find(([s]) => s === suffix);
  if (bin) return { value: n * bin[1], binary: true };
  const dec = DECIMAL.find(([s]) => s === suffix);
  return { value: n * (dec ? dec[1] : 1), binary: false };
}

/** Quantity.String(): the largest suffix that divides the value exactly (millis for fractions), `0` for zero. */
export function formatQuantity(q: Quantity): string {
  if (q.value === 0) return '0';
  const milli = Math.round(q.value * 1000);
  if (milli % 1000 !== 0) return `${milli}m`;
  const units = q.binary ? BINARY : DECIMAL.filter(([s]) => s !== 'm');
  for (const [suffix, size] of units) {
    if (q.value >= size && q.value % size === 0) return `${q.value / size}${suffix}`;
  }
  return String(q.value);
}

/** Adds quantities, keeping the format of the first. */
export function addQuantities(a: Quantity | undefined, b: Quantity): Quantity {
  return a ? { value: a.value + b.value, binary: a.binary } : b;
}

/** PodRequestsAndLimits: containers summed, each init container taken as a floor. */
export function podRequestsAndLimits(pod: Pod): { requests: Map<string, Quantity>; limits: Map<string, Quantity> } {
  const sum = (kind: 'requests' | 'limits') => {
    const total = new Map<string, Quantity>();
    for (const c of pod.spec.containers) {
      for (const [name, text] of Object.entries(c.resources?.[kind] ?? {})) total.set(name, addQuantities(total.get(name), parseQuantity(text)));
    }
    for (const c of pod.spec.initContainers ?? []) {
      for (const [name, text] of Object.entries(c.resources?.[kind] ?? {})) {
        const q = parseQuantity(text);
        if ((total.get(name)?.value ?? -1) < q.value) total.set(name, q);
      }
    }
    return total;
  };
  return { requests: sum('requests'), limits: sum('limits') };
}
