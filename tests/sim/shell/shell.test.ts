import { describe, expect, it } from 'vitest';
import type { Pod } from '../../../src/sim/api/core';
import { execInPod, PodShell } from '../../../src/sim/shell';
import { emptyDirVolumeId, pvVolumeId, rootfsVolumeId } from '../../../src/sim/storage/files';
import { harness, makePod, makeService, statefulSetBasics } from '../network/fixtures';
import type { Harness } from '../network/fixtures';

function busybox(h: Harness, image = 'busybox:1.28'): Pod {
  return makePod(h, 'dns-test', {
    labels: { run: 'dns-test' },
    ip: '10.244.2.9',
    node: 'node-2',
    containers: [{ name: 'dns-test', image }],
  });
}

function sh(h: Harness, pod: Pod, script: string, stdin?: string) {
  return execInPod(h.ctx, pod, undefined, ['sh', '-c', script], stdin);
}

describe('nslookup (busybox 1.28), as in the StatefulSet Basics tutorial', () => {
  const h = harness();
  statefulSetBasics(h);
  const pod = busybox(h);

  it('prints the per-pod name of a headless Service with its reverse name', () => {
    const r = execInPod(h.ctx, pod, undefined, ['nslookup', 'web-0.nginx']);
    expect(r.stdout).toBe(
      [
        'Server:    10.96.0.10',
        'Address 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local',
        '',
        'Name:      web-0.nginx',
        'Address 1: 10.244.1.6 web-0.nginx.default.svc.cluster.local',
        '',
      ].join('\n'),
    );
    expect(r.exitCode).toBe(0);
  });

  it('lists every ready pod for the Service name', () => {
    const r = execInPod(h.ctx, pod, undefined, ['nslookup', 'nginx']);
    expect(r.stdout.split('\n').slice(3)).toEqual([
      'Name:      nginx',
      'Address 1: 10.244.1.6 web-0.nginx.default.svc.cluster.local',
      'Address 2: 10.244.3.6 web-1.nginx.default.svc.cluster.local',
      '',
    ]);
  });

  it('resolves kubernetes.default to the API server VIP', () => {
    const r = execInPod(h.ctx, pod, undefined, ['nslookup', 'kubernetes.default']);
    expect(r.stdout.split('\n').slice(3, 5)).toEqual([
      'Name:      kubernetes.default',
      'Address 1: 10.96.0.1 kubernetes.default.svc.cluster.local',
    ]);
  });

  it("prints can't resolve on stderr with status 1 for NXDOMAIN", () => {
    const r = execInPod(h.ctx, pod, undefined, ['nslookup', 'web-5.nginx']);
    expect(r.stdout).toBe(
      'Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\n',
    );
    expect(r.stderr).toBe("nslookup: can't resolve 'web-5.nginx'\n");
    expect(r.exitCode).toBe(1);
  });

  it('uses the newer format in newer busybox', () => {
    const g = harness();
    statefulSetBasics(g);
    const p = busybox(g, 'busybox:1.36');
    expect(execInPod(g.ctx, p, undefined, ['nslookup', 'web-1.nginx']).stdout).toBe(
      'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\tweb-1.nginx.default.svc.cluster.local\nAddress: 10.244.3.6\n\n',
    );
  });
});

describe('shell language', () => {
  const h = harness();
  statefulSetBasics(h);
  const web0 = h.api.get<Pod>('Pod', 'default', 'web-0')!;
  const bb = busybox(h);

  it.each([
    ['echo $(hostname)', 'web-0\n'],
    ['echo "$HOSTNAME"', 'web-0\n'],
    ["echo '$HOSTNAME'", '$HOSTNAME\n'],
    ['hostname -f', 'web-0.nginx.default.svc.cluster.local\n'],
    ['hostname -i', '10.244.1.6 \n'],
    ['false || echo fallback; true && echo ok', 'fallback\nok\n'],
    ['false && echo never; echo $?', '1\n'],
    ['printf_not_here 2>/dev/null; echo $?', '127\n'],
    ['X=1; Y="$X two"; echo $Y', '1 two\n'],
    ['echo a b c | wc -l', '1\n'],
    ['cat /etc/hosts | grep web-0', '10.244.1.6\tweb-0.nginx.default.svc.cluster.local\tweb-0\n'],
    [
      'cat /etc/resolv.conf | head -n 1',
      'search default.svc.cluster.local svc.cluster.local cluster.local\n',
    ],
    ['date', 'Thu Jan  1 09:00:00 UTC 2026\n'],
    ['echo one; exit 3; echo two', 'one\n'],
  ])('%s', (script, expected) => {
    expect(sh(h, web0, script).stdout).toBe(expected);
  });

  it('reports unknown commands as the image shell does (dash vs busybox ash)', () => {
    expect(sh(h, web0, 'foo')).toEqual({ stdout: '', stderr: 'sh: 1: foo: not found\n', exitCode: 127 });
    expect(sh(h, bb, 'foo')).toEqual({ stdout: '', stderr: 'sh: foo: not found\n', exitCode: 127 });
    expect(sh(h, bb, 'curl http://web-0.nginx').stderr).toBe('sh: curl: not found\n');
  });

  it('exits with the status of exit N', () => {
    expect(sh(h, web0, 'exit 4').exitCode).toBe(4);
  });

  it('reports syntax errors', () => {
    expect(sh(h, bb, "echo 'oops")).toMatchObject({
      stderr: 'sh: syntax error: unterminated quoted string\n',
      exitCode: 2,
    });
    expect(sh(h, web0, 'echo a &&')).toMatchObject({
      stderr: 'sh: 1: Syntax error: end of file unexpected\n',
      exitCode: 2,
    });
  });

  it('fails to start a program the image does not have, as the runtime does', () => {
    const r = execInPod(h.ctx, web0, undefined, ['nslookup', 'web-0.nginx']);
    expect(r.error).toMatch(
      /^Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: exec: "nslookup": executable file not found in \$PATH: unknown$/,
    );
  });

  it('refuses to exec into a pod that is not running', () => {
    const pending = makePod(h, 'pending-0');
    expect(execInPod(h.ctx, pending, undefined, ['sh']).error).toBe(
      'unable to upgrade connection: container not found ("nginx")',
    );
  });
});

describe('files and volumes', () => {
  function withVolumes() {
    const h = harness();
    makeService(h, 'nginx');
    h.api.create({
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: {
        name: 'www-web-0',
        namespace: 'default',
        uid: '',
        resourceVersion: '',
        creationTimestamp: '',
      },
      spec: {
        accessModes: ['ReadWriteOnce'],
        resources: { requests: { storage: '1Gi' } },
        volumeName: 'pvc-1234',
      },
      status: { phase: 'Bound' },
    });
    const pod = makePod(h, 'web-0', {
      hostname: 'web-0',
      subdomain: 'nginx',
      ip: '10.244.1.6',
      volumes: [
        { name: 'www', persistentVolumeClaim: { claimName: 'www-web-0' } },
        { name: 'scratch', emptyDir: {} },
      ],
      mounts: [
        { name: 'www', mountPath: '/usr/share/nginx/html' },
        { name: 'scratch', mountPath: '/usr/share/nginx/html/tmp' },
      ],
    });
    h.ctx.files.ensure(pvVolumeId('pvc-1234'));
    return { h, pod };
  }

  it('writes each path to the volume mounted there (longest mountPath wins), never copying', () => {
    const { h, pod } = withVolumes();
    const r = sh(
      h,
      pod,
      'echo "$(hostname)" > /usr/share/nginx/html/index.html; echo scratch > /usr/share/nginx/html/tmp/x; echo root > /root/note',
    );
    expect(r).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect(h.ctx.files.dump()).toEqual({
      'pv:pvc-1234': { 'index.html': 'web-0\n' },
      [emptyDirVolumeId(pod.metadata.uid, 'scratch')]: { x: 'scratch\n' },
      [rootfsVolumeId(pod.metadata.uid, 'nginx')]: { 'root/note': 'root\n' },
    });
  });

  it('appends with >>, lists, removes and makes directories', () => {
    const { h, pod } = withVolumes();
    const script = [
      'cd /usr/share/nginx/html',
      'echo a > f; echo b >> f; cat f',
      'mkdir -p d/e && touch d/e/g && ls',
      'ls d/e',
      'rm f; ls',
      'rm d; echo $?',
      'cat nope',
    ].join('\n');
    const r = sh(h, pod, script);
    expect(r.stdout).toBe('a\nb\nd  f  tmp\ng\nd  tmp\n1\n');
    expect(r.stderr).toBe("rm: cannot remove 'd': Is a directory\ncat: nope: No such file or directory\n");
    expect(r.exitCode).toBe(1);
  });

  it('hides image files under a mount and shows them elsewhere', () => {
    const { h, pod } = withVolumes();
    expect(sh(h, pod, 'ls /usr/share/nginx/html').stdout).toBe('tmp\n');
    const plain = makePod(h, 'plain', { ip: '10.244.1.7' });
    expect(sh(h, plain, 'ls /usr/share/nginx/html').stdout).toBe('50x.html  index.html\n');
    expect(sh(h, plain, 'rm /usr/share/nginx/html/index.html; ls /usr/share/nginx/html').stdout).toBe(
      '50x.html\n',
    );
  });

  it('reports a missing directory on redirection', () => {
    const { h, pod } = withVolumes();
    expect(sh(h, pod, 'echo x > /nope/file')).toMatchObject({
      stderr: 'sh: 1: cannot create /nope/file: Directory nonexistent\n',
      exitCode: 1,
    });
  });

  it('passes stdin through (kubectl exec -i)', () => {
    const { h, pod } = withVolumes();
    sh(h, pod, 'cat > /usr/share/nginx/html/index.html', 'from stdin\n');
    expect(h.ctx.files.read(pvVolumeId('pvc-1234'), 'index.html')).toBe('from stdin\n');
  });
});

describe('curl', () => {
  function cluster() {
    const h = harness();
    statefulSetBasics(h);
    makeService(h, 'web', {
      clusterIP: '10.96.45.7',
      selector: { app: 'nginx' },
      ports: [{ name: 'http', port: 8080, protocol: 'TCP', targetPort: 80 }],
    });
    h.ctx.files.write(
      rootfsVolumeId(h.api.get<Pod>('Pod', 'default', 'web-0')!.metadata.uid, 'nginx'),
      'usr/share/nginx/html/index.html',
      'web-0\n',
    );
    h.ctx.files.write(
      rootfsVolumeId(h.api.get<Pod>('Pod', 'default', 'web-1')!.metadata.uid, 'nginx'),
      'usr/share/nginx/html/index.html',
      'web-1\n',
    );
    const client = makePod(h, 'client', {
      labels: { run: 'client' },
      ip: '10.244.2.9',
      containers: [{ name: 'client', image: 'nginx' }],
    });
    return { h, client };
  }

  it('fetches from localhost, from a per-pod name and from a Service VIP', () => {
    const { h, client } = cluster();
    const web0 = h.api.get<Pod>('Pod', 'default', 'web-0')!;
    expect(sh(h, web0, 'curl -s localhost').stdout).toBe('web-0\n');
    expect(sh(h, client, 'curl -s http://web-1.nginx/').stdout).toBe('web-1\n');
    expect(sh(h, client, 'curl -s http://web-0.nginx.default.svc.cluster.local:80/index.html').stdout).toBe(
      'web-0\n',
    );
    const seen = new Set<string>();
    for (let i = 0; i < 20; i++) seen.add(sh(h, client, 'curl -s web:8080').stdout);
    expect([...seen].sort()).toEqual(['web-0\n', 'web-1\n']);
  });

  it('serves the default nginx page from the image when nothing is mounted', () => {
    const { h, client } = cluster();
    expect(sh(h, client, 'curl -s localhost | grep h1').stdout).toBe('<h1>Welcome to nginx!</h1>\n');
  });

  it('answers 403 Forbidden for an empty mounted volume', () => {
    const { h } = withEmptyVolume();
    const pod = h.api.get<Pod>('Pod', 'default', 'web-0')!;
    expect(sh(h, pod, 'curl localhost').stdout).toBe(
      '<html>\n<head><title>403 Forbidden</title></head>\n<body>\n<center><h1>403 Forbidden</h1></center>\n<hr><center>nginx/1.27.5</center>\n</body>\n</html>\n',
    );
    expect(sh(h, pod, 'curl -sf localhost; echo $?').stdout).toBe('22\n');
  });

  it.each([
    ['curl http://nope/', 'curl: (6) Could not resolve host: nope\n', 6],
    [
      'curl web-0.nginx:8080',
      "curl: (7) Failed to connect to web-0.nginx port 8080 after 0 ms: Couldn't connect to server\n",
      7,
    ],
  ])('%s fails as curl does', (script, stderr, code) => {
    const { h, client } = cluster();
    expect(sh(h, client, script)).toEqual({ stdout: '', stderr, exitCode: code });
  });

  it('wget in busybox fetches a per-pod name', () => {
    const { h } = cluster();
    const bb = busybox(h);
    expect(sh(h, bb, 'wget -qO- web-1.nginx')).toEqual({ stdout: 'web-1\n', stderr: '', exitCode: 0 });
  });

  function withEmptyVolume() {
    const h = harness();
    h.api.create({
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: {
        name: 'www-web-0',
        namespace: 'default',
        uid: '',
        resourceVersion: '',
        creationTimestamp: '',
      },
      spec: {
        accessModes: ['ReadWriteOnce'],
        resources: { requests: { storage: '1Gi' } },
        volumeName: 'pvc-1',
      },
      status: { phase: 'Bound' },
    });
    makePod(h, 'web-0', {
      ip: '10.244.1.6',
      volumes: [{ name: 'www', persistentVolumeClaim: { claimName: 'www-web-0' } }],
      mounts: [{ name: 'www', mountPath: '/usr/share/nginx/html' }],
    });
    return { h };
  }
});

describe('PodShell', () => {
  it('runs an interactive busybox session with its prompt', () => {
    const h = harness();
    statefulSetBasics(h);
    const shell = new PodShell(h.ctx, busybox(h));
    expect(shell.prompt).toBe('/ # ');
    expect(shell.line('nslookup web-1.nginx')).toContain(
      'Address 1: 10.244.3.6 web-1.nginx.default.svc.cluster.local\n',
    );
    expect(shell.line('cd /tmp')).toBe('');
    expect(shell.prompt).toBe('/tmp # ');
    expect(shell.line('foo')).toBe('sh: foo: not found\n');
    expect(shell.line('exit 2')).toBe('');
    expect(shell.exited).toBe(true);
    expect(shell.exitCode).toBe(2);
  });

  it('numbers dash error lines and ends when the pod goes away', () => {
    const h = harness();
    statefulSetBasics(h);
    const shell = new PodShell(h.ctx, h.api.get<Pod>('Pod', 'default', 'web-0')!);
    expect(shell.prompt).toBe('# ');
    expect(shell.line('hostname')).toBe('web-0\n');
    expect(shell.line('foo')).toBe('sh: 2: foo: not found\n');
    h.api.delete('Pod', 'default', 'web-0', { gracePeriodSeconds: 0 });
    expect(shell.line('hostname')).toBe('');
    expect(shell.exited).toBe(true);
    expect(shell.exitCode).toBe(137);
  });
});

describe('text tools', () => {
  const h = harness();
  statefulSetBasics(h);
  const web0 = h.api.get<Pod>('Pod', 'default', 'web-0')!;
  it.each([
    ["printf_missing; echo 'b\na\nc' | sort", 'a\nb\nc\n'],
    ["echo 'b\na\nc' | sort -r | head -n 2", 'c\nb\n'],
    ['env | grep -c ^HOSTNAME=', '1\n'],
    ['env | grep KUBERNETES_SERVICE_HOST', 'KUBERNETES_SERVICE_HOST=10.96.0.1\n'],
    ["echo 'x y z' | wc -w", '3\n'],
    ["echo 'one\ntwo\nthree' | tail -n 1", 'three\n'],
  ])('%s', (script, expected) => {
    expect(sh(h, web0, script).stdout).toBe(expected);
  });
});
