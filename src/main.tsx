/** Boots the playground: starts the simulation worker, connects the store, renders the page. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createWorkerClient } from './client/workerClient';
import { connectStore, createPlaygroundStore } from './store/playgroundStore';
import { App } from './ui/App';
import { initTheme } from './ui/controls/ThemeToggle';
import { EmbedApp } from './embed/EmbedApp';
import { startEmbedBridge } from './embed/bridge';
import { createScriptRunner } from './embed/script';
import { registerServiceWorker } from './share/offline';
import { startPage } from './share/startPage';
import './ui/theme.css';

const client = createWorkerClient();
const store = createPlaygroundStore();
initTheme();
const { start, embed } = startPage(client);
// The script runner and the bridge listen before the first event, so they see the first snapshot.
const runner =
  embed.script.length > 0 ? createScriptRunner(client, embed.script, { autoplay: embed.autoplay }) : null;
if (embed.isEmbed) {
  startEmbedBridge({
    client,
    store,
    allow: embed.allow,
    embedId: embed.id,
    win: window,
    isFramed: window.parent !== window,
  });
}
connectStore(store, client, start);
registerServiceWorker();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    {embed.isEmbed ? (
      <EmbedApp store={store} client={client} params={embed} runner={runner} />
    ) : (
      <App store={store} client={client} />
    )}
  </StrictMode>,
);
