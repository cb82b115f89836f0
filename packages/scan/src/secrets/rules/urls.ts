import type { SecretRule } from '../types.js';
import { isPlaceholder } from '../placeholders.js';

/** Default passwords of local containers and tutorials: a finding on them is noise, not a leak. */
const DEFAULT_PASSWORDS = new Set(['password', 'pass', 'passwd', 'postgres', 'mysql', 'root', 'admin', 'secret', 'guest', 'user', 'test', 'example', 'mongo', 'redis', 'rabbitmq', 'pwd', 'changeme', 'dev', 'local', 'docker', 'app', 'default']);

/** The password part of scheme://user:password@host, unless it is a placeholder or a default. */
function urlPassword(m: RegExpExecArray): string | undefined {
  const password = m[1];
  let decoded = password;
  try {
    decoded = decodeURIComponent(password);
  } catch {
    // Not percent-encoded after all: keep it as written.
  }
  // Under 4 characters (`app:pw@`) is a stand-in, not a password anyone deploys.
  if (decoded.length < 4 || DEFAULT_PASSWORDS.has(decoded.toLowerCase()) || isPlaceholder(decoded) || /^[:$%{<[]/.test(decoded)) return undefined;
  return password;
}

function databaseUrlRule(id: string, title: string, schemes: string, access: string, rotate: string, example: string): SecretRule {
  return {
    id,
    title,
    keywords: schemes.split('|').map((s) => `${s.replace(/\\/g, '').replace(/\(.*\)\?/, '')}:`),
    // scheme://user:password@host; user may be empty (redis://:password@host).
    regex: new RegExp(String.raw`(?<![\w+.-])(?:${schemes})://[^:@/\s"'\x60]{0,128}:([^@/\s"'\x60]{1,256})@[^/\s"'\x60:?#]{1,255}`, 'gi'),
    extract: urlPassword,
    severity: 'critical',
    access,
    rotate,
    samples: {
      truePositives: [`DATABASE_URL=${example.replace('PASSWORD', '{{[A-Za-z0-9]{20}}}')}`, `const pool = connect("${example.replace('PASSWORD', '{{[A-Za-z0-9!*-]{16}}}')}");`],
      falsePositives: [
        `DATABASE_URL=${example.replace('PASSWORD', '${DB_PASSWORD}')}`,
        `url: "${example.replace('PASSWORD', 'postgres')}" # local default`,
        `const url = \`${example.replace('PASSWORD', '${password}')}\`;`,
        `# ${example.replace('PASSWORD', '<password>')}`,
      ],
    },
  };
}

/** Credentials inside connection URLs: databases, queues, HTTP basic auth. */
export const URL_RULES: readonly SecretRule[] = [
  databaseUrlRule(
    'postgres-url-password',
    'PostgreSQL connection URL with a password',
    'postgres|postgresql',
    'Connects to the PostgreSQL database as that role: reads and changes every table it is granted.',
    'Change the role\'s password (ALTER ROLE ... PASSWORD), update the app\'s DATABASE_URL in the secret store, and check pg logs for foreign connections.',
    'postgres://shop_app:PASSWORD@db.internal:5432/shop',
  ),
  databaseUrlRule(
    'mysql-url-password',
    'MySQL or MariaDB connection URL with a password',
    'mysql|mysql2|mariadb',
    'Connects to the MySQL/MariaDB database as that user: reads and changes every table it is granted.',
    'Change the user\'s password (ALTER USER ... IDENTIFIED BY), update the secret store, and review the general or audit log.',
    'mysql://shop_app:PASSWORD@db.internal:3306/shop',
  ),
  databaseUrlRule(
    'mongodb-url-password',
    'MongoDB connection URL with a password',
    'mongodb|mongodb\\+srv',
    'Connects to the MongoDB deployment as that user: reads and changes every collection its roles allow.',
    'Change the database user\'s password (Atlas > Database Access, or db.changeUserPassword), update the secret store, and check the access log.',
    'mongodb+srv://shop_app:PASSWORD@cluster0.abcde.mongodb.net/shop',
  ),
  databaseUrlRule(
    'redis-url-password',
    'Redis connection URL with a password',
    'redis|rediss',
    'Connects to Redis: reads and overwrites every key (sessions, caches, queues), and with CONFIG may reach the host.',
    'Change the password (requirepass or the ACL user), update the secret store, and restart clients.',
    'redis://default:PASSWORD@cache.internal:6379/0',
  ),
  databaseUrlRule(
    'amqp-url-password',
    'AMQP (RabbitMQ) connection URL with a password',
    'amqp|amqps',
    'Connects to the message broker: reads, injects and deletes messages on every queue the user may use.',
    'Change the user\'s password (rabbitmqctl change_password), update the secret store, and restart consumers.',
    'amqps://shop_app:PASSWORD@mq.internal:5671/shop',
  ),
  {
    id: 'url-basic-auth',
    title: 'HTTP URL with a username and password',
    keywords: ['http://', 'https://'],
    regex: /(?<![\w+.-])https?:\/\/[^:@/\s"'`]{1,128}:([^@/\s"'`]{3,256})@[\w.-]{1,253}/gi,
    extract: urlPassword,
    entropy: 2.5,
    severity: 'high',
    access: 'Logs in to the service at that URL as that user (an internal API, a registry, a CI server, an admin page).',
    rotate: 'Change the account\'s password or token on that service, and pass credentials in a header from the environment instead of in the URL.',
    samples: {
      truePositives: ['const registry = "https://ci-bot:{{[A-Za-z0-9]{24}}}@artifacts.acme.dev/npm/";'],
      falsePositives: ['fetch("https://user:password@example.com/api")', 'const url = `https://${user}:${pass}@${host}`;', 'see https://en.wikipedia.org/wiki/Basic_access_authentication'],
    },
  },
];
