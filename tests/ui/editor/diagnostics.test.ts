import { describe, expect, it } from 'vitest';
import { diagnosticsFor, fieldLine, lineRange, parseFieldPath } from '../../../src/ui/editor/diagnostics';
import { checkManifest } from '../../../src/worker/manifestCheck';
import { startScenario } from '../../../src/sim/scenarios';

const STS = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  clusterIP: None
  selector: {app: web}
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: web
  replicas: 1
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: nginx
`;

describe('parseFieldPath', () => {
  it.each([
    ['spec.replicas', ['spec', 'replicas']],
    ['spec.template.spec.containers[0].image', ['spec', 'template', 'spec', 'containers', 0, 'image']],
    ['metadata.labels[app.kubernetes.io/name]', ['metadata', 'labels', 'app.kubernetes.io/name']],
    ['', []],
  ])('%s', (path, expected) => {
    expect(parseFieldPath(path)).toEqual(expected);
  });
});

describe('fieldLine', () => {
  it.each([
    ['spec.template.metadata.labels', 1, 21],
    ['spec.template.spec.containers[0].image', 1, 26],
    ['spec.template.spec.containers[0]', 1, 25],
    ['spec.replicas', 1, 15],
    // Not written: the nearest ancestor that is.
    ['spec.selector.matchExpressions', 1, 16],
    ['spec.volumeClaimTemplates[0].spec', 1, 13],
    ['spec.clusterIP', 0, 6],
    ['metadata.name', 0, 4],
  ])('%s in document %i is on line %i', (field, doc, line) => {
    expect(fieldLine(STS, doc, null, field)).toBe(line);
  });

  it('counts the items of a kind: List', () => {
    const list = 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Service\n  metadata:\n    name: a\n- apiVersion: v1\n  kind: Service\n  metadata:\n    name: b\n  spec:\n    ports: []\n';
    expect(fieldLine(list, 0, 1, 'spec.ports')).toBe(13);
    expect(fieldLine(list, 0, 0, 'metadata.name')).toBe(7);
  });
});

describe('diagnosticsFor a dry run in the worker', () => {
  const cluster = () => startScenario('empty', 1).cluster;

  it("puts the API server's selector message on the template labels line", () => {
    const check = checkManifest(cluster(), STS);
    expect(check.objects.map((o) => `${o.kind}/${o.name} ${o.ok}`)).toEqual(['Service/web true', 'StatefulSet/web false']);
    expect(diagnosticsFor(STS, check)).toEqual([
      {
        line: 21,
        severity: 'error',
        message: 'The StatefulSet "web" is invalid: spec.template.metadata.labels: Invalid value: {"app":"nginx"}: `selector` does not match template `labels`',
      },
    ]);
  });

  it('gives each of several field errors its own line, with the header', () => {
    const text = STS.replace('replicas: 1', 'replicas: -1');
    const diags = diagnosticsFor(text, checkManifest(cluster(), text));
    expect(diags.map((d) => d.line)).toEqual([15, 21]);
    expect(diags[0]!.message).toBe('The StatefulSet "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0');
  });

  it("reports kubectl's YAML parse error at the line it names", () => {
    const text = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n spec: {}\n';
    const check = checkManifest(cluster(), text);
    expect(check.parseError).toEqual({ message: expect.stringMatching(/^error: error parsing STDIN: error converting YAML to JSON: yaml: line \d+: /), line: expect.any(Number) });
    const [diag] = diagnosticsFor(text, check);
    expect(diag!.line).toBe(check.parseError!.line);
    expect(diag!.line).toBeGreaterThanOrEqual(4);
  });

  it('puts an unknown kind on the first line of its document', () => {
    const text = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: ok\n---\n\napiVersion: v1\nkind: Servise\nmetadata:\n  name: web\n';
    const check = checkManifest(cluster(), text);
    expect(check.parseError).toEqual({
      message: 'error: resource mapping not found for name: "web" namespace: "" from "STDIN": no matches for kind "Servise" in version "v1"\nensure CRDs are installed first',
      line: 7,
    });
  });

  it('says what apply would do, and what kubectl diff would print, for a valid object', () => {
    const c = cluster();
    const [svc] = checkManifest(c, STS).objects;
    expect(svc).toMatchObject({ ok: true, message: 'service/web created (server dry run)', causes: [] });
    expect(svc!.diff).toContain('+kind: Service\n');
    expect(c.api.get('Service', 'default', 'web')).toBeUndefined();
  });

  it('reports an empty text as kubectl does', () => {
    expect(checkManifest(cluster(), '# nothing\n').parseError).toEqual({ message: 'error: no objects passed to apply', line: 1 });
  });
});

describe('lineRange', () => {
  it.each([
    ['a\nbb\nccc', 2, { from: 2, to: 4 }],
    ['a\nbb\nccc', 3, { from: 5, to: 8 }],
    ['a', 5, { from: 1, to: 1 }],
  ])('%j line %i', (text, line, range) => {
    expect(lineRange(text, line)).toEqual(range);
  });
});
