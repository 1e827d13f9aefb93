/**
 * A Pod as a small chip, drawn instead of the card when hundreds of pods are on the canvas: the ordinal
 * (StatefulSet) or random suffix (Deployment), a status mark, the status colour, and the workload's
 * outline (solid or dashed). No motion: a chip appears, changes and leaves at once. Its accessible name
 * stays "Pod <name>" (on the React Flow node); the status words are in its description (an element
 * the node's aria-describedby names, inside the chip but not rendered: `hidden` elements draw nothing and
 * still count as descriptions) and tooltip.
 *
 * Deliberately lean, because hundreds are drawn: no connection handles (compact pods have no edges), no
 * clipping and no visually hidden text, so a chip adds no layer of its own for the compositor to sort.
 */
import { memo } from 'react';
import type { PodView } from '../model';
import { descriptionId } from '../describe';
import { STATUS_MARKS, chipLabel, podDescription, statusText } from '../views';
import './podChip.css';

function PodChipComponent({ id, view, isHighlighted }: { id: string; view: PodView; isHighlighted: boolean }) {
  const status = statusText(view);
  const hasWarning = view.warningCount > 0;
  return (
    <div
      className={`pod-chip shape-${view.shape} tone-${view.tone}${hasWarning ? ' has-warning' : ''}${isHighlighted ? ' is-highlighted' : ''}`}
      title={`${view.name}: ${status}${hasWarning ? ` (${view.lastWarning})` : ''}`}
    >
      <span className="chip-mark" aria-hidden="true">
        {STATUS_MARKS[view.tone]}
      </span>
      <span className="chip-label mono">{chipLabel(view)}</span>
      <span id={descriptionId(id)} hidden>
        {podDescription(view)}
      </span>
    </div>
  );
}

export const PodChip = memo(PodChipComponent);
