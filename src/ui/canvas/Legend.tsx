/** The canvas legend: how the two workloads' pods differ in shape, what each status colour says, and the edges. */

const STATUSES = [
  { tone: 'pending', word: 'Pending' },
  { tone: 'creating', word: 'ContainerCreating' },
  { tone: 'ready', word: 'Running', note: 'Ready' },
  { tone: 'running', word: 'Running', note: 'not Ready' },
  { tone: 'terminating', word: 'Terminating' },
] as const;

export function Legend() {
  return (
    <section className="legend" aria-label="Legend">
      <ul className="legend-group" aria-label="Pods">
        <li className="legend-item">
          <span className="legend-pod shape-statefulset" aria-hidden="true">
            <span className="ordinal-badge mono">0</span>
            <span className="legend-pod-name mono">mysql-0</span>
          </span>
          <span>StatefulSet</span>
        </li>
        <li className="legend-item">
          <span className="legend-pod shape-deployment" aria-hidden="true">
            <span className="legend-pod-name mono">
              <span className="pod-name-prefix">…-</span>
              <span className="pod-name-suffix">x4k2p</span>
            </span>
          </span>
          <span>Deployment</span>
        </li>
      </ul>
      <ul className="legend-group" aria-label="Pod STATUS">
        {STATUSES.map((s) => (
          <li key={`${s.tone}`} className="legend-item">
            <span className={`status status-${s.tone}`}>{s.word}</span>
            {'note' in s && <span className="legend-note">{s.note}</span>}
          </li>
        ))}
      </ul>
      <ul className="legend-group" aria-label="Edges">
        <li className="legend-item">
          <svg className="legend-line" viewBox="0 0 28 8" aria-hidden="true">
            <path d="M1 4 H27" className="canvas-edge volume-edge state-mounted" />
          </svg>
          <span>mounted</span>
        </li>
        <li className="legend-item">
          <svg className="legend-line" viewBox="0 0 28 8" aria-hidden="true">
            <path d="M1 4 H27" className="canvas-edge volume-edge state-attaching" />
          </svg>
          <span>attaching</span>
        </li>
        <li className="legend-item">
          <svg className="legend-line" viewBox="0 0 28 8" aria-hidden="true">
            <path d="M1 4 H27" className="canvas-edge volume-edge state-blocked" />
          </svg>
          <span>Multi-Attach error</span>
        </li>
        <li className="legend-item">
          <svg className="legend-line" viewBox="0 0 28 8" aria-hidden="true">
            <path d="M1 4 H27" className="canvas-edge service-edge lane-0 is-headless" />
          </svg>
          <span>Service → ready pod</span>
        </li>
      </ul>
    </section>
  );
}
