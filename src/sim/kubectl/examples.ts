/**
 * Manifest files bundled with the playground, so `kubectl apply -f web.yaml` and the official example URLs
 * (https://k8s.io/examples/...) work with no network. Contents follow the kubernetes/website examples.
 */
import { MYSQL_STATEFULSET_MANIFEST } from '../scenarios/catalog';

const WEB_SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: nginx
  labels:
    app: nginx
spec:
  ports:
  - port: 80
    name: web
  clusterIP: None
  selector:
    app: nginx
`;

function webStatefulSet(parallel: boolean): string {
  return `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: "nginx"
${parallel ? '  podManagementPolicy: "Parallel"\n' : ''}  replicas: 2
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: registry.k8s.io/nginx-slim:0.21
        ports:
        - containerPort: 80
          name: web
        volumeMounts:
        - name: www
          mountPath: /usr/share/nginx/html
  volumeClaimTemplates:
  - metadata:
      name: www
    spec:
      accessModes: [ "ReadWriteOnce" ]
      resources:
        requests:
          storage: 1Gi
`;
}

/** The default scenario's StatefulSet and headless Service, as a file a person can apply again. */
const MYSQL = `# A MySQL StatefulSet with its headless Service: one pod per ordinal, a volume per pod.
# Kubernetes gives each pod its own volume; it never copies data between them.
${MYSQL_STATEFULSET_MANIFEST}`;

/** The official example's two Services: the headless one for stable DNS names and one for reads. */
const MYSQL_SERVICES = `# Headless service for stable DNS entries of StatefulSet members.
apiVersion: v1
kind: Service
metadata:
  name: mysql
  labels:
    app: mysql
    app.kubernetes.io/name: mysql
spec:
  ports:
  - name: mysql
    port: 3306
  clusterIP: None
  selector:
    app: mysql
---
# Client service for connecting to any MySQL instance for reads.
# For writes, you must instead connect to the primary: mysql-0.mysql.
apiVersion: v1
kind: Service
metadata:
  name: mysql-read
  labels:
    app: mysql
    app.kubernetes.io/name: mysql
    readonly: "true"
spec:
  ports:
  - name: mysql
    port: 3306
  selector:
    app: mysql
`;

/** Bundled files by the names and URLs that reach them. */
const FILES: { names: string[]; content: string }[] = [
  {
    names: ['web.yaml', 'https://k8s.io/examples/application/web/web.yaml', 'https://kubernetes.io/examples/application/web/web.yaml'],
    content: `${WEB_SERVICE}---\n${webStatefulSet(false)}`,
  },
  {
    names: [
      'web-parallel.yaml',
      'https://k8s.io/examples/application/web/web-parallel.yaml',
      'https://kubernetes.io/examples/application/web/web-parallel.yaml',
    ],
    content: `${WEB_SERVICE}---\n${webStatefulSet(true)}`,
  },
  { names: ['mysql.yaml'], content: MYSQL },
  {
    names: [
      'mysql-services.yaml',
      'https://k8s.io/examples/application/mysql/mysql-services.yaml',
      'https://kubernetes.io/examples/application/mysql/mysql-services.yaml',
    ],
    content: MYSQL_SERVICES,
  },
];

/** The bundled file for a name or URL, or undefined. */
export function bundledFile(nameOrUrl: string): string | undefined {
  const normalized = nameOrUrl.replace(/^\.\//, '').replace(/^http:\/\//, 'https://');
  return FILES.find((f) => f.names.includes(normalized))?.content;
}

/** The short names of every bundled file (for completion and error hints). */
export function bundledFileNames(): string[] {
  return FILES.map((f) => f.names[0]!);
}
