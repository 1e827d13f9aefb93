import { describe, expect, it } from 'vitest';
import type { ClusterSnapshot } from '../../../src/protocol';
import { buildSnapshot } from '../../../src/sim/snapshot';
import { createCanvasStore } from '../../../src/ui/canvas/canvasStore';
import {
  onInspectorFocusRequest,
  requestInspectorFocus,
  takeInspectorFocusRequest,
  takeInspectorOrigin,
} from '../../../src/ui/inspectFocus';
import { run } from '../canvas/helpers';

/** A stand-in for a canvas card: the channel only reads `isConnected`. */
function card(isConnected = true): HTMLElement {
  return { isConnected } as HTMLElement;
}

describe('the canvas-to-inspector focus channel', () => {
  it('tells listeners of a request, hands it over once, and remembers where focus came from', () => {
    const playground = {};
    const heard: string[] = [];
    const stop = onInspectorFocusRequest(playground, () => heard.push('request'));
    const from = card();
    expect(takeInspectorFocusRequest(playground)).toBe(false);
    requestInspectorFocus(playground, from);
    expect(heard).toEqual(['request']);
    expect(takeInspectorFocusRequest(playground)).toBe(true);
    expect(takeInspectorFocusRequest(playground)).toBe(false);
    expect(takeInspectorOrigin(playground)).toBe(from);
    // Escape hands focus back once; a second Escape has nowhere to go.
    expect(takeInspectorOrigin(playground)).toBeNull();
    stop();
    requestInspectorFocus(playground, from);
    expect(heard).toEqual(['request']);
  });

  it('keeps each playground to itself', () => {
    const a = {};
    const b = {};
    requestInspectorFocus(a, card());
    expect(takeInspectorFocusRequest(b)).toBe(false);
    expect(takeInspectorFocusRequest(a)).toBe(true);
  });

  it('does not hand focus back to a card that left the page (a deleted pod)', () => {
    const playground = {};
    requestInspectorFocus(playground, card(false));
    expect(takeInspectorFocusRequest(playground)).toBe(true);
    expect(takeInspectorOrigin(playground)).toBeNull();
  });
});

describe('a card fading out after its object is gone', () => {
  it('is hidden from assistive technology and can be neither focused nor selected', () => {
    const r = run('compare');
    let t = 0;
    const store = createCanvasStore({ exitMs: 200, now: () => t, schedule: () => undefined });
    const first = buildSnapshot(r.cluster);
    store.getState().update(first);
    const uid = first.pods.find((p) => p.name === 'mysql-0')!.uid;
    const id = `pod:${uid}`;
    const live = store.getState().nodes.find((n) => n.id === id)!;
    expect(live.domAttributes).toBeUndefined();
    const without: ClusterSnapshot = { ...first, pods: first.pods.filter((p) => p.uid !== uid) };
    t = 10;
    store.getState().update(without);
    const ghost = store.getState().nodes.find((n) => n.id === id)!;
    expect(ghost.domAttributes).toEqual({ 'aria-hidden': true });
    expect(ghost.focusable).toBe(false);
    expect(ghost.selectable).toBe(false);
    expect(store.getState().exiting[id]).toBe(true);
  });
});
