import { describe, expect, it } from 'vitest';
import { testTerminal } from '../../support/terminal';

describe('bundled example files', () => {
  it.each([
    ['https://k8s.io/examples/application/web/web.yaml', 'service/nginx created\nstatefulset.apps/web created\n'],
    ['web-parallel.yaml', 'service/nginx created\nstatefulset.apps/web created\n'],
    ['mysql.yaml', 'service/mysql created\nstatefulset.apps/mysql created\n'],
    ['https://k8s.io/examples/application/mysql/mysql-services.yaml', 'service/mysql created\nservice/mysql-read created\n'],
  ])('kubectl apply -f %s', (file, expected) => {
    const t = testTerminal();
    expect(t.run(`kubectl apply -f ${file}`)).toBe(expected);
  });

  it('answers an unknown URL with the offline message, and an unknown path as kubectl does', () => {
    const t = testTerminal();
    expect(t.run('kubectl apply -f https://k8s.io/examples/application/mysql/mysql-statefulset.yaml')).toMatch(
      /^error: unable to read URL "https:\/\/k8s.io\/examples\/application\/mysql\/mysql-statefulset.yaml": the playground runs offline; bundled files: .*mysql-services.yaml/,
    );
    expect(t.run('kubectl apply -f app.yaml')).toBe('error: the path "app.yaml" does not exist\n');
  });
});
