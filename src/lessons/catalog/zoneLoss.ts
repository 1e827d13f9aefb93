/**
 * Lesson 9: a zone is lost. Application replication with an operator, storage replicated across zones,
 * backups with VolumeSnapshots; and, in words, managed databases outside the cluster.
 */
import {
  DONE,
  all,
  claimRows,
  eventsFor,
  eventsWith,
  findNode,
  findPod,
  findWorkload,
  isUp,
  notYet,
} from '../checks';
import type { Lesson, LessonCheck } from '../types';

const WRITE = `kubectl exec mysql-0 -- mysql -e "CREATE DATABASE shop; CREATE TABLE shop.orders (id INT, item TEXT); INSERT INTO shop.orders VALUES (1, 'apple')"`;

const SNAPSHOT = `kubectl apply -f - <<EOF
apiVersion: snapshot.storage.k8s.io/v1
kind: VolumeSnapshot
metadata:
  name: shop-backup
spec:
  volumeSnapshotClassName: csi-playground-snapclass
  source:
    persistentVolumeClaimName: data-mysql-1
EOF`;

const RESTORE = `kubectl apply -f - <<EOF
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: shop-restore
spec:
  accessModes: ["ReadWriteOnce"]
  resources:
    requests:
      storage: 1Gi
  dataSource:
    kind: VolumeSnapshot
    apiGroup: snapshot.storage.k8s.io
    name: shop-backup
---
apiVersion: v1
kind: Pod
metadata:
  name: restore-check
spec:
  containers:
  - name: mysql
    image: mysql:8.0
    env:
    - name: MYSQL_ALLOW_EMPTY_PASSWORD
      value: "1"
    volumeMounts:
    - name: data
      mountPath: /var/lib/mysql
  volumes:
  - name: data
    persistentVolumeClaim:
      claimName: shop-restore
EOF`;

const LEDGER = `kubectl apply -f - <<EOF
apiVersion: v1
kind: Service
metadata:
  name: ledger
spec:
  clusterIP: None
  selector:
    app: ledger
  ports:
  - port: 3306
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: ledger
spec:
  serviceName: ledger
  replicas: 1
  selector:
    matchLabels:
      app: ledger
  template:
    metadata:
      labels:
        app: ledger
    spec:
      containers:
      - name: mysql
        image: mysql:8.0
        env:
        - name: MYSQL_ALLOW_EMPTY_PASSWORD
          value: "1"
        volumeMounts:
        - name: data
          mountPath: /var/lib/mysql
  volumeClaimTemplates:
  - metadata:
      name: data
    spec:
      storageClassName: replicated
      accessModes: ["ReadWriteOnce"]
      resources:
        requests:
          storage: 1Gi
EOF`;

const zoneDown = (zone: string): LessonCheck => ({ snapshot }) =>
  snapshot.nodes.filter((n) => n.zone === zone).every((n) => !n.isReady) ? DONE : notYet(`${zone} is not down`);

const failedOver: LessonCheck = ({ snapshot }) => {
  if (!eventsWith(snapshot, 'PrimaryElected').length) return notYet('the operator has not promoted a replica yet');
  const primary = snapshot.pods.find((p) => p.labels?.role === 'primary' && p.workloadName === 'mysql');
  const node = primary?.nodeName ? findNode(snapshot, primary.nodeName) : undefined;
  return primary && isUp(primary) && node?.isReady ? DONE : notYet('no primary runs on a healthy node yet');
};

const ledgerMoved: LessonCheck = ({ snapshot }) => {
  const pod = findPod(snapshot, 'ledger-0');
  const node = pod?.nodeName ? findNode(snapshot, pod.nodeName) : undefined;
  if (!isUp(pod) || node?.zone !== 'zone-b') return notYet('ledger-0 is not Running and Ready in zone-b yet');
  return claimRows(snapshot, 'data-ledger-0') > 0 ? DONE : notYet('data-ledger-0 holds no rows');
};

export const zoneLoss: Lesson = {
  id: 'zone-loss',
  number: 9,
  title: 'A zone is lost',
  goal: 'Survive a zone outage: an operator fails over, a replicated volume moves zones, a snapshot restores.',
  scenario: 'compare',
  seed: 1,
  summary:
    'A fourth way is to keep the database out of the cluster: a managed service (Cloud SQL, RDS, Azure Database, Atlas) runs replication, backups and failover across zones for you, and your pods reach it through a Service and a Secret. You trade control for operations you no longer do yourself.',
  steps: [
    {
      id: 'operator',
      title: 'Replication with an operator',
      instruction: 'Turn on primary–replica replication and the operator, then write a row on the primary.',
      commands: [
        `kubectl patch sts mysql -p '{"metadata":{"annotations":{"playground.k8s.io/replication":"primary-replica","playground.k8s.io/operator":"true"}}}'`,
        'sleep 15',
        WRITE,
        'sleep 5',
        'kubectl get pods -l app=mysql -L role -o wide',
      ],
      goal: 'The operator is on and the row has reached data-mysql-1.',
      check: all(
        ({ snapshot }) =>
          findWorkload(snapshot, 'StatefulSet', 'mysql')?.annotations?.['playground.k8s.io/operator'] === 'true'
            ? DONE
            : notYet('the operator is not switched on yet'),
        ({ snapshot }) => (claimRows(snapshot, 'data-mysql-1') > 0 ? DONE : notYet('data-mysql-1 has not received the row yet')),
      ),
      explanation: 'mysql-0 (zone-b) is primary; mysql-1 (zone-a) and mysql-2 (zone-b) replicate it.',
    },
    {
      id: 'zone-down',
      title: 'Lose zone-b',
      instruction: 'Power off both nodes of zone-b and wait a minute.',
      commands: [
        'sim zone down zone-b',
        'sleep 60',
        'kubectl get pods -l app=mysql -L role -o wide',
        'kubectl exec mysql-1 -- mysql -e "SELECT * FROM shop.orders"',
        `kubectl exec mysql-1 -- mysql -e "INSERT INTO shop.orders VALUES (2, 'pear')"`,
      ],
      question: {
        prompt: 'Who makes mysql-1 the new primary?',
        choices: ['The StatefulSet controller', 'The database operator', 'Nobody: writes stop until zone-b returns'],
        answer: 1,
        why: 'Kubernetes has no idea which pod is primary; the operator watches the database and promotes the most up-to-date replica.',
      },
      goal: 'zone-b is down and a primary runs on a healthy node.',
      check: all(zoneDown('zone-b'), failedOver),
      explanation:
        'Events on the StatefulSet: FailoverStarted, then PrimaryElected "Promoted mysql-1 to primary". mysql-1 takes writes. Without the operator nothing would be promoted; without replication there would be no copy in zone-a at all.',
    },
    {
      id: 'snapshot',
      title: 'Back up with a VolumeSnapshot',
      instruction: 'Take a snapshot of the new primary\'s claim.',
      commands: [SNAPSHOT, 'sleep 5', 'kubectl get volumesnapshot'],
      goal: 'The VolumeSnapshot shop-backup is ready to use.',
      check: ({ snapshot }) =>
        eventsFor(snapshot, 'volumesnapshot/shop-backup', 'SnapshotReady').length ? DONE : notYet('shop-backup is not ready yet'),
      explanation: 'The CSI driver cut the snapshot: READYTOUSE true. Backups are a copy at one instant; keep them outside the failure domain in a real cluster.',
    },
    {
      id: 'restore',
      title: 'Restore it into a new claim',
      instruction: 'Create a claim from the snapshot and a pod that mounts it, then read the row.',
      commands: [RESTORE, 'sleep 30', 'kubectl exec restore-check -- mysql -e "SELECT * FROM shop.orders"'],
      goal: 'restore-check is Ready and its claim shop-restore holds the row.',
      check: ({ snapshot }) =>
        isUp(findPod(snapshot, 'restore-check')) && claimRows(snapshot, 'shop-restore') > 0
          ? DONE
          : notYet('restore-check is not Ready with the restored rows yet'),
      explanation: 'The new volume started with the snapshot\'s files. This is how you roll back a bad migration or seed a new environment.',
    },
    {
      id: 'replicated-storage',
      title: 'Storage replicated across zones',
      instruction:
        'Create a one-pod StatefulSet ledger whose claim uses the replicated StorageClass (zone-b is still down, so it lands in zone-a), and write a row.',
      commands: [
        LEDGER,
        'sleep 40',
        `kubectl exec ledger-0 -- mysql -e "CREATE DATABASE shop; CREATE TABLE shop.orders (id INT, item TEXT); INSERT INTO shop.orders VALUES (1, 'apple')"`,
        'kubectl get pv',
      ],
      goal: 'ledger-0 is Ready and data-ledger-0 holds a row.',
      check: ({ snapshot }) =>
        isUp(findPod(snapshot, 'ledger-0')) && claimRows(snapshot, 'data-ledger-0') > 0
          ? DONE
          : notYet('ledger-0 is not Ready with a row yet'),
      explanation: 'Its PV is pinned to the region (topology.kubernetes.io/region), not a zone: the storage mirrors every write to the other zone.',
    },
    {
      id: 'move-zone',
      title: 'Lose zone-a instead',
      instruction:
        'Bring zone-b back, take zone-a down, and free ledger-0 from the dead nodes (force delete and the out-of-service taint).',
      commands: [
        'sim zone up zone-b',
        'sleep 60',
        'sim zone down zone-a',
        'sleep 60',
        'kubectl delete pod ledger-0 --grace-period=0 --force',
        'kubectl taint nodes node-1 node-2 node.kubernetes.io/out-of-service=nodeshutdown:NoExecute',
        'sleep 60',
        'kubectl get pods -l app=ledger -o wide',
        'kubectl exec ledger-0 -- mysql -e "SELECT * FROM shop.orders"',
      ],
      question: {
        prompt: 'Can ledger-0 start in zone-b with its data?',
        choices: ['No, volumes are zonal', 'Yes, its volume is replicated to zone-b', 'Only with a snapshot'],
        answer: 1,
        why: 'A regional volume can attach in any zone of its region.',
      },
      goal: 'ledger-0 is Ready in zone-b and still holds the row.',
      check: all(zoneDown('zone-a'), ledgerMoved),
      explanation:
        'ledger-0 came back in zone-b with the same claim and the same row. A zonal volume (the standard class) could not have followed: mysql pods in a dead zone wait for it. Every write paid for this: replicated PVs carry a higher write latency.',
    },
  ],
};
