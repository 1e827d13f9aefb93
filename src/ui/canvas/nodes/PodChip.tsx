/**
 * A Pod as a small chip, drawn instead of the card when hundreds of pods are on the canvas: the ordinal
 * (StatefulSet) or random suffix (Deployment), a status mark, the status colour, and the workload's
 * outline (solid or dashed). No motion: a chip appears, changes and leaves at once. Its accessible name
 * stays "Pod <name>" (on the React Flow node); the status words are in its description and tooltip.
 */
import { memo } from 'react';
import type { PodView } from '../model';
import { STATUS_MARKS, chipLabel, podDescription, statusText } from '../views';
import { Handles, descriptionId } from './Hidden';
import './podChip.css';

function PodChipComponent({
  id,
  view,
  isHighlighted,
}: {
  id: string;
  view: PodView;
  isHighlighted: boolean;
}) {
  const status = statusText(view);
  const hasWarning = view.warningCount > 0;
  return (
    <div
      className={`pod-chip shape-${view.shape} tone-${view.tone}${hasWarning ? ' has-warning' : ''}${isHighlighted ? ' is-highlighted' : ''}`}
      title={`${view.name}: ${status}${hasWarning ? ` (${view.lastWarning})` : ''}`}
    >
      <Handles />
      <span className="chip-mark" aria-hidden="true">
        {STATUS_MARKS[view.tone]}
      </span>
      <span className="chip-label mono">{chipLabel(view)}</span>
      <span id={descriptionId(id)} className="visually-hidden">
        {podDescription(view)}
      </span>
    </div>
  );
}

export const PodChip = memo(PodChipComponent);
