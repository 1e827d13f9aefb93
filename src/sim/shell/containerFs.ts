/**
 * A container's view of files: its volumeMounts (longest mountPath prefix wins) over its own root
 * filesystem, which is the image's files plus what was written since (an overlay, with OCI `.wh.` whiteouts
 * for deleted image files). Each path is backed by exactly one volume; nothing is ever copied between
 * volumes. The kubelet-managed /etc/hosts, /etc/hostname and /etc/resolv.conf are generated.
 *
 * Paths inside a volume are stored relative to the volume root without a leading slash (`index.html`,
 * `usr/share/nginx/html/index.html` on a root filesystem); an empty directory is a key ending in `/`.
 *
 * Simplified: no permissions, owners, symlinks or file times; configMap volumes are read from the ConfigMap's
 * `data`; secret, projected and hostPath volumes fall back to the root filesystem.
 */
import type { Container, PersistentVolumeClaim, Pod } from '../api/core';
import type { KubeObject } from '../api/meta';
import type { ClusterContext } from '../runtime/controller';
import { emptyDirVolumeId, pvVolumeId, rootfsVolumeId } from '../storage/files';
import type { VolumeId } from '../storage/files';
import type { ImageProfile } from './images';

interface Mount {
  mountPath: string;
  readOnly: boolean;
  /** Where the files live; a ConfigMap is read from the API instead. */
  source: { volume: VolumeId; prefix: string } | { configMap: string };
}

/** Where one absolute path lives. */
export interface Location {
  mount: Mount | undefined;
  /** Path relative to the volume root ('' for the root itself). */
  rel: string;
}

type ConfigMap = KubeObject & { data?: Record<string, string> };

/** Directories every image has, so `ls /` and `cd /tmp` behave. */
const BASE_DIRS = ['bin', 'dev', 'etc', 'home', 'proc', 'root', 'sys', 'tmp', 'usr', 'var'];

export class ContainerFs {
  private readonly mounts: Mount[];
  readonly rootfs: VolumeId;

  constructor(
    private readonly ctx: ClusterContext,
    private readonly pod: Pod,
    container: Container,
    private readonly image: ImageProfile,
    private readonly generated: Record<string, string>,
  ) {
    this.rootfs = rootfsVolumeId(pod.metadata.uid, container.name);
    this.mounts = (container.volumeMounts ?? [])
      .map((m) => this.mountFor(m.name, m.mountPath, !!m.readOnly, m.subPath))
      .filter((m): m is Mount => m !== undefined)
      .sort((a, b) => b.mountPath.length - a.mountPath.length);
  }

  /** The mount (or the root filesystem) backing `path`, and the path inside it. */
  locate(path: string): Location {
    for (const mount of this.mounts) {
      if (path === mount.mountPath) return { mount, rel: '' };
      if (path.startsWith(mount.mountPath + '/'))
        return { mount, rel: path.slice(mount.mountPath.length + 1) };
    }
    return { mount: undefined, rel: path.replace(/^\/+/, '') };
  }

  /** True when `path` is a mount point or inside a read-only mount. */
  isReadOnly(path: string): boolean {
    return !!this.locate(path).mount?.readOnly;
  }

  /** The file's content, or undefined when there is no such file. */
  read(path: string): string | undefined {
    if (this.generated[path] !== undefined && !this.ctx.files.read(this.rootfs, path.slice(1)))
      return this.generated[path];
    const { mount, rel } = this.locate(path);
    if (!mount) {
      const written = this.ctx.files.read(this.rootfs, rel);
      if (written !== undefined) return written;
      return this.whiteout(rel) ? undefined : this.image.files[path];
    }
    if ('configMap' in mount.source) return this.configMap(mount.source.configMap)?.data?.[rel];
    return this.ctx.files.read(mount.source.volume, mount.source.prefix + rel);
  }

  /** Writes (or appends to) a file on the volume backing `path`. */
  write(path: string, content: string, append = false): void {
    const { mount, rel } = this.locate(path);
    if (mount && 'configMap' in mount.source) return;
    const volume = mount && 'volume' in mount.source ? mount.source.volume : this.rootfs;
    const key = mount && 'volume' in mount.source ? mount.source.prefix + rel : rel;
    const before = append ? (this.read(path) ?? '') : '';
    this.ctx.files.write(volume, key, before + content);
    if (!mount) this.ctx.files.remove(this.rootfs, whiteoutKey(rel));
  }

  /** Removes a file or a directory tree. */
  remove(path: string): void {
    const { mount, rel } = this.locate(path);
    if (mount && 'configMap' in mount.source) return;
    const volume = mount && 'volume' in mount.source ? mount.source.volume : this.rootfs;
    const key = mount && 'volume' in mount.source ? mount.source.prefix + rel : rel;
    for (const k of this.ctx.files.list(volume)) {
      if (k === key || k === key + '/' || k.startsWith(key + '/')) this.ctx.files.remove(volume, k);
    }
    if (!mount) {
      for (const imagePath of Object.keys(this.image.files)) {
        if (imagePath === path || imagePath.startsWith(path + '/'))
          this.ctx.files.write(this.rootfs, whiteoutKey(imagePath.slice(1)), '');
      }
    }
  }

  /** Makes an empty directory. */
  mkdir(path: string): void {
    const { mount, rel } = this.locate(path);
    if (!rel || (mount && 'configMap' in mount.source)) return;
    const volume = mount && 'volume' in mount.source ? mount.source.volume : this.rootfs;
    const key = mount && 'volume' in mount.source ? mount.source.prefix + rel : rel;
    this.ctx.files.write(volume, key + '/', '');
  }

  isFile(path: string): boolean {
    return this.read(path) !== undefined;
  }

  isDir(path: string): boolean {
    if (path === '/') return true;
    return this.children(path) !== undefined;
  }

  /** Sorted names directly inside directory `path`, or undefined when it is not a directory. */
  children(path: string): string[] | undefined {
    const dir = path === '/' ? '' : path;
    const names = new Set<string>();
    let exists = path === '/';
    const addUnder = (full: string) => {
      if (full === path) exists = true;
      if (!full.startsWith(dir + '/')) return;
      exists = true;
      const first = full.slice(dir.length + 1).split('/')[0];
      if (first) names.add(first);
    };
    for (const m of this.mounts) {
      if (m.mountPath === path) exists = true;
      addUnder(m.mountPath);
    }
    if (path === '/') BASE_DIRS.forEach((d) => names.add(d));
    if (BASE_DIRS.some((d) => `/${d}` === path)) exists = true;
    // Image and kubelet files under a mount point are hidden by the mounted volume.
    for (const p of Object.keys(this.generated)) if (!this.locate(p).mount) addUnder(p);
    for (const p of Object.keys(this.image.files))
      if (!this.locate(p).mount && !this.whiteout(p.slice(1))) addUnder(p);
    for (const p of this.volumePaths(path)) addUnder(p);
    if (this.isFile(path)) return undefined;
    return exists ? [...names].filter((n) => !n.startsWith('.wh.')).sort() : undefined;
  }

  /** Absolute paths of what the volume backing `dir` holds under it (directory markers as the dir path). */
  private volumePaths(dir: string): string[] {
    const { mount, rel } = this.locate(dir);
    const base = mount ? mount.mountPath : '';
    if (mount && 'configMap' in mount.source)
      return Object.keys(this.configMap(mount.source.configMap)?.data ?? {}).map((k) => `${base}/${k}`);
    const volume = mount && 'volume' in mount.source ? mount.source.volume : this.rootfs;
    const prefix = mount && 'volume' in mount.source ? mount.source.prefix : '';
    const out: string[] = [];
    for (const key of this.ctx.files.list(volume)) {
      if (!key.startsWith(prefix)) continue;
      const inner = key.slice(prefix.length).replace(/\/$/, '');
      if (!inner) continue;
      if (rel && !(inner === rel || inner.startsWith(rel + '/'))) continue;
      out.push(`${base}/${inner}`);
    }
    return out;
  }

  private whiteout(rel: string): boolean {
    return this.ctx.files.read(this.rootfs, whiteoutKey(rel)) !== undefined;
  }

  private configMap(name: string): ConfigMap | undefined {
    return this.ctx.api.get<ConfigMap>('ConfigMap', this.pod.metadata.namespace, name);
  }

  private mountFor(
    name: string,
    mountPath: string,
    readOnly: boolean,
    subPath: string | undefined,
  ): Mount | undefined {
    const volume = (this.pod.spec.volumes ?? []).find((v) => v.name === name);
    const path = mountPath.replace(/\/+$/, '') || '/';
    const prefix = subPath ? subPath.replace(/\/+$/, '') + '/' : '';
    if (volume?.persistentVolumeClaim) {
      const pvc = this.ctx.api.get<PersistentVolumeClaim>(
        'PersistentVolumeClaim',
        this.pod.metadata.namespace,
        volume.persistentVolumeClaim.claimName,
      );
      if (!pvc?.spec.volumeName) return undefined;
      return {
        mountPath: path,
        readOnly: readOnly || !!volume.persistentVolumeClaim.readOnly,
        source: { volume: pvVolumeId(pvc.spec.volumeName), prefix },
      };
    }
    if (volume?.emptyDir)
      return {
        mountPath: path,
        readOnly,
        source: { volume: emptyDirVolumeId(this.pod.metadata.uid, name), prefix },
      };
    if (volume?.configMap)
      return { mountPath: path, readOnly: true, source: { configMap: volume.configMap.name } };
    return undefined;
  }
}

function whiteoutKey(rel: string): string {
  const slash = rel.lastIndexOf('/');
  return slash < 0 ? `.wh.${rel}` : `${rel.slice(0, slash)}/.wh.${rel.slice(slash + 1)}`;
}

/** Joins `path` onto `cwd` and normalises `.` and `..`. */
export function resolvePath(cwd: string, path: string): string {
  const parts = (path.startsWith('/') ? path : `${cwd}/${path}`).split('/');
  const out: string[] = [];
  for (const part of parts) {
    if (!part || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return '/' + out.join('/');
}
