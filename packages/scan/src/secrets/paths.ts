/**
 * Which files the secret scan reads. Secrets hide in any text file (config of every format,
 * .env, .npmrc, scripts, docs), so the scan reads everything except formats that cannot hold
 * a readable secret. Binary files that slip through are caught by their content and listed.
 */
const BINARY_EXTENSIONS = new Set(
  (
    'png jpg jpeg gif bmp ico icns tif tiff webp avif heic psd ai sketch fig ' +
    'woff woff2 ttf otf eot ' +
    'mp3 mp4 m4a m4v mov avi mkv webm wav flac ogg oga ogv opus ' +
    'zip gz tgz bz2 xz zst 7z rar tar jar war ear apk aab ipa dmg iso deb rpm msi ' +
    'exe dll so dylib a o obj lib class pyc pyo wasm node bin dat db sqlite sqlite3 ' +
    'pdf doc docx xls xlsx ppt pptx odt ods odp ' +
    'map snap lockb'
  ).split(' '),
);

/** Generated source maps and snapshots restate code found elsewhere; lockb is Bun's binary lockfile. */
export function isSecretScanCandidate(path: string): boolean {
  const base = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  const dot = base.lastIndexOf('.');
  if (dot <= 0) return true; // Dockerfile, LICENSE, .env, .npmrc
  return !BINARY_EXTENSIONS.has(base.slice(dot + 1));
}

/** `.env`, `.env.production`, `prod.env`: files that hold an environment's secrets. Templates (.env.example) are meant to be committed. */
export function isEnvFile(path: string): boolean {
  const base = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  if (!/^\.env(?:\.[\w.-]+)?$|^[\w.-]+\.env$/.test(base)) return false;
  return !/(?:^|[.-])(?:example|sample|template|tmpl|dist|defaults?|schema|skeleton|tpl)(?:$|[.-])/.test(base);
}

/** Credential files of package managers and tools: .npmrc, .yarnrc.yml, .pypirc, .netrc, .git-credentials, Docker's config.json. */
export function isCredentialFile(path: string): boolean {
  const base = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  return /^(?:\.npmrc|\.yarnrc\.yml|\.yarnrc|\.pypirc|\.netrc|_netrc|\.git-credentials|\.dockercfg)$/.test(base) || /(?:^|\/)\.docker\/config\.json$/i.test(path);
}
