/**
 * Defaulting as the API server applies it when it decodes an object (pkg/apis/core/v1/defaults.go and
 * pkg/apis/apps/v1/defaults.go, SetDefaults_*), for the fields the simulator models. Each function fills in
 * only what is unset, so applying it twice changes nothing.
 */
import type { Deployment, ReplicaSet, StatefulSet } from '../../api/apps';
import type { Container, PersistentVolumeClaim, Pod, PodSpec, Probe, Service } from '../../api/core';

/** The image's tag as parsers.ParseImageName reads it: `latest` when neither tag nor digest is given. */
export function imageTag(image: string): string {
  if (image.includes('@')) return '';
  const lastSlash = image.lastIndexOf('/');
  const colon = image.indexOf(':', lastSlash + 1);
  return colon >= 0 ? image.slice(colon + 1) : 'latest';
}

/** SetDefaults_Probe and its handlers. */
function setDefaultsProbe(probe: Probe | undefined): void {
  if (!probe) return;
  probe.timeoutSeconds ??= 1;
  probe.periodSeconds ??= 10;
  probe.successThreshold ??= 1;
  probe.failureThreshold ??= 3;
  if (probe.httpGet) {
    probe.httpGet.path ??= '/';
    probe.httpGet.scheme ??= 'HTTP';
  }
}

/** SetDefaults_Container: imagePullPolicy by tag, termination message, port protocol, probes. */
export function setDefaultsContainer(c: Container): void {
  c.imagePullPolicy ??= imageTag(c.image ?? '') === 'latest' ? 'Always' : 'IfNotPresent';
  c.terminationMessagePath ??= '/dev/termination-log';
  c.terminationMessagePolicy ??= 'File';
  c.resources ??= {};
  for (const port of c.ports ?? []) port.protocol ??= 'TCP';
  setDefaultsProbe(c.readinessProbe);
  setDefaultsProbe(c.livenessProbe);
  setDefaultsProbe(c.startupProbe);
}

/** SetDefaults_PodSpec (plus SetDefaults_Volume): what every pod spec and pod template gets. */
export function setDefaultsPodSpec(spec: PodSpec): void {
  spec.dnsPolicy ??= 'ClusterFirst';
  spec.restartPolicy ??= 'Always';
  spec.securityContext ??= {};
  spec.terminationGracePeriodSeconds ??= 30;
  spec.schedulerName ??= 'default-scheduler';
  for (const c of spec.initContainers ?? []) setDefaultsContainer(c);
  for (const c of spec.containers ?? []) setDefaultsContainer(c);
  for (const v of spec.volumes ?? []) {
    const hasSource = v.persistentVolumeClaim || v.emptyDir || v.configMap || v.secret || v.hostPath || v.projected;
    if (!hasSource) v.emptyDir = {};
  }
}

/** SetDefaults_Pod: the pod spec, enableServiceLinks, and requests copied from limits where unset. */
export function setDefaultsPod(pod: Pod): void {
  pod.spec ??= { containers: [] };
  setDefaultsPodSpec(pod.spec);
  pod.spec.enableServiceLinks ??= true;
  for (const c of [...(pod.spec.initContainers ?? []), ...(pod.spec.containers ?? [])]) {
    const limits = c.resources?.limits;
    if (!limits) continue;
    const requests = (c.resources!.requests ??= {});
    for (const [name, value] of Object.entries(limits)) requests[name] ??= value;
  }
}

/** SetDefaults_PersistentVolumeClaim(Spec): volumeMode Filesystem, phase Pending. */
export function setDefaultsPersistentVolumeClaimSpec(spec: PersistentVolumeClaim['spec']): void {
  spec.volumeMode ??= 'Filesystem';
}

/** SetDefaults_StatefulSet: policy, update strategy, retention, replicas, history; template and claim templates. */
export function setDefaultsStatefulSet(sts: StatefulSet): void {
  const spec = sts.spec;
  spec.podManagementPolicy ??= 'OrderedReady';
  spec.updateStrategy ??= {};
  if (!spec.updateStrategy.type) {
    spec.updateStrategy.type = 'RollingUpdate';
    spec.updateStrategy.rollingUpdate ??= {};
  }
  const ru = spec.updateStrategy.rollingUpdate;
  if (spec.updateStrategy.type === 'RollingUpdate' && ru) {
    ru.partition ??= 0;
    // MaxUnavailableStatefulSet is beta and on by default in 1.35.
    ru.maxUnavailable ??= 1;
  }
  spec.persistentVolumeClaimRetentionPolicy ??= {};
  spec.persistentVolumeClaimRetentionPolicy.whenDeleted ??= 'Retain';
  spec.persistentVolumeClaimRetentionPolicy.whenScaled ??= 'Retain';
  spec.replicas ??= 1;
  spec.revisionHistoryLimit ??= 10;
  if (spec.template?.spec) setDefaultsPodSpec(spec.template.spec);
  for (const claim of spec.volumeClaimTemplates ?? []) {
    claim.apiVersion ??= 'v1';
    claim.kind ??= 'PersistentVolumeClaim';
    claim.spec ??= {};
    setDefaultsPersistentVolumeClaimSpec(claim.spec);
    claim.status ??= {};
    claim.status.phase ??= 'Pending';
  }
}

/** SetDefaults_Deployment: replicas 1, RollingUpdate 25%/25%, revisionHistoryLimit 10, progressDeadlineSeconds 600. */
export function setDefaultsDeployment(d: Deployment): void {
  const spec = d.spec;
  spec.replicas ??= 1;
  spec.strategy ??= {};
  spec.strategy.type ??= 'RollingUpdate';
  if (spec.strategy.type === 'RollingUpdate') {
    spec.strategy.rollingUpdate ??= {};
    spec.strategy.rollingUpdate.maxUnavailable ??= '25%';
    spec.strategy.rollingUpdate.maxSurge ??= '25%';
  }
  spec.revisionHistoryLimit ??= 10;
  spec.progressDeadlineSeconds ??= 600;
  if (spec.template?.spec) setDefaultsPodSpec(spec.template.spec);
}

/** SetDefaults_ReplicaSet: replicas 1; the template. */
export function setDefaultsReplicaSet(rs: ReplicaSet): void {
  rs.spec.replicas ??= 1;
  if (rs.spec.template?.spec) setDefaultsPodSpec(rs.spec.template.spec);
}

/**
 * SetDefaults_Service: type ClusterIP, sessionAffinity None, ports TCP with targetPort = port,
 * internalTrafficPolicy Cluster (not for ExternalName), externalTrafficPolicy Cluster for NodePort and LoadBalancer.
 */
export function setDefaultsService(svc: Service): void {
  const spec = svc.spec;
  spec.type ??= 'ClusterIP';
  spec.sessionAffinity ??= 'None';
  for (const port of spec.ports ?? []) {
    port.protocol ??= 'TCP';
    if (port.targetPort === undefined || port.targetPort === 0 || port.targetPort === '') port.targetPort = port.port;
  }
  if (spec.type !== 'ExternalName') spec.internalTrafficPolicy ??= 'Cluster';
  const ext = spec as Service['spec'] & { externalTrafficPolicy?: string };
  if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') ext.externalTrafficPolicy ??= 'Cluster';
}
