import { escape } from 'html-escaper';

export function notFoundPage(slug: string): string {
  return `<html><body><h1>No article called "${escape(slug)}"</h1><a href="/">Home</a></body></html>`;
}
