import type { SecretRule } from '../types.js';
import { token } from './shared.js';

const GITHUB_ROTATE = 'Revoke it at github.com/settings/tokens (or the app\'s settings, or with the credentials revocation API), create a new one with the fewest scopes and an expiry, and review the security log for its use.';
const GITLAB_ROTATE = 'Revoke it in GitLab (User settings > Access tokens, or the project/group settings that issued it), create a replacement with the fewest scopes and an expiry, and check the audit events.';

/** GitHub, GitLab and package registries: npm, PyPI, Docker. */
export const CODE_HOSTING_RULES: readonly SecretRule[] = [
  {
    id: 'github-pat',
    title: 'GitHub personal access token (classic)',
    keywords: ['ghp_'],
    regex: token('ghp_[A-Za-z0-9]{36}'),
    entropy: 3,
    // The token GitHub's own documentation prints.
    allowlist: { regexes: [/^ghp_16C7e42F292c6912E7710c838347Ae178B4a$/] },
    severity: 'critical',
    access: 'Acts as the GitHub user on every repository and organisation its scopes cover: read and push code, packages, workflows.',
    rotate: GITHUB_ROTATE,
    samples: {
      truePositives: ['const octokit = new Octokit({ auth: "{{ghp_[A-Za-z0-9]{36}}}" });', { text: 'GITHUB_TOKEN={{ghp_[A-Za-z0-9]{36}}}\n', path: '.env' }],
      falsePositives: ['auth: "ghp_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"', 'const prefix = "ghp_"; // classic tokens start with ghp_', 'curl -H "Authorization: token ghp_16C7e42F292c6912E7710c838347Ae178B4a" https://api.github.com/user'],
    },
  },
  {
    id: 'github-fine-grained-pat',
    title: 'GitHub fine-grained personal access token',
    keywords: ['github_pat_'],
    regex: token('github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}'),
    entropy: 3,
    severity: 'critical',
    access: 'Acts as the GitHub user on the repositories and with the permissions chosen when it was created.',
    rotate: GITHUB_ROTATE,
    samples: {
      truePositives: ['GH_TOKEN: {{github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}}}'],
      falsePositives: ['GH_TOKEN: github_pat_<your-token>'],
    },
  },
  {
    id: 'github-app-token',
    title: 'GitHub App installation, user or refresh token',
    keywords: ['ghs_', 'ghu_', 'ghr_'],
    regex: token('gh[sur]_[A-Za-z0-9]{36}'),
    entropy: 3,
    severity: 'high',
    access: 'Acts as the GitHub App installation (ghs_), as a user through the app (ghu_), or mints new user tokens (ghr_, refresh).',
    rotate: GITHUB_ROTATE,
    samples: {
      truePositives: ['headers: { authorization: "token {{ghs_[A-Za-z0-9]{36}}}" }', 'refresh_token={{ghr_[A-Za-z0-9]{36}}}'],
      falsePositives: ['// installation tokens look like ghs_ followed by 36 characters'],
    },
  },
  {
    id: 'github-oauth-token',
    title: 'GitHub OAuth access token',
    keywords: ['gho_'],
    regex: token('gho_[A-Za-z0-9]{36}'),
    entropy: 3,
    severity: 'critical',
    access: 'Acts as the user who authorised the OAuth app, with the scopes granted to it.',
    rotate: GITHUB_ROTATE,
    samples: {
      truePositives: ['oauth_token: {{gho_[A-Za-z0-9]{36}}}'],
      falsePositives: ['oauth_token: gho_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
    },
  },
  {
    id: 'gitlab-pat',
    title: 'GitLab personal, project or group access token',
    keywords: ['glpat-'],
    regex: token(String.raw`glpat-[\w-]{20}(?:[\w-]{7,280}\.[0-9a-z]{2}\.?[0-9a-z]{7})?`),
    entropy: 3,
    severity: 'critical',
    access: 'Calls the GitLab API and git over HTTPS as its user, project or group, with its scopes (api, read_repository, write_repository, ...).',
    rotate: GITLAB_ROTATE,
    samples: {
      truePositives: ['GITLAB_TOKEN={{glpat-[A-Za-z0-9_-]{20}}}', 'token: "{{glpat-[A-Za-z0-9_-]{36}}}.01.{{[0-9a-z]{7}}}"'],
      falsePositives: ['GITLAB_TOKEN=glpat-xxxxxxxxxxxxxxxxxxxx'],
    },
  },
  {
    id: 'gitlab-token',
    title: 'GitLab deploy, runner, CI/CD, trigger or OAuth token',
    keywords: ['gldt-', 'glrt-', 'glptt-', 'glcbt-', 'glimt-', 'glagent-', 'gloas-', 'glsoat-', 'glft-', 'glffct-', 'gr1348941'],
    regex: token(String.raw`(?:gldt|glrt|glcbt|glimt|glsoat|glft|glffct)-[\w-]{20,64}|glptt-[0-9a-f]{40}|glagent-[\w-]{50}|gloas-[\w-]{64}|GR1348941[\w-]{20}`),
    entropy: 3,
    severity: 'high',
    access: 'Depending on its prefix: pulls and pushes images and packages (deploy), registers CI runners, triggers pipelines, or authenticates an OAuth app against GitLab.',
    rotate: GITLAB_ROTATE,
    samples: {
      truePositives: ['CI_DEPLOY_PASSWORD={{gldt-[A-Za-z0-9_-]{20}}}', 'token = "{{glrt-[A-Za-z0-9_-]{20}}}"', 'curl -X POST -F token={{glptt-[0-9a-f]{40}}} https://gitlab.example/api/v4/projects/1/trigger/pipeline'],
      falsePositives: ['runner tokens start with glrt- and are shown once'],
    },
  },
  {
    id: 'npm-access-token',
    title: 'npm access token',
    keywords: ['npm_'],
    regex: token('npm_[A-Za-z0-9]{36}'),
    entropy: 3,
    severity: 'critical',
    access: 'Publishes and unpublishes every package the npm account (or its granular token scope) can write: a supply-chain attack on everyone who installs them.',
    rotate: 'Revoke it with `npm token revoke <id>` or at npmjs.com > Access Tokens, create a granular token with an expiry, and store it as a CI secret (NPM_TOKEN) referenced as ${NPM_TOKEN} in .npmrc.',
    samples: {
      truePositives: [{ text: '//registry.npmjs.org/:_authToken={{npm_[A-Za-z0-9]{36}}}\n', path: '.npmrc' }, 'env: { NPM_TOKEN: "{{npm_[A-Za-z0-9]{36}}}" }'],
      falsePositives: [{ text: '//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n', path: '.npmrc' }, 'const key = "npm_config_cache";'],
    },
  },
  {
    id: 'npmrc-auth-token',
    title: 'Registry credential in .npmrc or .yarnrc.yml',
    keywords: ['_auth', '_password', 'npmauthtoken', 'npmauthident'],
    paths: /(?:^|\/)(?:\.npmrc|npmrc|\.yarnrc\.yml|\.yarnrc)$/,
    regex: /(?:_authToken|_auth|_password|npmAuthToken|npmAuthIdent)["']?\s{0,3}[=:]\s{0,3}["']?([^\s"'$][^\s"']{7,500})/gi,
    severity: 'critical',
    access: 'Publishes to (or reads private packages from) the registry named on the line, as the account that owns the token.',
    rotate: 'Revoke the token in the registry (npm token revoke, GitHub Packages or your private registry), issue a new one and reference it as ${NPM_TOKEN} in .npmrc, set from the CI secret store.',
    samples: {
      truePositives: [
        { text: '@acme:registry=https://npm.pkg.github.com\n//npm.pkg.github.com/:_authToken={{[A-Za-z0-9]{40}}}\n', path: '.npmrc' },
        { text: 'npmRegistries:\n  "https://registry.acme.dev":\n    npmAuthToken: "{{[A-Za-z0-9-]{36}}}"\n', path: '.yarnrc.yml' },
      ],
      falsePositives: [{ text: '//registry.npmjs.org/:_authToken=${NPM_TOKEN}\nalways-auth=true\n', path: '.npmrc' }, { text: 'fund=false\naudit=false\n', path: '.npmrc' }],
    },
  },
  {
    id: 'pypi-token',
    title: 'PyPI API token',
    keywords: ['pypi-ageichlwas5vcmc'],
    regex: token(String.raw`pypi-AgEIcHlwaS5vcmc[\w-]{50,1000}`),
    entropy: 3,
    severity: 'critical',
    access: 'Uploads releases of every PyPI project the token is scoped to (or of all the account\'s projects).',
    rotate: 'Delete it at pypi.org > Account settings > API tokens, create a project-scoped token (or use trusted publishing from CI, with no token at all).',
    samples: {
      truePositives: [{ text: '[pypi]\nusername = __token__\npassword = pypi-AgEIcHlwaS5vcmc{{[A-Za-z0-9_-]{70}}}\n', path: '.pypirc' }],
      falsePositives: [{ text: '[pypi]\nusername = __token__\npassword = pypi-AgEIcHlwaS5vcmc...\n', path: '.pypirc' }],
    },
  },
  {
    id: 'docker-config-auth',
    title: 'Docker registry credential (config.json auths)',
    keywords: ['"auth"'],
    // The value is base64 of "user:password"; extract() below checks that it decodes so.
    regex: /"auth"\s{0,3}:\s{0,3}"([A-Za-z0-9+/]{8,2048}={0,2})"/g,
    extract(m) {
      const decoded = Buffer.from(m[1], 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      return colon > 0 && colon < decoded.length - 3 && /^[\x21-\x7e]+$/.test(decoded) ? m[1] : undefined;
    },
    severity: 'critical',
    access: 'Pushes and pulls images in the registry account (Docker Hub, GHCR, ECR, a private registry): replace an image and everyone deploying it runs your code.',
    rotate: 'Change the registry password or revoke the access token in the registry, create a new token, and use a credential helper (credsStore) instead of a committed config.json.',
    samples: {
      truePositives: [{ text: '{\n  "auths": {\n    "https://index.docker.io/v1/": { "auth": "{{base64:deploy-bot:[A-Za-z0-9]{24}}}" }\n  }\n}\n', path: '.docker/config.json' }],
      falsePositives: [{ text: '{ "auths": { "ghcr.io": {} }, "credsStore": "desktop" }', path: '.docker/config.json' }, '{ "auth": "bearer", "mode": "cors" }'],
    },
  },
];
