/** Boots the playground: starts the simulation worker, connects the store, renders the page. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createWorkerClient } from './client/workerClient';
import { connectStore, createPlaygroundStore } from './store/playgroundStore';
import { App } from './ui/App';
import { initTheme } from './ui/controls/ThemeToggle';
import { readUrlParams } from './ui/controls/urlParams';
import './ui/theme.css';

const client = createWorkerClient();
const store = createPlaygroundStore();
initTheme();
connectStore(store, client, readUrlParams(window.location.search).start);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App store={store} client={client} />
  </StrictMode>,
);
