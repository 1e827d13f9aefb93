/**
 * Reads `-f` arguments: `-` (standard input), bundled files and their official URLs.
 */
import type { KubectlContext } from './context';
import { bundledFile, bundledFileNames } from './examples';
import { parseManifests } from './manifests';
import type { ManifestDocument } from './manifests';

export type SourceResult = { ok: true; documents: ManifestDocument[] } | { ok: false; error: string };

/** Loads every `-f` source in order. */
export function readSources(ctx: KubectlContext, files: string[]): SourceResult {
  const documents: ManifestDocument[] = [];
  for (const file of files) {
    let text: string | undefined;
    let source = file;
    if (file === '-') {
      text = ctx.io.stdin;
      source = 'STDIN';
    } else {
      text = bundledFile(file);
      if (text === undefined) {
        if (/^https?:\/\//.test(file)) {
          return {
            ok: false,
            error: `unable to read URL "${file}": the playground runs offline; bundled files: ${bundledFileNames().join(', ')} (and their https://k8s.io/examples/application/ URLs), or use -f - with a here-document`,
          };
        }
        return { ok: false, error: `the path "${file}" does not exist` };
      }
    }
    const parsed = parseManifests(text, source);
    if (!parsed.ok) return parsed;
    documents.push(...parsed.documents);
  }
  if (documents.length === 0) return { ok: false, error: 'no objects passed to apply' };
  return { ok: true, documents };
}
