/**
 * The dock's YAML tab. The editor (CodeMirror, the `yaml` package, templates) is a separate chunk, fetched
 * the first time the tab opens and kept mounted afterwards so the text survives switching tabs.
 */
import { Suspense, lazy, useState } from 'react';

const YamlEditorPanel = lazy(() => import('./YamlEditorPanel'));

export function EditorTab({ isActive }: { isActive: boolean }) {
  const [hasOpened, setHasOpened] = useState(isActive);
  if (isActive && !hasOpened) setHasOpened(true);
  if (!hasOpened) return null;
  return (
    <Suspense fallback={<p className="dock-empty">Loading the YAML editor…</p>}>
      <YamlEditorPanel />
    </Suspense>
  );
}
