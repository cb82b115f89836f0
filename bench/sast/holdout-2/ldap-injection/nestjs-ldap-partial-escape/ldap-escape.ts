// Wildcards would let a caller list the whole directory, so they are escaped.
export function escapeFilterValue(value: string): string {
  return value.replace(/\*/g, '\\2a');
}
