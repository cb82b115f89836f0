/**
 * What counts as root, shared by the Dockerfile, Kubernetes and Compose rules so that
 * `USER 0:0`, `user: "root"` and `runAsUser: 0` are judged alike.
 */

// ContainerAdministrator is root in Windows containers.
const ROOT_NAMES = new Set(['root', 'containeradministrator']);

/** `root`, `0`, `0:0`, `root:staff`: the user part decides; a root group alone (`1001:0`) is not root. */
export function isRootUser(user: string): boolean {
  const name = user.split(':')[0].trim().toLowerCase();
  return ROOT_NAMES.has(name) || /^0+$/.test(name);
}

/** The tag of an image reference, without registry, name or digest: "node:20@sha256:..." gives "20". */
export function imageTag(image: string): string | undefined {
  const ref = image.split('@')[0];
  const colon = ref.lastIndexOf(':');
  return colon > ref.lastIndexOf('/') ? ref.slice(colon + 1) : undefined;
}

const NONROOT_TAG = /(^|[-_.])nonroot($|[-_.])/i;

/**
 * Images whose tag promises a non-root default user (gcr.io/distroless/*:nonroot,
 * :debug-nonroot...). Decision: the tag is the only promise we trust; an image that
 * merely defaults to non-root today is still asked to state its user.
 */
export function tagPromisesNonRoot(image: string): boolean {
  const tag = imageTag(image);
  return tag !== undefined && NONROOT_TAG.test(tag);
}
