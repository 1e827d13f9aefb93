/**
 * Network tools: curl (7.88, as in the Debian nginx image), busybox wget, nslookup (busybox 1.28, newer
 * busybox, or bind's), and busybox ping, each printing what the real tool prints.
 *
 * Simplified: curl knows -s -S -f -L -i -I -o -m; wget knows -q -O; ping needs no -c (it sends 4); timings are
 * fixed (0 ms connects, 0.080 ms round trips); no AAAA lookups.
 */
import type { Pod } from '../api/core';
import { KUBE_DNS_IP } from '../scenarios/bootstrap';
import { isIPv4, reverseName } from '../dns/names';
import { resolve, reverseLookup } from '../dns/resolver';
import { SIM_EPOCH_MS } from '../runtime/clock';
import { resolvePath } from './containerFs';
import { connect, lookupHost, parseUrl, serveHttp } from './http';
import type { HttpResponse } from './http';
import type { CommandCall, CommandFn } from './interpreter';
import { writeProblem } from './interpreter';

function httpDate(ms: number): string {
  return new Date(SIM_EPOCH_MS + ms).toUTCString();
}

type Fetched =
  { ok: true; response: HttpResponse; ip: string } | { ok: false; code: 6 | 7 | 28; ip?: string };

function fetchUrl(
  call: CommandCall,
  url: string,
  redirects: number,
): Fetched & { host: string; port: number } {
  const parsed = parseUrl(url) ?? { host: url, port: 80, path: '/' };
  const ip = lookupHost(call.session, parsed.host);
  if (!ip) return { ok: false, code: 6, host: parsed.host, port: parsed.port };
  const conn = connect(call.session, ip, parsed.port);
  if (!conn.ok)
    return { ok: false, code: conn.reason === 'timeout' ? 28 : 7, ip, host: parsed.host, port: parsed.port };
  const response = serveHttp(call.session, conn.pod, parsed.path, httpDate(call.session.ctx.clock.now()));
  const location = response.headers.find(([k]) => k === 'Location')?.[1];
  if (location && redirects > 0) return fetchUrl(call, location, redirects - 1);
  return { ok: true, response, ip, host: parsed.host, port: parsed.port };
}

const curl: CommandFn = (call) => {
  const opts = new Set<string>();
  let output: string | undefined;
  let url: string | undefined;
  for (let i = 0; i < call.args.length; i++) {
    const a = call.args[i]!;
    if (a === '-o' || a === '--output') output = call.args[++i];
    else if (a === '-m' || a === '--max-time' || a === '--connect-timeout' || a === '-H' || a === '-w') i++;
    else if (a.startsWith('--'))
      opts.add(
        {
          '--silent': 's',
          '--show-error': 'S',
          '--fail': 'f',
          '--location': 'L',
          '--include': 'i',
          '--head': 'I',
        }[a] ?? a,
      );
    else if (a.startsWith('-') && a.length > 1) for (const ch of a.slice(1)) opts.add(ch);
    else url = a;
  }
  const showErrors = !opts.has('s') || opts.has('S');
  if (!url) {
    call.err("curl: try 'curl --help' or 'curl --manual' for more information\n");
    return 2;
  }
  const result = fetchUrl(call, url, opts.has('L') ? 50 : 0);
  if (!result.ok) {
    if (showErrors) {
      if (result.code === 6) call.err(`curl: (6) Could not resolve host: ${result.host}\n`);
      else if (result.code === 28)
        call.err(
          `curl: (28) Failed to connect to ${result.host} port ${result.port} after 129999 ms: Couldn't connect to server\n`,
        );
      else
        call.err(
          `curl: (7) Failed to connect to ${result.host} port ${result.port} after 0 ms: Couldn't connect to server\n`,
        );
    }
    return result.code;
  }
  const { response } = result;
  if (opts.has('f') && response.status >= 400) {
    if (showErrors) call.err(`curl: (22) The requested URL returned error: ${response.status}\n`);
    return 22;
  }
  const head = `HTTP/1.1 ${response.status} ${response.reason}\n${response.headers.map(([k, v]) => `${k}: ${v}\n`).join('')}\n`;
  const text = opts.has('I') ? head : (opts.has('i') ? head : '') + response.body;
  if (output) {
    const path = resolvePath(call.session.cwd, output);
    if (writeProblem(call.session, path)) {
      if (showErrors) call.err(`curl: (23) Failure writing output to destination\n`);
      return 23;
    }
    call.session.fs.write(path, text);
  } else call.out(text);
  return 0;
};

const wget: CommandFn = (call) => {
  let quiet = false;
  let output: string | undefined;
  let url: string | undefined;
  for (let i = 0; i < call.args.length; i++) {
    const a = call.args[i]!;
    if (a === '-O') output = call.args[++i];
    else if (a.startsWith('-O')) output = a.slice(2);
    else if (a === '-q') quiet = true;
    else if (a === '-qO-' || a === '-qO') {
      quiet = true;
      output = a === '-qO-' ? '-' : call.args[++i];
    } else if (a === '-T') i++;
    else if (!a.startsWith('-')) url = a;
  }
  if (!url) {
    call.err(
      'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n',
    );
    return 1;
  }
  const result = fetchUrl(call, url, 20);
  if (!result.ok) {
    if (result.code === 6) call.err(`wget: bad address '${result.host}'\n`);
    else
      call.err(
        `wget: can't connect to remote host (${result.ip}): ${result.code === 28 ? 'Connection timed out' : 'Connection refused'}\n`,
      );
    return 1;
  }
  if (!quiet)
    call.err(
      `Connecting to ${result.host}${result.port !== 80 ? ':' + result.port : ''} (${result.ip}:${result.port})\n`,
    );
  if (result.response.status >= 400) {
    call.err(`wget: server returned error: HTTP/1.1 ${result.response.status} ${result.response.reason}\n`);
    return 1;
  }
  const body = result.response.body;
  if (output === '-') {
    if (!quiet) call.err('writing to stdout\n');
    call.out(body);
    if (!quiet)
      call.err(
        `-                    100% |********************************|   ${body.length}  0:00:00 ETA\nwritten to stdout\n`,
      );
    return 0;
  }
  const name = output ?? (parseUrl(url)?.path.split('/').pop() || 'index.html');
  const path = resolvePath(call.session.cwd, name);
  if (writeProblem(call.session, path)) {
    call.err(`wget: can't open '${name}': ${writeProblem(call.session, path)!.dash}\n`);
    return 1;
  }
  call.session.fs.write(path, body);
  if (!quiet)
    call.err(
      `saving to '${name}'\n${name.padEnd(20)} 100% |********************************|   ${body.length}  0:00:00 ETA\n'${name}' saved\n`,
    );
  return 0;
};

/** The addresses a name resolves to from this pod (getaddrinfo: /etc/hosts, then DNS with the search path). */
function addresses(call: CommandCall, name: string): { fqdn: string; ips: string[] } {
  if (isIPv4(name)) return { fqdn: name, ips: [name] };
  const local = lookupHost(call.session, name);
  const answer = resolve(call.session.ctx.api, name, { namespace: call.session.pod.metadata.namespace });
  if (answer.rcode === 'NOERROR') return { fqdn: answer.name, ips: answer.a };
  return { fqdn: name, ips: local ? [local] : [] };
}

const nslookup: CommandFn = (call) => {
  const name = call.args.find((a) => !a.startsWith('-'));
  if (!name) {
    call.err(
      'BusyBox v1.28.4 (2018-05-22 17:00:17 UTC) multi-call binary.\n\nUsage: nslookup [HOST] [SERVER]\n',
    );
    return 1;
  }
  const api = call.session.ctx.api;
  const style = call.session.profile.nslookup;
  if (style === 'busybox-1.28') {
    // busybox 1.28 prints the server, then getaddrinfo's answers, each with its reverse name when it has one.
    const server = reverseLookup(api, KUBE_DNS_IP)[0];
    call.out(
      `${'Server:'.padEnd(10)} ${KUBE_DNS_IP}\nAddress 1: ${KUBE_DNS_IP}${server ? ' ' + server : ''}\n\n`,
    );
    const { ips } = addresses(call, name);
    if (!ips.length) {
      call.err(`nslookup: can't resolve '${name}'\n`);
      return 1;
    }
    const lines = ips.map((ip, i) => {
      const rev = reverseLookup(api, ip)[0];
      return `Address ${i + 1}: ${ip}${rev ? ' ' + rev : ''}\n`;
    });
    call.out(`${'Name:'.padEnd(10)} ${name}\n${lines.join('')}`);
    return 0;
  }
  const port = style === 'bind' ? '#53' : ':53';
  call.out(`Server:\t\t${KUBE_DNS_IP}\nAddress:\t${KUBE_DNS_IP}${port}\n\n`);
  if (isIPv4(name)) {
    const names = reverseLookup(api, name);
    if (!names.length) {
      call.out(`** server can't find ${reverseName(name)}: NXDOMAIN\n\n`);
      return 1;
    }
    call.out(names.map((n) => `${reverseName(name)}\tname = ${n}.\n`).join('') + '\n');
    return 0;
  }
  const answer = resolve(api, name, { namespace: call.session.pod.metadata.namespace });
  if (answer.rcode !== 'NOERROR') {
    call.out(`** server can't find ${name}: NXDOMAIN\n\n`);
    return 1;
  }
  call.out(answer.a.map((ip) => `Name:\t${answer.name}\nAddress: ${ip}\n`).join('') + '\n');
  return 0;
};

const ping: CommandFn = (call) => {
  let count = 4;
  let host: string | undefined;
  for (let i = 0; i < call.args.length; i++) {
    const a = call.args[i]!;
    if (a === '-c') count = Number(call.args[++i] ?? 4);
    else if (a.startsWith('-c')) count = Number(a.slice(2));
    else if (a === '-W' || a === '-w' || a === '-i') i++;
    else if (!a.startsWith('-')) host = a;
  }
  if (!host) {
    call.err('BusyBox v1.36.1 multi-call binary.\n\nUsage: ping [OPTIONS] HOST\n');
    return 1;
  }
  const ip = lookupHost(call.session, host);
  if (!ip) {
    call.err(`ping: bad address '${host}'\n`);
    return 1;
  }
  const api = call.session.ctx.api;
  // Pods answer ICMP; a Service VIP is not a host (kube-proxy only forwards its ports).
  const answers =
    ip === '127.0.0.1' ||
    api.list<Pod>('Pod').some((p) => p.status.podIP === ip && p.status.phase === 'Running');
  call.out(`PING ${host} (${ip}): 56 data bytes\n`);
  for (let seq = 0; seq < count && answers; seq++)
    call.out(`64 bytes from ${ip}: seq=${seq} ttl=${ip === '127.0.0.1' ? 64 : 62} time=0.080 ms\n`);
  const received = answers ? count : 0;
  call.out(
    `\n--- ${host} ping statistics ---\n${count} packets transmitted, ${received} packets received, ${received ? 0 : 100}% packet loss\n`,
  );
  if (received) call.out('round-trip min/avg/max = 0.080/0.080/0.080 ms\n');
  return received ? 0 : 1;
};

export const NET_COMMANDS: Record<string, CommandFn> = { curl, wget, nslookup, ping };
