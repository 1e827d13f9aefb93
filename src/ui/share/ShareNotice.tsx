/**
 * What the page says at start about links and saved sessions: a link that could not be opened (and the
 * clean start instead), a shared run opened, or a session restored from this browser with "Start afresh".
 */
import { useState } from 'react';
import { CommandType } from '../../protocol';
import type { ShareNotice as Notice } from '../../share/boot';
import { clearSession, browserStorage } from '../../share/savedSession';
import { usePlayground, useSimClient } from '../../store/usePlayground';

let bootNotices: readonly Notice[] = [];

/** Set once by the page entry, before the first render. */
export function setBootNotices(notices: readonly Notice[]): void {
  bootNotices = notices;
}

export function ShareNotice() {
  const client = useSimClient();
  const run = usePlayground((s) => s.run);
  const [notices, setNotices] = useState(bootNotices);
  if (notices.length === 0) return null;
  const hasProblem = notices.some((n) => n.kind === 'problem');
  const restored = notices.some((n) => n.kind === 'restored');
  return (
    <div
      className={hasProblem ? 'share-notice is-problem' : 'share-notice'}
      role={hasProblem ? 'alert' : 'status'}
      aria-label="Link notice"
    >
      <ul>
        {notices.map((n) => (
          <li key={n.message}>{n.message}</li>
        ))}
      </ul>
      <div className="share-notice-actions">
        {restored && run && (
          <button
            type="button"
            onClick={() => {
              clearSession(browserStorage());
              client.send({ type: CommandType.loadScenario, scenario: run.scenario, seed: run.seed });
              setNotices([]);
            }}
          >
            Start afresh
          </button>
        )}
        <button type="button" onClick={() => setNotices([])}>
          Dismiss
        </button>
      </div>
    </div>
  );
}
