import { ApiServer } from '../../../src/sim/apiserver/store';
import { registerStrategies } from '../../../src/sim/apiserver/strategies';
import { VirtualClock } from '../../../src/sim/runtime/clock';
import { SeededRandom } from '../../../src/sim/runtime/random';
import type { KubeObject } from '../../../src/sim/api/meta';
import { ApiError } from '../../../src/sim/apiserver/errors';

/** An ApiServer with every strategy registered and the `default` namespace. */
export function newApi(seed = 1): ApiServer {
  const api = new ApiServer(new VirtualClock(), new SeededRandom(seed), seed);
  registerStrategies(api);
  api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } } as KubeObject);
  return api;
}

/** Runs `fn`, expecting an ApiError, and returns it. */
export function apiError(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error('expected an ApiError');
}

export const meta = (name: string) => ({ name }) as KubeObject['metadata'];
