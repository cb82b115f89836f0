exports.up = (knex) =>
  knex.schema.createTable('customers', (table) => {
    table.increments('id');
    table.string('name').notNullable();
    table.string('email').notNullable();
    table.string('city');
    table.string('ssn');
    table.string('card_token');
  });

exports.down = (knex) => knex.schema.dropTable('customers');
