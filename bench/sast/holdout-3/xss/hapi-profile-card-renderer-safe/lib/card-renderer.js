'use strict';

const escape = require('lodash/escape');

class CardRenderer {
  constructor(theme) {
    this.theme = theme;
  }

  render({ displayName, title }) {
    return `<div class="card card-${this.theme}"><strong>${escape(displayName)}</strong><span>${escape(title)}</span></div>`;
  }
}

module.exports = { CardRenderer };
