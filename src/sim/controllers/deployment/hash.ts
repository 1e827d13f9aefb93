/**
 * Mirrors ComputeHash in pkg/controller/controller_utils.go and SafeEncodeString in
 * k8s.io/apimachinery/pkg/util/rand: the `pod-template-hash` is the 32-bit FNV-1a hash of the pod template
 * (salted with status.collisionCount when set), printed in decimal and mapped digit by digit onto the
 * alphabet `bcdfghjklmnpqrstvwxz2456789`.
 *
 * Simplified: upstream hashes the spew dump of the Go struct (every defaulted field included); here the
 * template is hashed as canonical JSON (object keys sorted, undefined fields dropped), so the same template
 * always gives the same hash here, but not the hash a real cluster would print.
 */
import type { PodTemplateSpec } from '../../api/core';

/** The characters rand.String and SafeEncodeString use (no vowels, no 0, 1, 3). */
export const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

const FNV32_OFFSET = 0x811c9dc5;
const FNV32_PRIME = 0x01000193;

/** JSON with object keys sorted at every level and undefined fields dropped: one text per value. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`;
}

/** The UTF-8 bytes of `text`. */
export function utf8Bytes(text: string): number[] {
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  }
  return out;
}

/** Feeds `bytes` into a running 32-bit FNV-1a hash (start from the offset basis). */
export function fnv32aUpdate(hash: number, bytes: readonly number[]): number {
  let h = hash >>> 0;
  for (const b of bytes) {
    h ^= b & 0xff;
    h = Math.imul(h, FNV32_PRIME) >>> 0;
  }
  return h >>> 0;
}

/** The 32-bit FNV-1a hash of `bytes` (hash/fnv New32a). */
export function fnv32a(bytes: readonly number[]): number {
  return fnv32aUpdate(FNV32_OFFSET, bytes);
}

/** Maps each character of `s` to SAFE_ALPHABET[charCode % 27] (rand.SafeEncodeString). */
export function safeEncodeString(s: string): string {
  let out = '';
  for (const ch of s) out += SAFE_ALPHABET[ch.codePointAt(0)! % SAFE_ALPHABET.length];
  return out;
}

/**
 * The pod-template-hash of `template` (ComputeHash). With a `collisionCount`, its value is hashed in as
 * 8 little-endian bytes after the template, so a bumped count gives a new name.
 */
export function computeHash(template: PodTemplateSpec, collisionCount?: number): string {
  let h = fnv32a(utf8Bytes(canonicalJson(template)));
  if (collisionCount !== undefined) {
    const c = collisionCount >>> 0;
    h = fnv32aUpdate(h, [c & 0xff, (c >>> 8) & 0xff, (c >>> 16) & 0xff, (c >>> 24) & 0xff, 0, 0, 0, 0]);
  }
  return safeEncodeString(String(h));
}
