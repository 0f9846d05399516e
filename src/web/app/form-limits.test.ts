import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { newRegistration, QUESTION_MAX, triageBody } from '../../server/modules/registrations/registrations.schemas';
import { optionalText } from '../../server/lib/text-fields';
import { characterCountText } from './fields';
import { maxLengthOf } from './form-limits';

describe('the limits a form shows', () => {
  it('are the .max() of the schema the server checks, through optional, nullable and default', () => {
    expect(maxLengthOf(newRegistration, 'question')).toBe(QUESTION_MAX);
    expect(maxLengthOf(triageBody, 'advice')).toBe(2000);
    const schema = z.object({ a: z.string().max(10).nullable().optional(), b: z.string().max(20).default(''), c: z.string(), d: z.number(), e: optionalText(300) });
    expect([maxLengthOf(schema, 'a'), maxLengthOf(schema, 'b'), maxLengthOf(schema, 'c'), maxLengthOf(schema, 'd'), maxLengthOf(schema, 'e')]).toEqual([10, 20, undefined, undefined, 300]);
  });

  it('are counted down in words, and past the limit say how much too long', () => {
    expect(characterCountText(0, 2000)).toBe('Nog 2.000 van 2.000 tekens');
    expect(characterCountText(1999, 2000)).toBe('Nog 1 van 2.000 tekens');
    expect(characterCountText(2001, 2000)).toBe('1 teken te veel (maximaal 2.000)');
    expect(characterCountText(2040, 2000)).toBe('40 tekens te veel (maximaal 2.000)');
  });
});
