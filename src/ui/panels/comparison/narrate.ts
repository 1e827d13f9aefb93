/**
 * "What just happened": two or three plain sentences per workload, built from its latest episode (the
 * action, the Events that followed and the pods that changed), or from the pods' creation order when
 * nothing has happened since the start.
 */
import type { EventSnapshot } from '../../../protocol';
import type { Episode, PodRecord, WorkloadAction, WorkloadHistory } from '../../history';
import { pattern } from './describe';
import { LISTED_NAMES, duration, listWords, plural, sentence } from './words';

type DeletedPod = Extract<WorkloadAction, { type: 'deletedPod' }>;

function controllerName(w: WorkloadHistory): string {
  return w.kind === 'StatefulSet' ? 'The StatefulSet controller' : 'The ReplicaSet controller';
}

function seenDeleting(r: PodRecord): number {
  return r.terminatingSeenAt ?? r.terminatingAt ?? 0;
}

/** Each pod was created once the one before it was Running and Ready (OrderedReady). */
function eachAfterReady(created: readonly PodRecord[]): boolean {
  return created.every(
    (r, i) => i === 0 || (created[i - 1]!.readyAt !== null && r.createdAt >= created[i - 1]!.readyAt! - 999),
  );
}

function records(w: WorkloadHistory): PodRecord[] {
  return w.slots.flatMap((s) => s.pods);
}

/** The pod that took the place of `uid` in its slot, or null. */
function successor(w: WorkloadHistory, uid: string): { before: PodRecord; after: PodRecord | null } | null {
  for (const slot of w.slots) {
    const i = slot.pods.findIndex((r) => r.uid === uid);
    if (i >= 0) return { before: slot.pods[i]!, after: slot.pods[i + 1] ?? null };
  }
  return null;
}

function eventFor(episode: Episode, uid: string, reason: string): EventSnapshot | undefined {
  return episode.events.find((e) => e.involvedUid === uid && e.reason === reason);
}

function latestWarning(episode: Episode, uid: string): EventSnapshot | undefined {
  return [...episode.events].reverse().find((e) => e.involvedUid === uid && e.type === 'Warning');
}

function whoDeleted(action: DeletedPod): string {
  const node = action.nodeName ?? 'its node';
  switch (action.cause) {
    case 'user':
      return `You deleted ${action.podName}`;
    case 'drain':
      return `${action.podName} was evicted from ${node}, which is cordoned (as kubectl drain does)`;
    case 'taint':
      return `The taint eviction controller deleted ${action.podName} from ${node}`;
    case 'nodeLost':
      return `${action.podName} was deleted while ${node} was NotReady`;
    case 'controller':
      return `Its controller deleted ${action.podName}`;
  }
}

function killingWords(episode: Episode, before: PodRecord): string {
  const killing = eventFor(episode, before.uid, 'Killing');
  if (!killing) return '';
  const container = /^Stopping container (\S+)/.exec(killing.message)?.[1];
  const grace = before.gracePeriodSeconds !== null ? ` (grace period ${before.gracePeriodSeconds}s)` : '';
  return `; the kubelet on ${before.nodeName ?? 'its node'} stopped ${container ? `container ${container}` : 'it'}${grace}`;
}

function placementWords(w: WorkloadHistory, episode: Episode, before: PodRecord, after: PodRecord): string {
  const scheduled = eventFor(episode, after.uid, 'Scheduled');
  const node = after.nodeName ?? /to (\S+)$/.exec(scheduled?.message ?? '')?.[1] ?? null;
  if (!node) return `${after.name} is not scheduled yet`;
  let words = `it was scheduled to ${node}${after.zone ? ` in ${after.zone}` : ''}`;
  const v = after.volume;
  const rows = before.data?.rows ?? 0;
  if (v?.pvName && v.pvName === before.volume?.pvName) {
    if (v.pvZone && v.pvZone === after.zone) words += `, where its volume ${v.pvName} lives,`;
    const claim = v.claimName ?? v.name;
    const attached = eventFor(episode, after.uid, 'SuccessfulAttachVolume');
    if (attached) words += ` and ${claim} was attached there again`;
    else if (node === before.nodeName) words += ` and ${claim}, still attached to ${node}, was mounted again`;
    else words += ` and gets ${claim} once it is attached to ${node}`;
    if (rows > 0)
      words += `: ${plural(rows, 'row')} ${(after.data?.rows ?? 0) >= rows ? 'intact' : 'expected'}`;
    return words;
  }
  words += after.ip ? ` with a new IP ${after.ip}` : '';
  if (v?.source === 'emptyDir') {
    words += `${after.ip ? ' and' : ' with'} a new, empty emptyDir`;
    if (rows > 0) words += `; the ${plural(rows, 'row')} on the old pod's emptyDir are gone`;
  }
  return words;
}

function statusWords(episode: Episode, after: PodRecord): string {
  if (after.goneAt !== null) return '';
  if (after.isReady) {
    const took = after.readyAt !== null ? ` ${duration(after.readyAt - episode.start)} after the action` : '';
    return `${after.name} is Running and Ready${took}`;
  }
  const warning = latestWarning(episode, after.uid);
  return `${after.name} is ${after.status}${warning ? `: ${warning.reason} ${warning.message}` : ''}`;
}

function deletedPodSentences(w: WorkloadHistory, episode: Episode, actions: DeletedPod[]): string[] {
  const first = actions[0]!;
  const found = successor(w, first.uid);
  const names = actions.map((a) => a.podName);
  const out: string[] = [];
  const who = actions.length === 1 ? whoDeleted(first) : whoDeleted({ ...first, podName: listWords(names) });
  out.push(who + (found ? killingWords(episode, found.before) : ''));
  if (!found) return out.map(sentence);
  const { before, after } = found;
  if (!after) {
    out.push(
      w.kind === 'StatefulSet'
        ? `${controllerName(w)} creates a new ${before.name} only once the old one is gone (${before.status} now)`
        : `${before.name} is ${before.status}; no replacement yet`,
    );
    return out.map(sentence);
  }
  const ctrl = controllerName(w);
  let created: string;
  if (after.name === before.name) created = `${ctrl} created a new ${after.name} once the old one was gone`;
  else if (before.terminatingAt !== null && after.createdAt <= before.terminatingAt + 1000)
    created = `${ctrl} created ${after.name} at once, while ${before.name} was still shutting down`;
  else created = `${ctrl} created ${after.name} in its place`;
  out.push(`${created}; ${placementWords(w, episode, before, after)}`);
  const status = statusWords(episode, after);
  if (status)
    out.push(
      status + (actions.length > 1 ? ` (${plural(actions.length - 1, 'more pod')} went the same way)` : ''),
    );
  return out.map(sentence);
}

function scaledSentences(
  w: WorkloadHistory,
  episode: Episode,
  action: Extract<WorkloadAction, { type: 'scaled' }>,
): string[] {
  const ctrl = controllerName(w);
  const out = [`You scaled ${w.name} from ${action.from} to ${plural(action.to, 'replica')}`];
  if (action.to > action.from) {
    const created = records(w).filter((r) => r.createdAt >= Math.floor(episode.start / 1000) * 1000);
    if (created.length) {
      created.sort((a, b) => a.createdAt - b.createdAt);
      const how = pattern(created.map((r) => r.createdAt));
      const ordered =
        how === 'one after another' && eachAfterReady(created)
          ? ', each once the one before was Running and Ready'
          : '';
      const reused = created.filter(
        (r) =>
          r.volume?.pvName &&
          w.slots.some((s) => s.pods.some((p) => p !== r && p.volume?.pvName === r.volume?.pvName)),
      );
      let words = `${ctrl} created ${listWords(created.map((r) => r.name))}${how ? ` ${how}` : ''}${ordered}`;
      if (reused.length)
        words += `, re-attaching ${listWords(reused.map((r) => r.volume!.claimName ?? r.volume!.name))} with the data kept from before`;
      out.push(words);
    } else out.push(`${ctrl} has not created a pod yet`);
  } else if (action.to < action.from) {
    const deleted = records(w)
      .filter((r) => r.terminatingAt !== null && r.terminatingAt >= Math.floor(episode.start / 1000) * 1000)
      .sort((a, b) => seenDeleting(a) - seenDeleting(b) || a.terminatingAt! - b.terminatingAt!);
    if (deleted.length) {
      // API times have whole seconds; the snapshots that first showed each deletion tell the order apart.
      const how = pattern(deleted.map(seenDeleting), 1);
      const names = deleted.map((r) => r.name);
      let words = `${ctrl} deleted ${how === 'one after another' && names.length <= LISTED_NAMES ? names.join(', then ') : listWords(names)}${how === 'all at once' ? ' at once' : ''}`;
      const claims = deleted.flatMap((r) => (r.volume?.pvName ? [r.volume.claimName ?? r.volume.name] : []));
      if (claims.length)
        words += `; ${listWords(claims)} ${claims.length === 1 ? 'is' : 'are'} kept for when it scales up again`;
      else if (deleted.some((r) => r.volume?.source === 'emptyDir')) words += '; their emptyDir data is gone';
      out.push(words);
    }
  }
  const present = records(w).filter((r) => r.goneAt === null && r.terminatingAt === null);
  out.push(
    `${present.filter((r) => r.isReady).length} of ${plural(w.replicas, 'replica')} Running and Ready`,
  );
  return out.map(sentence);
}

function revisionSentences(w: WorkloadHistory, episode: Episode, ownerName: string): string[] {
  const rs = episode.events.filter((e) => e.reason === 'ScalingReplicaSet').map((e) => e.message);
  const created = records(w).filter((r) => r.ownerName === ownerName);
  const out = [`The pod template changed, so the Deployment controller made a new ReplicaSet ${ownerName}`];
  if (rs.length)
    out.push(
      `It then ${rs.length > 2 ? `${rs.slice(0, 2).join(', ')} and more` : listWords(rs)}`.replace(
        'It then Scaled',
        'It then scaled',
      ),
    );
  out.push(`${plural(created.length, 'new pod')} with new names and empty emptyDirs so far`);
  return out.map(sentence);
}

function startSentences(w: WorkloadHistory): string[] {
  const all = records(w).sort((a, b) => a.createdAt - b.createdAt);
  if (all.length === 0) return [sentence(`${w.kind} ${w.name} has no pods`)];
  const how = pattern(all.map((r) => r.createdAt));
  const inOrder = w.kind === 'StatefulSet' && eachAfterReady(all);
  const ctrl = controllerName(w);
  const out = [
    `${ctrl} created ${listWords(all.map((r) => r.name))}${how ? ` ${how}` : ''}${how === 'one after another' && inOrder ? ', each once the one before was Running and Ready' : ''}`,
  ];
  const ready = all.filter((r) => r.isReady && r.goneAt === null).length;
  out.push(`${ready} of ${plural(w.replicas, 'replica')} Running and Ready; nothing has been changed since`);
  return out.map(sentence);
}

/** Two or three sentences about the workload's latest episode, or about how it started. */
export function whatJustHappened(w: WorkloadHistory): string[] {
  const episode = w.episode;
  if (!episode) return startSentences(w);
  const scaled = episode.actions.find((a) => a.type === 'scaled');
  if (scaled?.type === 'scaled') return scaledSentences(w, episode, scaled);
  const revision = episode.actions.find((a) => a.type === 'newRevision');
  if (revision?.type === 'newRevision') return revisionSentences(w, episode, revision.ownerName);
  const deletions = episode.actions.filter((a): a is DeletedPod => a.type === 'deletedPod');
  const byPerson = deletions.filter((a) => a.cause !== 'controller');
  if (byPerson.length) return deletedPodSentences(w, episode, byPerson);
  const byController = deletions.filter((a) => a.cause === 'controller');
  const replaced = byController.map((a) => successor(w, a.uid)).filter((s) => s?.after);
  const out = [`${controllerName(w)} deleted ${listWords(byController.map((a) => a.podName))}`];
  if (replaced.length)
    out.push(`It created ${listWords(replaced.map((s) => s!.after!.name))} in their place`);
  return out.map(sentence);
}
