export const WEBHOOK_HOSTS = ['hooks.slack.com', 'discord.com', 'outlook.office.com'];

export const isTrustedWebhook = (raw) => {
  try {
    const parsed = new URL(raw);
    return parsed.protocol === 'https:' && WEBHOOK_HOSTS.includes(parsed.hostname);
  } catch {
    return false;
  }
};
