/**
 * The embed mode's URL parameters: `embed=1` (or the page `embed.html`), `panel=1`, `console=1`,
 * `script=<lines>` with `autoplay=1`, `allow=<origins>` and `id=<name>`. Every value is checked; a bad one
 * is ignored with a sentence saying so, like the start parameters (src/ui/controls/urlParams.ts).
 */
import { MAX_LINE_LENGTH } from '../protocol';

/** The most lines a `script=` may hold. */
export const MAX_SCRIPT_LINES = 200;
/** The most origins `allow=` may list. */
export const MAX_ALLOWED_ORIGINS = 20;

export interface EmbedParams {
  /** The page runs as an embed (compact controls, canvas first). */
  isEmbed: boolean;
  /** Show the comparison panel beside the canvas. */
  showPanel: boolean;
  /** Show the kubectl console under the canvas. */
  showConsole: boolean;
  /** Terminal lines to play, in order (empty: no script). */
  script: string[];
  /** Play the script on its own, line after line; otherwise a "Next step" button runs each line. */
  autoplay: boolean;
  /** Origins whose messages are obeyed and that receive events; `*` is any origin. */
  allow: string[];
  /** A name echoed in every message out, so a page with several embeds can tell them apart. */
  id: string | null;
  /** One sentence per ignored parameter. */
  problems: string[];
}

const ID = /^[A-Za-z0-9_.:-]{1,64}$/;

function flag(params: URLSearchParams, name: string, problems: string[]): boolean {
  const text = params.get(name);
  if (text === null) return false;
  const value = text.trim().toLowerCase();
  if (value === '' || value === '1' || value === 'true') return true;
  if (value === '0' || value === 'false') return false;
  problems.push(`Ignored ${name}=${JSON.stringify(text.slice(0, 40))}: use ${name}=1 or ${name}=0.`);
  return false;
}

/** An origin as `URL.origin` writes it (`https://docs.example.com`), or null when `text` is not one. */
export function normalizeOrigin(text: string): string | null {
  const value = text.trim();
  if (value === '*') return '*';
  try {
    const url = new URL(value);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    // Only a bare origin: no path, query or credentials.
    if (url.pathname !== '/' || url.search || url.hash || url.username || url.password) return null;
    return url.origin;
  } catch {
    return null;
  }
}

function readAllow(text: string | null, selfOrigin: string, problems: string[]): string[] {
  const allow = new Set<string>([selfOrigin]);
  if (text === null) return [...allow];
  const parts = text.split(/[\s,]+/).filter(Boolean);
  for (const part of parts.slice(0, MAX_ALLOWED_ORIGINS)) {
    const origin = normalizeOrigin(part);
    if (origin) allow.add(origin);
    else
      problems.push(
        `Ignored allow origin ${JSON.stringify(part.slice(0, 60))}: an origin is scheme, host and port, such as https://docs.example.com.`,
      );
  }
  if (parts.length > MAX_ALLOWED_ORIGINS)
    problems.push(`Ignored allow origins after the first ${MAX_ALLOWED_ORIGINS}.`);
  return [...allow];
}

function readScript(params: URLSearchParams, problems: string[]): string[] {
  const lines = params
    .getAll('script')
    .flatMap((text) => text.split('\n'))
    .map((line) => line.replace(/\r$/, ''))
    .filter((line) => line.trim() !== '');
  const kept = lines.filter((line) => line.length <= MAX_LINE_LENGTH).slice(0, MAX_SCRIPT_LINES);
  if (kept.length < lines.length)
    problems.push(
      `Ignored part of script=: at most ${MAX_SCRIPT_LINES} lines of at most ${MAX_LINE_LENGTH} characters each.`,
    );
  return kept;
}

/** True when the page path is the `embed.html` entry. */
export function isEmbedPath(pathname: string): boolean {
  return /(^|\/)embed\.html$/.test(pathname);
}

/** Reads the embed parameters of a page at `pathname` with query `search`, served from `selfOrigin`. */
export function readEmbedParams(search: string, pathname: string, selfOrigin: string): EmbedParams {
  const params = new URLSearchParams(search);
  const problems: string[] = [];
  const isEmbed = flag(params, 'embed', problems) || isEmbedPath(pathname);
  const idText = params.get('id');
  let id: string | null = null;
  if (idText !== null) {
    if (ID.test(idText)) id = idText;
    else
      problems.push(
        `Ignored id=${JSON.stringify(idText.slice(0, 40))}: use letters, digits, and . _ : - (at most 64).`,
      );
  }
  return {
    isEmbed,
    showPanel: flag(params, 'panel', problems),
    showConsole: flag(params, 'console', problems),
    script: readScript(params, problems),
    autoplay: flag(params, 'autoplay', problems),
    allow: readAllow(params.get('allow'), selfOrigin, problems),
    id,
    problems,
  };
}

/** True when a message from `origin` may drive this embed. */
export function isAllowedOrigin(allow: readonly string[], origin: string): boolean {
  return allow.includes('*') || allow.includes(origin);
}
