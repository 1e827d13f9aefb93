import { describe, expect, it } from 'vitest';
import { isAllowedOrigin, normalizeOrigin, readEmbedParams } from '../../../src/embed/params';
import { embedSnippet, embedUrl, workshopLink } from '../../../src/share/embedCode';
import { presenterFromSearch } from '../../../src/ui/share/presenter';

const self = 'https://play.example.org';

describe('readEmbedParams', () => {
  it('is off by default, with only the own origin allowed', () => {
    expect(readEmbedParams('', '/index.html', self)).toEqual({
      isEmbed: false,
      showPanel: false,
      showConsole: false,
      script: [],
      autoplay: false,
      allow: [self],
      id: null,
      problems: [],
    });
  });

  it('reads embed=1 or the embed.html page, panel, console, script lines, autoplay and id', () => {
    const script = encodeURIComponent('kubectl get pods\n\nkubectl delete pod mysql-1\r\nsleep 30');
    const p = readEmbedParams(
      `?panel=1&console=true&script=${script}&autoplay=1&id=demo-1`,
      '/sub/dir/embed.html',
      self,
    );
    expect(p).toMatchObject({
      isEmbed: true,
      showPanel: true,
      showConsole: true,
      script: ['kubectl get pods', 'kubectl delete pod mysql-1', 'sleep 30'],
      autoplay: true,
      id: 'demo-1',
      problems: [],
    });
    expect(readEmbedParams('?embed=1', '/', self).isEmbed).toBe(true);
    expect(readEmbedParams('?embed=0', '/', self).isEmbed).toBe(false);
  });

  it('lists allowed origins, normalized, and reports the bad ones', () => {
    const p = readEmbedParams(
      `?embed=1&allow=${encodeURIComponent('https://docs.example.com/, http://localhost:1313 javascript:alert(1) https://x.org/path')}`,
      '/',
      self,
    );
    expect(p.allow).toEqual([self, 'https://docs.example.com', 'http://localhost:1313']);
    expect(p.problems).toHaveLength(2);
    expect(p.problems[0]).toContain('Ignored allow origin "javascript:alert(1)"');
  });

  it.each([
    ['?embed=maybe', 'Ignored embed="maybe"'],
    ['?embed=1&id=<script>', 'Ignored id='],
    [`?embed=1&script=${'x'.padEnd(70000, 'x')}`, 'Ignored part of script='],
  ])('reports %s', (search, problem) => {
    expect(readEmbedParams(search, '/', self).problems.join(' ')).toContain(problem);
  });

  it.each([
    ['https://a.b', 'https://a.b'],
    ['https://a.b:443/', 'https://a.b'],
    ['http://127.0.0.1:4317', 'http://127.0.0.1:4317'],
    ['*', '*'],
    ['file:///x', null],
    ['https://a.b/x', null],
    ['https://u:p@a.b', null],
    ['nonsense', null],
  ])('normalizeOrigin(%j) = %j', (text, origin) => {
    expect(normalizeOrigin(text)).toBe(origin);
  });

  it('allows listed origins, or any with *', () => {
    expect(isAllowedOrigin([self], self)).toBe(true);
    expect(isAllowedOrigin([self], 'https://evil.example')).toBe(false);
    expect(isAllowedOrigin([self, '*'], 'https://evil.example')).toBe(true);
  });
});

describe('embed code and workshop links', () => {
  const options = {
    pageUrl: 'https://user.github.io/playground/?scenario=compare&seed=3#v=1&run=abc',
    scenario: 'compare',
    seed: 3,
    showPanel: true,
    showConsole: false,
    script: ['kubectl delete pod mysql-1', 'sleep 20'],
    autoplay: true,
    height: 480,
  };

  it('points at embed.html beside the page, with its options', () => {
    const url = new URL(embedUrl(options));
    expect(url.origin + url.pathname).toBe('https://user.github.io/playground/embed.html');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      embed: '1',
      scenario: 'compare',
      seed: '3',
      panel: '1',
      script: 'kubectl delete pod mysql-1\nsleep 20',
      autoplay: '1',
    });
    expect(url.hash).toBe('');
  });

  it('is an iframe with a title, escaped attributes and a sane height', () => {
    const html = embedSnippet({ ...options, script: ['echo "<b>"'], height: 10 });
    expect(html).toMatch(
      /^<iframe src="https:\/\/user\.github\.io\/playground\/embed\.html\?[^"]+" title="StatefulSet Playground: compare" width="100%" height="240" loading="lazy" style="border: 0"><\/iframe>$/,
    );
    expect(html).not.toContain('<b>');
    expect(html).toContain('&amp;');
  });

  it('makes a workshop link: scenario, seed, paused, no run', () => {
    expect(workshopLink(options.pageUrl, 'compare', 3)).toBe(
      'https://user.github.io/playground/?scenario=compare&seed=3&paused=1',
    );
  });

  it.each([
    ['?presenter=1', true],
    ['?presenter', true],
    ['?presenter=0', false],
    ['', false],
  ])('presenter mode from %j is %s', (search, on) => {
    expect(presenterFromSearch(search)).toBe(on);
  });
});
