/**
 * The contents of volumes: each volume (a PersistentVolume, an emptyDir of one pod, a container's own
 * filesystem) holds files. Files live exactly as long as their volume and are never copied between
 * volumes by Kubernetes; only the application (exec, a database profile) writes them.
 */

/** Identifies one volume's content. */
export type VolumeId = `pv:${string}` | `emptydir:${string}` | `rootfs:${string}` | `snapshot:${string}`;

export function pvVolumeId(pvName: string): VolumeId {
  return `pv:${pvName}`;
}

export function emptyDirVolumeId(podUid: string, volumeName: string): VolumeId {
  return `emptydir:${podUid}/${volumeName}`;
}

export function rootfsVolumeId(podUid: string, containerName: string): VolumeId {
  return `rootfs:${podUid}/${containerName}`;
}

/** The files a VolumeSnapshotContent holds: the source volume's files at the instant the snapshot was cut. */
export function snapshotVolumeId(contentName: string): VolumeId {
  return `snapshot:${contentName}`;
}

export class VolumeFiles {
  private readonly volumes = new Map<VolumeId, Map<string, string>>();

  /** Makes an empty volume if it does not exist yet. */
  ensure(volume: VolumeId): void {
    if (!this.volumes.has(volume)) this.volumes.set(volume, new Map());
  }

  has(volume: VolumeId): boolean {
    return this.volumes.has(volume);
  }

  /** Removes a volume and everything on it. */
  drop(volume: VolumeId): void {
    this.volumes.delete(volume);
  }

  read(volume: VolumeId, path: string): string | undefined {
    return this.volumes.get(volume)?.get(path);
  }

  write(volume: VolumeId, path: string, content: string): void {
    this.ensure(volume);
    this.volumes.get(volume)!.set(path, content);
  }

  append(volume: VolumeId, path: string, content: string): void {
    this.write(volume, path, (this.read(volume, path) ?? '') + content);
  }

  remove(volume: VolumeId, path: string): boolean {
    return this.volumes.get(volume)?.delete(path) ?? false;
  }

  /** Paths on a volume, sorted. */
  list(volume: VolumeId): string[] {
    return [...(this.volumes.get(volume)?.keys() ?? [])].sort();
  }

  /** Copies a whole volume's files to a new volume (used only for snapshot restore, never between pods). */
  copy(from: VolumeId, to: VolumeId): void {
    this.volumes.set(to, new Map(this.volumes.get(from) ?? []));
  }

  /** Plain JSON of every volume, sorted, for snapshots and determinism checks. */
  dump(): Record<string, Record<string, string>> {
    const out: Record<string, Record<string, string>> = {};
    for (const id of [...this.volumes.keys()].sort()) {
      const files = this.volumes.get(id)!;
      out[id] = Object.fromEntries([...files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    return out;
  }
}
