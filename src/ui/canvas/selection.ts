/**
 * The canvas and the inspector share one selection: the playground store's ObjectRef. These map a canvas
 * node's view to the object it draws, and back.
 */
import type { ObjectRef } from '../../store/playgroundStore';
import type { CanvasView } from './model';

/** The API object (or zone) a canvas view draws; null for bands and the tray. */
export function refOfView(view: CanvasView): ObjectRef | null {
  switch (view.kind) {
    case 'pod':
      return { kind: 'Pod', namespace: view.namespace, name: view.name };
    case 'node':
      return { kind: 'Node', namespace: null, name: view.name };
    case 'zone':
      return view.name === null ? null : { kind: 'Zone', namespace: null, name: view.name };
    case 'pvc':
      return { kind: 'PersistentVolumeClaim', namespace: view.namespace, name: view.name };
    case 'pv':
      return { kind: 'PersistentVolume', namespace: null, name: view.name };
    case 'service':
      return { kind: 'Service', namespace: view.namespace, name: view.name };
    case 'storage':
    case 'tray':
      return null;
  }
}

/** The id of the canvas node that draws `ref` (the live one, not one fading out), or null. */
export function idOfRef(
  views: Readonly<Record<string, CanvasView>>,
  exiting: Readonly<Record<string, true>>,
  ref: ObjectRef | null,
): string | null {
  if (!ref) return null;
  for (const [id, view] of Object.entries(views)) {
    if (exiting[id]) continue;
    const drawn = refOfView(view);
    if (drawn && drawn.kind === ref.kind && drawn.name === ref.name && drawn.namespace === ref.namespace)
      return id;
  }
  return null;
}
