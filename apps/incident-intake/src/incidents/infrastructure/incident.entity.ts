import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { PersonnelHarmCount } from '#contracts';

@Entity({ schema: 'intake', name: 'incident' })
export class IncidentEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 20, unique: true })
  reference!: string;

  @Column({ name: 'country_code', type: 'char', length: 2 })
  countryCode!: string;

  @Column({ name: 'concerned_state_code', type: 'char', length: 2 })
  concernedStateCode!: string;

  /** First day the (possibly partial) date can denote. */
  @Column({ name: 'occurred_on', type: 'date' })
  occurredOn!: string;

  @Column({ name: 'occurred_on_precision', type: 'varchar', length: 5 })
  occurredOnPrecision!: 'day' | 'month' | 'year';

  @Column({ type: 'jsonb' })
  personnel!: PersonnelHarmCount[];

  @Column({ type: 'varchar', length: 16 })
  status!: 'reported';

  @Column({ name: 'reported_at', type: 'timestamptz' })
  reportedAt!: Date;

  @Column({ name: 'reported_by', type: 'varchar', length: 200 })
  reportedBy!: string;

  @Column({ name: 'reporting_organisation', type: 'varchar', length: 200 })
  reportingOrganisation!: string;
}
