/** The files on a pod's volumes: per volumeMount, the mount path, what backs it, and each file's content. */
import type { InspectedPodFiles } from '../../store/playgroundStore';

const SOURCE_WORDS = {
  persistentVolumeClaim: 'PersistentVolumeClaim',
  emptyDir: 'emptyDir',
  configMap: 'ConfigMap',
  other: 'other volume',
} as const;

export function PodFiles({ listing }: { listing: InspectedPodFiles | undefined }) {
  if (!listing) return <p className="dock-empty">Reading the pod's volumes…</p>;
  if (!listing.found)
    return <p className="dock-empty">The pod no longer exists: its emptyDir volumes are gone.</p>;
  if (listing.mounts.length === 0) return <p className="dock-empty">This pod mounts no volumes.</p>;
  return (
    <ul className="dock-mounts">
      {listing.mounts.map((m) => (
        <li key={`${m.container}:${m.mountPath}`} className="dock-mount">
          <p className="dock-mount-title">
            <code>{m.mountPath}</code> in container <code>{m.container}</code>
            {m.readOnly && ' (read-only)'}
          </p>
          <p className="dock-mount-source">
            volume <code>{m.volumeName}</code>: {SOURCE_WORDS[m.source]}
            {m.claimName && (
              <>
                {' '}
                <code>{m.claimName}</code>
              </>
            )}
            {m.persistentVolumeName && (
              <>
                {' '}
                bound to <code>{m.persistentVolumeName}</code>
              </>
            )}
            {m.source === 'emptyDir' && ' (lives and dies with this pod)'}
          </p>
          {m.files.length === 0 ? (
            <p className="dock-empty">No files yet.</p>
          ) : (
            <ul className="dock-files">
              {m.files.map((f) => (
                <li key={f.path}>
                  <p className="dock-file-name">
                    <code>{f.path}</code> <span className="dock-muted">({f.size} bytes)</span>
                  </p>
                  <pre className="dock-file-preview" aria-label={`Contents of ${f.path}`}>
                    {f.preview}
                    {f.preview.length < f.size && '…'}
                  </pre>
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}
