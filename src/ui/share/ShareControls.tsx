/**
 * The header's sharing controls: "Copy link" (the whole run: scenario, seed, commands and the time shown,
 * replayed exactly when opened), a "Share" disclosure with the workshop link (scenario and seed, from the
 * start) and the embed code, and the presenter-mode toggle.
 */
import { useId, useState } from 'react';
import { linkFor } from '../../share/link';
import { requestRun } from '../../share/requestRun';
import { embedSnippet, workshopLink } from '../../share/embedCode';
import { selectRun } from '../../store/playgroundStore';
import { usePlayground, useSimClient } from '../../store/usePlayground';
import { LinkIcon, PresenterIcon, ShareIcon } from './icons';
import { setPresenter, usePresenter } from './presenter';
import './share.css';

/** Puts `text` on the clipboard; false when the browser refused (the text is shown to copy by hand). */
async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

interface Copied {
  what: string;
  text: string;
  isCopied: boolean;
}

function pageUrl(): string {
  return window.location.href;
}

export function ShareControls() {
  const client = useSimClient();
  const run = usePlayground(selectRun);
  const isPresenter = usePresenter();
  const [copied, setCopied] = useState<Copied | null>(null);
  const [isBusy, setBusy] = useState(false);
  const [isOpen, setOpen] = useState(false);
  const [panel, setPanel] = useState(false);
  const [showConsole, setShowConsole] = useState(false);
  const panelId = useId();

  const show = async (what: string, text: string) => setCopied({ what, text, isCopied: await copy(text) });

  const copyLink = async () => {
    setBusy(true);
    try {
      await show('Link', linkFor(pageUrl(), await requestRun(client)));
    } catch (e) {
      setCopied({
        what: 'Link',
        text: `The link could not be made: ${e instanceof Error ? e.message : String(e)}`,
        isCopied: false,
      });
    } finally {
      setBusy(false);
    }
  };

  const options = run && {
    pageUrl: pageUrl(),
    scenario: run.scenario,
    seed: run.seed,
    showPanel: panel,
    showConsole,
    script: [],
    autoplay: false,
    height: showConsole ? 640 : 480,
  };

  return (
    <div className="share-controls" role="group" aria-label="Sharing">
      <button
        type="button"
        className="share-copy-link"
        title="Copy a link to this run"
        disabled={!run || isBusy}
        onClick={() => void copyLink()}
      >
        <LinkIcon />
        <span className="header-label">Copy link</span>
      </button>
      <button
        type="button"
        aria-expanded={isOpen}
        aria-controls={panelId}
        title="Workshop link and embed code"
        disabled={!run}
        onClick={() => setOpen(!isOpen)}
      >
        <ShareIcon />
        <span className="header-label">Share</span>
      </button>
      <button
        type="button"
        className="presenter-toggle"
        title="Presenter mode: large type, chrome hidden"
        aria-pressed={isPresenter}
        onClick={() => setPresenter(!isPresenter)}
      >
        <PresenterIcon />
        <span className="header-label">Presenter</span>
      </button>
      {isOpen && options && (
        <div id={panelId} className="share-panel" role="region" aria-label="Share options">
          <button
            type="button"
            onClick={() =>
              void show('Workshop link', workshopLink(pageUrl(), options.scenario, options.seed))
            }
          >
            Copy workshop link
          </button>
          <p className="muted">
            Everyone who opens it starts the same run: this scenario and seed, from the start.
          </p>
          <fieldset>
            <legend>Embed</legend>
            <label>
              <input type="checkbox" checked={panel} onChange={(e) => setPanel(e.target.checked)} />{' '}
              Comparison panel
            </label>
            <label>
              <input type="checkbox" checked={showConsole} onChange={(e) => setShowConsole(e.target.checked)} />{' '}
              Console
            </label>
            <button type="button" onClick={() => void show('Embed code', embedSnippet(options))}>
              Copy embed code
            </button>
          </fieldset>
        </div>
      )}
      {copied && (
        <div className="share-copied" role="status" aria-label="Copied">
          <span>{copied.isCopied ? `${copied.what} copied.` : `${copied.what}: copy it from here.`}</span>
          <input
            readOnly
            aria-label={copied.what}
            value={copied.text}
            onFocus={(e) => e.currentTarget.select()}
          />
          <button type="button" onClick={() => setCopied(null)}>
            Close
          </button>
        </div>
      )}
    </div>
  );
}
