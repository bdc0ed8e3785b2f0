import type { CodeableConcept, HumanName, Identifier, Reference } from './schemas.ts';

/** A reference to another resource: by its id (Patient/123, urn:uuid:123) or by a business identifier. */
export type Ref = { by: 'id'; id: string } | { by: 'identifier'; identifier: string };

/**
 * Reads a reference to a resource of `type`: `Type/id`, `urn:uuid:id`, `Type?identifier=system|value`, or an
 * identifier element. Undefined when it points elsewhere or cannot be read.
 */
export function refTo(type: string, ref: Reference | undefined): Ref | undefined {
  if (!ref) return undefined;
  const text = ref.reference;
  if (text !== undefined) {
    const patterns = patternsOf(type);
    const byId = patterns.byId.exec(text);
    if (byId?.[1]) return { by: 'id', id: byId[1] };
    const uuid = /^urn:uuid:([A-Za-z0-9\-.]{1,64})$/.exec(text);
    if (uuid?.[1]) return { by: 'id', id: uuid[1] };
    const search = patterns.search.exec(text);
    if (search?.[1]) return { by: 'identifier', identifier: decodeURIComponent(search[1]) };
    return undefined;
  }
  const key = ref.identifier ? identifierKey(ref.identifier) : undefined;
  return key ? { by: 'identifier', identifier: key } : undefined;
}

const PATTERNS = new Map<string, { byId: RegExp; search: RegExp }>();
function patternsOf(type: string) {
  let p = PATTERNS.get(type);
  if (!p) {
    p = {
      byId: new RegExp(`^(?:.*/)?${type}/([A-Za-z0-9\\-.]{1,64})(?:/_history/.*)?$`),
      search: new RegExp(`^${type}\\?identifier=(.+)$`),
    };
    PATTERNS.set(type, p);
  }
  return p;
}

/** `system|value`, the form of a conditional reference; undefined without a value. */
export function identifierKey(id: Identifier): string | undefined {
  if (!id.value) return undefined;
  return `${id.system ?? ''}|${id.value}`;
}

/** How a reference reads in a message: the reference text, or the identifier. */
export function describeRef(type: string, ref: Ref): string {
  return ref.by === 'id' ? `${type}/${ref.id}` : `${type}?identifier=${ref.identifier}`;
}

/** A concept as people read it: its text, else its first coding's display, else its first code. */
export function conceptText(c: CodeableConcept | undefined): string | undefined {
  if (!c) return undefined;
  const coding = c.coding ?? [];
  return c.text?.trim() || coding.find((x) => x.display)?.display || coding.find((x) => x.code)?.code;
}

/** The first coding's code, optionally from one code system. */
export function conceptCode(c: CodeableConcept | undefined, system?: string): string | undefined {
  return c?.coding?.find((x) => x.code && (system === undefined || x.system === system))?.code;
}

/** The name to file a person under: official, else usual, else the first; given names joined. */
export function personName(
  names: readonly HumanName[] | undefined,
): { first: string; last: string } | undefined {
  const list = names ?? [];
  const name = list.find((n) => n.use === 'official') ?? list.find((n) => n.use === 'usual') ?? list[0];
  if (!name) return undefined;
  const first = (name.given ?? []).join(' ').trim();
  const last = (name.family ?? '').trim();
  if (first || last) return { first, last };
  const words = (name.text ?? '').trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return undefined;
  return { first: words.slice(0, -1).join(' '), last: words.at(-1) ?? '' };
}
