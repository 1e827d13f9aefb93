/**
 * Starting manifests for the YAML editor: the objects people write most around stateful workloads, valid
 * for Kubernetes 1.35 as written (each applies cleanly in the playground and on a real cluster).
 */

export interface ManifestTemplate {
  id: string;
  /** What the picker shows. */
  label: string;
  text: string;
}

const STATEFULSET = `apiVersion: v1
kind: Service
metadata:
  name: web
  labels:
    app: web
spec:
  clusterIP: None   # headless: one DNS name per pod (web-0.web.default.svc.cluster.local)
  selector:
    app: web
  ports:
  - name: http
    port: 80
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: web
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: registry.k8s.io/nginx-slim:0.27
        ports:
        - name: http
          containerPort: 80
        volumeMounts:
        - name: www
          mountPath: /usr/share/nginx/html
  volumeClaimTemplates:
  - metadata:
      name: www
    spec:
      accessModes: ["ReadWriteOnce"]
      resources:
        requests:
          storage: 1Gi
`;

const DEPLOYMENT = `apiVersion: v1
kind: Service
metadata:
  name: app
spec:
  type: ClusterIP   # one virtual IP in front of all the pods
  selector:
    app: app
  ports:
  - name: http
    port: 80
    targetPort: 80
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: app
spec:
  replicas: 3
  selector:
    matchLabels:
      app: app
  template:
    metadata:
      labels:
        app: app
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        ports:
        - name: http
          containerPort: 80
`;

const PVC = `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  accessModes: ["ReadWriteOnce"]
  storageClassName: standard
  resources:
    requests:
      storage: 1Gi
`;

const PDB = `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: web
spec:
  minAvailable: 2   # a drain evicts a pod only while 2 others stay available
  selector:
    matchLabels:
      app: web
`;

const SNAPSHOT = `apiVersion: snapshot.storage.k8s.io/v1
kind: VolumeSnapshot
metadata:
  name: www-web-0-snap
spec:
  volumeSnapshotClassName: csi-playground-snapclass
  source:
    persistentVolumeClaimName: www-web-0
`;

const RESTORE = `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: www-web-0-restored
spec:
  accessModes: ["ReadWriteOnce"]
  storageClassName: standard
  resources:
    requests:
      storage: 1Gi
  dataSource:   # a new volume filled from the snapshot
    apiGroup: snapshot.storage.k8s.io
    kind: VolumeSnapshot
    name: www-web-0-snap
`;

export const TEMPLATES: readonly ManifestTemplate[] = [
  { id: 'statefulset', label: 'StatefulSet + headless Service', text: STATEFULSET },
  { id: 'deployment', label: 'Deployment + ClusterIP Service', text: DEPLOYMENT },
  { id: 'pvc', label: 'PersistentVolumeClaim', text: PVC },
  { id: 'pdb', label: 'PodDisruptionBudget', text: PDB },
  { id: 'snapshot', label: 'VolumeSnapshot', text: SNAPSHOT },
  { id: 'restore', label: 'PVC restored from a snapshot', text: RESTORE },
];

/** The template with `id`, or the first one. */
export function templateById(id: string): ManifestTemplate {
  return TEMPLATES.find((t) => t.id === id) ?? TEMPLATES[0]!;
}

/**
 * The console line that runs `kubectl <verb> -f -` on `text` as a here-document, as a person would type it
 * (`verb` may carry flags: `apply --dry-run=server`, `diff`).
 */
export function kubectlHeredoc(verb: string, text: string): string {
  const body = text.replace(/\n+$/, '');
  // A manifest line that is exactly EOF would end the here-document early: pick a delimiter it lacks.
  let delimiter = 'EOF';
  while (body.split('\n').some((l) => l === delimiter)) delimiter += '_';
  return `kubectl ${verb} -f - <<${delimiter}\n${body}\n${delimiter}`;
}
