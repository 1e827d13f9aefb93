/**
 * What a container image brings to a shell session: which /bin/sh (busybox ash or Debian's dash), its prompt,
 * which tools are on PATH, the nslookup flavour, and the files baked into the image.
 *
 * Simplified: a handful of well-known images are recognised by name; any other image is treated as a
 * Debian-like image with curl and bind's nslookup, so unknown images stay usable.
 */
import { databaseTools } from './database/dataDir';

export type ShellFlavour = 'ash' | 'dash';

/** busybox 1.28 prints `Address 1: ...`; newer busybox and bind's nslookup print `Address: ...`. */
export type NslookupStyle = 'busybox-1.28' | 'busybox' | 'bind';

export interface ImageProfile {
  flavour: ShellFlavour;
  /** The root prompt of an interactive `sh`. */
  prompt: string;
  /** Commands on PATH beside the shell's builtins. */
  tools: ReadonlySet<string>;
  nslookup: NslookupStyle;
  /** True when the image runs an nginx that serves /usr/share/nginx/html on port 80. */
  servesNginx: boolean;
  /** Files baked into the image, by absolute path. */
  files: Readonly<Record<string, string>>;
}

const CORE = [
  'cat',
  'echo',
  'ls',
  'rm',
  'mkdir',
  'touch',
  'sleep',
  'date',
  'env',
  'hostname',
  'grep',
  'head',
  'tail',
  'wc',
  'printenv',
  'sort',
  'pwd',
  'true',
  'false',
  'id',
  'whoami',
  'uname',
];
const BUSYBOX_TOOLS = new Set([...CORE, 'sh', 'wget', 'nslookup', 'ping', 'ps']);
const DEBIAN_TOOLS = new Set([...CORE, 'sh', 'bash', 'curl']);
const GENERIC_TOOLS = new Set([...CORE, 'sh', 'bash', 'curl', 'nslookup', 'ping', 'wget']);

/** nginx's default index page, as the official image ships it in /usr/share/nginx/html/index.html. */
export const NGINX_INDEX_HTML = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

const NGINX_50X_HTML = `<!DOCTYPE html>
<html>
<head>
<title>Error</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>An error occurred.</h1>
<p>Sorry, the page you are looking for is currently unavailable.<br/>
Please try again later.</p>
<p>If you are the system administrator of this resource then please check
the <a href="http://nginx.org/r/error_log">error log</a> for details.</p>
<p>We have articles and troubleshooting guides here:
<a href="https://nginx.org/en/docs/">nginx.org</a>.</p>
<p><em>Faithfully yours, nginx.</em></p>
</body>
</html>
`;

/** The `nginx/<version>` nginx reports in its Server header and error pages. */
export const NGINX_VERSION = '1.27.5';

/**
 * The page nginx sends with an error status, as its built-in error pages look (nginx ends these lines with
 * CRLF; the terminal shows the same text with plain newlines).
 */
export function nginxErrorPage(code: 403 | 404): string {
  const title = code === 403 ? '403 Forbidden' : '404 Not Found';
  return `<html>\n<head><title>${title}</title></head>\n<body>\n<center><h1>${title}</h1></center>\n<hr><center>nginx/${NGINX_VERSION}</center>\n</body>\n</html>\n`;
}

/** The profile of an image reference such as `busybox:1.28`, `nginx`, `registry.k8s.io/nginx-slim:0.24`. */
export function imageProfile(image: string): ImageProfile {
  const { name, tag } = splitImage(image);
  const base = name.split('/').pop() ?? name;
  if (base === 'busybox') {
    return {
      flavour: 'ash',
      prompt: '/ # ',
      tools: BUSYBOX_TOOLS,
      nslookup: isBusybox128OrOlder(tag) ? 'busybox-1.28' : 'busybox',
      servesNginx: false,
      files: {},
    };
  }
  if (base === 'alpine') {
    return {
      flavour: 'ash',
      prompt: '/ # ',
      tools: BUSYBOX_TOOLS,
      nslookup: 'busybox',
      servesNginx: false,
      files: {},
    };
  }
  if (base === 'curl' && name.includes('curlimages')) {
    return {
      flavour: 'ash',
      prompt: '~ $ ',
      tools: new Set([...BUSYBOX_TOOLS, 'curl']),
      nslookup: 'busybox',
      servesNginx: false,
      files: {},
    };
  }
  if (base === 'nginx' || base === 'nginx-slim') {
    const alpine = tag.includes('alpine');
    return {
      flavour: alpine ? 'ash' : 'dash',
      prompt: alpine ? '/ # ' : '# ',
      tools: alpine ? new Set([...BUSYBOX_TOOLS, 'curl']) : DEBIAN_TOOLS,
      nslookup: 'busybox',
      servesNginx: true,
      files: {
        '/usr/share/nginx/html/index.html': NGINX_INDEX_HTML,
        '/usr/share/nginx/html/50x.html': NGINX_50X_HTML,
      },
    };
  }
  const databases = databaseTools(image);
  return {
    flavour: 'dash',
    prompt: '# ',
    tools: databases.length ? new Set([...GENERIC_TOOLS, ...databases]) : GENERIC_TOOLS,
    nslookup: 'bind',
    servesNginx: false,
    files: {},
  };
}

function splitImage(image: string): { name: string; tag: string } {
  const at = image.split('@')[0] ?? image;
  const slash = at.lastIndexOf('/');
  const colon = at.lastIndexOf(':');
  return colon > slash ? { name: at.slice(0, colon), tag: at.slice(colon + 1) } : { name: at, tag: 'latest' };
}

function isBusybox128OrOlder(tag: string): boolean {
  const m = tag.match(/^1\.(\d+)/);
  return !!m && Number(m[1]) <= 28;
}
