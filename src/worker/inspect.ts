/**
 * What the inspector asks the worker about one object: the text `kubectl describe` and `kubectl get -o yaml`
 * print for it, and the files on a pod's mounted volumes. Read-only queries over the cluster, answered with
 * kubectl's own printers so the inspector shows exactly what the console would.
 */
import type { PersistentVolumeClaim, Pod } from '../sim/api/core';
import { resourceForKind } from '../sim/api/kinds';
import type { KubeObject } from '../sim/api/meta';
import { notFound } from '../sim/apiserver/errors';
import type { Cluster } from '../sim/cluster';
import { formatError } from '../sim/kubectl/context';
import { toYaml } from '../sim/kubectl/output';
import { describeObject } from '../sim/kubectl/printers';
import { emptyDirVolumeId, pvVolumeId } from '../sim/storage/files';
import type { VolumeId } from '../sim/storage/files';
import type { PodVolumeMountFiles, VolumeFileInfo } from '../protocol';

/** The most characters of a file the inspector previews. */
export const FILE_PREVIEW_CHARS = 2_000;
/** The most files listed per volume. */
export const FILES_PER_VOLUME = 100;

const utf8 = new TextEncoder();

function fileInfo(path: string, content: string): VolumeFileInfo {
  return { path, size: utf8.encode(content).length, preview: content.slice(0, FILE_PREVIEW_CHARS) };
}

/** A query's answer: the text, and whether the object exists (else the text is kubectl's NotFound error). */
export interface InspectText {
  found: boolean;
  text: string;
}

function lookup(cluster: Cluster, kind: string, namespace: string | null, name: string) {
  const info = resourceForKind(kind);
  const ns = info && !info.namespaced ? undefined : (namespace ?? 'default');
  return cluster.api.get(kind, ns, name);
}

function missing(kind: string, name: string): InspectText {
  return { found: false, text: formatError(notFound(kind, name)) + '\n' };
}

/** What `kubectl describe KIND NAME` prints for the object at the cluster's current time. */
export function describeText(
  cluster: Cluster,
  kind: string,
  namespace: string | null,
  name: string,
): InspectText {
  const obj = lookup(cluster, kind, namespace, name);
  if (!obj) return missing(kind, name);
  const text = describeObject(obj, {
    api: cluster.api,
    now: cluster.now(),
    wide: false,
    withKind: false,
    withNamespace: false,
    noHeaders: false,
    showLabels: false,
    labelColumns: [],
  });
  return { found: true, text };
}

/** What `kubectl get KIND NAME -o yaml` prints for the object. */
export function yamlText(
  cluster: Cluster,
  kind: string,
  namespace: string | null,
  name: string,
): InspectText {
  const obj = lookup(cluster, kind, namespace, name);
  if (!obj) return missing(kind, name);
  return { found: true, text: toYaml(obj) };
}

function filesOn(
  cluster: Cluster,
  volume: VolumeId | null,
  mountPath: string,
  prefix: string,
): VolumeFileInfo[] {
  if (!volume) return [];
  const files = cluster.ctx.files;
  return files
    .list(volume)
    .filter((key) => key.startsWith(prefix) && !key.endsWith('/') && key.length > prefix.length)
    .slice(0, FILES_PER_VOLUME)
    .map((key) =>
      fileInfo(`${mountPath.replace(/\/+$/, '')}/${key.slice(prefix.length)}`, files.read(volume, key) ?? ''),
    );
}

/**
 * The files behind each volumeMount of each container of the pod, in spec order: a PVC's bound
 * PersistentVolume, an emptyDir of this pod, or a ConfigMap's keys. Null when the pod does not exist.
 */
export function podVolumeFiles(
  cluster: Cluster,
  namespace: string,
  name: string,
): PodVolumeMountFiles[] | null {
  const pod = cluster.api.get<Pod>('Pod', namespace, name);
  if (!pod) return null;
  const mounts: PodVolumeMountFiles[] = [];
  for (const container of pod.spec.containers) {
    for (const mount of container.volumeMounts ?? []) {
      const volume = (pod.spec.volumes ?? []).find((v) => v.name === mount.name);
      const prefix = mount.subPath ? mount.subPath.replace(/\/+$/, '') + '/' : '';
      const base = {
        container: container.name,
        mountPath: mount.mountPath,
        readOnly: Boolean(mount.readOnly),
        volumeName: mount.name,
      };
      if (volume?.persistentVolumeClaim) {
        const claimName = volume.persistentVolumeClaim.claimName;
        const pvc = cluster.api.get<PersistentVolumeClaim>('PersistentVolumeClaim', namespace, claimName);
        const pvName = pvc?.spec.volumeName || null;
        mounts.push({
          ...base,
          source: 'persistentVolumeClaim',
          claimName,
          persistentVolumeName: pvName,
          files: filesOn(cluster, pvName ? pvVolumeId(pvName) : null, mount.mountPath, prefix),
        });
      } else if (volume?.emptyDir) {
        mounts.push({
          ...base,
          source: 'emptyDir',
          claimName: null,
          persistentVolumeName: null,
          files: filesOn(cluster, emptyDirVolumeId(pod.metadata.uid, mount.name), mount.mountPath, prefix),
        });
      } else if (volume?.configMap) {
        const cm = cluster.api.get<KubeObject & { data?: Record<string, string> }>(
          'ConfigMap',
          namespace,
          volume.configMap.name,
        );
        const files = Object.keys(cm?.data ?? {})
          .sort()
          .map((key) => fileInfo(`${mount.mountPath}/${key}`, cm?.data?.[key] ?? ''));
        mounts.push({
          ...base,
          source: 'configMap',
          claimName: volume.configMap.name,
          persistentVolumeName: null,
          files,
        });
      } else {
        mounts.push({ ...base, source: 'other', claimName: null, persistentVolumeName: null, files: [] });
      }
    }
  }
  return mounts;
}
