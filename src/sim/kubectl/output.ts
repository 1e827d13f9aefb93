/**
 * `-o yaml`, `-o json` and `-o name`: kubectl's printers for whole objects. Keys come out sorted, as
 * kubectl prints unstructured objects; YAML lists are not indented under their key (go-yaml style).
 */
import { stringify } from 'yaml';
import type { KubeObject } from '../api/meta';
import type { KubectlContext } from './context';
import { fail } from './context';
import { JsonPathError, renderJsonPath } from './jsonpath';
import { objectRef } from './names';

/** The YAML kubectl prints for one object. */
export function toYaml(value: unknown): string {
  return stringify(sortKeys(value), { indentSeq: false, sortMapEntries: true, schema: 'yaml-1.1', lineWidth: 0 });
}

/** The JSON kubectl prints for one object (4-space indent, sorted keys). */
export function toJson(value: unknown): string {
  return JSON.stringify(sortKeys(value), null, 4) + '\n';
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/** Wraps several objects in the `List` kubectl prints for `get` with more than one result. */
export function asList(objects: KubeObject[]): unknown {
  return { apiVersion: 'v1', items: objects, kind: 'List', metadata: { resourceVersion: '' } };
}

/**
 * Prints objects in an `-o` format other than the tables (yaml, json, name). `single` prints a lone object
 * bare instead of in a List (as `get TYPE NAME` does).
 */
export function printObjects(ctx: KubectlContext, objects: KubeObject[], format: string, single = objects.length === 1): number {
  if (format.startsWith('jsonpath=') || format.startsWith('jsonpath-as-json=')) {
    const template = format.slice(format.indexOf('=') + 1);
    const data = single && objects.length === 1 ? objects[0] : asList(objects);
    try {
      ctx.io.stdout(renderJsonPath(template, data));
    } catch (e) {
      if (e instanceof JsonPathError) return fail(ctx, `error parsing jsonpath ${template}, ${e.message}`);
      throw e;
    }
    return 0;
  }
  switch (format) {
    case 'yaml':
      ctx.io.stdout(toYaml(single && objects.length === 1 ? objects[0] : asList(objects)));
      return 0;
    case 'json':
      ctx.io.stdout(toJson(single && objects.length === 1 ? objects[0] : asList(objects)));
      return 0;
    case 'name':
      for (const o of objects) ctx.io.stdout(objectRef(o) + '\n');
      return 0;
    default:
      return fail(
        ctx,
        `unable to match a printer suitable for the output format "${format}", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml`,
      );
  }
}
