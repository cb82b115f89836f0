export const commands = {
  lint: ['npx', 'eslint', '--max-warnings', '0'],
  format: ['npx', 'prettier', '--check'],
};
