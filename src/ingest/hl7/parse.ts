import { Rejection } from './rejection.ts';

/**
 * HL7 v2 ER7 text ("pipe and hat") to segments and fields. The delimiters are the message's own (MSH-1 and
 * MSH-2), so a feed with custom ones parses like any other. Values come out unescaped (\F\, \S\, \T\, \R\,
 * \E\, \Xhh\); formatting escapes (\H\, \N\, \.br\) are dropped. Nothing here knows what a field means.
 */

export interface Delimiters {
  field: string;
  component: string;
  repetition: string;
  escape: string;
  subcomponent: string;
}

export interface Segment {
  name: string;
  /** Raw field text by HL7 number: fields[1] is the first field (for MSH, the field separator itself). */
  fields: string[];
}

export interface ParsedMessage {
  delimiters: Delimiters;
  segments: Segment[];
}

const SEGMENT_NAME = /^[A-Z][A-Z0-9]{2}$/;

export function parseMessage(text: string): ParsedMessage {
  if (!text.startsWith('MSH')) throw new Rejection('AR', '100', 'MSH', 'the message does not start with MSH');
  const delimiters = readDelimiters(text);
  const segments: Segment[] = [];
  for (const line of text.split(/\r\n|\r|\n/)) {
    if (line === '') continue;
    const name = line.slice(0, 3);
    if (!SEGMENT_NAME.test(name) || (line.length > 3 && line[3] !== delimiters.field)) {
      throw new Rejection('AR', '100', `segment ${segments.length + 1}`, 'is not an HL7 segment');
    }
    const rest = line.split(delimiters.field);
    // MSH-1 is the separator between "MSH" and MSH-2, so MSH's fields are numbered one further on.
    const fields = name === 'MSH' ? ['MSH', delimiters.field, ...rest.slice(1)] : rest;
    segments.push({ name, fields });
  }
  return { delimiters, segments };
}

function readDelimiters(text: string): Delimiters {
  const field = text[3] ?? '';
  const end = text.indexOf(field, 4);
  const encoding = end < 0 ? '' : text.slice(4, end);
  const chars = [field, ...encoding];
  const bad =
    field === '' ||
    encoding.length < 4 ||
    encoding.length > 5 ||
    chars.some((c) => /[A-Za-z0-9\s]/.test(c)) ||
    new Set(chars).size !== chars.length;
  if (bad) {
    throw new Rejection(
      'AR',
      '102',
      'MSH-2',
      'the encoding characters must be four distinct symbols after the field separator, such as ^~\\&',
    );
  }
  const [component = '^', repetition = '~', escape = '\\', subcomponent = '&'] = encoding;
  return { field, component, repetition, escape, subcomponent };
}

/** The segments of a name, in order. */
export const segmentsNamed = (m: ParsedMessage, name: string): Segment[] =>
  m.segments.filter((s) => s.name === name);

export const firstSegment = (m: ParsedMessage, name: string): Segment | undefined =>
  m.segments.find((s) => s.name === name);

/** The repetitions of a field, each still raw. MSH-2 is never split. */
export function repetitions(m: ParsedMessage, seg: Segment | undefined, n: number): string[] {
  const raw = seg?.fields[n] ?? '';
  if (raw === '' || (seg?.name === 'MSH' && n <= 2)) return raw === '' ? [] : [raw];
  return raw.split(m.delimiters.repetition);
}

/** One component (1-based) of a raw repetition, unescaped, its first subcomponent only. */
export function component(m: ParsedMessage, repetition: string | undefined, c = 1): string {
  const part = (repetition ?? '').split(m.delimiters.component)[c - 1] ?? '';
  return unescape(m.delimiters, part.split(m.delimiters.subcomponent)[0] ?? '');
}

/** Field n, component c of the first repetition, unescaped; '' when absent. */
export function value(m: ParsedMessage, seg: Segment | undefined, n: number, c = 1): string {
  if (seg?.name === 'MSH' && n <= 2) return seg.fields[n] ?? '';
  return component(m, repetitions(m, seg, n)[0], c);
}

/** Turns the escape sequences of HL7 text back into the characters they stand for. */
export function unescape(d: Delimiters, text: string): string {
  if (!text.includes(d.escape)) return text;
  const e = d.escape;
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    const close = ch === e ? text.indexOf(e, i + 1) : -1;
    if (close < 0) {
      out += ch;
      i++;
      continue;
    }
    out += escaped(d, text.slice(i + 1, close));
    i = close + 1;
  }
  return out;
}

function escaped(d: Delimiters, code: string): string {
  switch (code) {
    case 'F':
      return d.field;
    case 'S':
      return d.component;
    case 'T':
      return d.subcomponent;
    case 'R':
      return d.repetition;
    case 'E':
      return d.escape;
    case '.br':
      return '\n';
  }
  if (/^X([0-9A-Fa-f]{2})+$/.test(code)) return Buffer.from(code.slice(1), 'hex').toString('utf8');
  return '';
}
