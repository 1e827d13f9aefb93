import { describe, expect, it } from 'vitest';
import { fieldInvalid, fieldRequired, fieldUnsupported, formatFieldError, goStruct, invalid, kubectlErrorMessage } from '../../../src/sim/apiserver/errors';
import type { FieldError } from '../../../src/sim/apiserver/errors';

describe('formatFieldError (field/errors.go ErrorBody, apimachinery v0.35)', () => {
  it.each<[FieldError, string]>([
    [fieldInvalid('spec.replicas', -1, 'must be greater than or equal to 0'), 'spec.replicas: Invalid value: -1: must be greater than or equal to 0'],
    [fieldInvalid('metadata.name', 'Web', 'x'), 'metadata.name: Invalid value: "Web": x'],
    [fieldInvalid('spec.template.metadata.labels', { app: 'nginx', tier: 'web' }, 'm'), 'spec.template.metadata.labels: Invalid value: {"app":"nginx","tier":"web"}: m'],
    [fieldInvalid('x', { z: '1', a: '<&>' }, 'm'), 'x: Invalid value: {"a":"\\u003c\\u0026\\u003e","z":"1"}: m'],
    [fieldInvalid('x', null, 'm'), 'x: Invalid value: null: m'],
    [fieldInvalid('x', ['None'], 'may not change once set'), 'x: Invalid value: ["None"]: may not change once set'],
    [fieldInvalid('x', goStruct({ rollingUpdate: { partition: 0 }, type: 'Foo' }, ['type', 'rollingUpdate']), 'm'), 'x: Invalid value: {"type":"Foo","rollingUpdate":{"partition":0}}: m'],
    [fieldInvalid('x', 'a"b', 'm'), 'x: Invalid value: "a\\"b": m'],
    [fieldRequired('spec.selector'), 'spec.selector: Required value'],
    [fieldRequired('spec.accessModes', 'at least 1 access mode is required'), 'spec.accessModes: Required value: at least 1 access mode is required'],
    [fieldUnsupported('spec.restartPolicy', 'Never', ['Always']), 'spec.restartPolicy: Unsupported value: "Never": supported values: "Always"'],
  ])('%j', (e, expected) => {
    expect(formatFieldError(e)).toBe(expected);
  });
});

describe('invalid()', () => {
  it('builds the Status message and the causes kubectl prints', () => {
    const err = invalid('StatefulSet', 'web', [fieldRequired('spec.selector'), fieldInvalid('spec.replicas', -1, 'must be greater than or equal to 0')]);
    expect(err.code).toBe(422);
    expect(err.message).toBe('StatefulSet.apps "web" is invalid: [spec.selector: Required value, spec.replicas: Invalid value: -1: must be greater than or equal to 0]');
    expect(err.details?.causes).toEqual(['spec.selector: Required value', 'spec.replicas: Invalid value: -1: must be greater than or equal to 0']);
    expect(kubectlErrorMessage(err)).toBe(
      'The StatefulSet "web" is invalid: \n* spec.selector: Required value\n* spec.replicas: Invalid value: -1: must be greater than or equal to 0',
    );
  });

  it('drops duplicate errors as ToAggregate does', () => {
    const err = invalid('Pod', 'p', [fieldRequired('spec.containers'), fieldRequired('spec.containers')]);
    expect(err.message).toBe('Pod "p" is invalid: spec.containers: Required value');
    expect(kubectlErrorMessage(err)).toBe('The Pod "p" is invalid: spec.containers: Required value');
  });
});
