const databases = new Map<string, object[]>();

export function docs(name: string): object[] {
  return databases.get(name) ?? [];
}
