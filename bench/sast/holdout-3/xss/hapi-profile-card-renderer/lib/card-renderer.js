'use strict';

class CardRenderer {
  constructor(theme) {
    this.theme = theme;
  }

  render({ displayName, title }) {
    return `<div class="card card-${this.theme}"><strong>${displayName}</strong><span>${title}</span></div>`;
  }
}

module.exports = { CardRenderer };
