/** One workload's side of the comparison: what just happened, its replica slots, and its timeline. */
import { memo, useId, useMemo, useState } from 'react';
import type { WorkloadHistory } from '../../history';
import { slotViews, timeline } from './describe';
import type { SlotView } from './describe';
import { whatJustHappened } from './narrate';
import { formatSimTime } from '../../format';

function PodName({ name, kind }: { name: string; kind: WorkloadHistory['kind'] }) {
  if (kind === 'StatefulSet') return <span className="mono cmp-pod-name">{name}</span>;
  const cut = name.lastIndexOf('-') + 1;
  return (
    <span className="mono cmp-pod-name">
      {name.slice(0, cut)}
      <strong className="cmp-suffix">{name.slice(cut)}</strong>
    </span>
  );
}

/** What the DNS row says of a pod without a name of its own: its Service's VIP, when it has one. */
function sharedDnsWords(w: WorkloadHistory): string {
  if (w.service) return `none of its own (Service ${w.service.name}: VIP ${w.service.clusterIP ?? 'none'})`;
  return 'none';
}

interface SlotProps {
  kind: WorkloadHistory['kind'];
  /** The workload's name. */
  name: string;
  slot: SlotView;
  /** The DNS row for a pod with no DNS name of its own. */
  sharedDns: string;
}

/** One slot; re-renders only when its view (a new object when the slot changed) or its workload's words did. */
const Slot = memo(function Slot({ kind, name, slot, sharedDns }: SlotProps) {
  const pod = slot.pod;
  const badge = slot.label.startsWith(`${name}-`) ? slot.label.slice(name.length + 1) : null;
  return (
    <li
      className={`cmp-slot${pod ? '' : ' cmp-slot-empty'}`}
      aria-label={`Slot ${slot.label.replace(/^slot /, '')}`}
    >
      <div className="cmp-slot-head">
        {badge !== null && (
          <span className="cmp-ordinal" aria-hidden="true">
            {badge}
          </span>
        )}
        {pod ? <PodName name={pod.name} kind={kind} /> : <span className="muted">{slot.label}: no pod</span>}
        {pod && <span className="cmp-status">{pod.status}</span>}
      </div>
      {pod && (
        <dl className="cmp-facts">
          <dt>Node</dt>
          <dd className="mono">
            {pod.nodeName ?? 'unscheduled'}
            {pod.zone ? ` (${pod.zone})` : ''}
          </dd>
          <dt>IP</dt>
          <dd className="mono">{pod.ip ?? 'none yet'}</dd>
          <dt>DNS</dt>
          <dd className="mono">{pod.dnsName ?? sharedDns}</dd>
          <dt>Volume</dt>
          <dd className="mono">{slot.volume}</dd>
          <dt>Data</dt>
          <dd>{slot.data}</dd>
        </dl>
      )}
      <p className={`cmp-history${slot.outcome ? ` cmp-${slot.outcome}` : ''}`}>
        {slot.outcome && (
          <span className="cmp-outcome">{slot.outcome === 'kept' ? 'Data kept' : 'Data lost'}</span>
        )}
        {slot.history}
      </p>
    </li>
  );
});

/** The timeline of creations and deletions; worked out again only when the slots changed. */
const Timeline = memo(
  function Timeline({ w }: { w: WorkloadHistory }) {
    const moments = timeline(w);
    return (
      <ol className="cmp-timeline" aria-label={`Timeline of ${w.kind} ${w.name}`}>
        {moments.map((m) => (
          <li key={m.time} className="cmp-moment">
            <ul className="cmp-moment-entries">
              {m.entries.map((e) => (
                <li
                  key={e.key}
                  className={`cmp-chip cmp-chip-${e.change}`}
                  aria-label={`${e.change} ${e.label}`}
                  title={`${e.change} ${e.label}`}
                >
                  <span aria-hidden="true">{e.change === 'created' ? '+' : '−'}</span>
                  {e.label}
                </li>
              ))}
              {m.more > 0 && <li className="cmp-chip cmp-chip-more">and {m.more} more</li>}
            </ul>
            <span className="cmp-moment-time mono">{formatSimTime(m.time).slice(3)}</span>
          </li>
        ))}
      </ol>
    );
  },
  (a, b) => a.w.slots === b.w.slots && a.w.kind === b.w.kind && a.w.name === b.w.name,
);

/**
 * How many slots a column lists until asked for all: a workload of hundreds of replicas would otherwise
 * fill the panel with cards nobody reads (the scorecard and timeline still count every slot).
 */
export const SLOTS_SHOWN = 12;

/** The column of one workload; re-renders only when its history changed. */
export const WorkloadColumn = memo(function WorkloadColumn({ w }: { w: WorkloadHistory }) {
  const headingId = `cmp-${w.kind}-${w.name}`;
  const [showsAll, setShowsAll] = useState(false);
  const total = w.slots.length;
  const isLong = total > SLOTS_SHOWN;
  const shown = useMemo(
    () => slotViews(w, isLong && !showsAll ? SLOTS_SHOWN : undefined),
    [w, isLong, showsAll],
  );
  const sharedDns = sharedDnsWords(w);
  const story = useMemo(() => whatJustHappened(w), [w]);
  const listId = useId();
  return (
    <section
      className={`cmp-column cmp-${w.kind === 'StatefulSet' ? 'sts' : 'deploy'}`}
      aria-labelledby={headingId}
    >
      <h3 id={headingId} className="cmp-column-title">
        {w.kind} <span className="mono">{w.name}</span>
        <span className="cmp-ready muted">
          {' '}
          {w.readyReplicas}/{w.replicas} ready
        </span>
      </h3>
      <section className="cmp-what" aria-label={`What just happened to ${w.kind} ${w.name}`}>
        <h4>What just happened</h4>
        {story.map((s, i) => (
          <p key={i}>{s}</p>
        ))}
      </section>
      {/* One box for the list and its "Show all", so the column keeps the four rows the panel aligns. */}
      <div className="cmp-slots-box">
        <ul id={listId} className="cmp-slots" aria-label={`Slots of ${w.kind} ${w.name}`}>
          {shown.map((slot) => (
            <Slot key={slot.key} kind={w.kind} name={w.name} slot={slot} sharedDns={sharedDns} />
          ))}
        </ul>
        {isLong && (
          <p className="cmp-more-slots">
            <span className="muted">
              {showsAll ? `All ${total} slots` : `The first ${SLOTS_SHOWN} of ${total} slots`}
            </span>{' '}
            <button type="button" aria-controls={listId} onClick={() => setShowsAll((all) => !all)}>
              {showsAll ? `Show the first ${SLOTS_SHOWN}` : `Show all ${total}`}
            </button>
          </p>
        )}
      </div>
      <div className="cmp-timeline-box">
        <h4>Created (+) and deleted (−)</h4>
        <Timeline w={w} />
      </div>
    </section>
  );
});
