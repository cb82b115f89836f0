import type { SecretRule } from '../types.js';
import { keyed, token } from './shared.js';

/** AWS, Google Cloud and Azure credentials. */
export const CLOUD_RULES: readonly SecretRule[] = [
  {
    id: 'aws-access-key-id',
    title: 'AWS access key ID',
    keywords: ['akia', 'asia', 'abia', 'acca', 'a3t'],
    // Key ids are base32: A-Z and 2-7 after the four-letter kind (AKIA long-term, ASIA temporary).
    regex: /(?<![A-Z0-9])((?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z2-7]{16})(?![A-Z0-9])/g,
    entropy: 3,
    allowlist: { regexes: [/EXAMPLE$/] },
    severity: 'critical',
    tiers: [{ when: /^ASIA/, severity: 'high', label: 'temporary (STS) credentials' }],
    access: 'Half of an AWS API credential: with its secret access key it signs requests as that IAM user or role, to every AWS service the policy allows.',
    rotate: 'In IAM, create a new access key for the user, deploy it, then deactivate and delete the old key (aws iam update-access-key --status Inactive, then delete-access-key). Check CloudTrail for its use.',
    samples: {
      truePositives: ['const s3 = new S3Client({ credentials: { accessKeyId: "{{AKIA[A-Z2-7]{16}}}" } });', { text: 'aws_access_key_id = {{ASIA[A-Z2-7]{16}}}\n', path: '.aws/credentials' }],
      falsePositives: ['// The AWS docs use AKIAIOSFODNN7EXAMPLE in every sample', '{ "timezone": "Asia/Kolkata", "region": "ASIATICA" }', 'accessKeyId: process.env.AWS_ACCESS_KEY_ID,'],
    },
  },
  {
    id: 'aws-secret-access-key',
    title: 'AWS secret access key',
    keywords: ['secret'],
    regex: keyed(String.raw`aws[\w.-]{0,20}?secret|secret[_.-]?access[_.-]?key|secretAccessKey`, '[A-Za-z0-9/+]{40}'),
    entropy: 4,
    allowlist: { stopwords: ['example'] },
    severity: 'critical',
    access: 'The signing half of an AWS access key: with the key id it acts as that IAM user or role on every AWS service its policy allows.',
    rotate: 'Create a new access key in IAM, deploy it, then deactivate and delete the old one; review CloudTrail for calls made with it.',
    samples: {
      truePositives: [{ text: '[default]\naws_access_key_id = {{AKIA[A-Z2-7]{16}}}\naws_secret_access_key = {{[A-Za-z0-9/+]{40}}}\n', path: '.aws/credentials' }, 'const creds = { secretAccessKey: "{{[A-Za-z0-9/+]{40}}}" };'],
      falsePositives: ['aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'AWS_SECRET_ACCESS_KEY=${AWS_SECRET_ACCESS_KEY}', 'secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY'],
    },
  },
  {
    id: 'gcp-api-key',
    title: 'Google Cloud API key',
    keywords: ['aiza'],
    regex: token(String.raw`AIza[\w-]{35}`),
    entropy: 4,
    // Browser apps ship these by design (Maps, Firebase); the harm depends on the key's restrictions.
    severity: 'medium',
    access: 'Calls the Google APIs enabled for its project (Maps, Firebase, Gemini, ...) billed to that project, within the key\'s API and referrer restrictions.',
    rotate: 'In Google Cloud console > APIs & Services > Credentials, create a new key (or "Rotate key"), deploy it, then delete the old one; add API and application restrictions.',
    samples: {
      truePositives: ['const firebaseConfig = { apiKey: "{{AIza[A-Za-z0-9_-]{35}}}", projectId: "shop" };', { text: 'GOOGLE_MAPS_KEY={{AIza[A-Za-z0-9_-]{35}}}\n', path: '.env' }],
      falsePositives: ['apiKey: "AIzaSyXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"', 'const GOOGLE_KEY = "AIza-your-key-here-please-replace-it-now";'],
    },
  },
  {
    id: 'gcp-service-account-key',
    title: 'Google Cloud service account key',
    keywords: ['"private_key"'],
    // The key file's private_key field: a PEM block with its newlines escaped as \n.
    regex: /"private_key"\s{0,3}:\s{0,3}"(-----BEGIN (?:RSA )?PRIVATE KEY-----\\n[A-Za-z0-9+/=\\]{200,8192}-----END (?:RSA )?PRIVATE KEY-----(?:\\n)?)"/g,
    severity: 'critical',
    access: 'Authenticates as the service account to every Google Cloud resource its IAM roles allow, until the key is deleted.',
    rotate: 'In IAM > Service accounts > Keys, add a new key (or better, use workload identity and no key), deploy it, then delete the old key id.',
    samples: {
      truePositives: [
        {
          text: '{\n  "type": "service_account",\n  "project_id": "shop-prod",\n  "private_key_id": "{{[a-f0-9]{40}}}",\n  "private_key": "-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC{{[A-Za-z0-9+/]{32}}}\\n{{[A-Za-z0-9+/]{64}}}\\n{{[A-Za-z0-9+/]{64}}}\\n{{[A-Za-z0-9+/]{64}}}\\n-----END PRIVATE KEY-----\\n",\n  "client_email": "deploy@shop-prod.iam.gserviceaccount.com"\n}\n',
          path: 'keys/service-account.json',
        },
      ],
      falsePositives: ['{ "type": "service_account", "private_key": "-----BEGIN PRIVATE KEY-----\\n...\\n-----END PRIVATE KEY-----\\n" }', '{ "private_key": "${GCP_PRIVATE_KEY}" }'],
    },
  },
  {
    id: 'azure-storage-connection-string',
    title: 'Azure Storage connection string',
    keywords: ['accountkey='],
    regex: /AccountKey=([A-Za-z0-9+/]{86}==)/gi,
    entropy: 4,
    severity: 'critical',
    access: 'Full control of the Azure Storage account: every blob, file share, queue and table in it.',
    rotate: 'In the storage account > Access keys, switch apps to the second key, then "Rotate key" on the leaked one; prefer Microsoft Entra ID (managed identity) over account keys.',
    samples: {
      truePositives: ['AZURE_STORAGE_CONNECTION_STRING="DefaultEndpointsProtocol=https;AccountName=shopfiles;AccountKey={{[A-Za-z0-9+/]{86}}}==;EndpointSuffix=core.windows.net"'],
      falsePositives: [
        '"UseDevelopmentStorage=true" // Azurite; its well-known key is not a secret',
        'DefaultEndpointsProtocol=https;AccountName=shopfiles;AccountKey=<account-key>;EndpointSuffix=core.windows.net',
      ],
    },
  },
  {
    id: 'azure-storage-account-key',
    title: 'Azure Storage account key',
    keywords: ['azure', 'storage'],
    regex: keyed(String.raw`azure[\w.-]{0,30}?key|storage[\w.-]{0,30}?key`, '[A-Za-z0-9+/]{86}=='),
    entropy: 4,
    severity: 'critical',
    access: 'Full control of the Azure Storage account: every blob, file share, queue and table in it.',
    rotate: 'In the storage account > Access keys, move apps to the other key, then rotate the leaked one; prefer managed identities over keys.',
    samples: {
      truePositives: [{ text: 'AZURE_STORAGE_KEY={{[A-Za-z0-9+/]{86}}}==\n', path: '.env.production' }],
      falsePositives: ['AZURE_STORAGE_KEY=${AZURE_STORAGE_KEY}', 'storageKey: config.get("azure.storageKey")'],
    },
  },
  {
    id: 'azure-ad-client-secret',
    title: 'Microsoft Entra ID (Azure AD) client secret',
    keywords: ['q~'],
    regex: /(?<![\w~.-])([a-zA-Z0-9_~.]{3}\dQ~[a-zA-Z0-9_~.-]{31,34})(?![\w~.-])/g,
    entropy: 3,
    severity: 'critical',
    access: 'Signs in as the app registration (service principal) and gets tokens for every API and Azure resource it was granted.',
    rotate: 'In Entra ID > App registrations > Certificates & secrets, add a new client secret, deploy it, then delete the old one; consider certificates or federated credentials instead.',
    samples: {
      truePositives: ['const msal = new ConfidentialClientApplication({ auth: { clientId, clientSecret: "{{[a-zA-Z0-9]{3}}}8Q~{{[a-zA-Z0-9_~.-]{34}}}" } });'],
      falsePositives: ['const clientSecret = process.env.AZURE_CLIENT_SECRET; // looks like abc8Q~...'],
    },
  },
];
