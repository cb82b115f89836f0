import Mustache from 'mustache';

export function previewFooter(source: string, data: Record<string, unknown>): string {
  return Mustache.render(source, data);
}
