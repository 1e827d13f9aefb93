/** The shell inside a pod's container, for `kubectl exec` and `kubectl run -it`. */
export { execInPod, execContainer, execProblem, PodShell } from './shell';
export type { ExecResult } from './shell';
export { imageProfile } from './images';
export type { ImageProfile } from './images';
