// The kubelet's public surface: the controller, per-node stop/start, and the pure helpers others use.
export { startKubelet, stopKubeletOn, startKubeletOn, isKubeletStopped, nodeImages, nodePodIPs } from './kubelet';
export { podIsReady, podQOSClass } from './status';
export { containerImageRef, defaultPullPolicy, imageIdFor, isUnpullableImage, parseImageReference } from './images';
export { containerProgram } from './program';
export { uniqueVolumeName } from './volumes';
