/** Asks before a command sent in the past forks the run (see forkGuard.ts). */
import { useEffect, useRef, useSyncExternalStore } from 'react';
import { CommandType } from '../../protocol';
import type { SimCommand } from '../../protocol';
import { selectTime } from '../../store/playgroundStore';
import { usePlayground } from '../../store/usePlayground';
import { FORK_MESSAGE } from './forkGuard';
import type { ForkGuard } from './forkGuard';
import { formatSimTime } from './time';

/** How a held command reads in the dialog: the kubectl line itself, or the command's type. */
function describeCommand(command: SimCommand): string {
  return command.type === CommandType.kubectl ? command.line : command.type;
}

export function ForkDialog({ guard }: { guard: ForkGuard }) {
  const held = useSyncExternalStore(guard.subscribe, guard.held, guard.held);
  const time = usePlayground(selectTime);
  const dialog = useRef<HTMLDialogElement>(null);
  const isOpen = held.length > 0;

  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (isOpen && !el.open) el.showModal();
    if (!isOpen && el.open) el.close();
  }, [isOpen]);

  return (
    <dialog
      ref={dialog}
      className="fork-dialog"
      aria-labelledby="fork-dialog-title"
      aria-describedby="fork-dialog-message"
      onCancel={(e) => {
        e.preventDefault();
        guard.cancel();
      }}
    >
      <h2 id="fork-dialog-title">Change the past?</h2>
      <p id="fork-dialog-message">
        {FORK_MESSAGE}
        {time !== undefined && <> (the run continues from {formatSimTime(time)})</>}.
      </p>
      {isOpen && <pre className="mono fork-commands">{held.map((c) => describeCommand(c)).join('\n')}</pre>}
      <div className="dialog-actions">
        <button type="button" onClick={() => guard.cancel()} autoFocus>
          Cancel
        </button>
        <button type="button" className="primary" onClick={() => guard.confirm()}>
          Fork the run
        </button>
      </div>
    </dialog>
  );
}
