export const WEBHOOK_HOSTS = ['hooks.slack.com', 'discord.com', 'outlook.office.com'];

export const isTrustedWebhook = (raw) => {
  try {
    const parsed = new URL(raw);
    return parsed.protocol === 'https:' && parsed.pathname.length > 1;
  } catch {
    return false;
  }
};
