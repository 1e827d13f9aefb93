/**
 * The named scenarios: `compare` (the default), `compare-shared-pvc`, `tutorial-basics`, `empty`, `stress`.
 */
import { DEFAULT_NODES } from './bootstrap';
import type { NodeDefinition, Scenario } from './types';

const MYSQL_TEMPLATE = `    metadata:
      labels:
        app: APP
    spec:
      terminationGracePeriodSeconds: 10
      containers:
      - name: mysql
        image: mysql:8.0
        env:
        - name: MYSQL_ALLOW_EMPTY_PASSWORD
          value: "1"
        ports:
        - name: mysql
          containerPort: 3306
        volumeMounts:
        - name: data
          mountPath: /var/lib/mysql`;

function template(app: string): string {
  return MYSQL_TEMPLATE.replace('APP', app);
}

/** StatefulSet `mysql` (3 replicas, a 1Gi claim `data` per pod) and its headless Service `mysql`. */
export const MYSQL_STATEFULSET_MANIFEST = `apiVersion: v1
kind: Service
metadata:
  name: mysql
  labels:
    app: mysql
spec:
  clusterIP: None
  selector:
    app: mysql
  ports:
  - name: mysql
    port: 3306
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: mysql
spec:
  serviceName: mysql
  replicas: 3
  selector:
    matchLabels:
      app: mysql
  template:
${template('mysql')}
  volumeClaimTemplates:
  - metadata:
      name: data
    spec:
      accessModes: ["ReadWriteOnce"]
      resources:
        requests:
          storage: 1Gi
`;

function deployment(volume: string): string {
  return `apiVersion: v1
kind: Service
metadata:
  name: mysql-deploy
  labels:
    app: mysql-deploy
spec:
  selector:
    app: mysql-deploy
  ports:
  - name: mysql
    port: 3306
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: mysql-deploy
spec:
  replicas: 3
  selector:
    matchLabels:
      app: mysql-deploy
  template:
${template('mysql-deploy')}
      volumes:
${volume}
`;
}

const SHARED_PVC = `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: mysql-deploy-data
spec:
  accessModes: ["ReadWriteOnce"]
  resources:
    requests:
      storage: 1Gi
`;

function applyLines(yaml: string): string[] {
  return ['kubectl apply -f - <<EOF', ...yaml.trimEnd().split('\n'), 'EOF'];
}

function stressNodes(count: number): NodeDefinition[] {
  return Array.from({ length: count }, (_, i) => ({ name: `node-${i + 1}`, zone: `zone-${String.fromCharCode(97 + (i % 3))}`, maxPods: 250 }));
}

export const SCENARIOS: Scenario[] = [
  {
    name: 'compare',
    title: 'Deployment vs StatefulSet',
    description:
      'StatefulSet mysql (3 replicas, headless Service mysql, a PersistentVolumeClaim per pod from the volumeClaimTemplate data) beside Deployment mysql-deploy with the same pod template, an emptyDir volume and a ClusterIP Service.',
    nodes: DEFAULT_NODES,
    setup: [...applyLines(MYSQL_STATEFULSET_MANIFEST), ...applyLines(deployment('      - name: data\n        emptyDir: {}'))],
    warmUpMs: 60_000,
  },
  {
    name: 'compare-shared-pvc',
    title: 'Deployment sharing one PVC',
    description:
      'As compare, but the Deployment mounts one ReadWriteOnce PersistentVolumeClaim in all three pods: a pod on another node than the one the volume is attached to cannot attach it (Multi-Attach).',
    nodes: DEFAULT_NODES,
    setup: [
      ...applyLines(MYSQL_STATEFULSET_MANIFEST),
      ...applyLines(SHARED_PVC),
      // One pod first: while its claim is provisioned the scheduler keeps every pod needing it on the selected
      // node. Scaled up once the volume is bound, the Deployment spreads over both nodes of the volume's zone,
      // and the pod on the other node cannot attach the ReadWriteOnce volume.
      ...applyLines(deployment('      - name: data\n        persistentVolumeClaim:\n          claimName: mysql-deploy-data').replace('replicas: 3', 'replicas: 1')),
      'sleep 20',
      'kubectl scale deployment mysql-deploy --replicas=3',
    ],
    warmUpMs: 60_000,
  },
  {
    name: 'tutorial-basics',
    title: 'StatefulSet Basics tutorial',
    description: 'An empty default cluster, ready for `kubectl apply -f https://k8s.io/examples/application/web/web.yaml`.',
    nodes: DEFAULT_NODES,
    setup: [],
  },
  {
    name: 'empty',
    title: 'Empty cluster',
    description: 'Four nodes in two zones and the default StorageClass, nothing else.',
    nodes: DEFAULT_NODES,
    setup: [],
  },
  {
    name: 'stress',
    title: 'Stress: hundreds of pods',
    description: 'A 150-replica Parallel StatefulSet and a 150-replica Deployment on 12 nodes in three zones, for measuring.',
    nodes: stressNodes(12),
    setup: [
      ...applyLines(`apiVersion: v1
kind: Service
metadata:
  name: load
spec:
  clusterIP: None
  selector:
    app: load
  ports:
  - port: 80
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: load
spec:
  serviceName: load
  podManagementPolicy: Parallel
  replicas: 150
  selector:
    matchLabels:
      app: load
  template:
    metadata:
      labels:
        app: load
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: load-deploy
spec:
  replicas: 150
  selector:
    matchLabels:
      app: load-deploy
  template:
    metadata:
      labels:
        app: load-deploy
    spec:
      containers:
      - name: nginx
        image: nginx:1.27`),
    ],
    warmUpMs: 0,
  },
];

export const DEFAULT_SCENARIO = 'compare';

export function findScenario(name: string): Scenario | undefined {
  return SCENARIOS.find((s) => s.name === name);
}
