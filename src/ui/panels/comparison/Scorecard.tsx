/** The scorecard: one row per question, one column per workload. */
import { memo } from 'react';
import type { WorkloadHistory } from '../../history';
import { scorecard } from './describe';
import type { Scorecard as ScorecardData } from './describe';
import { plural } from './words';

interface Row {
  label: string;
  value: (s: ScorecardData) => string;
}

const ROWS: Row[] = [
  { label: 'Pods replaced', value: (s) => String(s.replacements) },
  { label: 'Names changed', value: (s) => `${s.namesChanged} of ${s.replacements}` },
  { label: 'IPs changed', value: (s) => `${s.ipsChanged} of ${s.replacements}` },
  { label: 'Stable DNS names', value: (s) => `${s.stableDnsNames} of ${s.slotsWithPods}` },
  { label: 'Volumes re-attached', value: (s) => `${s.volumesReattached} of ${s.replacements}` },
  {
    label: 'Data kept / lost',
    value: (s) =>
      [
        s.dataKept ? `${s.dataKept} kept (${plural(s.rowsKept, 'row')})` : '',
        s.dataLost ? `${s.dataLost} lost (${plural(s.rowsLost, 'row')})` : '',
      ]
        .filter(Boolean)
        .join(', ') || 'none yet',
  },
];

/** Scores by slot list: the reducer keeps an unchanged workload's slots, so most snapshots cost nothing here. */
const scores = new WeakMap<WorkloadHistory['slots'], ScorecardData>();

function scoresOf(w: WorkloadHistory): ScorecardData {
  const known = scores.get(w.slots);
  if (known) return known;
  const s = scorecard(w);
  scores.set(w.slots, s);
  return s;
}

export const Scorecard = memo(function Scorecard({ workloads }: { workloads: readonly WorkloadHistory[] }) {
  const cards = workloads.map((w) => ({ w, s: scoresOf(w) }));
  return (
    <table className="cmp-scorecard">
      <caption>Scorecard since the start</caption>
      <thead>
        <tr>
          <td />
          {cards.map(({ w }) => (
            <th key={w.uid} scope="col" title={`${w.kind} ${w.name}`}>
              {w.kind}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {ROWS.map((row) => (
          <tr key={row.label}>
            <th scope="row">{row.label}</th>
            {cards.map(({ w, s }) => (
              <td key={w.uid}>{row.value(s)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
});
