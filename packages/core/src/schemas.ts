import { z } from 'zod';

const text = z.string().trim().min(1, 'must not be empty');

export const bookSchema = z
  .object({
    title: text,
    subtitle: text.optional(),
    language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a BCP 47 tag such as `en`'),
    identifier: z.string().regex(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'must be `urn:uuid:` and a lower-case UUID'),
    description: text,
    subjects: z.array(text).default([]),
    credits: z
      .array(
        z.object({
          name: text,
          role: z.enum(['author', 'source-author', 'editor', 'illustrator']),
          note: text.optional(),
        }),
      )
      .min(1),
    source: z.object({
      title: text,
      author: text,
      publisher: text,
      year: z.number().int(),
      isbn: text.optional(),
    }),
    publisher: text.optional(),
    license: z.object({ content: text, code: text }),
    lint: z.record(z.string(), z.enum(['off', 'warn', 'error'])).default({}),
  })
  .strict();

export type BookYaml = z.infer<typeof bookSchema>;

export const frontMatterSchema = z
  .object({
    title: text,
    summary: text,
    keywords: z.array(text).default([]),
  })
  .strict();

export type FrontMatter = z.infer<typeof frontMatterSchema>;

export const glossarySchema = z.array(
  z
    .object({
      term: text,
      definition: text,
      chapters: z.array(text).default([]),
    })
    .strict(),
);
