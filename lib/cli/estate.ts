import { Construct } from 'constructs';
import { Estate } from '../model/estate';
import { fixedClock } from '../model/clock';
import { Platform } from '../model/platform';
import * as path from 'path';
import { declareDefaultEstate, DEFAULT_ESTATE_AS_OF } from '../../stacks/default-estate';
import { loadDeclarations } from '../intake';

export interface BuildDefaultEstateOptions {
  /** ISO timestamp the date rules use. @default DEFAULT_ESTATE_AS_OF (the fixture's review date) */
  readonly now?: string;
  /** Scope to place the estate in (e.g. a cdktf App). @default a fresh root construct */
  readonly scope?: Construct;
  /** Platform data. @default the embedded default platform */
  readonly platform?: Platform;
  /** Folder of department YAML declarations (systems/<department>/<system>.yaml). @default `<repo>/systems` */
  readonly systemsDir?: string;
}

/**
 * Builds the embedded default estate with a fixed clock, so every run is reproducible.
 * Shared by the CLI and stacks/main.ts.
 */
export function buildDefaultEstate(options: BuildDefaultEstateOptions = {}): Estate {
  const scope = options.scope ?? new Construct(undefined as unknown as Construct, '');
  const estate = new Estate(scope, 'Estate', { clock: fixedClock(options.now ?? DEFAULT_ESTATE_AS_OF), ...(options.platform ? { platform: options.platform } : {}) });
  declareDefaultEstate(estate);
  // Departments' YAML declarations join the same model and validation (a missing folder declares nothing).
  loadDeclarations(options.systemsDir ?? path.join(__dirname, '..', '..', 'systems'), estate);
  return estate;
}
