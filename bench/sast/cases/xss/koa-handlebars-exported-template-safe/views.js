'use strict';

const Handlebars = require('handlebars');

exports.profileCard = Handlebars.compile('<section class="card"><h2>{{name}}</h2><div class="bio">{{bio}}</div></section>');
