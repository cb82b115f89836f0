import { marked } from 'marked';

export const render = (src) => marked.parse(src);
