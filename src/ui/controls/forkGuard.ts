/**
 * Acting in the past forks the run, and the later changes are discarded; the guard makes sure the person
 * meant it. It wraps the client: a command that would fork (see `forksThePast`), sent while the past is
 * viewed, is held until the person confirms (then sent) or cancels (then dropped). Everything else
 * passes straight through.
 */
import { forksThePast } from '../../protocol';
import type { SimCommand } from '../../protocol';
import type { SimClient } from '../../client/types';

/** What the confirmation says. */
export const FORK_MESSAGE = 'This forks the run: later changes will be discarded';

export interface ForkGuard {
  /** The client to hand to the UI: sends through the guard. */
  readonly client: SimClient;
  /** The commands waiting for the person's answer, oldest first (empty when none). */
  held(): readonly SimCommand[];
  /** Calls `listener` whenever the held commands change. */
  subscribe(listener: () => void): () => void;
  /** Sends the held commands (the worker forks the run) and clears them. */
  confirm(): void;
  /** Drops the held commands. */
  cancel(): void;
}

/** Guards `client`; `isPast()` says whether the past is being viewed right now. */
export function createForkGuard(client: SimClient, isPast: () => boolean): ForkGuard {
  let held: readonly SimCommand[] = [];
  const listeners = new Set<() => void>();
  const setHeld = (next: readonly SimCommand[]) => {
    held = next;
    for (const listener of [...listeners]) listener();
  };
  return {
    client: {
      send(command) {
        // Once one command is held, later forking ones queue behind it so their order is kept.
        if (forksThePast(command) && (held.length > 0 || isPast())) setHeld([...held, command]);
        else client.send(command);
      },
      subscribe: (listener) => client.subscribe(listener),
      close: () => client.close(),
    },
    held: () => held,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    confirm() {
      const commands = held;
      setHeld([]);
      for (const command of commands) client.send(command);
    },
    cancel() {
      setHeld([]);
    },
  };
}
