import { describe, expect, it } from 'vitest';
import { nameParts } from '../../src/core/names.ts';

describe('nameParts', () => {
  it.each([
    ['Abigail Chavez', { first: 'Abigail', last: 'Chavez', eitherOrder: true }],
    ['  Abigail   Chavez ', { first: 'Abigail', last: 'Chavez', eitherOrder: true }],
    ['Chavez, Abigail', { first: 'Abigail', last: 'Chavez', eitherOrder: false }],
    ['Chavez,Abigail', { first: 'Abigail', last: 'Chavez', eitherOrder: false }],
  ])('reads %j as a full name', (text, parts) => {
    expect(nameParts(text)).toEqual(parts);
  });

  it.each(['Chavez', 'Mary Ann Lee', 'Lee, ', ', Ann', 'a, b, c'])(
    'does not read %j as a full name',
    (text) => {
      expect(nameParts(text)).toBeUndefined();
    },
  );
});
