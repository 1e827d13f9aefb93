/** The pods of the running cluster as a text list: name, STATUS, node and IP, as kubectl prints them. */
import { selectPods } from '../store/playgroundStore';
import { usePlayground } from '../store/usePlayground';
import type { PodSnapshot } from '../protocol';
import { podStatusTone } from './format';

function PodItem({ pod }: { pod: PodSnapshot }) {
  const statusId = `pod-status-${pod.uid}`;
  return (
    <li className="pod" aria-label={`Pod ${pod.name}`} aria-describedby={statusId}>
      <span className="pod-name mono">{pod.name}</span>
      <span id={statusId} className={`status status-${podStatusTone(pod.status, pod.isReady)}`}>
        {pod.status}
      </span>
      <span className="pod-ready mono" title="READY">
        {pod.ready}
      </span>
      <span className="pod-node mono">{pod.nodeName ?? '<none>'}</span>
      <span className="pod-ip mono">{pod.ip ?? '<none>'}</span>
      <span className="pod-owner">
        {pod.workloadKind && pod.workloadName ? `${pod.workloadKind} ${pod.workloadName}` : 'no owner'}
      </span>
    </li>
  );
}

export function PodList() {
  const pods = usePlayground(selectPods);
  if (!pods) return <p className="muted">Starting the cluster…</p>;
  if (pods.length === 0) return <p className="muted">No pods yet.</p>;
  return (
    <>
      <div className="pod pod-header" aria-hidden="true">
        <span>NAME</span>
        <span>STATUS</span>
        <span>READY</span>
        <span>NODE</span>
        <span>IP</span>
        <span>OWNER</span>
      </div>
      <ul className="pods" role="list" aria-label="Pods">
        {pods.map((pod) => (
          <PodItem key={pod.uid} pod={pod} />
        ))}
      </ul>
    </>
  );
}
