/**
 * The canvas legend: how the two workloads' pods differ in shape, what each status colour says, and the
 * edges; with hundreds of pods, what the compact chips' marks mean.
 */
import { useState } from 'react';
import { usePlayground } from '../../store/usePlayground';
import { isCompactLayout } from './geometry';
import { STATUS_MARKS } from './views';
import './nodes/podChip.css';

const STATUSES = [
  { tone: 'pending', word: 'Pending' },
  { tone: 'creating', word: 'ContainerCreating' },
  { tone: 'ready', word: 'Running', note: 'Ready' },
  { tone: 'running', word: 'Running', note: 'not Ready' },
  { tone: 'terminating', word: 'Terminating' },
] as const;

const CHIP_STATUSES = [
  { tone: 'ready', word: 'Running', note: 'Ready' },
  { tone: 'running', word: 'Running', note: 'not Ready' },
  { tone: 'creating', word: 'ContainerCreating' },
  { tone: 'pending', word: 'Pending' },
  { tone: 'terminating', word: 'Terminating' },
  { tone: 'failed', word: 'Failed, Error, …' },
] as const;

/**
 * The legend of the compact drawing (hundreds of pods as chips, no per-pod edges): the workloads' chip
 * outlines, and each status's fill and mark.
 */
function CompactLegend() {
  return (
    <section className="legend" aria-label="Legend">
      <ul className="legend-group" aria-label="Pods">
        <li className="legend-item">
          <span className="pod-chip shape-statefulset tone-pending" aria-hidden="true">
            <span className="chip-label mono">17</span>
          </span>
          <span>StatefulSet (ordinal)</span>
        </li>
        <li className="legend-item">
          <span className="pod-chip shape-deployment tone-pending" aria-hidden="true">
            <span className="chip-label mono">x4k2p</span>
          </span>
          <span>Deployment (suffix)</span>
        </li>
      </ul>
      <ul className="legend-group" aria-label="Pod STATUS">
        {CHIP_STATUSES.map((s) => (
          <li key={s.tone} className="legend-item">
            <span className={`pod-chip legend-chip tone-${s.tone}`} aria-hidden="true">
              <span className="chip-mark">{STATUS_MARKS[s.tone]}</span>
            </span>
            <span>{s.word}</span>
            {'note' in s && <span className="legend-note">{s.note}</span>}
          </li>
        ))}
      </ul>
      <p className="legend-note legend-compact-note">
        Many pods: one chip each, no per-pod edges. Select a chip for its details.
      </p>
    </section>
  );
}

/**
 * Whether the canvas draws compact: the same rule over the same pod counts as snapshotToFlow's, so the
 * legend switches with the drawing.
 */
function useIsCompact(): boolean {
  const count = usePlayground((s) => s.snapshot?.pods.length ?? 0);
  const [isCompact, setCompact] = useState(false);
  const next = isCompactLayout(count, isCompact);
  if (next !== isCompact) setCompact(next);
  return next;
}

export function Legend() {
  const isCompact = useIsCompact();
  if (isCompact) return <CompactLegend />;
  return (
    <section className="legend" aria-label="Legend">
      <ul className="legend-group" aria-label="Pods">
        <li className="legend-item">
          <span className="legend-pod shape-statefulset" aria-hidden="true">
            <span className="ordinal-badge mono">0</span>
            <span className="legend-pod-name mono">mysql-0</span>
          </span>
          <span>StatefulSet</span>
        </li>
        <li className="legend-item">
          <span className="legend-pod shape-deployment" aria-hidden="true">
            <span className="legend-pod-name mono">
              <span className="pod-name-prefix">…-</span>
              <span className="pod-name-suffix">x4k2p</span>
            </span>
          </span>
          <span>Deployment</span>
        </li>
      </ul>
      <ul className="legend-group" aria-label="Pod STATUS">
        {STATUSES.map((s) => (
          <li key={`${s.tone}`} className="legend-item">
            <span className={`status status-${s.tone}`}>{s.word}</span>
            {'note' in s && <span className="legend-note">{s.note}</span>}
          </li>
        ))}
      </ul>
      <ul className="legend-group" aria-label="Edges">
        <li className="legend-item">
          <svg className="legend-line" viewBox="0 0 28 8" aria-hidden="true">
            <path d="M1 4 H27" className="canvas-edge volume-edge state-mounted" />
          </svg>
          <span>mounted</span>
        </li>
        <li className="legend-item">
          <svg className="legend-line" viewBox="0 0 28 8" aria-hidden="true">
            <path d="M1 4 H27" className="canvas-edge volume-edge state-attaching" />
          </svg>
          <span>attaching</span>
        </li>
        <li className="legend-item">
          <svg className="legend-line" viewBox="0 0 28 8" aria-hidden="true">
            <path d="M1 4 H27" className="canvas-edge volume-edge state-blocked" />
          </svg>
          <span>Multi-Attach error</span>
        </li>
        <li className="legend-item">
          <svg className="legend-line" viewBox="0 0 28 8" aria-hidden="true">
            <path d="M1 4 H27" className="canvas-edge service-edge lane-0 is-headless" />
          </svg>
          <span>Service → ready pod</span>
        </li>
      </ul>
    </section>
  );
}
