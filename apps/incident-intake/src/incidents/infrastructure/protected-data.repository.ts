import { Inject, Injectable } from '@nestjs/common';
import { ProtectedDataKeyring, SealedJsonStore } from '#database';
import type { ProtectedData } from '../domain/protected-data.js';

/** Victims, witnesses and the perpetrator's name of an incident, sealed. */
@Injectable()
export class ProtectedDataRepository extends SealedJsonStore<ProtectedData> {
  constructor(@Inject(ProtectedDataKeyring) keyring: ProtectedDataKeyring) {
    super(keyring, 'intake.incident_protected_data', 'incident_id');
  }
}
