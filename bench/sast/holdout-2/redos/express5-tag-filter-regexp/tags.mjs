export const TAGS = ['javascript', 'typescript', 'node', 'express', 'security', 'performance', 'testing'];
