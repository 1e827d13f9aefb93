/** The events table: `kubectl get events` columns over the snapshot's Events, newest first by default. */
import { useId, useState } from 'react';
import type { ReactNode } from 'react';
import type { ObjectRef } from '../../store/playgroundStore';
import { usePlayground } from '../../store/usePlayground';
import { eventRows, spansNamespaces } from './events';
import type { EventOrder } from './events';

const NO_EVENTS: never[] = [];

export interface EventsTableProps {
  /** Show only events of these objects; null for all. */
  subjects: ObjectRef[] | null;
  /** The table's accessible name. */
  label: string;
  /** Offer the text filter and order controls (the dock's Events tab); the inspector shows the bare table. */
  hasControls?: boolean;
  /** Extra controls shown beside the filter (the "only this object" switch). */
  children?: ReactNode;
}

export function EventsTable({ subjects, label, hasControls = false, children }: EventsTableProps) {
  const events = usePlayground((s) => s.snapshot?.events ?? NO_EVENTS);
  const now = usePlayground((s) => s.snapshot?.time ?? 0);
  const [text, setText] = useState('');
  const [order, setOrder] = useState<EventOrder>('newestFirst');
  const filterId = useId();
  const rows = eventRows(events, now, { text, objects: subjects }, order);
  const withNamespace = spansNamespaces(rows);
  return (
    <div className="dock-events">
      {hasControls && (
        <div className="dock-toolbar">
          <label htmlFor={filterId}>Filter</label>
          <input
            id={filterId}
            type="search"
            aria-label="Filter events"
            placeholder="reason, object or message"
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          {children}
          <label>
            Order{' '}
            <select value={order} onChange={(e) => setOrder(e.target.value as EventOrder)}>
              <option value="newestFirst">Newest first</option>
              <option value="oldestFirst">Oldest first</option>
            </select>
          </label>
        </div>
      )}
      <div className="dock-table-scroll" tabIndex={0} role="region" aria-label={`${label}, scrollable`}>
        <table className="dock-events-table" aria-label={label}>
          <thead>
            <tr>
              {withNamespace && <th scope="col">NAMESPACE</th>}
              <th scope="col">LAST SEEN</th>
              <th scope="col">TYPE</th>
              <th scope="col">REASON</th>
              <th scope="col">OBJECT</th>
              <th scope="col">MESSAGE</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key} className={row.isWarning ? 'is-warning' : undefined}>
                {withNamespace && <td>{row.namespace}</td>}
                <td>{row.lastSeen}</td>
                <td className="dock-event-type">{row.type}</td>
                <td>{row.reason}</td>
                <td>{row.object}</td>
                <td className="dock-event-message">{row.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length === 0 && (
          <p className="dock-empty">{events.length === 0 ? 'No events yet.' : 'No events match.'}</p>
        )}
      </div>
    </div>
  );
}
