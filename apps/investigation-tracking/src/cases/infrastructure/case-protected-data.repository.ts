import { Inject, Injectable } from '@nestjs/common';
import { ProtectedDataKeyring, SealedJsonStore } from '#database';
import type { CaseProtectedData } from '../domain/case-protected-data.js';

/** Survivors' and accused persons' identities of a case, sealed. */
@Injectable()
export class CaseProtectedDataRepository extends SealedJsonStore<CaseProtectedData> {
  constructor(@Inject(ProtectedDataKeyring) keyring: ProtectedDataKeyring) {
    super(keyring, 'investigation.case_protected_data', 'case_id');
  }
}
