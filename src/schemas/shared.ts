import { z } from 'astro/zod';

/**
 * Ids and slugs: lower-case words joined by single hyphens. An entry's id is its file name and its
 * permalink, so the same rule applies to every id that a reference may name.
 */
export const slugSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    message: 'must be lower-case letters and digits joined by single hyphens, such as "static-python"',
  });

/**
 * A date known to the year, the month or the day: "2019", "2019-05" or "2019-05-20". Sources often
 * give only a year, and writing a made-up day would overstate what is known.
 */
export const partialDateSchema = z
  .string({ message: 'must be a date written as "YYYY", "YYYY-MM" or "YYYY-MM-DD", in quotes' })
  .regex(/^\d{4}(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/, {
    message: 'must be a date written as "YYYY", "YYYY-MM" or "YYYY-MM-DD", in quotes',
  });

/** One sentence of plain text: no line breaks, and not empty. */
export const sentenceSchema = z
  .string()
  .trim()
  .min(1, { message: 'must not be empty' })
  .refine((text) => !/\n/.test(text), { message: 'must be a single line' });
