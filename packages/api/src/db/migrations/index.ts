import { Commissioning1795334261012 } from './1795334261012-Commissioning';
import { CommissionerReadSets1795340000000 } from './1795340000000-CommissionerReadSets';
import { Foundation1795317278985 } from './1795317278985-Foundation';
import { Records1795318374476 } from './1795318374476-Records';
import { RecordsRowLevelSecurity1795318374477 } from './1795318374477-RecordsRowLevelSecurity';
import { RowLevelSecurity1795317278986 } from './1795317278986-RowLevelSecurity';
import { SessionAttendance1795323456311 } from './1795323456311-SessionAttendance';
import { TenantSettingOncePerStatement1795350000000 } from './1795350000000-TenantSettingOncePerStatement';

/** Every migration, in order. New ones come from `pnpm --filter @holdspace/api migration:generate`. */
export const MIGRATIONS: Function[] = [
  Foundation1795317278985,
  RowLevelSecurity1795317278986,
  Records1795318374476,
  RecordsRowLevelSecurity1795318374477,
  SessionAttendance1795323456311,
  Commissioning1795334261012,
  CommissionerReadSets1795340000000,
  TenantSettingOncePerStatement1795350000000,
];
