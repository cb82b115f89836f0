const FEED_HOSTS = new Set(['feeds.feedburner.com', 'medium.com', 'www.reddit.com']);

function isAllowedFeed(value) {
  return /^https:\/\//.test(value);
}

module.exports = { isAllowedFeed, FEED_HOSTS };
