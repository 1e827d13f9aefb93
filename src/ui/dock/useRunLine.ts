/** Sends a terminal line the way the console does: echoed after its prompt, answered in the console. */
import { useCallback } from 'react';
import { CommandType } from '../../protocol';
import { useSimClient } from '../../store/usePlayground';

let counter = 0;

/** A function that runs one line (or several, separated by newlines) in the session's terminal. */
export function useRunLine(): (line: string) => void {
  const client = useSimClient();
  return useCallback(
    (line: string) => client.send({ type: CommandType.kubectl, line, id: `dock-${++counter}`, echo: true }),
    [client],
  );
}
