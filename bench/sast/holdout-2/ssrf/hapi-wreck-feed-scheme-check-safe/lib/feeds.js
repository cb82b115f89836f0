const FEED_HOSTS = new Set(['feeds.feedburner.com', 'medium.com', 'www.reddit.com']);

function isAllowedFeed(value) {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && FEED_HOSTS.has(url.hostname);
  } catch {
    return false;
  }
}

module.exports = { isAllowedFeed, FEED_HOSTS };
