/**
 * A typed full name, as people type them: "Ann Lee" (first and last, or last and first) or "Lee, Ann"
 * (last, then first). One word, or more than two without a comma, is not a full name.
 */
export interface NameParts {
  first: string;
  last: string;
  /** Without a comma the order is not known: "Lee Ann" may be last name first. */
  eitherOrder: boolean;
}

export function nameParts(text: string): NameParts | undefined {
  const t = text.trim();
  const comma = /^([^,]+),\s*([^,]+)$/.exec(t);
  if (comma) {
    const [last, first] = [comma[1]?.trim() ?? '', comma[2]?.trim() ?? ''];
    return last && first ? { first, last, eitherOrder: false } : undefined;
  }
  const words = t.split(/\s+/);
  if (words.length !== 2 || t.includes(',')) return undefined;
  return { first: words[0] ?? '', last: words[1] ?? '', eitherOrder: true };
}
