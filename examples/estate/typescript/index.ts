import { Estate, IndividualBusinessSystem } from '../../../lib/model';
import { declareKankoWeb } from './kanko-web';
import { declareKohoOld } from './koho-old';
import { declareKokuho } from './kokuho';
import { declarePlatformVlans } from './platform-vlans';
import { declareZeimuDb } from './zeimu-db';

/**
 * The TypeScript twin of examples/estate/systems/: the same constructs in the order the intake creates
 * them (dedicated VLANs, then systems by folder and file name).
 */
export function declareExampleEstate(estate: Estate): IndividualBusinessSystem[] {
  const [kokuhoVlan] = declarePlatformVlans(estate);
  return [declareKankoWeb(estate), declareKohoOld(estate), declareKokuho(estate, kokuhoVlan!), declareZeimuDb(estate)];
}
