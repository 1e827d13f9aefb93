/**
 * Strategies for Namespace (pkg/registry/core/namespace), Node (pkg/registry/core/node),
 * PodDisruptionBudget (pkg/registry/policy/poddisruptionbudget) and ConfigMap (pkg/registry/core/configmap).
 * Nodes keep the status they are created with, as a registering kubelet sends it.
 */
import type { Namespace, Node } from '../../api/core';
import type { PodDisruptionBudget } from '../../api/other';
import type { Strategy } from '../store';
import type { ConfigMap } from '../validation/other';
import {
  validateConfigMap,
  validateConfigMapUpdate,
  validateNamespace,
  validateNamespaceUpdate,
  validateNode,
  validateNodeUpdate,
  validatePodDisruptionBudget,
  validatePodDisruptionBudgetUpdate,
} from '../validation/other';

/** SetDefaults_Namespace: the kubernetes.io/metadata.name label always names the namespace. */
function setDefaultsNamespace(ns: Namespace): void {
  ns.metadata.labels = { ...ns.metadata.labels, 'kubernetes.io/metadata.name': ns.metadata.name };
}

export const namespaceStrategy: Strategy = {
  hasStatusSubresource: true,
  prepareForCreate(obj) {
    const ns = obj as Namespace;
    setDefaultsNamespace(ns);
    ns.spec = { finalizers: ['kubernetes'] };
    ns.status = { phase: 'Active' };
  },
  validate: (obj) => validateNamespace(obj as Namespace),
  prepareForUpdate(obj, old) {
    const ns = obj as Namespace;
    setDefaultsNamespace(ns);
    ns.spec = (old as Namespace).spec;
  },
  validateUpdate: (obj, old) => validateNamespaceUpdate(obj as Namespace, old as Namespace),
};

export const nodeStrategy: Strategy = {
  hasStatusSubresource: true,
  validate: (obj) => validateNode(obj as Node),
  validateUpdate: (obj, old) => validateNodeUpdate(obj as Node, old as Node),
};

export const podDisruptionBudgetStrategy: Strategy = {
  hasGeneration: true,
  hasStatusSubresource: true,
  prepareForCreate(obj) {
    (obj as PodDisruptionBudget).status = { currentHealthy: 0, desiredHealthy: 0, disruptionsAllowed: 0, expectedPods: 0 };
  },
  validate: (obj) => validatePodDisruptionBudget(obj as PodDisruptionBudget),
  validateUpdate: (obj, old) => validatePodDisruptionBudgetUpdate(obj as PodDisruptionBudget, old as PodDisruptionBudget),
};

export const configMapStrategy: Strategy = {
  validate: (obj) => validateConfigMap(obj as ConfigMap),
  validateUpdate: (obj, old) => validateConfigMapUpdate(obj as ConfigMap, old as ConfigMap),
};
