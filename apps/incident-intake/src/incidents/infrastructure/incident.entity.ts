import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { IncidentStatus } from '#contracts';
import type { IncidentState, Rejection } from '../domain/incident.js';

@Entity({ schema: 'intake', name: 'incident' })
export class IncidentEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 20 })
  reference!: string;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'varchar', length: 16 })
  status!: IncidentStatus;

  @Column({ name: 'country_code', type: 'char', length: 2 })
  countryCode!: string;

  @Column({ name: 'concerned_state_code', type: 'char', length: 2 })
  concernedStateCode!: string;

  /** First day the (possibly partial) date can denote: sorting and period filters. */
  @Column({ name: 'occurred_on', type: 'date' })
  occurredOn!: string;

  @Column({ name: 'means_of_attack', type: 'varchar', length: 32 })
  meansOfAttack!: string;

  @Column({ name: 'perpetrator_category', type: 'varchar', length: 48 })
  perpetratorCategory!: string;

  @Column({ type: 'jsonb' })
  details!: IncidentState['details'];

  @Column({ name: 'external_source', type: 'varchar', length: 32, nullable: true })
  externalSource!: string | null;

  @Column({ name: 'external_id', type: 'varchar', length: 64, nullable: true })
  externalId!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  rejection!: Rejection | null;

  @Column({ name: 'reported_at', type: 'timestamptz' })
  reportedAt!: Date;

  @Column({ name: 'reported_by', type: 'varchar', length: 200 })
  reportedBy!: string;

  @Column({ name: 'reporting_organisation', type: 'varchar', length: 200 })
  reportingOrganisation!: string;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
