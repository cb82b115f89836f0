const ONE_YEAR = 60 * 60 * 24 * 365;

exports.themeCookie = (theme) => `theme=${theme}; Path=/; Max-Age=${ONE_YEAR}; SameSite=Lax`;
