/**
 * The keyboard path from the canvas to the inspector and back. Enter on a canvas object asks for the
 * inspector: the dock shows it and the inspector takes focus (its heading), so Tab reaches the object's
 * actions next; Escape in the inspector hands focus back to the canvas object it came from.
 *
 * One channel per playground store (a page may hold several playgrounds), kept outside the store because it
 * is about focus, not about the simulation.
 */

/** The pending request of one playground, and who listens for new ones. */
interface Channel {
  /** The canvas element Enter was pressed on, while the inspector has not taken focus yet. */
  pending: HTMLElement | null;
  /** The canvas element the inspector hands focus back to on Escape. */
  origin: HTMLElement | null;
  listeners: Set<() => void>;
}

const channels = new WeakMap<object, Channel>();

function channelOf(owner: object): Channel {
  let channel = channels.get(owner);
  if (!channel) {
    channel = { pending: null, origin: null, listeners: new Set() };
    channels.set(owner, channel);
  }
  return channel;
}

/** Asks the playground `owner` (its store) to show the inspector and move focus into it, from `from`. */
export function requestInspectorFocus(owner: object, from: HTMLElement): void {
  const channel = channelOf(owner);
  channel.pending = from;
  for (const listener of [...channel.listeners]) listener();
}

/** Calls `listener` on every request; returns the function that stops listening. */
export function onInspectorFocusRequest(owner: object, listener: () => void): () => void {
  const channel = channelOf(owner);
  channel.listeners.add(listener);
  return () => channel.listeners.delete(listener);
}

/** True (once) when focus should move into the inspector now; remembers where it came from. */
export function takeInspectorFocusRequest(owner: object): boolean {
  const channel = channelOf(owner);
  if (!channel.pending) return false;
  channel.origin = channel.pending;
  channel.pending = null;
  return true;
}

/**
 * The canvas element focus came from, if it is still on the page (a deleted pod's card is gone); forgets it.
 */
export function takeInspectorOrigin(owner: object): HTMLElement | null {
  const channel = channelOf(owner);
  const origin = channel.origin;
  channel.origin = null;
  return origin?.isConnected ? origin : null;
}
