import template from 'lodash/template';

const CARD = template('<%- greeting %>, <%- name %>!');

export function renderGreeting(greeting: string, name: string): string {
  return CARD({ greeting, name });
}
