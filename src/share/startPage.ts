/**
 * The page-start decisions for links, saved sessions, embeds and presenter mode, gathered for main.tsx:
 * reads the address (and the saved session unless embedded), tidies the address after a link, and starts
 * the session saver (not in embeds: several on one page must not share one save).
 */
import type { SimClient } from '../client/types';
import { readEmbedParams } from '../embed/params';
import type { EmbedParams } from '../embed/params';
import type { StartOptions } from '../store/playgroundStore';
import { readUrlParams, searchWithScenario } from '../ui/controls/urlParams';
import { presenterFromSearch, setPresenter } from '../ui/share/presenter';
import { setBootNotices } from '../ui/share/ShareNotice';
import { planStart } from './boot';
import { readLinkFragment } from './link';
import { browserStorage, clearSession, readSession } from './savedSession';
import { startSessionSaver } from './sessionSaver';

export interface PageStart {
  start: StartOptions;
  embed: EmbedParams;
}

/** Decides how the page starts and prepares the page for it (call once, before connecting the store). */
export function startPage(client: SimClient): PageStart {
  const { location, history } = window;
  const embed = readEmbedParams(location.search, location.pathname, location.origin);
  const url = readUrlParams(location.search);
  const storage = embed.isEmbed ? null : browserStorage();
  const plan = planStart({
    url: url.start,
    hasSeed: new URLSearchParams(location.search).has('seed'),
    link: readLinkFragment(location.hash),
    saved: embed.isEmbed ? null : readSession(storage),
  });
  if (plan.clearSaved) clearSession(storage);
  if (plan.dropFragment) {
    // The run now lives in the worker (and the save): the address names its scenario and seed.
    const search =
      plan.source === 'link' && plan.start.scenario !== null
        ? searchWithScenario(location.search, plan.start.scenario, plan.start.seed)
        : location.search;
    history.replaceState(history.state, '', `${location.pathname}${search}`);
  }
  setBootNotices(plan.notices);
  if (presenterFromSearch(location.search)) setPresenter(true);
  if (!embed.isEmbed) startSessionSaver(client, storage);
  return { start: plan.start, embed };
}
