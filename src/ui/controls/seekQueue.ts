/**
 * Dragging the Timeline asks for many seeks, and each one replays the run in the worker. At most one is
 * in flight: while it runs, later requests replace each other, and only the newest is sent once the
 * worker has answered. The worker's answers never queue behind stale seeks.
 */
export interface SeekQueue {
  /** Asks for a seek to `time`: sent now when none is in flight, else kept (replacing an older one). */
  request(time: number): void;
  /** The worker answered the seek in flight: sends the kept one, if any. */
  answered(): void;
  /** A seek is in flight. */
  readonly isBusy: boolean;
}

export function createSeekQueue(send: (time: number) => void): SeekQueue {
  let isBusy = false;
  let kept: number | undefined;
  return {
    request(time) {
      if (isBusy) {
        kept = time;
        return;
      }
      isBusy = true;
      send(time);
    },
    answered() {
      if (kept === undefined) {
        isBusy = false;
        return;
      }
      const time = kept;
      kept = undefined;
      send(time);
    },
    get isBusy() {
      return isBusy;
    },
  };
}
