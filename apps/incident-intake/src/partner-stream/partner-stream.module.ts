import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { OrganisationTypeDirectory } from './organisation-types.js';
import { PartnerIncidentStream } from './partner-incident-stream.js';

@Module({
  providers: [
    PartnerIncidentStream,
    {
      provide: OrganisationTypeDirectory,
      inject: [ConfigService],
      // Optional: without it every organisation is `other`.
      useFactory: (config: ConfigService) => OrganisationTypeDirectory.parse(config.get<string>('ORGANISATION_TYPES')),
    },
  ],
  exports: [PartnerIncidentStream],
})
export class PartnerStreamModule {}
