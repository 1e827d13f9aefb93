/** The texts "Copy embed code" and "Copy workshop link" put on the clipboard (pure functions). */

export interface EmbedCodeOptions {
  /** The page's own address; the embed lives beside it as `embed.html`. */
  pageUrl: string;
  scenario: string;
  seed: number;
  showPanel: boolean;
  showConsole: boolean;
  /** Terminal lines for `script=` (none: no script). */
  script: readonly string[];
  autoplay: boolean;
  /** The iframe's height in CSS pixels. */
  height: number;
}

function escapeAttribute(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('"', '&quot;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;');
}

/** The address of the embed page for these options. */
export function embedUrl(o: EmbedCodeOptions): string {
  const url = new URL('embed.html', o.pageUrl);
  url.search = '';
  url.hash = '';
  const params = new URLSearchParams({ embed: '1', scenario: o.scenario, seed: String(o.seed) });
  if (o.showPanel) params.set('panel', '1');
  if (o.showConsole) params.set('console', '1');
  if (o.script.length > 0) {
    params.set('script', o.script.join('\n'));
    if (o.autoplay) params.set('autoplay', '1');
  }
  url.search = params.toString();
  return url.toString();
}

/** An `<iframe>` snippet for any HTML page. */
export function embedSnippet(o: EmbedCodeOptions): string {
  const height = Math.round(Math.min(Math.max(o.height, 240), 2000));
  return (
    `<iframe src="${escapeAttribute(embedUrl(o))}" title="StatefulSet Playground: ${escapeAttribute(o.scenario)}"` +
    ` width="100%" height="${height}" loading="lazy" style="border: 0"></iframe>`
  );
}

/** A link that starts every participant on the same run: the scenario and seed, from the start, paused. */
export function workshopLink(pageUrl: string, scenario: string, seed: number): string {
  const url = new URL(pageUrl);
  url.hash = '';
  url.search = new URLSearchParams({ scenario, seed: String(seed), paused: '1' }).toString();
  return url.toString();
}
