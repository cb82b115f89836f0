// Registry of this folder's rules: adding a rule adds one import and one list entry here.
import type { FileRule } from '../types.js';
import composeRunsAsRoot from './compose-runs-as-root.js';
import dockerfileRunsAsRoot from './dockerfile-runs-as-root.js';
import dockerfileSecretInEnv from './dockerfile-secret-in-env.js';
import dockerfileSudo from './dockerfile-sudo.js';
import k8sPrivileged from './k8s-privileged.js';
import k8sRunsAsRoot from './k8s-runs-as-root.js';

export const RULES: readonly FileRule[] = [
  dockerfileRunsAsRoot,
  dockerfileSudo,
  dockerfileSecretInEnv,
  k8sRunsAsRoot,
  k8sPrivileged,
  composeRunsAsRoot,
];
