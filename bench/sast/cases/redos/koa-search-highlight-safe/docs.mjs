export const docs = [
  { id: 'getting-started', body: 'Install the CLI, then run init to create a project.' },
  { id: 'deploy', body: 'Deploy with a single command; rollbacks keep the last five releases.' },
];
