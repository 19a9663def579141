import { DeclarationError } from './errors';
import { Platform, PlatformInput, platformSchema } from './platform';
import { zodToIssues } from './zod-issues';
import defaultPlatformData from './data/default-platform.json';

/** Validates a platform description; throws a DeclarationError listing every problem. */
export function parsePlatform(input: unknown, location = 'platform'): Platform {
  const result = platformSchema.safeParse(input);
  if (!result.success) throw new DeclarationError(zodToIssues(result.error, input, location));
  return result.data;
}

/**
 * The prefecture's platform as shipped: ESXi 6.5 and Hyper-V on Windows Server 2016, as the seed
 * documents name them. A fresh copy each call, so callers may change it freely.
 */
export function defaultPlatform(): Platform {
  return parsePlatform(JSON.parse(JSON.stringify(defaultPlatformData)) as PlatformInput, 'lib/model/data/default-platform.json');
}
