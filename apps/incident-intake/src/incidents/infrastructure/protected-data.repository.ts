import { Inject, Injectable } from '@nestjs/common';
import { ProtectedDataCipher, SealedJsonStore } from '#database';
import type { ProtectedData } from '../domain/protected-data.js';

/** Victims, witnesses and the perpetrator's name of an incident, sealed. */
@Injectable()
export class ProtectedDataRepository extends SealedJsonStore<ProtectedData> {
  constructor(@Inject(ProtectedDataCipher) cipher: ProtectedDataCipher) {
    super(cipher, 'intake.incident_protected_data', 'incident_id');
  }
}
