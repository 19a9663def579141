import { z } from 'zod';

/**
 * Identifier patterns. Identifiers become Terraform resource names, vSphere object names and
 * PowerShell variable suffixes, so they are allow-listed here and never copied from free text.
 */
export const SYSTEM_ID = /^[a-z][a-z0-9-]{1,30}[a-z0-9]$/;
/** Host name (RFC 1123 label, max 15 characters so Windows NetBIOS names fit). */
export const HOST_NAME = /^[a-z][a-z0-9-]{0,13}[a-z0-9]$/;
export const CODE = /^[a-z][a-z0-9-]{0,30}[a-z0-9]$/;
/** Object names chosen by the platform admin (datastores, port groups, switches): printable, no quotes or `$`. */
export const PLATFORM_OBJECT_NAME = /^[A-Za-z0-9][A-Za-z0-9 ._()-]{0,78}[A-Za-z0-9)]$/;

/** Ids the product uses itself (the shared platform stack). */
export const RESERVED_SYSTEM_IDS: readonly string[] = ['platform'];
export const systemIdSchema = z
  .string()
  .regex(SYSTEM_ID, 'must be 3-32 characters: lower-case letters, digits and "-", starting with a letter')
  .refine((s) => !RESERVED_SYSTEM_IDS.includes(s), 'is reserved (the shared platform stack uses it)');
export const hostNameSchema = z
  .string()
  .regex(
    HOST_NAME,
    'must be a host name of 2-15 characters: lower-case letters, digits and "-", starting with a letter',
  );
export const codeSchema = z.string().regex(CODE, 'must be lower-case letters, digits and "-", starting with a letter');
export const platformObjectNameSchema = z
  .string()
  .regex(PLATFORM_OBJECT_NAME, 'must be letters, digits, space, ".", "_", "(", ")" or "-"');

/** Free text for people (Japanese allowed). Control characters are rejected; templates are escaped on output. */
export const freeTextSchema = (max = 200) =>
  z
    .string()
    .min(1)
    .max(max)
    .regex(/^[^\u0000-\u001f\u007f]*$/, 'must be a single line without control characters');

/** A calendar date `YYYY-MM-DD`. */
export const dateSchema = z.iso.date();
/** A timestamp with offset, e.g. `2026-11-20T09:00:00+09:00`. */
export const dateTimeSchema = z.iso.datetime({ offset: true });
