/**
 * The embed's side of the postMessage API (messages.ts): obeys requests from the parent page when its
 * origin is allowed (the embed's own origin unless `allow=` lists more), answers malformed or unknown ones
 * with `playground.error`, and sends the parent `playground.ready`, `playground.state` after every change,
 * `playground.output` and `playground.event`. Messages from other windows or origins are ignored unread.
 */
import { CommandType, EventType } from '../protocol';
import type { SimClient } from '../client/types';
import type { PlaygroundStore } from '../store/playgroundStore';
import {
  createEventTracker,
  EMBED_API_VERSION,
  eventSummary,
  parseEmbedRequest,
  podSummaries,
} from './messages';
import type { EmbedMessage, EmbedRequest } from './messages';
import { isAllowedOrigin } from './params';

/** The window the bridge lives in (the parts it uses). */
export interface BridgeWindow {
  parent: { postMessage(message: unknown, targetOrigin: string): void };
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

export interface BridgeOptions {
  client: SimClient;
  store: PlaygroundStore;
  allow: readonly string[];
  embedId: string | null;
  win: BridgeWindow;
  /** True when the page is framed (a parent to talk to). */
  isFramed: boolean;
}

/** Starts the bridge; returns the function that stops it. */
export function startEmbedBridge({
  client,
  store,
  allow,
  embedId,
  win,
  isFramed,
}: BridgeOptions): () => void {
  // Where messages out go: each allowed origin (the browser drops those the parent does not have).
  const targets = allow.includes('*') ? ['*'] : [...allow];
  const post = (message: EmbedMessage) => {
    if (!isFramed) return;
    for (const origin of targets) win.parent.postMessage(message, origin);
  };
  const requests = new Map<string, string | null>();
  let counter = 0;
  let isReady = false;
  const events = createEventTracker();

  const postState = () => {
    const { run, snapshot, timeline } = store.getState();
    if (!run || !snapshot) return;
    post({
      type: 'playground.state',
      embedId,
      scenario: run.scenario,
      seed: run.seed,
      time: snapshot.time,
      isPlaying: run.isPlaying,
      isPast: timeline?.isPast ?? false,
      pods: podSummaries(snapshot),
    });
  };

  const obey = (request: EmbedRequest) => {
    const requestId = request.id ?? null;
    switch (request.type) {
      case 'playground.command': {
        const id = `embed-${++counter}`;
        requests.set(id, requestId);
        client.send({ type: CommandType.kubectl, line: request.line, id, echo: true });
        return;
      }
      case 'playground.play':
      case 'playground.pause':
      case 'playground.step':
        client.send({
          type:
            request.type === 'playground.play'
              ? CommandType.play
              : request.type === 'playground.pause'
                ? CommandType.pause
                : CommandType.step,
        });
        return;
      case 'playground.seek':
        client.send({ type: CommandType.seek, time: request.time });
        return;
      case 'playground.loadScenario': {
        const state = store.getState();
        if (!state.scenarios.some((s) => s.name === request.scenario)) {
          post({
            type: 'playground.error',
            embedId,
            requestId,
            code: 'badMessage',
            message: `unknown scenario "${request.scenario}"; known scenarios: ${state.scenarios.map((s) => s.name).join(', ')}`,
          });
          return;
        }
        client.send({
          type: CommandType.loadScenario,
          scenario: request.scenario,
          seed: request.seed ?? state.run?.seed ?? 1,
        });
        return;
      }
      case 'playground.getState':
        postState();
        return;
    }
  };

  const onMessage = (event: MessageEvent) => {
    if (!isFramed || event.source !== (win.parent as unknown)) return;
    if (!isAllowedOrigin(allow, event.origin)) return;
    const parsed = parseEmbedRequest(event.data);
    if (!parsed.ok) {
      post({
        type: 'playground.error',
        embedId,
        requestId: parsed.requestId,
        code: parsed.code,
        message: parsed.message,
      });
      return;
    }
    obey(parsed.request);
  };
  win.addEventListener('message', onMessage);

  const unsubscribe = client.subscribe((event) => {
    switch (event.type) {
      case EventType.snapshot: {
        if (!isReady) {
          isReady = true;
          post({
            type: 'playground.ready',
            embedId,
            apiVersion: EMBED_API_VERSION,
            scenarios: store.getState().scenarios.map((s) => s.name),
          });
        }
        // The store applies the event in its own listener; read the event itself to be independent of order.
        for (const e of events.fresh(event.snapshot.events))
          post({ type: 'playground.event', embedId, event: eventSummary(e) });
        queueMicrotask(postState);
        return;
      }
      case EventType.output: {
        const requestId = event.id === null ? null : (requests.get(event.id) ?? null);
        if (event.id !== null) requests.delete(event.id);
        if (event.text || requestId !== null)
          post({ type: 'playground.output', embedId, requestId, text: event.text });
        return;
      }
      case EventType.error:
        post({
          type: 'playground.error',
          embedId,
          requestId: null,
          code: 'simFailure',
          message: event.message,
        });
        return;
    }
  });

  return () => {
    win.removeEventListener('message', onMessage);
    unsubscribe();
  };
}
