import { describe, expect, it } from 'vitest';
import type { SessionLogEntry } from '../../../src/protocol';
import { kindNodeName, sessionScript, simComment } from '../../../src/ui/editor/sessionScript';

function script(entries: SessionLogEntry[], setup: string[] = [], warmUpMs = 0): string[] {
  return sessionScript({ scenario: 'compare', seed: 1, setup, warmUpMs, entries }).split('\n');
}

const line = (text: string, at = 0, end = at): SessionLogEntry => ({ line: text, at, end });
const time = (at: number, end: number): SessionLogEntry => ({ line: null, at, end });

describe('sessionScript', () => {
  it('starts as a strict bash script', () => {
    const out = script([]);
    expect(out[0]).toBe('#!/usr/bin/env bash');
    expect(out).toContain('set -euo pipefail');
  });

  it('keeps kubectl lines and here-documents in order, untouched', () => {
    const out = script([line('kubectl apply -f - <<EOF'), line('kind: Service'), time(0, 5000), line('EOF'), line('kubectl get pods')]);
    const body = out.slice(out.indexOf('set -euo pipefail') + 2);
    expect(body).toEqual([
      'kubectl apply -f - <<EOF',
      'kind: Service',
      'EOF',
      'sleep 5  # the playground let this much simulated time pass here (play / step)',
      'kubectl get pods',
      '',
    ]);
  });

  it('adds up time that passed between commands and rounds it up to whole seconds', () => {
    const out = script([line('kubectl delete pod web-0'), time(0, 100), time(100, 200), time(200, 1300), line('kubectl get pods')]);
    expect(out).toContain('sleep 2  # the playground let this much simulated time pass here (play / step)');
  });

  it('runs the scenario setup first, then waits for its warm-up', () => {
    const out = script([line('kubectl get pods')], ['kubectl apply -f - <<EOF', 'kind: Service', 'EOF'], 60_000);
    const i = out.indexOf("# The scenario's starting objects.");
    expect(out.slice(i + 1, i + 5)).toEqual(['kubectl apply -f - <<EOF', 'kind: Service', 'EOF', "sleep 60  # the scenario's warm-up"]);
    expect(out.indexOf('kubectl get pods')).toBeGreaterThan(i + 4);
  });

  it('comments a sleep as simulated time', () => {
    expect(script([line('sleep 30')])).toContain('sleep 30  # in the playground this moved simulated time; here it waits for real');
  });

  it('turns watches and Ctrl+C into comments', () => {
    const out = script([line('kubectl get pods -w'), line('^C')]);
    expect(out).toContain('# kubectl get pods -w');
    expect(out.filter((l) => l.includes('^C'))).toEqual([]);
  });

  it('feeds a pod shell its lines as a here-document to kubectl exec -i', () => {
    const out = script([line('kubectl exec -it web-0 -- sh'), line('echo hi > /usr/share/nginx/html/index.html'), line('exit'), line('kubectl get pods')]);
    const i = out.indexOf("kubectl exec -i web-0 -- sh <<'EOF_POD_SHELL'");
    expect(i).toBeGreaterThan(0);
    expect(out.slice(i + 1, i + 4)).toEqual(['echo hi > /usr/share/nginx/html/index.html', 'EOF_POD_SHELL', 'kubectl get pods']);
  });

  it('keeps a set -e script going past kubectl diff, which exits 1 on differences', () => {
    expect(script([line('kubectl diff -f - <<EOF'), line('kind: Service'), line('EOF')])).toContain('kubectl diff -f - <<EOF || true');
  });

  it('names the kind node in kubectl lines that name a playground node', () => {
    const out = script([line('kubectl drain node-2 --ignore-daemonsets'), line('kubectl get node/node-1'), line('kubectl get pod my-node-1')]);
    expect(out).toContain('kubectl drain kind-worker2 --ignore-daemonsets');
    expect(out).toContain('kubectl get node/kind-worker');
    expect(out).toContain('kubectl get pod my-node-1');
  });

  it('splits a multi-line entry (the editor sends one) into its lines', () => {
    const out = script([line('kubectl apply -f - <<EOF\nkind: Service\nEOF')]);
    expect(out).toContain('kind: Service');
  });
});

describe('simComment', () => {
  it.each([
    ['sim node stop node-1', ['# sim node stop node-1', '#   The playground powered off node-1. On kind, stop its node container:', '#   docker stop kind-worker']],
    ['sim node start node-3', ['# sim node start node-3', '#   The playground powered on node-3. On kind, start its node container:', '#   docker start kind-worker3']],
    ['sim zone down zone-b', ['# sim zone down zone-b', '#   The playground took zone zone-b down. On kind, stop every node container of the zone:', '#   docker stop kind-worker3 kind-worker4']],
    ['sim digest', ['# sim digest', '#   A playground command with no equivalent on a real cluster.']],
  ])('%s', (input, expected) => {
    expect(simComment(input)).toEqual(expected);
  });

  it('is what the script carries instead of the sim line', () => {
    const out = script([line('sim node stop node-2')]);
    expect(out).toContain('#   docker stop kind-worker2');
    expect(out.filter((l) => l.startsWith('sim '))).toEqual([]);
  });
});

describe('kindNodeName', () => {
  it.each([
    ['node-1', 'kind-worker'],
    ['node-2', 'kind-worker2'],
    ['node-4', 'kind-worker4'],
    ['control-plane', 'control-plane'],
  ])('%s -> %s', (a, b) => expect(kindNodeName(a)).toBe(b));
});
