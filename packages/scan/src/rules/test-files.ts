/**
 * Test, fixture and seed files: code that never runs in production. Rules that judge
 * intent (random test data, a test comparing tokens) stay silent or soften there.
 */
const TEST_FILE = /(^|\/)(__tests__|__mocks__|tests?|spec|fixtures?|seeds?)\/|\.(test|spec|stories)\.[cm]?[jt]sx?$/;

export function isTestFile(path: string): boolean {
  return TEST_FILE.test(path.replace(/\\/g, '/'));
}
