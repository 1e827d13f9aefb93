// Mirrors pkg/kubelet/images/image_manager.go (pull policy, events) and the image reference normalisation
// containerd applies (github.com/distribution/reference ParseNormalizedNamed).
// Simplified: no registry, no credentials; an image "exists" unless its name marks it as unpullable, and
// digests and sizes are derived from the reference so they are stable across runs.

/** The parts of an image reference, normalised as containerd reports it. */
export interface ImageReference {
  /** `docker.io`, `registry.k8s.io`, ... */
  domain: string;
  /** `library/nginx`, `nginx-slim`, ... */
  path: string;
  tag: string | undefined;
  digest: string | undefined;
}

/** Parses an image reference the way the container runtime normalises it. */
export function parseImageReference(image: string): ImageReference {
  let rest = image;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const slash = rest.indexOf('/');
  const first = slash >= 0 ? rest.slice(0, slash) : '';
  const hasDomain = slash >= 0 && (first.includes('.') || first.includes(':') || first === 'localhost');
  const domain = hasDomain ? first : 'docker.io';
  let path = hasDomain ? rest.slice(slash + 1) : rest;
  if (domain === 'docker.io' && !path.includes('/')) path = `library/${path}`;
  return { domain, path, tag, digest };
}

/**
 * The image as the runtime reports it in `containerStatuses[].image`: `nginx` -> `docker.io/library/nginx:latest`,
 * `registry.k8s.io/nginx-slim:0.24` unchanged.
 */
export function containerImageRef(image: string): string {
  const ref = parseImageReference(image);
  const name = `${ref.domain}/${ref.path}`;
  if (ref.digest) return ref.tag ? `${name}:${ref.tag}@${ref.digest}` : `${name}@${ref.digest}`;
  return `${name}:${ref.tag ?? 'latest'}`;
}

/** The pull policy the API server defaults: Always for `:latest` or no tag, else IfNotPresent. */
export function defaultPullPolicy(image: string): 'Always' | 'IfNotPresent' {
  const ref = parseImageReference(image);
  if (ref.digest) return 'IfNotPresent';
  return ref.tag === undefined || ref.tag === 'latest' ? 'Always' : 'IfNotPresent';
}

/** True for references the simulated registry does not have (names containing `doesnotexist` or tagged `:broken`). */
export function isUnpullableImage(image: string): boolean {
  return image.includes('doesnotexist') || image.includes(':broken');
}

/** The error containerd returns for an unknown tag, as the kubelet passes it on. */
export function pullErrorMessage(image: string): string {
  const ref = containerImageRef(image);
  return (
    `rpc error: code = NotFound desc = failed to pull and unpack image "${ref}": ` +
    `failed to resolve reference "${ref}": ${ref}: not found`
  );
}

/** FNV-1a over `text` with a seed, as an unsigned 32-bit number. */
function fnv32(text: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** 64 hex digits derived from `text` (stable, not cryptographic). */
export function stableHex64(text: string): string {
  let out = '';
  for (let i = 0; i < 8; i++) out += fnv32(text, i * 0x9e3779b1).toString(16).padStart(8, '0');
  return out;
}

/** `docker.io/library/nginx@sha256:<hex>`: the image ID the runtime reports, the same for the same reference. */
export function imageIdFor(image: string): string {
  const ref = parseImageReference(image);
  if (ref.digest) return `${ref.domain}/${ref.path}@${ref.digest}`;
  return `${ref.domain}/${ref.path}@sha256:${stableHex64(containerImageRef(image))}`;
}

const KNOWN_SIZES: Record<string, number> = {
  'docker.io/library/busybox': 2_222_260,
  'docker.io/library/nginx': 72_223_946,
  'registry.k8s.io/nginx-slim': 7_993_386,
  'docker.io/library/alpine': 3_653_068,
};

/** Image size in bytes for the Pulled event. */
export function imageSizeFor(image: string): number {
  const ref = parseImageReference(image);
  const known = KNOWN_SIZES[`${ref.domain}/${ref.path}`];
  const h = fnv32(containerImageRef(image), 7);
  return known ?? 20_000_000 + (h % 80_000_000);
}

/** Go's time.Duration String for whole milliseconds: `830ms`, `2.5s`, `1m5.2s`. */
export function goDuration(ms: number): string {
  const whole = Math.max(0, Math.round(ms));
  if (whole === 0) return '0s';
  if (whole < 1000) return `${whole}ms`;
  const minutes = Math.floor(whole / 60_000);
  const secMs = whole - minutes * 60_000;
  const secs = `${Math.floor(secMs / 1000)}${secMs % 1000 ? '.' + String(secMs % 1000).padStart(3, '0').replace(/0+$/, '') : ''}s`;
  return minutes ? `${minutes}m${secs}` : secs;
}
