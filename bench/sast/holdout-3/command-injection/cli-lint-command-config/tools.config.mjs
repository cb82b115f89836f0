export const commands = {
  lint: (target) => `npx eslint --max-warnings 0 ${target}`,
  format: (target) => `npx prettier --check ${target}`,
};
