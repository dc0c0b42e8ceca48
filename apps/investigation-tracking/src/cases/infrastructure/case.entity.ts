import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ schema: 'investigation', name: 'case' })
export class CaseEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 20, unique: true })
  reference!: string;

  @Column({ name: 'incident_id', type: 'uuid', unique: true })
  incidentId!: string;

  @Column({ name: 'incident_reference', type: 'varchar', length: 20 })
  incidentReference!: string;

  @Column({ name: 'country_code', type: 'char', length: 2 })
  countryCode!: string;

  @Column({ name: 'concerned_state_code', type: 'char', length: 2 })
  concernedStateCode!: string;

  @Column({ type: 'varchar', length: 32 })
  stage!: 'opened';

  @Column({ name: 'opened_at', type: 'timestamptz' })
  openedAt!: Date;
}
