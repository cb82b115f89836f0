import template from 'lodash/template';

export function renderGreeting(source: string, name: string): string {
  const compiled = template(source); // expect: template-injection
  return compiled({ name });
}
