/**
 * How the page starts, from what it was opened with: a shared link in the fragment (replayed), else the
 * session saved in this browser (replayed, when the address names the same scenario and seed or none),
 * else the scenario and seed of the address. A bad link or save starts clean, with a sentence saying why.
 */
import type { StartOptions } from '../store/playgroundStore';
import type { LinkInFragment, SharedRun } from './link';
import type { ReadResult } from './savedSession';

/** What the start-up notice says about links and saved sessions. */
export interface ShareNotice {
  kind: 'problem' | 'restored' | 'link';
  message: string;
}

export interface StartInput {
  /** The start the address's parameters ask for (readUrlParams). */
  url: { scenario: string | null; seed: number; speed: number; isPaused: boolean };
  /** The address names a seed (`seed=`). */
  hasSeed: boolean;
  link: LinkInFragment;
  /** The saved session, or null when it is not to be used (embeds). */
  saved: ReadResult | null;
}

export interface StartPlan {
  start: StartOptions;
  /** Where the run came from. */
  source: 'link' | 'saved' | 'address';
  notices: ShareNotice[];
  /** The fragment carried a link (good or bad): drop it from the address once read. */
  dropFragment: boolean;
  /** The saved session could not be read: forget it. */
  clearSaved: boolean;
}

function replayOf(run: SharedRun): StartOptions['replay'] {
  return { commands: run.commands, ...(run.time !== undefined ? { time: run.time } : {}) };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Decides how to start. A pure function of what the page was opened with. */
export function planStart({ url, hasSeed, link, saved }: StartInput): StartPlan {
  const fromAddress: StartOptions = {
    scenario: url.scenario,
    seed: url.seed,
    speed: url.speed,
    isPaused: url.isPaused,
  };
  const notices: ShareNotice[] = [];
  if (link.kind === 'run') {
    const { run } = link;
    return {
      start: {
        scenario: run.scenario,
        seed: run.seed,
        speed: url.speed,
        isPaused: true,
        replay: replayOf(run),
      },
      source: 'link',
      notices: [
        {
          kind: 'link',
          message: `Opened a shared run: ${run.scenario}, seed ${run.seed}, ${plural(run.commands.length, 'command')} replayed.`,
        },
      ],
      dropFragment: true,
      clearSaved: false,
    };
  }
  if (link.kind === 'bad') {
    notices.push({
      kind: 'problem',
      message: `This link could not be opened: ${link.error}. Started a clean playground instead.`,
    });
    return { start: fromAddress, source: 'address', notices, dropFragment: true, clearSaved: false };
  }
  if (saved && !saved.ok && saved.error !== null) {
    notices.push({
      kind: 'problem',
      message: `Your saved session could not be restored: ${saved.error}. Started a clean playground instead.`,
    });
    return { start: fromAddress, source: 'address', notices, dropFragment: false, clearSaved: true };
  }
  if (saved?.ok) {
    const { run } = saved;
    const matches =
      url.scenario === null || (url.scenario === run.scenario && (!hasSeed || url.seed === run.seed));
    if (matches) {
      return {
        start: {
          scenario: run.scenario,
          seed: run.seed,
          speed: url.speed,
          isPaused: true,
          replay: replayOf(run),
        },
        source: 'saved',
        notices: [
          {
            kind: 'restored',
            message: `Restored your session from this browser: ${run.scenario}, seed ${run.seed}, ${plural(run.commands.length, 'command')}.`,
          },
        ],
        dropFragment: false,
        clearSaved: false,
      };
    }
  }
  return { start: fromAddress, source: 'address', notices, dropFragment: false, clearSaved: false };
}
